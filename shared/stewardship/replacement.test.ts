import { describe, expect, it } from 'vitest';
import { buildAssemblyIndex } from '../assembly/assemblyIndex';
import { generateNetwork } from '../demo/generateNetwork';
import { runnerUpFor } from './replacement';

describe('runner-up replacement', () => {
  it('finds someone with the leaving member’s strongest skill, outside the team', () => {
    const net = generateNetwork({ people: 150, seed: 5 });
    const index = buildAssemblyIndex(net);
    const team = net.people.slice(0, 4).map((p) => p.id);
    const r = runnerUpFor(index, net, team, team[2])!;
    expect(r).toBeDefined();
    expect(team).not.toContain(r.personId);
    const leaving = net.people[2];
    const skill = [...leaving.skills].sort((a, b) => b.level - a.level)[0];
    expect(r.roleId).toBe(skill.skill);
    const level = net.people.find((p) => p.id === r.personId)!.skills.find((s) => s.skill === skill.skill)!.level;
    expect(level).toBeGreaterThanOrEqual(Math.min(skill.level, 0.5));
  });
  it('falls back to the leaving member’s next skill when no one else has the strongest', () => {
    const net = { people: [{ id: 'a', name: 'A', skills: [{ skill: 'rare', level: 0.9 }, { skill: 'common', level: 0.6 }] }, { id: 'b', name: 'B', skills: [{ skill: 'x', level: 0.9 }] }, { id: 'c', name: 'C', skills: [{ skill: 'common', level: 0.7 }] }], ties: [] };
    expect(runnerUpFor(buildAssemblyIndex(net), net, ['a', 'b'], 'a')).toEqual({ personId: 'c', roleId: 'common' });
  });
  it('says nothing when no one else has the skill', () => {
    const net = { people: [{ id: 'a', name: 'A', skills: [{ skill: 'rare', level: 0.9 }] }, { id: 'b', name: 'B', skills: [{ skill: 'x', level: 0.9 }] }], ties: [] };
    expect(runnerUpFor(buildAssemblyIndex(net), net, ['a', 'b'], 'a')).toBeUndefined();
  });
});
