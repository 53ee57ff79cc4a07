import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import type { NetworkFile } from '../model/network';
import { assemble } from './assemble';
import { buildAssemblyIndex, type AssemblyIndex } from './assemblyIndex';
import { updatePersonInIndex, updateTieTrustInIndex } from './indexUpdates';

const comparable = (index: AssemblyIndex) => ({
  people: index.people,
  rate: Array.from(index.rate),
  availability: Array.from(index.availability),
  utcOffset: Array.from(index.utcOffset),
  referenceRate: index.referenceRate,
  bySkill: [...index.bySkill].sort(([a], [b]) => a.localeCompare(b)).map(([s, h]) => [s, Array.from(h.people), Array.from(h.levels)]),
  outTrust: Array.from(index.graph.outTrust),
  outLen: Array.from(index.graph.outLen),
  inTrust: Array.from(index.graph.inTrust),
  undLen: Array.from(index.graph.undLen),
});

describe('incremental assembly index', () => {
  it('after any edits to people and trust, equals an index built from scratch, and solves the same', () => {
    const base = generateNetwork({ people: 60, seed: 11 });
    const skills = [...new Set(base.people.flatMap((p) => p.skills.map((s) => s.skill)))];
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('rate' as const), who: fc.nat(59), rate: fc.integer({ min: 0, max: 400 }) }),
      fc.record({ kind: fc.constant('skill' as const), who: fc.nat(59), skill: fc.nat(skills.length - 1), level: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }) }),
      fc.record({ kind: fc.constant('tz' as const), who: fc.nat(59), tz: fc.constantFrom('Europe/Lisbon', 'Asia/Tokyo', undefined) }),
      fc.record({ kind: fc.constant('trust' as const), tie: fc.nat(base.ties.length - 1), trust: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const net: NetworkFile = structuredClone(base);
        const index = buildAssemblyIndex(net);
        for (const e of edits) {
          if (e.kind === 'trust') {
            const tie = { ...net.ties[e.tie], trust: e.trust };
            net.ties[e.tie] = tie;
            expect(updateTieTrustInIndex(index, tie)).toBe(true);
            continue;
          }
          const p = { ...net.people[e.who] };
          if (e.kind === 'rate') p.rate = e.rate;
          else if (e.kind === 'tz') p.timezone = e.tz;
          else {
            const skill = skills[e.skill];
            p.skills = p.skills.filter((s) => s.skill !== skill).concat(e.level === null ? [] : [{ skill, level: e.level }]);
          }
          net.people[e.who] = p;
          expect(updatePersonInIndex(index, p)).toBe(true);
        }
        const fresh = buildAssemblyIndex(net);
        expect(comparable(index)).toEqual(comparable(fresh));
        const roles = skills.slice(0, 3).map((skill) => ({ id: skill, skill, minLevel: 0.2 }));
        const solve = (i: AssemblyIndex) => {
          try {
            return assemble(i, { roles }, { k: 2 }).teams.map((t) => [t.members, t.score]);
          } catch (err) {
            return (err as Error).message;
          }
        };
        expect(solve(index)).toEqual(solve(fresh));
      }),
      { numRuns: 40 },
    );
  });

  it('says when it cannot apply a change in place (someone new, a tie that is not there)', () => {
    const net = generateNetwork({ people: 20, seed: 2 });
    const index = buildAssemblyIndex(net);
    expect(updatePersonInIndex(index, { id: 'nobody', name: 'N', skills: [] })).toBe(false);
    const a = net.people[0].id;
    const stranger = net.people.find((p) => p.id !== a && !net.ties.some((t) => t.from === a && t.to === p.id))!.id;
    expect(updateTieTrustInIndex(index, { from: a, to: stranger, trust: 0.5 })).toBe(false);
  });
});
