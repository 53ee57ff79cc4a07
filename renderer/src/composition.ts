import { DEMO_WORKSPACE_ID } from '../../shared/demo/demoIds';
import { installTheme } from './features/theme/theme';
import { platform } from './platform';
import { useUi } from './state/uiStore';
import { openDatabase, type ArchipelagoDb } from './storage/db';
import { compactStorage } from './storage/docStore';
import { quietLibraryLogs } from './storage/quietLibraryLogs';
import { loadUser, type UserSettings } from './storage/settings';
import { guardUnload } from './storage/unloadGuard';
import { ensureDemoWorkspace, listWorkspaces, openLinkedWorkspace } from './storage/workspaces';
import { saveAccess } from './storage/accessStore';
import { accessFromLink, addressWithoutToken } from './sync/workspaceAccess';

/** What the app starts with: everything the composition root made and read, before the first render. */
export interface AppStart {
  db: ArchipelagoDb;
  user: UserSettings;
  relayUrl: string | null;
  workspaceId: string;
}

/**
 * The composition root: the one place that makes the app's long-lived services and wires them
 * together, so that components only ever receive them (through props and AppContext), never build
 * them. In order:
 * - library logging is quietened and the theme applied (no flash of the wrong theme);
 * - the local database opens (IndexedDB through Dexie), with the unload guard for pending writes;
 * - the demo workspace exists, and a `?workspace=&demo=` link is opened (DESIGN.md §3); a link's room
 *   token (`&relay=ws://host/?token=`, a workshop's) is stored as that workspace's access and taken
 *   out of the address;
 * - the user's settings and the platform's (desktop or web) relay are read;
 * - storage compaction is scheduled.
 * The engine worker (engine/engineClient.ts) and the key store (features/identity/keyStore.ts) are
 * created lazily on first use, each behind its own module-level accessor.
 */
export async function composeApp(): Promise<AppStart> {
  quietLibraryLogs();
  installTheme();
  const db = openDatabase();
  guardUnload(window, db.writes);
  await ensureDemoWorkspace(db);
  const linked = await openLinkedWorkspace(db, new URLSearchParams(location.search)).catch((e: Error) => {
    useUi.getState().notify(`The link could not be opened: ${e.message}`, 'error');
    return null;
  });
  // a link's room token becomes that workspace's stored access, and leaves the address bar and history
  const linkedAccess = (() => {
    try {
      return accessFromLink(new URLSearchParams(location.search));
    } catch (e) {
      useUi.getState().notify(`The link's relay access could not be used: ${(e as Error).message}`, 'error');
      return null;
    }
  })();
  if (linkedAccess && linkedAccess.workspaceId === linked) await saveAccess(db, linked, linkedAccess.access);
  const clean = addressWithoutToken(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
  const [user, settings, workspaces] = await Promise.all([loadUser(db), platform.getSettings(), listWorkspaces(db)]);
  // compact stored updates soon after start (and y-dexie keeps doing it every 5 minutes)
  setTimeout(() => compactStorage(db).catch(() => {}), 3000);
  return { db, user, relayUrl: settings.relayUrl, workspaceId: linked ?? workspaces[0]?.id ?? DEMO_WORKSPACE_ID };
}
