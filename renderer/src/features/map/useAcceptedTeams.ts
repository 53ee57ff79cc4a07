import type * as Y from 'yjs';
import { readTeamPlan, type AcceptedTeam } from '../../../../shared/model/docs/projectTeam';
import type { ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { useProjectReads } from '../../hooks/useProjectReads';
import type { WorkspaceSession } from '../../session/workspaceSession';

export interface ProjectTeam {
  projectId: string;
  name: string;
  team: AcceptedTeam;
  roleLabels: Record<string, string>;
}

function acceptedTeam(doc: Y.Doc, p: ProjectSummary): ProjectTeam | null {
  const plan = readTeamPlan(doc);
  return plan.accepted ? { projectId: p.id, name: p.name, team: plan.accepted, roleLabels: Object.fromEntries(plan.roles.map((r) => [r.id, r.label])) } : null;
}

/** The accepted team of every project in the workspace that has one, kept live as project documents change. */
export function useAcceptedTeams(session: WorkspaceSession | null, projects: readonly ProjectSummary[]): ProjectTeam[] {
  return useProjectReads(session, projects, acceptedTeam);
}
