import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../demo/generateNetwork';
import type { NetworkFile } from '../model/network';
import { buildTrustGraph } from '../graph/trustGraph';
import { eigenTrust } from './eigenTrust';
import { personalizedTrust } from './personalizedTrust';
import { pushTrust } from './pushTrust';

/** An honest network plus a region of `fakes` accounts that trust each other fully, joined by one attack edge. */
function withSybils(honest: NetworkFile, fakes: number, attacker: string): NetworkFile {
  const fakeIds = Array.from({ length: fakes }, (_, i) => `sybil${i}`);
  const ties = [...honest.ties];
  fakeIds.forEach((id, i) => {
    for (let k = 1; k <= 10; k++) ties.push({ from: id, to: fakeIds[(i + k * 37) % fakes], trust: 1 });
    // fakes also claim to trust honest people, which buys them nothing
    ties.push({ from: id, to: honest.people[i % honest.people.length].id, trust: 1 });
  });
  ties.push({ from: attacker, to: fakeIds[0], trust: 0.9 });
  return { version: 1, people: [...honest.people, ...fakeIds.map((id) => ({ id, name: id, skills: [] }))], ties };
}

describe('personalised trust resists fake accounts', () => {
  const honest = generateNetwork({ people: 2000, seed: 21 });
  // The attack edge comes from an ordinary honest member (one who was fooled, or colludes).
  const attacker = 'p1000';

  const measure = (fakes: number, source = 'p1') => {
    const graph = buildTrustGraph(withSybils(honest, fakes, attacker));
    const rank = personalizedTrust(graph, graph.indexOf.get(source)!);
    const isFake = (i: number) => graph.ids[i].startsWith('sybil');
    let fakeShare = 0;
    for (let i = 0; i < graph.n; i++) if (isFake(i)) fakeShare += rank[i];
    const order = Array.from({ length: graph.n }, (_, i) => i).filter((i) => graph.ids[i] !== source).sort((a, b) => rank[b] - rank[a]);
    return { graph, rank, fakeShare, top100: order.slice(0, 100), isFake };
  };

  it.each(['p1', 'p2', 'p500', 'p1500', 'p1999'])('no fake account ranks among the top 100 of a 2,000-person honest network (viewer %s)', (viewer) => {
    const { top100, isFake, fakeShare } = measure(1000, viewer);
    expect(top100.filter(isFake)).toEqual([]);
    expect(fakeShare).toBeLessThan(0.02);
  });

  it('the fakes\' share is bounded by the attack edge, not by how many fakes there are', () => {
    const few = measure(100).fakeShare;
    const many = measure(1000).fakeShare;
    expect(many).toBeLessThan(few * 1.5 + 1e-6);
    expect(many).toBeGreaterThan(0); // the edge exists, so some trust does flow: the test can fail
  });

  it.each(['p1', 'p500', 'p1999'])('the forward-push approximation keeps the same bound (viewer %s)', (viewer) => {
    const graph = buildTrustGraph(withSybils(honest, 1000, attacker));
    const push = pushTrust(graph, graph.indexOf.get(viewer)!);
    const isFake = (i: number) => graph.ids[i].startsWith('sybil');
    expect(push.top(100).filter((x) => isFake(x.index))).toEqual([]);
    const scores = push.scores();
    let fakeShare = 0;
    for (let i = 0; i < graph.n; i++) if (isFake(i)) fakeShare += scores[i];
    expect(fakeShare).toBeLessThan(0.02);
    expect(fakeShare).toBeGreaterThan(0);
  });

  it('scores are a distribution and restart at the viewer', () => {
    const graph = buildTrustGraph(honest);
    const rank = personalizedTrust(graph, 0);
    const total = rank.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(rank[0]).toBe(Math.max(...rank));
  });

  it('global EigenTrust is a distribution that favours the pre-trusted', () => {
    const graph = buildTrustGraph(honest);
    const t = eigenTrust(graph, [0, 1, 2]);
    expect(t.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const mean = 1 / graph.n;
    expect(t[0]).toBeGreaterThan(10 * mean);
  });
});
