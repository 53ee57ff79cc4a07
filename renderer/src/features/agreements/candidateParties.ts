import type { Member } from '../../../../shared/model/docs/members';
import type { Party } from './types';

export interface TeamMemberRef {
  personId: string;
  name: string;
  timezone?: string;
  role: string;
}

/**
 * The people who can be parties: every workspace member (a name bound to a public key). A member
 * whose name is that of someone in the project's accepted team is suggested (checked), with that
 * person's role as their scope and their time zone. Matching is by name, trimmed and case-blind,
 * until people in the network are linked to members' keys.
 */
export function candidateParties(members: readonly Member[], team: readonly TeamMemberRef[], me: string | null, myTimeZone: string): { party: Party; suggested: boolean; fromTeam?: string }[] {
  const norm = (s: string) => s.trim().toLocaleLowerCase();
  const byName = new Map(team.map((t) => [norm(t.name), t]));
  return members.map((m) => {
    const t = byName.get(norm(m.name));
    const timezone = t?.timezone ?? (m.key === me ? myTimeZone : 'UTC');
    return { party: { key: m.key, name: m.name, timezone, scope: t?.role ?? '' }, suggested: Boolean(t) || m.key === me, fromTeam: t?.role };
  });
}
