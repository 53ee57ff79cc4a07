import type { TrustGraph } from '../graph/trustGraph';

export interface EigenTrustOptions {
  /** Weight of the pre-trusted distribution in each step (Kamvar et al.'s a). Default 0.15. */
  alpha?: number;
  iterations?: number;
  tolerance?: number;
}

/**
 * Global reputation after EigenTrust (Kamvar, Schlosser and Garcia-Molina, 2003): the stationary
 * distribution of normalised local trust, mixed with a pre-trusted set. Shown beside personalised
 * trust for comparison: it is one score for everyone, so a clique of fakes that gains a single tie
 * from a pre-trusted member is ranked the same for every viewer.
 */
export function eigenTrust(graph: TrustGraph, preTrusted: readonly number[], options: EigenTrustOptions = {}): Float64Array {
  const alpha = options.alpha ?? 0.15;
  const iterations = options.iterations ?? 60;
  const tolerance = options.tolerance ?? 1e-9;
  const { n, outStart, outTo, outTrust } = graph;
  const p = new Float64Array(n);
  const seeds = preTrusted.length ? preTrusted : Array.from({ length: n }, (_, i) => i);
  for (const s of seeds) p[s] = 1 / seeds.length;
  const outSum = new Float64Array(n);
  for (let u = 0; u < n; u++) for (let e = outStart[u]; e < outStart[u + 1]; e++) outSum[u] += outTrust[e];
  let t = p.slice();
  let next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    next.fill(0);
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      if (t[u] === 0) continue;
      if (outSum[u] === 0) {
        dangling += t[u];
        continue;
      }
      const share = ((1 - alpha) * t[u]) / outSum[u];
      for (let e = outStart[u]; e < outStart[u + 1]; e++) next[outTo[e]] += share * outTrust[e];
    }
    let delta = 0;
    for (let u = 0; u < n; u++) {
      // Peers who trust nobody defer to the pre-trusted, as in the paper.
      next[u] += alpha * p[u] + (1 - alpha) * dangling * p[u];
      delta += Math.abs(next[u] - t[u]);
    }
    [t, next] = [next, t];
    if (delta < tolerance) break;
  }
  return t;
}
