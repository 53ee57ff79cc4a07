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

/** One concrete problem: every pin has been given a role. Candidates are dense person indices. */
export interface Problem {
  readonly roles: readonly Role[];
  readonly candidates: readonly Int32Array[];
  /** role index -> person index for pinned and locked roles. */
  readonly fixed: ReadonlyMap<number, number>;
  readonly budget: number | undefined;
}

const describeRole = (r: Role) => `role ${r.id} (${r.skill} ≥ ${r.minLevel})`;

/**
 * Turns a request into one or more concrete problems (one per way of giving the role-less pins a
 * role), after checking feasibility. Throws InfeasibleError with a precise reason: the role that no
 * one can fill, the pinned person who fits nowhere, the roles that compete for too few people, or by
 * how much the budget is short.
 */
export function prepareProblems(index: AssemblyIndex, request: AssemblyRequest): Problem[] {
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
  const free: number[] = [];
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
    if (!seenPins.has(p) && !free.includes(p)) free.push(p);
  }

  const fixedPeople = new Set([...fixed.values(), ...free]);
  const base: Int32Array[] = roles.map((role, r) => {
    const f = fixed.get(r);
    if (f !== undefined) return Int32Array.of(f);
    const holders = index.bySkill.get(role.skill);
    const out: number[] = [];
    if (holders) {
      for (let i = 0; i < holders.people.length && holders.levels[i] >= role.minLevel; i++) {
        const p = holders.people[i];
        if (!banned.has(p) && !fixedPeople.has(p)) out.push(p);
      }
    }
    return Int32Array.from(out);
  });
  base.forEach((c, r) => {
    if (c.length === 0 && !free.some((p) => qualifies(p, roles[r]))) {
      const holders = index.bySkill.get(roles[r].skill)?.people.length ?? 0;
      const why = holders === 0 ? `nobody in the network has ${roles[r].skill}` : `none of the ${holders} people with ${roles[r].skill} reaches level ${roles[r].minLevel} and is free to take it`;
      throw new InfeasibleError(`${describeRole(roles[r])} cannot be filled: ${why}`, { kind: 'role', roleId: roles[r].id });
    }
  });

  // Give each role-less pin a role it qualifies for, in every injective way (pins are few).
  const problems: Problem[] = [];
  const assign = (i: number, fx: Map<number, number>) => {
    if (problems.length >= 64) return;
    if (i === free.length) {
      const candidates = base.map((c, r) => (fx.has(r) ? Int32Array.of(fx.get(r)!) : c));
      problems.push({ roles, candidates, fixed: new Map(fx), budget: request.budget });
      return;
    }
    for (let r = 0; r < roles.length; r++) {
      if (fx.has(r) || !qualifies(free[i], roles[r])) continue;
      fx.set(r, free[i]);
      assign(i + 1, fx);
      fx.delete(r);
    }
  };
  assign(0, new Map(fixed));
  if (problems.length === 0) {
    const misfit = free.find((p) => !roles.some((r, ri) => !fixed.has(ri) && qualifies(p, r))) ?? free[0];
    const id = graph.ids[misfit];
    throw new InfeasibleError(`pinned person ${id} qualifies for no open role`, { kind: 'pin', personId: id });
  }

  let firstError: InfeasibleError | undefined;
  const feasible = problems.filter((pr) => {
    try {
      checkFeasible(index, pr);
      return true;
    } catch (e) {
      if (!(e instanceof InfeasibleError)) throw e;
      firstError ??= e;
      return false;
    }
  });
  if (feasible.length === 0) throw firstError!;
  return feasible;
}

/** Matching and budget feasibility of one problem, on each role's R cheapest candidates (enough for both). */
function checkFeasible(index: AssemblyIndex, problem: Problem) {
  const R = problem.roles.length;
  const shortlists = problem.candidates.map((c) => cheapest(index, c, R));
  const result = cheapestTeam(index, shortlists);
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
    throw new InfeasibleError(
      `budget ${problem.budget} is short by ${short}: the cheapest qualified team costs ${Math.round(result.cost * 100) / 100} per hour`,
      { kind: 'budget', shortBy: short },
    );
  }
}

/**
 * The qualified team with the lowest sum of rates, one distinct person per role, or null if none.
 * `shortlists` (each role's R cheapest candidates) are enough: see checkFeasible.
 */
export function cheapestTeam(index: AssemblyIndex, shortlists: readonly (readonly number[])[]): { columns: number[]; cost: number } | null {
  return minCostAssignment(shortlists.map((list) => list.map((p) => ({ column: p, cost: index.rate[p] }))));
}

export function cheapest(index: AssemblyIndex, candidates: Int32Array, count: number): number[] {
  if (candidates.length <= count) return Array.from(candidates);
  return Array.from(candidates)
    .sort((a, b) => index.rate[a] - index.rate[b] || a - b)
    .slice(0, count);
}

/** Roles reachable by alternating paths from an unmatched role: a set with fewer people than roles. */
function hallViolator(lists: number[][]): number[] {
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
