import type * as Y from 'yjs';
import { readTeamPlan } from '../../../../shared/model/docs/projectTeam';
import type { ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { useProjectReads } from '../../hooks/useProjectReads';
import type { WorkspaceSession } from '../../session/workspaceSession';

/** A team to draw as an island: accepted (solid), or proposed (the people pinned so far, dashed). */
export interface TeamIsland {
  projectId: string;
  name: string;
  accepted: boolean;
  personIds: string[];
}

function island(doc: Y.Doc, p: ProjectSummary): TeamIsland | null {
  const plan = readTeamPlan(doc);
  const ids = plan.accepted ? plan.accepted.members.map((m) => m.personId) : plan.pinned.map((m) => m.personId);
  return ids.length ? { projectId: p.id, name: p.name, accepted: !!plan.accepted, personIds: [...new Set(ids)] } : null;
}

/** Every project's accepted team, or its proposal (pinned people) while none is accepted; live. */
export function useTeamIslands(session: WorkspaceSession | null, projects: readonly ProjectSummary[]): TeamIsland[] {
  return useProjectReads(session, projects, island);
}
