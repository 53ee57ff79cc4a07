import { useCallback } from 'react';
import { acceptTeam, readTeamPlan } from '../../../../shared/model/docs/projectTeam';
import { useAct, useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { proposedTeamFor, type VoteTeam } from './proposedTeams';

const sameMembers = (a: readonly { roleId: string; personId: string }[], b: readonly { roleId: string; personId: string }[]) =>
  a.length === b.length && a.every((m, i) => m.roleId === b[i].roleId && m.personId === b[i].personId);

/**
 * Makes the team the room accepted in the live vote its project's accepted team, as the Teams step's
 * "Accept team" does (one undoable step, recorded with its score, terms and weights): the facilitator's
 * app writes it, so it syncs to everyone, is drawn as the team's island, and is in the export. Needs
 * the Teams step's proposals on this page (where "Use the proposed teams" took them from); otherwise
 * says where to accept it.
 */
export function useAcceptInProject() {
  const { session, user } = useApp();
  const act = useAct();
  return useCallback(
    async (team: VoteTeam, label: string) => {
      if (!session) throw new Error('no workspace is open');
      const proposed = proposedTeamFor(team);
      if (!proposed) throw new Error(`“${label}” is accepted in the vote. To make it the project's team, open the project's Teams step and accept it there.`);
      const doc = await session.openProject(team.projectId);
      const plan = readTeamPlan(doc);
      if (plan.accepted && sameMembers(plan.accepted.members, team.members)) return;
      const name = label.split(':')[0];
      act({ label: `Accept ${name} (the workshop's vote)`, place: { view: 'projects', projectId: team.projectId } }, () =>
        acceptTeam(doc, { members: proposed.team.members, score: proposed.team.score, terms: proposed.team.terms, weights: proposed.weights, acceptedBy: user.name }, LOCAL),
      );
    },
    [session, user.name, act],
  );
}
