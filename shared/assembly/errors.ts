/** A request that no team can satisfy. `subject` names the role, the budget or the pinned people at fault. */
export class InfeasibleError extends Error {
  constructor(
    message: string,
    readonly subject: { kind: 'role'; roleId: string } | { kind: 'budget'; shortBy: number } | { kind: 'pin'; personId: string } | { kind: 'pins'; personIds: string[] } | { kind: 'roles'; roleIds: string[] },
  ) {
    super(message);
    this.name = 'InfeasibleError';
  }
}
