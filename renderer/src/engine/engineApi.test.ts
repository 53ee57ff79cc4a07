import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../shared/demo/generateNetwork';
import { createEngine } from './engineApi';

describe('engine boundary', () => {
  it('plans an objective against the network it holds, and reports unreadable text as an error', async () => {
    const engine = createEngine();
    await engine.setNetwork(1, generateNetwork({ people: 200, seed: 2026 }));
    const plan = await engine.plan('launch a sustainable product');
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.networkVersion).toBe(1);
    expect(plan.coverage.map((c) => c.skill)).toEqual(plan.forecast.requirements.map((r) => r.skill));
    expect(plan.coverage.find((c) => c.skill === 'circular-design')).toBeDefined();
    const bad = await engine.plan('zzz qqq');
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/no capability could be inferred/) });
  });

  it('assembles the top teams from the network it holds, respects pins and bans, and names an impossible role', async () => {
    const engine = createEngine();
    const net = generateNetwork({ people: 200, seed: 2026 });
    await engine.setNetwork(1, net);
    const holders = new Map<string, number>();
    for (const p of net.people) for (const s of p.skills) if (s.level >= 0.5) holders.set(s.skill, (holders.get(s.skill) ?? 0) + 1);
    // three common skills, so that banning one member leaves the request feasible
    const skills = [...holders].filter(([, n]) => n >= 6).slice(0, 3).map(([skill]) => skill);
    const roles = skills.map((skill) => ({ id: skill, skill, minLevel: 0.5 }));
    const first = await engine.assemble({ roles }, { k: 3 });
    if (!first.ok) throw new Error(first.error);
    expect(first.teams.length).toBeGreaterThan(0);
    expect(first.teams[0].members.map((m) => m.roleId)).toEqual(skills);
    // the terms add up to the score
    const t = first.teams[0];
    expect(Object.values(t.terms).reduce((a, b) => a + b, 0)).toBeCloseTo(t.score, 3);
    const out = t.members[0].personId;
    const again = await engine.assemble({ roles, banned: [out] }, { k: 3 });
    if (!again.ok) throw new Error(again.error);
    expect(again.teams.every((team) => team.members.every((m) => m.personId !== out))).toBe(true);
    const impossible = await engine.assemble({ roles: [{ id: 'x', skill: 'no-such-skill', minLevel: 0.5 }] }, {});
    expect(impossible).toMatchObject({ ok: false, error: expect.stringMatching(/x/), subject: { kind: 'role', roleId: 'x' } });
  });
});
