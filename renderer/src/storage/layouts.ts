import { parseLayoutSnapshot, type LayoutSnapshot } from '../features/graph/layoutSnapshot';
import type { ArchipelagoDb } from './db';

/**
 * The graph's last layout per workspace (one row each), read once per workspace and kept in memory
 * for the session: the first frame after a reload and the layout's starting positions come from it.
 */
const loaded = new Map<string, Promise<LayoutSnapshot | null>>();
const known = new Map<string, LayoutSnapshot | null>();

/** Reads the workspace's stored layout (once); a missing or damaged one gives null. */
export function loadLayout(db: ArchipelagoDb, workspaceId: string): Promise<LayoutSnapshot | null> {
  let p = loaded.get(workspaceId);
  if (!p) {
    p = db.layouts
      .get(workspaceId)
      .then((row) => parseLayoutSnapshot(row))
      .catch(() => null)
      .then((snapshot) => {
        if (!known.has(workspaceId)) known.set(workspaceId, snapshot);
        return known.get(workspaceId) ?? null;
      });
    loaded.set(workspaceId, p);
  }
  return p;
}

/** The layout read (or saved) so far in this session, without waiting; undefined when not yet read. */
export const knownLayout = (workspaceId: string): LayoutSnapshot | null | undefined => known.get(workspaceId);

/** Keeps the layout for the next start (a cache: a failed write loses nothing that matters). */
export async function saveLayout(db: ArchipelagoDb, snapshot: LayoutSnapshot): Promise<void> {
  known.set(snapshot.workspaceId, snapshot);
  await db.layouts.put(snapshot).catch(() => {});
}
