import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readTeamPlan } from '../../../../shared/model/docs/projectTeam';
import type { ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import type { WorkspaceSession } from '../../session/workspaceSession';

/** A team to draw as an island: accepted (solid), or proposed (the people pinned so far, dashed). */
export interface TeamIsland {
  projectId: string;
  name: string;
  accepted: boolean;
  personIds: string[];
}

/** Every project's accepted team, or its proposal (pinned people) while none is accepted; live. */
export function useTeamIslands(session: WorkspaceSession | null, projects: readonly ProjectSummary[]): TeamIsland[] {
  const [islands, setIslands] = useState<Record<string, TeamIsland | null>>({});
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
            const ids = plan.accepted ? plan.accepted.members.map((m) => m.personId) : plan.pinned.map((m) => m.personId);
            const value = ids.length ? { projectId: p.id, name: p.name, accepted: !!plan.accepted, personIds: [...new Set(ids)] } : null;
            setIslands((old) => (JSON.stringify(old[p.id] ?? null) === JSON.stringify(value) ? old : { ...old, [p.id]: value }));
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
  return projects.flatMap((p) => (islands[p.id] ? [islands[p.id]!] : []));
}
