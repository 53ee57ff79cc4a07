import type { Pin, Role } from '../model/requirements';
import type { AssemblyIndex } from './assemblyIndex';
import { InfeasibleError } from './errors';
import { minCostAssignment } from './minCostAssignment';

export interface AssemblyRequest {
  roles: readonly Role[];
  /** Maximum sum of the members' hourly rates. */
  budget?: number;
  /** People who must be in the team, optionally on a given role. */
  pinned?: readonly Pin[];
  banned?: readonly string[];
  /** Roles locked to a person: the same as pinning that person to that role. */
  locked?: Readonly<Record<string, string>>;
}

/**
 * The problem the search solves. Candidates are dense person indices. People pinned without a role
 * are `required`: each is a candidate for every open role they qualify for, and every team must
 * contain all of them. That is a constraint of the search (the branch and bound prunes any branch
 * that can no longer place them), not an enumeration of their roles, so it stays exact whatever
 * the number of roles and pins.
 */
export interface Problem {
  readonly roles: readonly Role[];
  readonly candidates: readonly Int32Array[];
  /** role index -> person index for roles pinned (with a role) or locked. */
  readonly fixed: ReadonlyMap<number, number>;
  /** Person indices pinned without a role, in request order. */
  readonly required: readonly number[];
  readonly budget: number | undefined;
}

const describeRole = (r: Role) => `role ${r.id} (${r.skill} ≥ ${r.minLevel})`;

/**
 * Turns a request into the problem to search, after checking feasibility. Throws InfeasibleError
 * with a precise reason: the role that no one can fill, the pinned people who fit no open role, the
 * roles that compete for too few people, or by how much the budget is short.
 */
export function prepareProblem(index: AssemblyIndex, request: AssemblyRequest): Problem {
  const { graph } = index;
  const roles = request.roles;
  const roleIndex = new Map(roles.map((r, i) => [r.id, i]));
  const banned = new Set<number>();
  for (const id of request.banned ?? []) {
    const p = graph.indexOf.get(id);
    if (p !== undefined) banned.add(p);
  }
  const personOf = (id: string) => {
    const p = graph.indexOf.get(id);
    if (p === undefined) throw new InfeasibleError(`pinned person ${id} is not in the network`, { kind: 'pin', personId: id });
    if (banned.has(p)) throw new InfeasibleError(`person ${id} is both pinned and banned`, { kind: 'pin', personId: id });
    return p;
  };
  const qualifies = (p: number, r: Role) => index.levelOf(p, r.skill) >= r.minLevel;

  const fixed = new Map<number, number>();
  const required: number[] = [];
  const pins: { personId: string; roleId?: string }[] = [
    ...(request.pinned ?? []).map((p) => (typeof p === 'string' ? { personId: p } : p)),
    ...Object.entries(request.locked ?? {}).map(([roleId, personId]) => ({ personId, roleId })),
  ];
  const seenPins = new Set<number>();
  for (const pin of pins) {
    const p = personOf(pin.personId);
    if (pin.roleId !== undefined) {
      const r = roleIndex.get(pin.roleId);
      if (r === undefined) throw new InfeasibleError(`pinned person ${pin.personId} names unknown role ${pin.roleId}`, { kind: 'pin', personId: pin.personId });
      if (!qualifies(p, roles[r])) {
        throw new InfeasibleError(`pinned person ${pin.personId} does not qualify for ${describeRole(roles[r])}`, { kind: 'pin', personId: pin.personId });
      }
      const other = fixed.get(r);
      if (other !== undefined && other !== p) {
        throw new InfeasibleError(`${describeRole(roles[r])} is pinned to two people`, { kind: 'role', roleId: roles[r].id });
      }
      if (seenPins.has(p) && other !== p) {
        throw new InfeasibleError(`pinned person ${pin.personId} is pinned to two roles`, { kind: 'pin', personId: pin.personId });
      }
      fixed.set(r, p);
      seenPins.add(p);
    }
  }
  for (const pin of pins) {
    const p = personOf(pin.personId);
    if (!seenPins.has(p) && !required.includes(p)) required.push(p);
  }

  const fixedPeople = new Set([...fixed.values(), ...required]);
  const candidates: Int32Array[] = roles.map((role, r) => {
    const f = fixed.get(r);
    if (f !== undefined) return Int32Array.of(f);
    const holders = index.bySkill.get(role.skill);
    const out: number[] = required.filter((p) => qualifies(p, role));
    if (holders) {
      for (let i = 0; i < holders.people.length && holders.levels[i] >= role.minLevel; i++) {
        const p = holders.people[i];
        if (!banned.has(p) && !fixedPeople.has(p)) out.push(p);
      }
    }
    return Int32Array.from(out);
  });
  candidates.forEach((c, r) => {
    if (c.length === 0) {
      const holders = index.bySkill.get(roles[r].skill)?.people.length ?? 0;
      const why = holders === 0 ? `nobody in the network has ${roles[r].skill}` : `none of the ${holders} people with ${roles[r].skill} reaches level ${roles[r].minLevel} and is free to take it`;
      throw new InfeasibleError(`${describeRole(roles[r])} cannot be filled: ${why}`, { kind: 'role', roleId: roles[r].id });
    }
  });
  checkPinsFit(index, roles, fixed, required, qualifies);
  const problem: Problem = { roles, candidates, fixed, required, budget: request.budget };
  checkFeasible(index, problem);
  return problem;
}

/**
 * The role-less pins need distinct open roles they qualify for. By the Mendelsohn–Dulmage theorem,
 * if they can be placed on their own and the roles can be filled on their own, a team does both, so
 * this check and the roles' matching check (checkFeasible) together are exact.
 */
function checkPinsFit(index: AssemblyIndex, roles: readonly Role[], fixed: ReadonlyMap<number, number>, required: readonly number[], qualifies: (p: number, r: Role) => boolean) {
  const lists = required.map((p) => roles.flatMap((role, r) => (!fixed.has(r) && qualifies(p, role) ? [r] : [])));
  const blocked = hallViolator(lists);
  if (blocked.length === 0) return;
  const ids = blocked.map((i) => index.graph.ids[required[i]]);
  const open = [...new Set(blocked.flatMap((i) => lists[i]))].sort((a, b) => a - b).map((r) => roles[r].id);
  if (open.length === 0) {
    throw new InfeasibleError(`pinned person ${ids[0]} qualifies for no open role`, { kind: 'pin', personId: ids[0] });
  }
  throw new InfeasibleError(
    `pinned people ${ids.join(', ')} need ${ids.length} different roles, but only ${open.length} open role${open.length === 1 ? '' : 's'} (${open.join(', ')}) fit them`,
    { kind: 'pins', personIds: ids },
  );
}

/**
 * Matching and budget feasibility, on each role's R cheapest candidates plus the required people
 * (enough for both: an optimal team's other members are among their role's R cheapest).
 */
function checkFeasible(index: AssemblyIndex, problem: Problem) {
  const shortlists = shortlistsOf(index, problem);
  const result = cheapestTeam(index, shortlists, problem.required);
  if (!result) {
    const blocked = hallViolator(shortlists);
    const ids = blocked.map((r) => problem.roles[r].id);
    const people = new Set(blocked.flatMap((r) => shortlists[r])).size;
    throw new InfeasibleError(
      `roles ${ids.join(', ')} need ${ids.length} different people, but only ${people} qualify for any of them`,
      { kind: 'roles', roleIds: ids },
    );
  }
  if (problem.budget !== undefined && result.cost > problem.budget + 1e-9) {
    const short = Math.round((result.cost - problem.budget) * 100) / 100;
    const pinned = problem.required.length ? ' with the pinned people' : '';
    throw new InfeasibleError(
      `budget ${problem.budget} is short by ${short}: the cheapest qualified team${pinned} costs ${Math.round(result.cost * 100) / 100} per hour`,
      { kind: 'budget', shortBy: short },
    );
  }
}

/** Each role's R cheapest candidates that are not required, plus the required ones it can take. */
export function shortlistsOf(index: AssemblyIndex, problem: Problem): number[][] {
  const R = problem.roles.length;
  const required = new Set(problem.required);
  return problem.candidates.map((c) => {
    const own = Array.from(c).filter((p) => required.has(p));
    return [...own, ...cheapest(index, own.length ? c.filter((p) => !required.has(p)) : c, R)];
  });
}

/**
 * The qualified team with the lowest sum of rates, one distinct person per role, that contains every
 * `required` person; null if none. Required people get a bonus larger than any difference in rates,
 * so a minimum-cost assignment places all of them whenever that is possible.
 */
export function cheapestTeam(index: AssemblyIndex, shortlists: readonly (readonly number[])[], required: readonly number[] = []): { columns: number[]; cost: number } | null {
  const must = new Set(required);
  let bonus = 1;
  for (const list of shortlists) {
    let top = 0;
    for (const p of list) top = Math.max(top, index.rate[p]);
    bonus += top;
  }
  const result = minCostAssignment(shortlists.map((list) => list.map((p) => ({ column: p, cost: index.rate[p] - (must.has(p) ? bonus : 0) }))));
  if (!result) return null;
  const placed = result.columns.filter((p) => must.has(p)).length;
  if (placed < must.size) return null;
  return { columns: result.columns, cost: result.columns.reduce((s, p) => s + index.rate[p], 0) };
}

export function cheapest(index: AssemblyIndex, candidates: Int32Array, count: number): number[] {
  if (candidates.length <= count) return Array.from(candidates);
  return Array.from(candidates)
    .sort((a, b) => index.rate[a] - index.rate[b] || a - b)
    .slice(0, count);
}

/** Rows reachable by alternating paths from an unmatched row: a set with fewer columns than rows (Hall). */
function hallViolator(lists: readonly (readonly number[])[]): number[] {
  const matchOf = new Map<number, number>();
  const tryRole = (r: number, seen: Set<number>): boolean => {
    for (const p of lists[r]) {
      if (seen.has(p)) continue;
      seen.add(p);
      const other = matchOf.get(p);
      if (other === undefined || tryRole(other, seen)) {
        matchOf.set(p, r);
        return true;
      }
    }
    return false;
  };
  for (let r = 0; r < lists.length; r++) {
    if (!tryRole(r, new Set())) {
      const roles = new Set([r]);
      const queue = [r];
      while (queue.length) {
        const x = queue.pop()!;
        for (const p of lists[x]) {
          const y = matchOf.get(p);
          if (y !== undefined && !roles.has(y)) {
            roles.add(y);
            queue.push(y);
          }
        }
      }
      return [...roles].sort((a, b) => a - b);
    }
  }
  return [];
}
