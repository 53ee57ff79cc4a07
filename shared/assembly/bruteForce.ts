import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';
import { DistanceOracle } from './poolDistances';
import { prepareProblems, type AssemblyRequest } from './problem';

/**
 * The exact optimum of the comm objective by enumerating every valid team. Exponential: for tests on
 * small instances only.
 */
export function bruteForceComm(index: AssemblyIndex, request: AssemblyRequest): { people: number[]; communication: number } | null {
  const oracle = new DistanceOracle(index);
  let best: { people: number[]; communication: number } | null = null;
  for (const problem of prepareProblems(index, request)) {
    const R = problem.roles.length;
    const team: number[] = [];
    const rec = (r: number, rateSum: number) => {
      if (r === R) {
        let c = 0;
        for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) c += Math.min(oracle.get(team[i], team[j]), DISTANCE_CAP);
        if (!best || c < best.communication - 1e-12) best = { people: team.slice(), communication: c };
        return;
      }
      for (const p of problem.candidates[r]) {
        if (team.includes(p)) continue;
        const rate = rateSum + index.rate[p];
        if (problem.budget !== undefined && rate > problem.budget + 1e-9) continue;
        team.push(p);
        rec(r + 1, rate);
        team.pop();
      }
    };
    rec(0, 0);
  }
  return best;
}
