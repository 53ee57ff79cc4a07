import { describe, expect, it } from 'vitest';
import { buildAssemblyIndex } from '../assembly/assemblyIndex';
import { generateNetwork } from '../demo/generateNetwork';
import { adjacentPossible } from './adjacentPossible';

describe('adjacentPossible', () => {
  const index = buildAssemblyIndex(generateNetwork({ people: 400, seed: 6 }));

  it('suggests staffable 2–3 skill compounds with people and reasons', () => {
    const out = adjacentPossible(index, { limit: 8 });
    expect(out.length).toBe(8);
    for (const c of out) {
      expect(c.skills.length).toBeGreaterThanOrEqual(2);
      expect(c.skills.length).toBeLessThanOrEqual(3);
      for (const s of c.skills) expect(index.bySkill.has(s)).toBe(true);
      expect(c.holders.length + c.teams.length).toBeGreaterThan(0);
      expect(c.why.length).toBeGreaterThanOrEqual(3);
    }
    for (let i = 1; i < out.length; i++) expect(out[i - 1].score).toBeGreaterThanOrEqual(out[i].score);
  });

  it('ranks combinations that past teams already use lower', () => {
    const [top] = adjacentPossible(index, { limit: 1 });
    const pastTeams = Array.from({ length: 5 }, () => top.skills);
    const again = adjacentPossible(index, { limit: 50, pastTeams });
    const same = again.find((c) => c.skills.join() === top.skills.join());
    expect(same === undefined || same.score < top.score).toBe(true);
    expect(again[0].skills.join()).not.toBe(top.skills.join());
  });
});
