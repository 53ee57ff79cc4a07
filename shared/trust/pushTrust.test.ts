import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import { buildTrustGraph } from '../graph/trustGraph';
import { personalizedTrust } from './personalizedTrust';
import { pushTrust } from './pushTrust';

const l1 = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0);

describe('forward-push personalised trust', () => {
  const net = generateNetwork({ people: 3000, seed: 11 });
  const graph = buildTrustGraph(net);

  it.each([1, 17, 2500])('agrees with power iteration within its own error bound (viewer %i)', (s) => {
    const exact = personalizedTrust(graph, s, { iterations: 200, tolerance: 1e-13 });
    const push = pushTrust(graph, s, { epsilon: 1e-8 });
    const err = l1(push.scores(), exact);
    expect(push.errorBound()).toBeLessThan(0.05);
    expect(err).toBeLessThanOrEqual(push.errorBound() + 1e-9);
    const exactTop = Array.from(exact.keys()).filter((i) => i !== s).sort((a, b) => exact[b] - exact[a]).slice(0, 20);
    const overlap = push.top(20).filter((x) => exactTop.includes(x.index)).length;
    expect(overlap).toBeGreaterThanOrEqual(18);
  });

  it('an incremental tie change matches a recomputation on the changed graph', () => {
    const s = 5;
    const push = pushTrust(graph, s, { epsilon: 1e-9 });
    const u = graph.outTo[graph.outStart[s]];
    const target = 2999;
    const to = [...graph.outTo.subarray(graph.outStart[u], graph.outStart[u + 1]), target];
    const trust = [...graph.outTrust.subarray(graph.outStart[u], graph.outStart[u + 1]), 0.95];
    const before = push.scores()[target];
    push.setOutTies(u, to, trust);
    const changed = buildTrustGraph({ people: net.people, ties: [...net.ties, { from: graph.ids[u], to: graph.ids[target], trust: 0.95 }] });
    const exact = personalizedTrust(changed, s, { iterations: 200, tolerance: 1e-13 });
    expect(l1(push.scores(), exact)).toBeLessThanOrEqual(push.errorBound() + 1e-9);
    expect(push.scores()[target]).toBeGreaterThan(before);
    // and lowering it again moves it back down
    push.setOutTies(u, to, [...trust.slice(0, -1), 0.05]);
    expect(push.scores()[target]).toBeLessThan(exact[target]);
  });
});
