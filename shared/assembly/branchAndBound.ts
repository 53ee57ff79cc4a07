/**
 * Top-k search for the assignment of roles to distinct people that minimises
 * Σ unary(role, person) + Σ over member pairs pair(a, b), under a budget on the sum of rates.
 *
 * Exhaustive with pruning, so exact on the pool it is given; a node budget bounds the work on big
 * pools, in which case the best teams found so far are returned (`complete: false`).
 * `required` people (pinned without a role) must all be in every team. The search branches on them
 * first (each over the open roles they may take), and cuts a branch as soon as the open roles can no
 * longer take every required person still out (a small bipartite matching, since pins are few).
 */
export interface PoolProblem {
  /** Candidates per role as positions in the pool. */
  readonly candidates: readonly Int32Array[];
  /** unary[r][i]: cost of candidate i (pool position) on role r; Infinity if not allowed. */
  readonly unary: readonly Float64Array[];
  /** pair[a * size + b], symmetric. */
  readonly pair: Float64Array;
  readonly size: number;
  readonly rate: Float64Array;
  readonly budget: number | undefined;
  readonly minPairCost: number;
  /** Pool positions that every team must contain, on any role they are a candidate for. */
  readonly required?: Int32Array;
}

export interface PoolSolution {
  /** Pool position per role, in the original role order. */
  readonly assignment: Int32Array;
  readonly cost: number;
}

/** How often (in search nodes) a long search reports progress. */
export const PROGRESS_EVERY = 1 << 15;
/** Search nodes per pool before a search stops with the best found (then not proven best). */
export const DEFAULT_NODE_BUDGET = 2_000_000;

export function branchAndBound(
  pp: PoolProblem,
  k: number,
  nodeBudget = DEFAULT_NODE_BUDGET,
  onProgress?: (nodes: number) => void,
): { solutions: PoolSolution[]; complete: boolean; nodes: number } {
  const R = pp.candidates.length;
  // Fill the most constrained roles first.
  const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => pp.candidates[a].length - pp.candidates[b].length);
  const roleMinRate = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    let m = Infinity;
    for (const c of pp.candidates[r]) m = Math.min(m, pp.rate[c]);
    roleMinRate[r] = m;
  }
  const chosen = new Int32Array(R);
  const roleAt = new Int32Array(R);
  const filled = new Uint8Array(R);
  const used = new Uint8Array(pp.size);
  const best: PoolSolution[] = [];
  let worstKept = Infinity;
  let nodes = 0;
  let complete = true;
  const budget = pp.budget ?? Infinity;
  const required = pp.required ?? new Int32Array(0);
  const allowed = (r: number, c: number) => pp.unary[r][c] !== Infinity;
  /** Can the required people not yet chosen each get a distinct open role they may take? */
  const requiredFit = (open: number) => {
    const out: number[] = [];
    for (const p of required) if (!used[p]) out.push(p);
    if (out.length === 0) return true;
    if (out.length > open) return false;
    const holder = new Int32Array(R).fill(-1);
    const tryPlace = (i: number, seen: Uint8Array): boolean => {
      for (let r = 0; r < R; r++) {
        if (filled[r] || seen[r] || !allowed(r, out[i])) continue;
        seen[r] = 1;
        if (holder[r] === -1 || tryPlace(holder[r], seen)) {
          holder[r] = i;
          return true;
        }
      }
      return false;
    };
    for (let i = 0; i < out.length; i++) if (!tryPlace(i, new Uint8Array(R))) return false;
    return true;
  };
  const offer = (cost: number) => {
    const assignment = new Int32Array(R);
    for (let d = 0; d < R; d++) assignment[roleAt[d]] = chosen[d];
    best.push({ assignment, cost });
    best.sort((a, b) => a.cost - b.cost);
    if (best.length > k) best.pop();
    if (best.length === k) worstKept = best[k - 1].cost;
  };
  /** Cost of adding pool member c on role `role` next to the first `d` chosen members. */
  const increment = (role: number, c: number, d: number) => {
    let inc = pp.unary[role][c];
    const row = c * pp.size;
    for (let j = 0; j < d; j++) inc += pp.pair[row + chosen[j]];
    return inc;
  };
  const rec = (d: number, cost: number, rateSum: number) => {
    if (++nodes > nodeBudget) {
      complete = false;
      return;
    }
    if (onProgress && (nodes & (PROGRESS_EVERY - 1)) === 0) onProgress(nodes);
    if (!requiredFit(R - d)) return;
    if (d === R) {
      offer(cost);
      return;
    }
    // Lower bound: each open role's cheapest increment against the members chosen so far, plus the
    // smallest possible pair cost among the open roles.
    let bound = cost;
    let openMinRate = 0;
    for (let r = 0; r < R; r++) {
      if (filled[r]) continue;
      let m = Infinity;
      for (const c of pp.candidates[r]) {
        if (used[c]) continue;
        const inc = increment(r, c, d);
        if (inc < m) m = inc;
      }
      if (m === Infinity) return;
      bound += m;
      openMinRate += roleMinRate[r];
    }
    const open = R - d;
    bound += ((open * (open - 1)) / 2) * pp.minPairCost;
    if (bound >= worstKept - 1e-12) return;
    // Branch on a required person not yet placed (the one with the fewest open roles) over the roles
    // they may take; once all are placed, on the most constrained open role over its candidates.
    let pin = -1;
    let pinRoles = Infinity;
    for (const p of required) {
      if (used[p]) continue;
      let count = 0;
      for (let r = 0; r < R; r++) if (!filled[r] && allowed(r, p)) count++;
      if (count < pinRoles) {
        pinRoles = count;
        pin = p;
      }
    }
    const children: { r: number; c: number; inc: number }[] = [];
    const consider = (r: number, c: number) => {
      if (rateSum + pp.rate[c] + openMinRate - roleMinRate[r] > budget + 1e-9) return;
      const inc = increment(r, c, d);
      if (inc < Infinity) children.push({ r, c, inc });
    };
    if (pin >= 0) {
      for (let r = 0; r < R; r++) if (!filled[r] && allowed(r, pin)) consider(r, pin);
    } else {
      const r = order.find((x) => !filled[x])!;
      for (const c of pp.candidates[r]) if (!used[c]) consider(r, c);
    }
    children.sort((a, b) => a.inc - b.inc);
    for (const { r, c, inc } of children) {
      if (cost + inc >= worstKept - 1e-12 && pp.minPairCost >= 0) break;
      used[c] = 1;
      filled[r] = 1;
      chosen[d] = c;
      roleAt[d] = r;
      rec(d + 1, cost + inc, rateSum + pp.rate[c]);
      used[c] = 0;
      filled[r] = 0;
      if (!complete) return;
    }
  };
  rec(0, 0, 0);
  return { solutions: best, complete, nodes };
}
