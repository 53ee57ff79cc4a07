import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';
import { DistanceOracle } from './poolDistances';
import type { AssemblyRequest } from './problem';
import { prepareProblem } from './problem';

/**
 * RarestFirst (Lappas, Liu and Terzi, KDD 2009), the baseline we compare against, adapted to the
 * sum-of-distances cost as Kargar and An did: every candidate of the rarest role is a seed; each other
 * role takes its nearest qualified, unused person; the seed whose team has the smallest star cost
 * Σ d(seed, member) wins. Returns that team's people in role order and its communication cost.
 * Pins, bans and budget are honoured only as far as candidate filtering goes (no budget search).
 */
export function rarestFirst(index: AssemblyIndex, request: AssemblyRequest, oracle = new DistanceOracle(index)): { people: number[]; communication: number } {
  const problem = prepareProblem(index, { ...request, budget: undefined });
  const R = problem.roles.length;
  let rare = 0;
  for (let r = 1; r < R; r++) if (problem.candidates[r].length < problem.candidates[rare].length) rare = r;
  const sets = problem.candidates.map((c) => new Set(c));
  let best: { people: number[]; star: number } | undefined;
  for (const seed of problem.candidates[rare]) {
    const team = new Array<number>(R).fill(-1);
    team[rare] = seed;
    const used = new Set([seed]);
    let open = R - 1;
    let star = 0;
    index.dijkstra.run(seed, DISTANCE_CAP, (node, dist) => {
      if (used.has(node)) return false;
      for (let r = 0; r < R; r++) {
        if (team[r] === -1 && sets[r].has(node)) {
          team[r] = node;
          used.add(node);
          star += dist;
          open--;
          break;
        }
      }
      return open === 0;
    });
    // Unreached roles take any unused candidate at the cap.
    for (let r = 0; r < R; r++) {
      if (team[r] !== -1) continue;
      const p = Array.from(problem.candidates[r]).find((c) => !used.has(c));
      if (p === undefined) break;
      team[r] = p;
      used.add(p);
      star += DISTANCE_CAP;
    }
    if (team.includes(-1)) continue;
    if (!best || star < best.star) best = { people: team, star };
  }
  if (!best) throw new Error('rarestFirst: no team');
  let communication = 0;
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) communication += Math.min(oracle.get(best.people[i], best.people[j]), DISTANCE_CAP);
  return { people: best.people, communication };
}
