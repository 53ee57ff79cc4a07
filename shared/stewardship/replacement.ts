import { assemble } from '../assembly/assemble';
import type { AssemblyIndex } from '../assembly/assemblyIndex';
import { InfeasibleError } from '../assembly/errors';
import type { NetworkFile } from '../model/network';

/**
 * Who the assembly engine would put in a leaving member's place: each member's role is their
 * strongest skill (at most the level they have, capped at 0.5 so a role is not defined by one
 * person's peak); everyone else stays pinned to their role, the leaving member is banned, and the
 * engine solves the team again. Its choice for the freed role is the runner-up. When no one else
 * has the leaving member's strongest skill, their next skills are tried in order.
 */
export function runnerUpFor(index: AssemblyIndex, network: Pick<NetworkFile, 'people'>, team: readonly string[], leaving: string): { personId: string; roleId: string } | undefined {
  const people = new Map(network.people.map((p) => [p.id, p]));
  const roles = team.flatMap((id) => {
    const best = [...(people.get(id)?.skills ?? [])].sort((a, b) => b.level - a.level)[0];
    return best ? [{ id: `role-${id}`, skill: best.skill, minLevel: Math.min(best.level, 0.5), label: best.skill }] : [];
  });
  if (!roles.some((r) => r.id === `role-${leaving}`)) return undefined;
  const pinned = team.filter((id) => id !== leaving && roles.some((r) => r.id === `role-${id}`)).map((id) => ({ personId: id, roleId: `role-${id}` }));
  for (const skill of [...(people.get(leaving)?.skills ?? [])].sort((a, b) => b.level - a.level).slice(0, 3)) {
    const freed = { id: `role-${leaving}`, skill: skill.skill, minLevel: Math.min(skill.level, 0.5), label: skill.skill };
    try {
      const { teams } = assemble(index, { roles: roles.map((r) => (r.id === freed.id ? freed : r)), pinned, banned: [leaving] }, { k: 1 });
      const member = teams[0]?.members.find((m) => m.roleId === freed.id);
      if (member) return { personId: member.personId, roleId: freed.skill };
    } catch (e) {
      if (!(e instanceof InfeasibleError)) throw e;
    }
  }
  return undefined;
}
