import type { NetworkFile } from '../model/network';

/** Communication distances are capped here; an unreachable pair counts this much (DESIGN.md §3). */
export const DISTANCE_CAP = 10;

/**
 * The network as compressed sparse rows over dense indices 0..n-1.
 * - `out*`: directed trust ties (for trust propagation).
 * - `und*`: every tie in both directions with length -ln(trust). Parallel arcs are kept: a shortest
 *   path takes the shorter one, which is the larger of the two trusts, as the contract asks.
 */
export interface TrustGraph {
  readonly n: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly outStart: Int32Array;
  readonly outTo: Int32Array;
  readonly outTrust: Float64Array;
  /** −ln(outTrust): lengths for most-trusted-path searches along directed ties. */
  readonly outLen: Float64Array;
  /** Reverse of out*: for each person, who trusts them and how much. */
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inTrust: Float64Array;
  readonly undStart: Int32Array;
  readonly undTo: Int32Array;
  readonly undLen: Float64Array;
  /** For each undirected arc, the index of the tie (in the input order) it comes from. */
  readonly undTie: Int32Array;
  /** For each tie (input order), the person it starts from. */
  readonly tieFrom: Int32Array;
}

export function buildTrustGraph(network: Pick<NetworkFile, 'people' | 'ties'>): TrustGraph {
  const n = network.people.length;
  const ids = network.people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const m = network.ties.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const trust = new Float64Array(m);
  const outDeg = new Int32Array(n + 1);
  const undDeg = new Int32Array(n + 1);
  const inDeg = new Int32Array(n + 1);
  network.ties.forEach((t, i) => {
    const a = indexOf.get(t.from);
    const b = indexOf.get(t.to);
    if (a === undefined || b === undefined) throw new Error(`tie ${i} names an unknown person`);
    from[i] = a;
    to[i] = b;
    trust[i] = t.trust;
    outDeg[a + 1]++;
    inDeg[b + 1]++;
    undDeg[a + 1]++;
    undDeg[b + 1]++;
  });
  for (let i = 0; i < n; i++) {
    outDeg[i + 1] += outDeg[i];
    inDeg[i + 1] += inDeg[i];
    undDeg[i + 1] += undDeg[i];
  }
  const outStart = outDeg.slice();
  const inStart = inDeg.slice();
  const inFrom = new Int32Array(m);
  const inTrust = new Float64Array(m);
  const inFill = inStart.slice(0, n);
  const undStart = undDeg.slice();
  const outTo = new Int32Array(m);
  const outTrust = new Float64Array(m);
  const outLen = new Float64Array(m);
  const undTo = new Int32Array(2 * m);
  const undLen = new Float64Array(2 * m);
  const undTie = new Int32Array(2 * m);
  const outFill = outStart.slice(0, n);
  const undFill = undStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    const a = from[i];
    const b = to[i];
    const len = -Math.log(trust[i]);
    const o = outFill[a]++;
    outTo[o] = b;
    outTrust[o] = trust[i];
    outLen[o] = len;
    const q = inFill[b]++;
    inFrom[q] = a;
    inTrust[q] = trust[i];
    let u = undFill[a]++;
    undTo[u] = b;
    undLen[u] = len;
    undTie[u] = i;
    u = undFill[b]++;
    undTo[u] = a;
    undLen[u] = len;
    undTie[u] = i;
  }
  return { n, ids, indexOf, outStart, outTo, outTrust, outLen, inStart, inFrom, inTrust, undStart, undTo, undLen, undTie, tieFrom: from };
}
