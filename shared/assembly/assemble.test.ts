import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import { DISTANCE_CAP } from '../graph/trustGraph';
import { assemble } from './assemble';
import { PROGRESS_EVERY } from './branchAndBound';
import { buildAssemblyIndex } from './assemblyIndex';
import { AssemblySession } from './assemblySession';
import { bruteForceComm } from './bruteForce';
import { InfeasibleError } from './errors';
import { TERM_NAMES } from './objective';
import { DistanceOracle } from './poolDistances';
import { rarestFirst } from './rarestFirst';
import { randomInstance } from './testInstances';

function checkRules(index: ReturnType<typeof buildAssemblyIndex>, roles: { id: string; skill: string; minLevel: number }[], team: { members: { roleId: string; personId: string }[] }, req: { budget?: number; banned?: string[]; pinned?: string[] }) {
  expect(team.members.map((m) => m.roleId)).toEqual(roles.map((r) => r.id));
  const ids = team.members.map((m) => m.personId);
  expect(new Set(ids).size).toBe(ids.length);
  team.members.forEach((m, i) => {
    const p = index.graph.indexOf.get(m.personId)!;
    expect(index.levelOf(p, roles[i].skill)).toBeGreaterThanOrEqual(roles[i].minLevel);
  });
  for (const b of req.banned ?? []) expect(ids).not.toContain(b);
  for (const p of req.pinned ?? []) expect(ids).toContain(p);
  if (req.budget !== undefined) {
    expect(ids.reduce((s, id) => s + index.rate[index.graph.indexOf.get(id)!], 0)).toBeLessThanOrEqual(req.budget + 1e-9);
  }
}

function communication(index: ReturnType<typeof buildAssemblyIndex>, ids: string[]) {
  const oracle = new DistanceOracle(index);
  const people = ids.map((id) => index.graph.indexOf.get(id)!);
  let c = 0;
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) c += Math.min(oracle.get(people[i], people[j]), DISTANCE_CAP);
  return c;
}

describe('assemble, comm objective, against brute force', () => {
  it.each([
    ['the exhaustive pool (small requests)', {}],
    // the large-network mechanism, forced onto small instances at depth 4 (its default depth, 2,
    // is tuned for large networks: see DEFAULT_POOL_OPTIONS for its figures here)
    ['the seeded pools (the large-network path, forced, depth 4)', { exhaustiveLimit: 0, perRole: 4, seeds: 2 }],
  ])('is within 2%% of the optimum on average and optimal in ≥ 90%% of 100 random instances: %s', (_name, pool) => {
    let solved = 0;
    let optimal = 0;
    let gapSum = 0;
    for (let seed = 1; solved < 100; seed++) {
      const inst = randomInstance(seed);
      const index = buildAssemblyIndex(inst.network);
      const request = { roles: inst.roles, budget: inst.budget, banned: inst.banned };
      let exact: ReturnType<typeof bruteForceComm>;
      try {
        exact = bruteForceComm(index, request);
      } catch (e) {
        expect(e).toBeInstanceOf(InfeasibleError);
        expect(() => assemble(index, request, { objective: 'comm' })).toThrow(InfeasibleError);
        continue;
      }
      if (!exact) {
        expect(() => assemble(index, request, { objective: 'comm' })).toThrow(InfeasibleError);
        continue;
      }
      const { teams } = assemble(index, request, { objective: 'comm', k: 1, pool });
      const team = teams[0];
      checkRules(index, inst.roles, team, request);
      // the reported cost is exactly the sum of capped pair distances of the returned team
      expect(team.cost.communication).toBeCloseTo(communication(index, team.members.map((m) => m.personId)), 9);
      const gap = exact.communication === 0 ? team.cost.communication : (team.cost.communication - exact.communication) / exact.communication;
      expect(gap).toBeGreaterThanOrEqual(-1e-9);
      gapSum += gap;
      if (gap < 1e-9) optimal++;
      solved++;
    }
    expect(gapSum / solved).toBeLessThanOrEqual(0.02);
    expect(optimal).toBeGreaterThanOrEqual(90);
  });
});

describe('assemble against RarestFirst', () => {
  const net = generateNetwork({ people: 1500, seed: 11 });
  const index = buildAssemblyIndex(net);
  const skillsWithPeople = [...index.bySkill.entries()].filter(([, h]) => h.people.length >= 8).map(([s]) => s);

  it.each([
    ['exhaustive pool', {}],
    ['seeded pools (the large-network path)', { exhaustiveLimit: 0 }],
  ])('is never worse than RarestFirst (%s)', (_name, pool) => {
    for (let q = 0; q < 12; q++) {
      const roles = Array.from({ length: 3 + (q % 4) }, (_, i) => ({ id: `r${i}`, skill: skillsWithPeople[(q * 7 + i * 13) % skillsWithPeople.length], minLevel: 0.3 }));
      const rf = rarestFirst(index, { roles });
      const ours = assemble(index, { roles }, { objective: 'comm', k: 1, pool });
      expect(ours.teams[0].cost.communication).toBeLessThanOrEqual(rf.communication + 1e-9);
    }
  });
});

describe('assemble, default objective and explanations', () => {
  const net = generateNetwork({ people: 300, seed: 5 });
  const index = buildAssemblyIndex(net);
  const roles = [
    { id: 'design', skill: 'circular-design', minLevel: 0.3 },
    { id: 'lca', skill: 'lifecycle-assessment', minLevel: 0.3 },
    { id: 'story', skill: 'storytelling', minLevel: 0.3 },
  ];

  it('reports progress per pool and while a long search runs, without changing the result', () => {
    const seen: { pool: number; pools: number; nodes: number }[] = [];
    const plain = assemble(index, { roles, budget: 500 }, { k: 3 });
    const watched = assemble(index, { roles, budget: 500 }, { k: 3, onProgress: (p) => seen.push(p) });
    expect(watched.teams.map((t) => t.score)).toEqual(plain.teams.map((t) => t.score));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ pool: 1, nodes: 0 });
    expect(seen.every((p) => p.pool >= 1 && p.pool <= p.pools)).toBe(true);
    // a search that runs long enough reports its nodes as it goes
    const counts = new Map<string, number>();
    for (const p of net.people) for (const sk of p.skills) counts.set(sk.skill, (counts.get(sk.skill) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([skill]) => skill);
    const big: number[] = [];
    assemble(index, { roles: common.map((skill, i) => ({ id: `r${i}`, skill, minLevel: 0.1 })) }, { k: 3, nodeBudget: 100_000, onProgress: (p) => p.nodes > 0 && big.push(p.nodes) });
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((n) => n % PROGRESS_EVERY === 0)).toBe(true);
  });

  it('returns k distinct teams, best first, whose term contributions add up to the score', () => {
    const { teams } = assemble(index, { roles, budget: 500 }, { k: 3 });
    expect(teams.length).toBe(3);
    expect(new Set(teams.map((t) => t.members.map((m) => m.personId).join())).size).toBe(3);
    for (let i = 1; i < teams.length; i++) expect(teams[i - 1].score).toBeGreaterThanOrEqual(teams[i].score - 1e-12);
    for (const t of teams) {
      checkRules(index, roles, t, { budget: 500 });
      const termSum = TERM_NAMES.reduce((s, n) => s + t.terms[n], 0);
      expect(termSum).toBeCloseTo(t.score, 3);
      const memberSum = t.explanation.reduce((s, m) => s + m.total, 0);
      expect(memberSum).toBeCloseTo(t.score, 3);
      for (const m of t.explanation) {
        expect(m.why).toMatch(/at \d\.\d\d \(needs/);
        expect(Object.keys(m.contributions).sort()).toEqual([...TERM_NAMES].sort());
      }
      // runner-ups: never better than the best team (it is optimal in this pool)
      if (t === teams[0]) for (const r of t.runnerUps) expect(r.scoreChange).toBeLessThanOrEqual(1e-9);
    }
  });

  it('weights change the choice: an all-cost objective picks the cheapest team', () => {
    const cheap = assemble(index, { roles }, { k: 1, weights: { coverage: 0, trust: 0, timezone: 0, availability: 0, cost: 1 } }).teams[0];
    const rates = roles.map((r) => Math.min(...Array.from(index.bySkill.get(r.skill)!.people).filter((p) => index.levelOf(p, r.skill) >= 0.3).map((p) => index.rate[p])));
    expect(cheap.cost.rate).toBeLessThanOrEqual(rates.reduce((a, b) => a + b, 0) + 1e-9);
    expect(() => assemble(index, { roles }, { weights: { trust: -1 } })).toThrow(/weight trust/);
  });

  it('the comm objective reports score = −communication and member shares add up', () => {
    const t = assemble(index, { roles }, { objective: 'comm', k: 1 }).teams[0];
    expect(t.score).toBeCloseTo(-t.cost.communication, 9);
    expect(t.explanation.reduce((s, m) => s + m.communication, 0)).toBeCloseTo(t.cost.communication, 3);
  });
});

describe('infeasible requests say exactly why', () => {
  const net = generateNetwork({ people: 200, seed: 2 });
  const index = buildAssemblyIndex(net);
  const holders = (skill: string) => Array.from(index.bySkill.get(skill)?.people ?? []).map((p) => index.graph.ids[p]);
  const skill = [...index.bySkill.entries()].find(([, h]) => h.people.length >= 3)![0];

  it('names the role nobody can fill', () => {
    expect(() => assemble(index, { roles: [{ id: 'ok', skill, minLevel: 0 }, { id: 'nobody', skill: 'not-a-skill', minLevel: 0.2 }] })).toThrow(/role nobody/);
  });

  it('names the roles that compete for too few people', () => {
    const [only] = holders(skill);
    const roles = [0, 1].map((i) => ({ id: `r${i}`, skill, minLevel: 0 }));
    const banned = holders(skill).filter((id) => id !== only);
    try {
      assemble(index, { roles, banned });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InfeasibleError);
      expect((e as InfeasibleError).message).toMatch(/roles r0, r1 need 2 different people, but only 1/);
    }
  });

  it('says by how much the budget is short', () => {
    const roles = [{ id: 'r0', skill, minLevel: 0 }];
    const min = Math.min(...holders(skill).map((id) => index.rate[index.graph.indexOf.get(id)!]));
    try {
      assemble(index, { roles, budget: min - 5 });
      expect.unreachable();
    } catch (e) {
      expect((e as InfeasibleError).subject).toEqual({ kind: 'budget', shortBy: 5 });
      expect((e as Error).message).toMatch(/short by 5/);
    }
  });

  it('rejects a pinned person who qualifies for no role, or is also banned', () => {
    const outsider = net.people.find((p) => !p.skills.some((s) => s.skill === skill))!.id;
    expect(() => assemble(index, { roles: [{ id: 'r0', skill, minLevel: 0 }], pinned: [outsider] })).toThrow(new RegExp(`pinned person ${outsider} qualifies for no open role`));
    const h = holders(skill)[0];
    expect(() => assemble(index, { roles: [{ id: 'r0', skill, minLevel: 0 }], pinned: [h], banned: [h] })).toThrow(/both pinned and banned/);
  });
});

describe('pins without a role', () => {
  const net = generateNetwork({ people: 1500, seed: 11 });
  const index = buildAssemblyIndex(net);
  const skills = [...index.bySkill.entries()].filter(([, h]) => h.people.length >= 8).map(([s]) => s);
  const roles = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, skill: skills[(i * 5) % skills.length], minLevel: 0.3 }));
  const holder = (r: number, nth: number) => {
    const h = index.bySkill.get(roles[r].skill)!;
    return index.graph.ids[h.people.filter((p, i) => h.levels[i] >= roles[r].minLevel)[nth]];
  };

  it.each([
    ['exhaustive pool', { exhaustiveLimit: 100_000 }],
    ['seeded pools (the large-network path)', { exhaustiveLimit: 0 }],
  ])('every pin is in every team, each on a role they qualify for (%s)', (_name, pool) => {
    const pinned = [holder(6, 0), holder(5, 1), holder(4, 2)];
    const { teams } = assemble(index, { roles, pinned }, { objective: 'comm', k: 3, pool });
    expect(teams.length).toBe(3);
    for (const t of teams) {
      checkRules(index, roles, t, { pinned });
      for (const id of pinned) expect(t.explanation.find((m) => m.personId === id)!.why).toMatch(/pinned by you/);
      // a pin is never offered as a swap-out
      for (const r of t.runnerUps) expect(pinned).not.toContain(t.members.find((m) => m.roleId === r.roleId)!.personId);
    }
  });

  it('names the pins that compete for too few open roles', () => {
    const person = (id: string, skills: string[]) => ({ id, name: id, skills: skills.map((skill) => ({ skill, level: 0.9 })) });
    const small = buildAssemblyIndex({ people: [person('a', ['s']), person('b', ['s']), person('c', ['t']), person('d', ['s', 't'])], ties: [] });
    try {
      assemble(small, { roles: [{ id: 'x', skill: 's', minLevel: 0.3 }, { id: 'y', skill: 't', minLevel: 0.3 }], pinned: ['a', 'b'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InfeasibleError);
      expect((e as InfeasibleError).subject).toEqual({ kind: 'pins', personIds: ['a', 'b'] });
      expect((e as Error).message).toMatch(/pinned people a, b need 2 different roles, but only 1 open role \(x\) fit them/);
    }
    // d fits either role: pinned with a, d takes y
    expect(assemble(small, { roles: [{ id: 'x', skill: 's', minLevel: 0.3 }, { id: 'y', skill: 't', minLevel: 0.3 }], pinned: ['a', 'd'] }).teams[0].members).toEqual([
      { roleId: 'x', personId: 'a' },
      { roleId: 'y', personId: 'd' },
    ]);
  });
});

describe('human override: AssemblySession', () => {
  const net = generateNetwork({ people: 400, seed: 8 });
  const index = buildAssemblyIndex(net);
  const skills = [...index.bySkill.entries()].filter(([, h]) => h.people.length >= 6).map(([s]) => s).slice(0, 4);
  const roles = skills.map((skill, i) => ({ id: `r${i}`, skill, minLevel: 0.2 }));

  it('pins, bans and locks, and each re-solve honours them', () => {
    const session = new AssemblySession(index, roles, { objective: 'comm' });
    const first = session.solve().teams[0];
    const banned = first.members[0].personId;
    const second = session.ban(banned).solve().teams[0];
    expect(second.members.map((m) => m.personId)).not.toContain(banned);

    session.lock('r1');
    const locked = second.members[1].personId;
    const holder = Array.from(index.bySkill.get(roles[2].skill)!.people).map((p) => index.graph.ids[p]).find((id) => !second.members.some((m) => m.personId === id) && id !== banned)!;
    const third = session.pin(holder, 'r2').solve().teams[0];
    expect(third.members[1].personId).toBe(locked);
    expect(third.members[2].personId).toBe(holder);
    expect(third.members.map((m) => m.personId)).not.toContain(banned);
    expect(third.explanation[2].why).toMatch(/pinned by you/);

    // unban and unpin restore the unconstrained optimum
    session.unban(banned).unpin(holder).unlock('r1');
    expect(session.solve().teams[0].cost.communication).toBeCloseTo(first.cost.communication, 9);
  });
});
