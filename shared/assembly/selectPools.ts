import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';
import { cheapest, type Problem } from './problem';
import { minCostAssignment } from './minCostAssignment';

/** A candidate pool: per role, the people the exact search may choose from, and their spread. */
export interface Pool {
  readonly perRole: readonly number[][];
  /** Distances within the pool are expected to be at most 2 × radius. */
  readonly radius: number;
}

export interface PoolOptions {
  /** Use all candidates when their union is at most this large (and the graph is small). */
  exhaustiveLimit: number;
  /** Nearest candidates kept per role around each seed. */
  perRole: number;
  /** Seeds whose neighbourhoods are searched exactly. */
  seeds: number;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = { exhaustiveLimit: 260, perRole: 3, seeds: 4 };

/**
 * Chooses where to search. Small problems: one pool with every candidate (the search is then exact).
 * Large ones: Lappas's RarestFirst idea, made exact and pruned. Every candidate of the rarest role
 * (or the pinned person) is a seed; a ball grows around it until each role has `perRole` candidates.
 * A seed's star cost Σ_r d(seed, nearest candidate of r) bounds its team's cost from above, and the
 * radius reached bounds it from below, so most balls stop early. The best seeds' neighbourhoods
 * become pools.
 */
export function selectPools(index: AssemblyIndex, problem: Problem, opts: PoolOptions): Pool[] {
  const R = problem.roles.length;
  const union = new Set<number>();
  for (const c of problem.candidates) for (const p of c) union.add(p);
  const withBudgetTeam = (perRole: number[][]) => {
    // Keep a budget-feasible team reachable: add the cheapest qualified team's members.
    if (problem.budget === undefined) return perRole;
    const lists = problem.candidates.map((c) => cheapest(index, c, R));
    const cheap = minCostAssignment(lists.map((l) => l.map((p) => ({ column: p, cost: index.rate[p] }))));
    if (!cheap) return perRole;
    return perRole.map((list, r) => (list.includes(cheap.columns[r]) ? list : [...list, cheap.columns[r]]));
  };
  if (union.size <= opts.exhaustiveLimit && index.graph.n <= 20_000) {
    return [{ perRole: problem.candidates.map((c) => Array.from(c)), radius: DISTANCE_CAP / 2 }];
  }

  const fixedPeople = [...problem.fixed.values()];
  let seedRole = 0;
  for (let r = 1; r < R; r++) if (problem.candidates[r].length < problem.candidates[seedRole].length) seedRole = r;
  const seeds = fixedPeople.length ? [fixedPeople[0]] : Array.from(problem.candidates[seedRole]);

  const roleSets = problem.candidates.map((c) => new Set(c));
  const kept: { seed: number; star: number; radius: number; perRole: number[][] }[] = [];
  let cutoff = Infinity;
  const openRoles = (skip: number) => {
    let n = 0;
    for (let r = 0; r < R; r++) if (r !== skip && !problem.fixed.has(r)) n++;
    return n;
  };
  const seedRoleOfSeed = (seed: number) => {
    for (const [r, p] of problem.fixed) if (p === seed) return r;
    return seedRole;
  };
  for (const seed of seeds) {
    const ownRole = seedRoleOfSeed(seed);
    const found: number[][] = problem.candidates.map(() => []);
    found[ownRole] = [seed];
    for (const [r, p] of problem.fixed) found[r] = [p];
    const nearest = new Float64Array(R).fill(-1);
    const needed = openRoles(ownRole);
    let starSum = 0;
    let satisfied = 0;
    let reached = 0;
    const taken = new Set<number>([seed, ...fixedPeople]);
    index.dijkstra.run(seed, DISTANCE_CAP, (node, dist) => {
      reached = dist;
      // lower bound on this seed's star cost: found roles at their distance, open ones at least `dist`
      if (starSum + (needed - countFirsts(nearest, ownRole, problem)) * dist > cutoff) return true;
      if (!taken.has(node)) {
        for (let r = 0; r < R; r++) {
          if (r === ownRole || problem.fixed.has(r) || !roleSets[r].has(node)) continue;
          if (found[r].length < opts.perRole) {
            found[r].push(node);
            if (nearest[r] < 0) {
              nearest[r] = dist;
              starSum += dist;
            }
            if (found[r].length === opts.perRole) satisfied++;
          }
        }
      }
      return satisfied === needed;
    });
    const firsts = countFirsts(nearest, ownRole, problem);
    // Roles not reached within the cap count the cap (as the contract counts unreachable pairs).
    const star = starSum + (needed - firsts) * DISTANCE_CAP;
    if (star > cutoff) continue;
    kept.push({ seed, star, radius: reached, perRole: found });
    kept.sort((a, b) => a.star - b.star);
    if (kept.length > opts.seeds) kept.pop();
    if (kept.length === opts.seeds) cutoff = kept[kept.length - 1].star;
  }
  // Fill roles a seed's ball never reached from the global candidate list, so every pool is complete.
  return kept.map((k) => ({
    perRole: withBudgetTeam(
      k.perRole.map((list, r) => (list.length ? list : cheapest(index, problem.candidates[r], opts.perRole))),
    ),
    radius: Math.max(k.radius, 0.25),
  }));
}

function countFirsts(nearest: Float64Array, ownRole: number, problem: Problem): number {
  let n = 0;
  for (let r = 0; r < nearest.length; r++) if (r !== ownRole && !problem.fixed.has(r) && nearest[r] >= 0) n++;
  return n;
}
