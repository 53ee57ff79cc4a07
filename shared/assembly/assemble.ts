import type { Role } from '../model/requirements';
import type { AssemblyIndex } from './assemblyIndex';
import { branchAndBound, DEFAULT_NODE_BUDGET } from './branchAndBound';
import { explainTeam, type TeamExplanation } from './explain';
import { createObjective, type ObjectiveName, type ObjectiveWeights } from './objective';
import { DistanceOracle } from './poolDistances';
import { prepareProblem, type AssemblyRequest } from './problem';
import { DEFAULT_POOL_OPTIONS, selectPools, type PoolOptions } from './selectPools';

export interface AssembleOptions {
  /** How many team configurations to return, best first. Default 3. */
  k?: number;
  objective?: ObjectiveName;
  weights?: Partial<ObjectiveWeights>;
  pool?: Partial<PoolOptions>;
  /** Bound on search nodes per pool. */
  nodeBudget?: number;
  /** Reuse distances across solves (a session passes its own). */
  distances?: DistanceOracle;
  /** Called as a long search goes (every few tens of thousands of nodes, and once per pool). */
  onProgress?: (progress: AssemblyProgress) => void;
}

/** Where a search is: pool `pool` of `pools`, `nodes` searched in it, out of at most `nodeBudget`. */
export interface AssemblyProgress {
  pool: number;
  pools: number;
  nodes: number;
  nodeBudget: number;
}

export interface TeamMember {
  roleId: string;
  personId: string;
}

export interface Team {
  members: TeamMember[];
  cost: {
    /** Σ over unordered member pairs of the capped trust distance (DESIGN.md §3). */
    communication: number;
    /** Σ of the members' hourly rates. */
    rate: number;
    /** Mean shared working hours per member pair. */
    timezoneOverlap: number;
  };
  /** Higher is better: the weighted default score, or −communication for the comm objective. */
  score: number;
  objective: ObjectiveName;
  /** The weighted default terms; they add up to the score under the default objective. */
  terms: TeamExplanation['terms'];
  /** One entry per member: role, why them, and each term's contribution. */
  explanation: TeamExplanation['members'];
  /** Per open role, the best replacement and what swapping them in would change. */
  runnerUps: TeamExplanation['runnerUps'];
}

export interface AssembleResult {
  teams: Team[];
  /** False when a search hit its node budget (the teams are then the best found, not proven best). */
  exact: boolean;
}

/**
 * Suggests the best `k` teams for a request under the rules of DESIGN.md §3: one person per role,
 * a person in at most one role, qualified at the role's minimum level, all pinned in, no banned
 * person, rates within the budget. Throws InfeasibleError when no team exists.
 */
export function assemble(index: AssemblyIndex, request: AssemblyRequest, options: AssembleOptions = {}): AssembleResult {
  const k = options.k ?? 3;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  const objectiveName = options.objective ?? 'default';
  const problem = prepareProblem(index, request);
  const objective = createObjective(index, request.roles.length, objectiveName, request.budget, options.weights);
  const oracle = options.distances ?? new DistanceOracle(index);
  const poolOptions = { ...DEFAULT_POOL_OPTIONS, ...options.pool };

  const found = new Map<string, { people: number[]; cost: number; pool: readonly (readonly number[])[] }>();
  let exact = true;
  const pools = selectPools(index, problem, poolOptions);
  const nodeBudget = options.nodeBudget ?? DEFAULT_NODE_BUDGET;
  for (const [poolIndex, pool] of pools.entries()) {
    options.onProgress?.({ pool: poolIndex + 1, pools: pools.length, nodes: 0, nodeBudget });
    const members = [...new Set(pool.perRole.flat())];
    oracle.ensurePairs(members, pool.radii);
    const size = members.length;
    const position = new Map(members.map((p, i) => [p, i]));
    const pair = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        const c = objective.pairCost(members[i], members[j], oracle.get(members[i], members[j]));
        pair[i * size + j] = c;
        pair[j * size + i] = c;
      }
    }
    const unary = problem.roles.map((role: Role, r) => {
      const row = new Float64Array(size).fill(Infinity);
      for (const p of pool.perRole[r]) row[position.get(p)!] = objective.unaryCost(role, p);
      return row;
    });
    const rate = Float64Array.from(members, (p) => index.rate[p]);
    const result = branchAndBound(
      {
        candidates: pool.perRole.map((list) => Int32Array.from(list, (p) => position.get(p)!)),
        unary,
        pair,
        size,
        rate,
        budget: problem.budget,
        minPairCost: objective.minPairCost,
        required: Int32Array.from(problem.required, (p) => position.get(p)!),
      },
      k,
      nodeBudget,
      options.onProgress && ((nodes) => options.onProgress!({ pool: poolIndex + 1, pools: pools.length, nodes, nodeBudget })),
    );
    exact &&= result.complete;
    for (const s of result.solutions) {
      const people = Array.from(s.assignment, (i) => members[i]);
      const key = people.join(',');
      if (!found.has(key)) found.set(key, { people, cost: s.cost, pool: pool.perRole });
    }
  }
  const best = [...found.values()].sort((a, b) => a.cost - b.cost || a.people.join(',').localeCompare(b.people.join(','))).slice(0, k);
  const teams = best.map(({ people, pool }): Team => {
    const explained = explainTeam(index, problem, people, objective, oracle, pool);
    return {
      members: people.map((p, r) => ({ roleId: problem.roles[r].id, personId: index.graph.ids[p] })),
      cost: explained.cost,
      score: explained.score,
      objective: objectiveName,
      terms: explained.terms,
      explanation: explained.members,
      runnerUps: explained.runnerUps,
    };
  });
  return { teams, exact };
}
