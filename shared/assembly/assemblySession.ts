import type { Role } from '../model/requirements';
import type { AssemblyIndex } from './assemblyIndex';
import { assemble, type AssembleOptions, type AssembleResult } from './assemble';
import { DistanceOracle } from './poolDistances';
import type { AssemblyRequest } from './problem';

/**
 * Human override over one network: pin, ban and lock, then re-solve. The index and the distances
 * already computed are kept between solves, so a re-solve after a pin costs a fraction of the first.
 */
export class AssemblySession {
  private readonly pins = new Map<string, string | undefined>();
  private readonly bans = new Set<string>();
  private readonly locks = new Map<string, string>();
  private readonly distances: DistanceOracle;
  private last: AssembleResult | undefined;

  constructor(
    private readonly index: AssemblyIndex,
    private readonly roles: readonly Role[],
    private readonly options: Omit<AssembleOptions, 'distances'> & { budget?: number } = {},
  ) {
    this.distances = new DistanceOracle(index);
  }

  /** Pin a person into the team, optionally on a role. Unbans them. */
  pin(personId: string, roleId?: string): this {
    this.bans.delete(personId);
    this.pins.set(personId, roleId);
    return this;
  }

  unpin(personId: string): this {
    this.pins.delete(personId);
    return this;
  }

  /** Ban a person from every team. Unpins them and unlocks any role they hold. */
  ban(personId: string): this {
    this.pins.delete(personId);
    for (const [role, person] of this.locks) if (person === personId) this.locks.delete(role);
    this.bans.add(personId);
    return this;
  }

  unban(personId: string): this {
    this.bans.delete(personId);
    return this;
  }

  /** Lock a role to the person holding it in the best team (or to `personId`). */
  lock(roleId: string, personId?: string): this {
    const who = personId ?? this.last?.teams[0]?.members.find((m) => m.roleId === roleId)?.personId;
    if (!who) throw new Error(`lock: role ${roleId} has no person to lock; solve first or name one`);
    this.locks.set(roleId, who);
    return this;
  }

  unlock(roleId: string): this {
    this.locks.delete(roleId);
    return this;
  }

  request(): AssemblyRequest {
    return {
      roles: this.roles,
      budget: this.options.budget,
      pinned: [...this.pins].map(([personId, roleId]) => (roleId ? { personId, roleId } : personId)),
      banned: [...this.bans],
      locked: Object.fromEntries(this.locks),
    };
  }

  solve(): AssembleResult {
    this.last = assemble(this.index, this.request(), { ...this.options, distances: this.distances });
    return this.last;
  }

  get result(): AssembleResult | undefined {
    return this.last;
  }
}
