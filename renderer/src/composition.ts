import { DEMO_WORKSPACE_ID } from '../../shared/demo/demoIds';
import type { LayoutSnapshot } from './features/graph/layoutSnapshot';
import { installTheme } from './features/theme/theme';
import { platform } from './platform';
import { parseRoute } from './router';
import { useUi } from './state/uiStore';
import { openDatabase, type ArchipelagoDb } from './storage/db';
import { compactStorage } from './storage/docStore';
import { loadLayout } from './storage/layouts';
import { quietLibraryLogs } from './storage/quietLibraryLogs';
import { loadUser, type UserSettings } from './storage/settings';
import { guardUnload } from './storage/unloadGuard';
import { ensureDemoWorkspace, linkedWorkspaceRequest, listWorkspaces, prepareLinkedWorkspace, type LinkedWorkspace } from './storage/workspaces';
import { loadAccess, saveAccess } from './storage/accessStore';
import { accessFromLink, addressWithoutToken, linkMayStoreAccess } from './sync/workspaceAccess';
import { relaysOfSettings } from '../../shared/deviceRelays';

/** What the app starts with: everything the composition root made and read, before the first render. */
export interface AppStart {
  db: ArchipelagoDb;
  user: UserSettings;
  /** This device's relays, in order (empty: stay on this device). */
  relayUrls: string[];
  workspaceId: string;
  /** The start workspace's graph as last laid out, when the app opens on the graph: its first frame. */
  preview: LayoutSnapshot | null;
  /**
   * Resolves when the start workspace may be opened: once the first frame is painted, and a link's
   * demo fill is done (its documents are then handed to the session already read).
   */
  whenReady: () => Promise<void>;
}

/** After the next paint (or 50 ms in a hidden tab, which paints nothing). */
const afterPaint = () => new Promise<void>((done) => {
  const timer = setTimeout(done, 50);
  requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); done(); }, 0));
});

/**
 * The composition root: the one place that makes the app's long-lived services and wires them
 * together, so that components only ever receive them (through props and AppContext), never build
 * them. In order:
 * - library logging is quietened and the theme applied (no flash of the wrong theme);
 * - the local database opens (IndexedDB through Dexie), with the unload guard for pending writes;
 * - the demo workspace exists, and a `?workspace=&demo=` link is read (DESIGN.md §3); a link's room
 *   token (`&relay=ws://host/?token=`, a workshop's) is stored as that workspace's access and taken
 *   out of the address;
 * - the user's settings and the platform's (desktop or web) relay are read;
 * - when the app opens on the graph, the workspace's last layout is read, so the first frame is drawn
 *   before the documents are read and decoded (a 10k-person network takes a second or more); the
 *   link's demo fill and the documents are read after that frame (`whenReady`);
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
  const linkFailed = (e: Error) => useUi.getState().notify(`The link could not be opened: ${e.message}`, 'error');
  let link: LinkedWorkspace | null = null;
  try {
    link = linkedWorkspaceRequest(new URLSearchParams(location.search));
  } catch (e) {
    linkFailed(e as Error);
  }
  // a link's room token becomes that workspace's stored access, and leaves the address bar and history
  const linkedAccess = (() => {
    try {
      return accessFromLink(new URLSearchParams(location.search));
    } catch (e) {
      useUi.getState().notify(`The link's relay access could not be used: ${(e as Error).message}`, 'error');
      return null;
    }
  })();
  if (link && linkedAccess && linkedAccess.workspaceId === link.id) {
    if (linkMayStoreAccess(await loadAccess(db, link.id), linkedAccess.access)) await saveAccess(db, link.id, linkedAccess.access);
    else useUi.getState().notify(`This link names another relay (${linkedAccess.access.relays[0]}) for workspace “${link.id}”, which already syncs elsewhere: its access was left as it was. To move it, use Workspaces → Access to this workspace.`, 'error');
  }
  const clean = addressWithoutToken(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
  const [user, settings, workspaces] = await Promise.all([loadUser(db), platform.getSettings(), listWorkspaces(db)]);
  const workspaceId = link?.id ?? workspaces[0]?.id ?? DEMO_WORKSPACE_ID;
  const layout = loadLayout(db, workspaceId);
  const graphFirst = parseRoute(location.hash).view === 'graph';
  if (graphFirst) void import('./features/graph/GraphView'); // the live view's code, while the documents are read
  const preview = graphFirst ? await layout : null;
  let ready: Promise<void> | null = null;
  const whenReady = () => (ready ??= afterPaint().then(() => (link ? prepareLinkedWorkspace(db, link).catch(linkFailed) : undefined)));
  // compact stored updates soon after start (and y-dexie keeps doing it every 5 minutes)
  setTimeout(() => compactStorage(db).catch(() => {}), 3000);
  return { db, user, relayUrls: relaysOfSettings(settings) ?? [], workspaceId, preview, whenReady };
}
