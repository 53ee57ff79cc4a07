import type { TrustGraph } from '../graph/trustGraph';

export interface PersonalizedTrustOptions {
  /** Probability of continuing a walk along a trust tie (1 − restart). Default 0.75. */
  damping?: number;
  /** Power-iteration rounds at most. Default 60. */
  iterations?: number;
  /** Stop when the L1 change falls below this. Default 1e-9. */
  tolerance?: number;
}

/**
 * Personalised trust from one person's point of view: PageRank with restart to the source, walking
 * along directed trust ties (Andersen et al.'s personalised PageRank; the Appleseed and Advogato
 * families share its key property).
 *
 * Ties are weights, not just directions: a person passes on at most the sum of their trust values
 * (normalised only when that sum exceeds 1); what they do not pass returns to the viewer. So someone
 * whose only tie is a 0.3 passes 0.3 of their flow, where plain PageRank would pass all of it and
 * let a lukewarm endorsement count like a strong one.
 *
 * Sybil resistance: every walk restarts at the source with probability 1 − damping per step, so the
 * total trust that can flow into a region reached only through a few attack edges is bounded by the
 * trust mass at the attack edges' honest ends times damping, however many fake accounts the region
 * has. Fake accounts that vouch for each other only recirculate what entered.
 *
 * Returns a dense Float64Array of scores summing to 1 (the source included). O(iterations × ties),
 * on typed arrays.
 */
export function personalizedTrust(graph: TrustGraph, source: number, options: PersonalizedTrustOptions = {}): Float64Array {
  const damping = options.damping ?? 0.75;
  const iterations = options.iterations ?? 60;
  const tolerance = options.tolerance ?? 1e-9;
  const { n, outStart, outTo, outTrust } = graph;
  // divisor per person: the sum of their trust, but at least 1 (the remainder leaks back to the viewer)
  const outSum = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let e = outStart[u]; e < outStart[u + 1]; e++) s += outTrust[e];
    outSum[u] = s;
  }
  const divisor = new Float64Array(n);
  for (let u = 0; u < n; u++) divisor[u] = Math.max(1, outSum[u]);
  let rank = new Float64Array(n);
  let next = new Float64Array(n);
  rank[source] = 1;
  for (let it = 0; it < iterations; it++) {
    next.fill(0);
    let passed = 0;
    for (let u = 0; u < n; u++) {
      const r = rank[u];
      if (r === 0 || outSum[u] === 0) continue;
      const share = (damping * r) / divisor[u];
      for (let e = outStart[u], end = outStart[u + 1]; e < end; e++) next[outTo[e]] += share * outTrust[e];
      passed += share * outSum[u];
    }
    // Everything not passed on (restarts, leaks, walks that reach someone who trusts nobody) returns.
    next[source] += 1 - passed;
    let delta = 0;
    for (let u = 0; u < n; u++) delta += Math.abs(next[u] - rank[u]);
    [rank, next] = [next, rank];
    if (delta < tolerance) break;
  }
  return rank;
}
