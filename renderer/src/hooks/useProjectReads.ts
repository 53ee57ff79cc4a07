import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ProjectSummary } from '../../../shared/model/docs/workspaceDoc';
import type { WorkspaceSession } from '../session/workspaceSession';

/**
 * `read` applied to every project's document of the workspace, kept live as those documents change
 * (each is opened once by the session). Projects for which `read` gives null are left out. `read`
 * should be a stable (module-level) function; a value that reads equal (as JSON) keeps its identity.
 */
export function useProjectReads<T>(session: WorkspaceSession | null, projects: readonly ProjectSummary[], read: (doc: Y.Doc, project: ProjectSummary) => T | null): T[] {
  const [values, setValues] = useState<Record<string, T | null>>({});
  const key = projects.map((p) => `${p.id}\u0000${p.name}`).join('\u0001');
  useEffect(() => {
    if (!session) return;
    let live = true;
    const offs: (() => void)[] = [];
    for (const p of projects) {
      session.openProject(p.id).then(
        (doc: Y.Doc) => {
          if (!live) return;
          const update = () => {
            const value = read(doc, p);
            setValues((old) => (JSON.stringify(old[p.id] ?? null) === JSON.stringify(value) ? old : { ...old, [p.id]: value }));
          };
          update();
          doc.on('update', update);
          offs.push(() => doc.off('update', update));
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
  return projects.flatMap((p) => (values[p.id] ? [values[p.id]!] : []));
}
