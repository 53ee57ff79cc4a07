import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readTeamPlan, type AcceptedTeam } from '../../../../shared/model/docs/projectTeam';
import type { ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import type { WorkspaceSession } from '../../session/workspaceSession';

export interface ProjectTeam {
  projectId: string;
  name: string;
  team: AcceptedTeam;
  roleLabels: Record<string, string>;
}

/** The accepted team of every project in the workspace that has one, kept live as project documents change. */
export function useAcceptedTeams(session: WorkspaceSession | null, projects: readonly ProjectSummary[]): ProjectTeam[] {
  const [teams, setTeams] = useState<Record<string, ProjectTeam | null>>({});
  const key = projects.map((p) => `${p.id}\u0000${p.name}`).join('\u0001');
  useEffect(() => {
    if (!session) return;
    let live = true;
    const offs: (() => void)[] = [];
    for (const p of projects) {
      session.openProject(p.id).then(
        (doc: Y.Doc) => {
          if (!live) return;
          const read = () => {
            const plan = readTeamPlan(doc);
            const value = plan.accepted ? { projectId: p.id, name: p.name, team: plan.accepted, roleLabels: Object.fromEntries(plan.roles.map((r) => [r.id, r.label])) } : null;
            setTeams((old) => ({ ...old, [p.id]: value }));
          };
          read();
          doc.on('update', read);
          offs.push(() => doc.off('update', read));
        },
        () => {},
      );
    }
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, key]);
  return projects.flatMap((p) => (teams[p.id] ? [teams[p.id]!] : []));
}
