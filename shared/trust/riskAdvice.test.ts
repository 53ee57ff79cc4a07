import { describe, expect, it } from 'vitest';
import { buildTrustGraph } from '../graph/trustGraph';
import type { NetworkFile } from '../model/network';
import { riskAdvice } from './riskAdvice';
import { trustPaths } from './trustPaths';
import { trustReport } from './trustReport';

const person = (id: string) => ({ id, name: id.toUpperCase(), skills: [] });
const net: NetworkFile = {
  version: 1,
  people: ['me', 'friend', 'mediator', 'stranger', 'far', 'island', 'x'].map(person),
  ties: [
    { from: 'me', to: 'friend', trust: 0.9 },
    { from: 'me', to: 'mediator', trust: 0.8 },
    { from: 'mediator', to: 'stranger', trust: 0.6 },
    { from: 'friend', to: 'stranger', trust: 0.3 },
    { from: 'me', to: 'x', trust: 0.3 },
    { from: 'x', to: 'far', trust: 0.4 },
  ],
};
const g = buildTrustGraph(net);
const at = (id: string) => g.indexOf.get(id)!;

describe('trust paths', () => {
  it('finds the most trusted path and alternatives through distinct introducers', () => {
    const paths = trustPaths(g, at('me'), [at('stranger')]).get(at('stranger'))!;
    expect(paths.map((p) => p.path.map((i) => g.ids[i]))).toEqual([
      ['me', 'mediator', 'stranger'],
      ['me', 'friend', 'stranger'],
    ]);
    expect(paths[0].trust).toBeCloseTo(0.48, 9);
    expect(paths[1].trust).toBeCloseTo(0.27, 9);
  });

  it('the trust report sorts by trust, descending, with paths', () => {
    const r = trustReport(g, 'me', 10);
    expect(r.scores[0].personId).toBe('friend');
    for (let i = 1; i < r.scores.length; i++) expect(r.scores[i - 1].trust).toBeGreaterThanOrEqual(r.scores[i].trust);
    expect(r.scores.find((s) => s.personId === 'island')).toBeUndefined();
    expect(r.scores.find((s) => s.personId === 'stranger')!.paths[0]).toEqual(['me', 'mediator', 'stranger']);
    expect(() => trustReport(g, 'nobody')).toThrow(/unknown person/);
  });
});

describe('risk advice', () => {
  it('relies on a strong direct tie', () => {
    const a = riskAdvice(g, at('me'), at('friend'));
    expect(a.advice).toBe('rely');
    expect(a.reasons.join(' ')).toMatch(/rely threshold of 50%/);
  });

  it('asks the trusted intermediary on the best path for an introduction', () => {
    const a = riskAdvice(g, at('me'), at('stranger'));
    expect(a.advice).toBe('introduce');
    expect(a.introducer).toBe('mediator');
    expect(a.path).toEqual(['me', 'mediator', 'stranger']);
  });

  it('requires escrow with weak or missing paths', () => {
    expect(riskAdvice(g, at('me'), at('far')).advice).toBe('escrow');
    const none = riskAdvice(g, at('me'), at('island'));
    expect(none.advice).toBe('escrow');
    expect(none.pathTrust).toBe(0);
  });

  it('thresholds are adjustable, and high stakes demand more', () => {
    expect(riskAdvice(g, at('me'), at('stranger'), { rely: 0.4 }).advice).toBe('rely');
    expect(riskAdvice(g, at('me'), at('mediator')).advice).toBe('rely');
    expect(riskAdvice(g, at('me'), at('mediator'), { stakes: 1 }).advice).toBe('escrow');
    expect(() => riskAdvice(g, at('me'), at('friend'), { rely: 2 })).toThrow(/between 0 and 1/);
  });
});
