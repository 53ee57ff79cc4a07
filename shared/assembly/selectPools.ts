import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';
import { cheapest, cheapestTeam, shortlistsOf, type Problem } from './problem';
import { SMALL_GRAPH_PEOPLE } from './poolDistances';

/** A candidate pool: per role, the people the exact search may choose from, and their spread. */
export interface Pool {
  readonly perRole: readonly number[][];
  /** Each member's distance from the pool's seed, where known (it bounds pair distances). */
  readonly radii?: ReadonlyMap<number, number>;
}

export interface PoolOptions {
  /** Use all candidates when their union is at most this large (and the graph is small). */
  exhaustiveLimit: number;
  /** Nearest candidates kept per role around each seed. */
  perRole: number;
  /** Seeds whose neighbourhoods are searched exactly. */
  seeds: number;
}

/**
 * Chosen by measurement. The seeded path runs only on large requests, so it is tuned there: on the
 * 100k-person benchmark network, depth 2 with 4 seeds gave the lowest cost of the settings tried
 * (5 queries: 86.2 against 87.0 for depth 3 with 2 seeds, 86.8 for depth 4 with 2) and the
 * fastest re-solve after a pin (10–13 ms against 18 and 29 ms). Forced onto 100 small random
 * instances it is optimal in 87 at depth 2, 95 at depth 3 and 99 at depth 4 (mean gaps 2.75%,
 * 0.96%, 0.06%), whatever the seed count; small requests use the exhaustive pool, which is exact.
 */
export const DEFAULT_POOL_OPTIONS: PoolOptions = { exhaustiveLimit: 260, perRole: 2, seeds: 4 };

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
  if (union.size <= opts.exhaustiveLimit && index.graph.n <= SMALL_GRAPH_PEOPLE) {
    return [{ perRole: problem.candidates.map((c) => Array.from(c)) }];
  }

  const fixedPeople = [...problem.fixed.values()];
  let seedRole = 0;
  for (let r = 1; r < R; r++) if (problem.candidates[r].length < problem.candidates[seedRole].length) seedRole = r;
  // A pinned person anchors the search: their team is around them.
  const seeds = fixedPeople.length ? [fixedPeople[0]] : problem.required.length ? [problem.required[0]] : Array.from(problem.candidates[seedRole]);
  const required = new Set(problem.required);

  // roleMask[p] has bit r set when p is a candidate for open role r (cleared again before returning).
  if (R > 31) throw new RangeError('a team can have at most 31 roles');
  const roleMask = index.roleMask;
  problem.candidates.forEach((c, r) => {
    for (const p of c) roleMask[p] |= 1 << r;
  });
  const openRoles = (skip: number) => {
    let n = 0;
    for (let r = 0; r < R; r++) if (r !== skip && !problem.fixed.has(r)) n++;
    return n;
  };
  /** The role a seed holds in its ball: its pinned role, none for a role-less pin (-1), else the rarest. */
  const seedRoleOfSeed = (seed: number) => {
    for (const [r, p] of problem.fixed) if (p === seed) return r;
    return required.has(seed) ? -1 : seedRole;
  };
  /**
   * Grows a ball around `seed` until each open role has `depth` candidates, or the star cost's lower
   * bound (found roles at their distance, open ones at least the current radius) passes `cutoff`.
   * `distinct`: each person fills only the first open role they qualify for (RarestFirst's rule).
   */
  const growBall = (seed: number, depth: number, cutoff: number, distinct: boolean) => {
    const ownRole = seedRoleOfSeed(seed);
    const perRole: number[][] = problem.candidates.map(() => []);
    if (ownRole >= 0) perRole[ownRole] = [seed];
    for (const [r, p] of problem.fixed) perRole[r] = [p];
    const radii = new Map<number, number>([[seed, 0]]);
    const needed = openRoles(ownRole);
    let starSum = 0;
    let firsts = 0;
    let satisfied = 0;
    const taken = new Set<number>([seed, ...fixedPeople, ...problem.required]);
    index.dijkstra.run(seed, DISTANCE_CAP, (node, dist) => {
      if (starSum + (needed - firsts) * dist > cutoff) return true;
      const mask = roleMask[node];
      // pinned people are in every team: their distance from the seed bounds their pair distances too
      if (taken.has(node)) {
        if (!radii.has(node)) radii.set(node, dist);
        return false;
      }
      if (mask === 0) return false;
      for (let r = 0; r < R; r++) {
        if ((mask & (1 << r)) === 0 || r === ownRole || problem.fixed.has(r) || perRole[r].length >= depth) continue;
        if (perRole[r].length === 0) {
          starSum += dist;
          firsts++;
        }
        perRole[r].push(node);
        radii.set(node, dist);
        if (perRole[r].length === depth) satisfied++;
        if (distinct) break;
      }
      return satisfied === needed;
    });
    // Roles not reached within the cap count the cap (as the contract counts unreachable pairs).
    return { star: starSum + (needed - firsts) * DISTANCE_CAP, perRole, radii };
  };
  // Phase 1: star cost of every seed with RarestFirst-sized balls (the nearest candidate per role),
  // pruned against the best seeds so far. Central seeds first, so the cutoff tightens early.
  const strength = (p: number) => {
    let w = 0;
    for (let e = index.graph.undStart[p]; e < index.graph.undStart[p + 1]; e++) w += Math.exp(-index.graph.undLen[e]);
    return w;
  };
  const ordered = seeds.length > 1 ? seeds.map((p) => ({ p, w: strength(p) })).sort((a, b) => b.w - a.w || a.p - b.p).map((x) => x.p) : seeds;
  const best: { seed: number; star: number; team: ReturnType<typeof growBall> }[] = [];
  let cutoff = Infinity;
  for (const seed of ordered) {
    const team = growBall(seed, 1, cutoff, true);
    if (team.star > cutoff) continue;
    best.push({ seed, star: team.star, team });
    best.sort((a, b) => a.star - b.star || a.seed - b.seed);
    if (best.length > opts.seeds) best.pop();
    if (best.length === opts.seeds) cutoff = best[best.length - 1].star;
  }
  // Phase 2: the kept seeds' neighbourhoods, `perRole` candidates deep, plus the phase-1 team
  // itself, so the exact search can never do worse than RarestFirst's own choice.
  const kept = best.map(({ seed, team }) => {
    const deep = growBall(seed, opts.perRole, Infinity, false);
    team.perRole.forEach((list, r) => {
      for (const p of list) if (!deep.perRole[r].includes(p)) deep.perRole[r].push(p);
    });
    for (const [p, d] of team.radii) if (!deep.radii.has(p)) deep.radii.set(p, d);
    return { seed, ...deep };
  });

  problem.candidates.forEach((c) => {
    for (const p of c) roleMask[p] = 0; // leave the scratch clean for the next solve
  });
  // Keep a valid team reachable in every pool: the cheapest qualified team with every pinned person
  // (it meets the budget), and every role-less pin on each open role they qualify for.
  const cheap = problem.budget === undefined && required.size === 0 ? null : cheapestTeam(index, shortlistsOf(index, problem), problem.required);
  const withBudgetTeam = (perRole: number[][]) => {
    const lists = perRole.map((list, r) => {
      const extra = problem.fixed.has(r) ? [] : Array.from(problem.candidates[r]).filter((p) => required.has(p) && !list.includes(p));
      return [...list, ...extra];
    });
    // Add the cheapest team only when the pool has no valid team of its own: its members may be far
    // from the seed, and their distances are the dear part of a solve.
    const own = cheap ? cheapestTeam(index, lists, problem.required) : null;
    if (!cheap || (own && (problem.budget === undefined || own.cost <= problem.budget + 1e-9))) return lists;
    return lists.map((list, r) => (list.includes(cheap.columns[r]) ? list : [...list, cheap.columns[r]]));
  };
  // Fill roles a seed's ball never reached from the global candidate list, so every pool is complete.
  return kept.map((k) => ({
    perRole: withBudgetTeam(
      k.perRole.map((list, r) => (list.length ? list : cheapest(index, problem.candidates[r], opts.perRole))),
    ),
    radii: k.radii,
  }));
}
