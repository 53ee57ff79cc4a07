import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../shared/assembly/assemble';
import { buildAssemblyIndex } from '../../shared/assembly/assemblyIndex';
import { bruteForceComm } from '../../shared/assembly/bruteForce';
import { InfeasibleError } from '../../shared/assembly/errors';
import { randomInstance } from '../../shared/assembly/testInstances';
import { forecast } from '../../shared/forecast/forecast';
import { PHASE_ORDER } from '../../shared/forecast/phases';
import { buildTrustGraph } from '../../shared/graph/trustGraph';
import { personalizedTrust } from '../../shared/trust/personalizedTrust';
import { riskAdvice } from '../../shared/trust/riskAdvice';

describe('engine properties', () => {
  it('every suggested team obeys the assembly rules, or the request is reported infeasible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.constantFrom<'default' | 'comm'>('default', 'comm'), (seed, pin, objective) => {
        const inst = randomInstance(seed, 25, 4);
        const index = buildAssemblyIndex(inst.network);
        const pinned = pin ? [inst.network.people[seed % inst.network.people.length].id] : [];
        const request = { roles: inst.roles, budget: inst.budget, banned: inst.banned, pinned };
        let teams;
        try {
          teams = assemble(index, request, { objective, k: 2 }).teams;
        } catch (e) {
          expect(e).toBeInstanceOf(InfeasibleError);
          expect((e as Error).message.length).toBeGreaterThan(10);
          return;
        }
        expect(teams.length).toBeGreaterThan(0);
        for (const team of teams) {
          const ids = team.members.map((m) => m.personId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(team.members.map((m) => m.roleId)).toEqual(inst.roles.map((r) => r.id));
          team.members.forEach((m, i) => {
            const person = inst.network.people.find((p) => p.id === m.personId)!;
            const level = person.skills.find((s) => s.skill === inst.roles[i].skill)?.level ?? -1;
            expect(level).toBeGreaterThanOrEqual(inst.roles[i].minLevel);
          });
          for (const b of inst.banned) if (!pinned.includes(b)) expect(ids).not.toContain(b);
          for (const p of pinned) expect(ids).toContain(p);
          if (inst.budget !== undefined) expect(team.cost.rate).toBeLessThanOrEqual(inst.budget + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('pins without a role: the solver finds the brute-force optimum, and is infeasible exactly when no team exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.uniqueArray(fc.nat(40), { maxLength: 4 }),
        fc.option(fc.nat(40)),
        fc.integer({ min: 2, max: 7 }),
        (seed, pinPicks, rolePinPick, roleCount) => {
          const inst = randomInstance(seed, 16, roleCount);
          const people = inst.network.people;
          // role-less pins, preferring people who have some skill a role asks for
          const skilled = people.filter((p) => p.skills.some((s) => inst.roles.some((r) => r.skill === s.skill && s.level >= r.minLevel)));
          const pool = skilled.length ? skilled : people;
          const roleLess = [...new Set(pinPicks.map((i) => pool[i % pool.length].id))];
          const pinned: (string | { personId: string; roleId: string })[] = [...roleLess];
          if (rolePinPick !== null) {
            const role = inst.roles[rolePinPick % inst.roles.length];
            const fit = people.find((p, i) => i >= rolePinPick % people.length && !roleLess.includes(p.id) && p.skills.some((s) => s.skill === role.skill && s.level >= role.minLevel));
            if (fit) pinned.push({ personId: fit.id, roleId: role.id });
          }
          const index = buildAssemblyIndex(inst.network);
          const request = { roles: inst.roles, budget: inst.budget, banned: inst.banned, pinned };
          const exact = bruteForceComm(index, request);
          let result;
          try {
            result = assemble(index, request, { objective: 'comm', k: 1 });
          } catch (e) {
            expect(e).toBeInstanceOf(InfeasibleError);
            expect(exact).toBeNull();
            return;
          }
          expect(exact).not.toBeNull();
          expect(result.exact).toBe(true);
          const ids = result.teams[0].members.map((m) => m.personId);
          for (const p of pinned) {
            if (typeof p === 'string') expect(ids).toContain(p);
            else expect(result.teams[0].members.find((m) => m.roleId === p.roleId)!.personId).toBe(p.personId);
          }
          expect(new Set(ids).size).toBe(ids.length);
          expect(result.teams[0].cost.communication).toBeCloseTo(exact!.communication, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forecast: any text gives a phased DAG whose capabilities are the requirements, or a clear error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('', ' launch a product', ' sustainable', ' campaign', ' regulated market'), (noise, phrase) => {
        let f;
        try {
          f = forecast(noise + phrase);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          expect((e as Error).message).toMatch(/^objective: /);
          return;
        }
        const ids = f.pathway.map((p) => p.id);
        for (const p of f.pathway) {
          for (const d of p.dependsOn) {
            expect(PHASE_ORDER.indexOf(d)).toBeLessThan(PHASE_ORDER.indexOf(p.id));
            expect(ids).toContain(d);
          }
        }
        expect(f.pathway.flatMap((p) => p.capabilities).sort()).toEqual(f.requirements.map((r) => r.skill).sort());
        for (const r of f.requirements) {
          expect(r.level).toBeGreaterThanOrEqual(0);
          expect(r.level).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('trust: scores form a distribution, the viewer ranks first, and advice is always one of three', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const inst = randomInstance(seed, 30, 3);
        const graph = buildTrustGraph(inst.network);
        const rank = personalizedTrust(graph, 0);
        expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
        expect(Math.min(...rank)).toBeGreaterThanOrEqual(0);
        expect(rank[0]).toBe(Math.max(...rank));
        const target = seed % graph.n;
        const advice = riskAdvice(graph, 0, target);
        expect(['rely', 'escrow', 'introduce']).toContain(advice.advice);
        expect(advice.reasons.length).toBeGreaterThan(0);
        if (advice.advice === 'introduce') expect(advice.introducer).toBeTruthy();
      }),
      { numRuns: 150 },
    );
  });
});
