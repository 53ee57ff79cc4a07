import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';
import { DistanceOracle } from './poolDistances';
import type { AssemblyRequest } from './problem';

/**
 * The exact optimum of the comm objective by enumerating every valid team, straight from the rules
 * of DESIGN.md §3 (it shares no code with the solver's problem preparation): each role one
 * qualified, unbanned person, nobody twice, every pinned person in (on their role when it is
 * named), rates within the budget. Returns null when no team is valid. Exponential: for tests on
 * small instances only.
 */
export function bruteForceComm(index: AssemblyIndex, request: AssemblyRequest): { people: number[]; communication: number } | null {
  const oracle = new DistanceOracle(index);
  const { roles } = request;
  const R = roles.length;
  const idOf = (id: string) => index.graph.indexOf.get(id) ?? -1;
  const banned = new Set((request.banned ?? []).map(idOf));
  const pins = [
    ...(request.pinned ?? []).map((p) => (typeof p === 'string' ? { personId: p, roleId: undefined } : p)),
    ...Object.entries(request.locked ?? {}).map(([roleId, personId]) => ({ personId, roleId })),
  ];
  const mustInclude = new Set(pins.map((p) => idOf(p.personId)));
  if (mustInclude.has(-1)) return null;
  const onRole = roles.map((role) => new Set(pins.filter((p) => p.roleId === role.id).map((p) => idOf(p.personId))));
  const candidates = roles.map((role, r) => {
    const out: number[] = [];
    for (let p = 0; p < index.graph.n; p++) {
      if (banned.has(p) || index.levelOf(p, role.skill) < role.minLevel) continue;
      if (onRole[r].size > 0 && !onRole[r].has(p)) continue;
      out.push(p);
    }
    return out;
  });
  let best: { people: number[]; communication: number } | null = null;
  const team: number[] = [];
  const rec = (r: number, rateSum: number) => {
    if (r === R) {
      for (const p of mustInclude) if (!team.includes(p)) return;
      // a person pinned to a role must hold that role (not another one)
      for (let i = 0; i < R; i++) for (const p of onRole[i]) if (team[i] !== p) return;
      let c = 0;
      for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) c += Math.min(oracle.get(team[i], team[j]), DISTANCE_CAP);
      if (!best || c < best.communication - 1e-12) best = { people: team.slice(), communication: c };
      return;
    }
    for (const p of candidates[r]) {
      if (team.includes(p)) continue;
      const rate = rateSum + index.rate[p];
      if (request.budget !== undefined && rate > request.budget + 1e-9) continue;
      team.push(p);
      rec(r + 1, rate);
      team.pop();
    }
  };
  rec(0, 0);
  return best;
}
