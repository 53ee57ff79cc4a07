import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../shared/assembly/assemble';
import { buildAssemblyIndex } from '../../shared/assembly/assemblyIndex';
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
