import type { TrustGraph } from '../graph/trustGraph';

/**
 * Personalised trust by forward local push (Andersen, Chung & Lang 2006), with incremental updates
 * when a tie changes (Zhang, Lofgren & Goel 2016). Same model as `personalizedTrust`: a walk from the
 * viewer follows tie u→v with probability damping × trust(u,v) / max(1, Σ trust out of u), and
 * whatever is not passed on returns to the viewer. Its stationary vector is π = x / Σx with
 *
 *   x = e_s (I − dW)^{-1},   W[u][v] = trust(u,v) / max(1, Σ_v trust(u,v)).
 *
 * Push keeps an estimate p and a residual r with the invariant x = p + r (I − dW)^{-1}: pushing u
 * moves r[u] into p[u] and spreads d·W[u][v]·r[u] to each v. It pushes while some |r[u]| > ε·deg(u).
 *
 * **Error bound.** Rows of dW sum to at most d, so ‖x − p‖₁ ≤ ‖r‖₁ / (1 − d); every entry of the
 * normalised estimate p / Σp is within `errorBound()` = 2‖r‖₁ / ((1 − d) Σp) of the exact π in L1.
 * The bound is computed from the actual residual, not assumed.
 *
 * **Updates.** Changing u's out-ties changes row u of W. Adding d·p[u]·(W′[u][v] − W[u][v]) to r[v]
 * for every v of the old and new rows restores the invariant (residuals may go negative; push handles
 * both signs); then pushing resumes locally. Changed rows live in an overlay over the CSR arrays.
 */
export interface PushTrustOptions {
  damping?: number;
  /** Push threshold: u is pushed while |r[u]| > ε · max(1, out-degree of u). Default 2e-6. */
  epsilon?: number;
}

export interface PushTrust {
  /** Normalised scores (summing to 1 up to the error bound), dense. */
  scores(): Float64Array;
  /** The k most trusted people other than the viewer, best first. */
  top(k: number): { index: number; trust: number }[];
  /** L1 bound on the error of `scores()` against the exact stationary vector. */
  errorBound(): number;
  /** Replace all of u's out-ties (one new feedback changes one tie; pass the whole new row). */
  setOutTies(u: number, to: readonly number[], trust: readonly number[]): void;
  /** Pushes done so far (for benchmarks). */
  readonly pushes: number;
}

interface Row {
  to: ArrayLike<number>;
  w: ArrayLike<number>;
}

export function pushTrust(graph: TrustGraph, source: number, options: PushTrustOptions = {}): PushTrust {
  const d = options.damping ?? 0.75;
  const eps = options.epsilon ?? 2e-6;
  const { n, outStart, outTo, outTrust } = graph;
  const p = new Float64Array(n);
  const r = new Float64Array(n);
  const queued = new Uint8Array(n);
  // per-node threshold ε·max(1, degree): the classic rule that bounds the work by O(1 / (ε (1 − d)))
  const limit = new Float64Array(n);
  for (let u = 0; u < n; u++) limit[u] = eps * Math.max(1, outStart[u + 1] - outStart[u]);
  let queue = new Int32Array(1024);
  let head = 0;
  let tail = 0;
  let pushes = 0;
  let pSum = 0;
  const overlay = new Map<number, Row>();

  const rowOf = (u: number): Row => {
    const o = overlay.get(u);
    if (o) return o;
    const s = outStart[u];
    const e = outStart[u + 1];
    let sum = 0;
    for (let k = s; k < e; k++) sum += outTrust[k];
    const div = Math.max(1, sum);
    const w = new Float64Array(e - s);
    for (let k = s; k < e; k++) w[k - s] = outTrust[k] / div;
    return { to: outTo.subarray(s, e), w };
  };

  const enqueue = (u: number) => {
    if (queued[u]) return;
    queued[u] = 1;
    if (tail - head === queue.length) {
      const bigger = new Int32Array(queue.length * 2);
      for (let i = 0; i < tail - head; i++) bigger[i] = queue[(head + i) % queue.length];
      queue = bigger;
      tail -= head;
      head = 0;
    }
    queue[tail % queue.length] = u;
    tail++;
  };

  const drain = () => {
    while (head < tail) {
      const u = queue[head % queue.length];
      head++;
      queued[u] = 0;
      const ru = r[u];
      if (Math.abs(ru) <= limit[u]) continue;
      pushes++;
      p[u] += ru;
      pSum += ru;
      r[u] = 0;
      if (!overlay.has(u)) {
        // hot path on the CSR arrays
        const s = outStart[u];
        const e = outStart[u + 1];
        let sum = 0;
        for (let k = s; k < e; k++) sum += outTrust[k];
        const share = (d * ru) / Math.max(1, sum);
        for (let k = s; k < e; k++) {
          const v = outTo[k];
          r[v] += share * outTrust[k];
          if (Math.abs(r[v]) > limit[v]) enqueue(v);
        }
      } else {
        const row = overlay.get(u)!;
        for (let k = 0; k < row.to.length; k++) {
          const v = row.to[k];
          r[v] += d * ru * row.w[k];
          if (Math.abs(r[v]) > limit[v]) enqueue(v);
        }
      }
    }
  };

  r[source] = 1;
  enqueue(source);
  drain();

  const residualL1 = () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(r[i]);
    return s;
  };

  return {
    get pushes() {
      return pushes;
    },
    scores() {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = p[i] / pSum;
      return out;
    },
    top(k) {
      // only pushed nodes can have a positive estimate; scan them via p
      const best: { index: number; trust: number }[] = [];
      let floor = 0;
      for (let i = 0; i < n; i++) {
        const v = p[i];
        if (i === source || v <= floor) continue;
        best.push({ index: i, trust: v / pSum });
        if (best.length > 4 * k) {
          best.sort((a, b) => b.trust - a.trust);
          best.length = k;
          floor = best[k - 1].trust * pSum;
        }
      }
      best.sort((a, b) => b.trust - a.trust || a.index - b.index);
      return best.slice(0, k);
    },
    errorBound() {
      return (2 * residualL1()) / ((1 - d) * pSum);
    },
    setOutTies(u, to, trust) {
      if (to.length !== trust.length) throw new RangeError('to and trust must have the same length');
      const old = rowOf(u);
      let sum = 0;
      for (const t of trust) sum += t;
      const div = Math.max(1, sum);
      const next: Row = { to: Int32Array.from(to), w: Float64Array.from(trust, (t) => t / div) };
      overlay.set(u, next);
      limit[u] = eps * Math.max(1, next.to.length);
      const pu = p[u];
      if (pu !== 0) {
        for (let k = 0; k < old.to.length; k++) {
          r[old.to[k]] -= d * pu * old.w[k];
          enqueue(old.to[k]);
        }
        for (let k = 0; k < next.to.length; k++) {
          r[next.to[k]] += d * pu * next.w[k];
          enqueue(next.to[k]);
        }
      }
      drain();
    },
  };
}
