import { describe, expect, it } from 'vitest';
import { buildTrustGraph } from '../graph/trustGraph';
import { teamTrust } from './teamTrust';

const person = (id: string) => ({ id, name: id, skills: [], rate: 10, timezone: 'UTC', availability: 1 });
const tie = (from: string, to: string, trust: number) => ({ from, to, trust, kind: 'worked-with' as const });

describe('trust paths inside a team', () => {
  const graph = buildTrustGraph({
    people: ['a', 'b', 'c', 'x', 'lonely'].map(person) as never,
    ties: [tie('a', 'b', 0.9), tie('b', 'a', 0.5), tie('a', 'x', 0.8), tie('x', 'c', 0.5), tie('c', 'b', 0.2)] as never,
  });

  it('finds each pair’s most trusted path in either direction, weakest pairs first', () => {
    const t = teamTrust(graph, ['a', 'b', 'c', 'lonely']);
    expect(t.pairs).toHaveLength(6);
    const ab = t.pairs.find((p) => p.a === 'a' && p.b === 'b')!;
    expect(ab.trust).toBeCloseTo(0.9);
    expect(ab.path).toEqual(['a', 'b']);
    const ac = t.pairs.find((p) => p.a === 'a' && p.b === 'c')!;
    expect(ac.trust).toBeCloseTo(0.4); // a → x → c
    expect(ac.path).toEqual(['a', 'x', 'c']);
    // b → c: b → a → x → c = 0.5 × 0.8 × 0.5 = 0.2, equal to c → b (0.2)
    expect(t.pairs.find((p) => p.a === 'b' && p.b === 'c')!.trust).toBeCloseTo(0.2);
    // nobody reaches the lonely member: those pairs come first, with no path
    expect(t.pairs.slice(0, 3).every((p) => p.trust === 0 && p.path.length === 0 && (p.a === 'lonely' || p.b === 'lonely'))).toBe(true);
    for (let i = 1; i < t.pairs.length; i++) expect(t.pairs[i].trust).toBeGreaterThanOrEqual(t.pairs[i - 1].trust);
  });

  it('names the outsiders the team’s trust runs through', () => {
    expect(teamTrust(graph, ['a', 'b', 'c']).bridges).toEqual([{ personId: 'x', pairs: 1 }]);
  });

  it('ignores unknown and repeated ids', () => {
    expect(teamTrust(graph, ['a', 'a', 'ghost', 'b']).pairs).toHaveLength(1);
  });
});
