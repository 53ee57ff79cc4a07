import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { agreementsMap } from '../../../shared/agreements/agreementDoc';
import { openLedgerDoc } from '../../../shared/model/docs/ledgerDoc';
import { openNetworkDoc } from '../../../shared/model/docs/networkDoc';
import { openProjectDoc } from '../../../shared/model/docs/projectDoc';
import { teamPlanScope } from '../../../shared/model/docs/projectTeam';
import { openWorkspaceDoc, workspaceName } from '../../../shared/model/docs/workspaceDoc';
import type { ArchipelagoDb } from '../storage/db';
import { dexiePendingStore, openDoc, type DocHandle } from '../storage/docStore';
import { OFFLINE_STATE, RelayConnection, sameSyncState, type SyncState } from '../sync/relayConnection';
import { LOCAL, rooms } from './rooms';
import { MultiDocUndo, type UndoMeta } from './undo';

export interface LocalUser {
  name: string;
  color: string;
}

export interface PeerPresence {
  clientId: number;
  name: string;
  color: string;
  view?: string;
}

/** A generic description for a change made outside a described action, by the document it touched. */
function describeRoom(room: string): UndoMeta {
  const project = /\.project\.(.+)$/.exec(room);
  if (project) return { label: 'Edit to a project', place: { view: 'projects', projectId: project[1] } };
  if (room.endsWith('.network')) return { label: 'Change to the network', place: { view: 'people' } };
  return { label: 'Change to the workspace', place: { view: 'projects' } };
}

export interface SessionOptions {
  /** Open with sync suspended (suspendSync): this device's access was withdrawn for good. */
  suspended?: boolean;
}

/**
 * An open workspace: its documents (loaded from IndexedDB first, so it opens offline), one relay
 * connection per document when a relay is set, presence, and undo across its documents.
 */
export class WorkspaceSession {
  readonly undo = new MultiDocUndo(LOCAL, describeRoom);
  readonly awareness: Awareness;
  private readonly handles = new Map<string, DocHandle>();
  private readonly connections = new Map<string, RelayConnection>();
  private readonly projectLoads = new Map<string, Promise<Y.Doc>>();
  /** Presence per project document (co-editors' carets in the narrative). */
  private readonly docAwareness = new Map<string, Awareness>();
  private readonly listeners = new Set<() => void>();
  private syncState: SyncState = OFFLINE_STATE;
  /** The relays, in order (failover), each with this workspace's token; empty: this device only. */
  private relayUrls: readonly string[];
  private closed = false;

  private constructor(
    private readonly db: ArchipelagoDb,
    readonly workspaceId: string,
    readonly workspace: DocHandle,
    readonly network: DocHandle,
    /** The signed events (append-only, verified on read; never undone: a signature is not taken back by Undo). */
    readonly ledger: DocHandle,
    relayUrls: readonly string[],
    user: LocalUser,
    options: SessionOptions,
  ) {
    this.relayUrls = relayUrls;
    this.suspended = options.suspended ?? false;
    this.awareness = new Awareness(workspace.doc);
    this.awareness.setLocalState({ user });
    this.handles.set(workspace.room, workspace);
    this.handles.set(network.room, network);
    this.handles.set(ledger.room, ledger);
    this.undo.track(network.room, [network.doc.getMap('people'), network.doc.getMap('ties')]);
    this.undo.track(workspace.room, [workspace.doc.getMap('projects'), workspace.doc.getMap('meta')]);
    for (const h of this.handles.values()) this.connect(h);
    workspace.doc.on('update', this.onWorkspaceUpdate);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  static async open(db: ArchipelagoDb, workspaceId: string, relayUrls: readonly string[], user: LocalUser, options: SessionOptions = {}): Promise<WorkspaceSession> {
    const [workspace, network, ledger] = await Promise.all([
      openDoc(db, rooms.workspace(workspaceId), workspaceId, 'workspace'),
      openDoc(db, rooms.network(workspaceId), workspaceId, 'network'),
      openDoc(db, rooms.ledger(workspaceId), workspaceId, 'ledger'),
    ]);
    if (typeof performance !== 'undefined') performance.mark?.('archipelago:documents-read');
    openWorkspaceDoc(workspace.doc, 'migration');
    openNetworkDoc(network.doc, 'migration');
    openLedgerDoc(ledger.doc, 'migration');
    // not awaited: the list of workspaces can be written while the workspace is shown
    void db.workspaces.update(workspaceId, { openedAt: Date.now(), name: workspaceName(workspace.doc) }).catch(() => {});
    return new WorkspaceSession(db, workspaceId, workspace, network, ledger, relayUrls, user, options);
  }

  /** Opens (once) a project's document and keeps it open for the session. */
  openProject(projectId: string): Promise<Y.Doc> {
    let load = this.projectLoads.get(projectId);
    if (!load) {
      load = openDoc(this.db, rooms.project(this.workspaceId, projectId), this.workspaceId, 'project').then((h) => {
        if (this.closed) {
          h.release();
          throw new Error('workspace closed');
        }
        openProjectDoc(h.doc, 'migration');
        this.handles.set(h.room, h);
        const aw = new Awareness(h.doc);
        aw.setLocalState({ user: this.awareness.getLocalState()?.user });
        this.docAwareness.set(h.room, aw);
        this.undo.track(h.room, [h.doc.getMap('meta'), h.doc.getText('objective'), ...teamPlanScope(h.doc), agreementsMap(h.doc)], 500);
        this.connect(h);
        return h.doc;
      });
      this.projectLoads.set(projectId, load);
    }
    return load;
  }

  /** The presence of a project's document, once it is open. */
  projectAwareness(projectId: string): Awareness | undefined {
    return this.docAwareness.get(rooms.project(this.workspaceId, projectId));
  }

  setUser(user: LocalUser): void {
    this.awareness.setLocalStateField('user', user);
    for (const aw of this.docAwareness.values()) aw.setLocalStateField('user', user);
  }

  setView(view: string): void {
    this.awareness.setLocalStateField('view', view);
  }

  peers(): PeerPresence[] {
    const out: PeerPresence[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: Partial<LocalUser>; view?: string }).user;
      if (clientId === this.awareness.clientID || !user || typeof user.name !== 'string') return;
      out.push({ clientId, name: user.name.slice(0, 60), color: /^#[0-9a-f]{6}$/i.test(user.color ?? '') ? user.color! : '#888888', view: (state as { view?: string }).view });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  }

  /** Reconnects every document to these relays (a new list, or a renewed token); the same list changes nothing. */
  setRelayUrls(urls: readonly string[]): void {
    if (urls.length === this.relayUrls.length && urls.every((u, i) => u === this.relayUrls[i])) return;
    this.relayUrls = [...urls];
    for (const c of this.connections.values()) c.destroy();
    this.connections.clear();
    for (const h of this.handles.values()) this.connect(h);
    this.refresh();
  }

  getSyncState = (): SyncState => this.syncState;

  subscribeSync = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  close(): void {
    this.closed = true;
    this.workspace.doc.off('update', this.onWorkspaceUpdate);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    for (const c of this.connections.values()) c.destroy();
    this.connections.clear();
    this.awareness.destroy();
    for (const aw of this.docAwareness.values()) aw.destroy();
    this.docAwareness.clear();
    this.undo.destroy();
    for (const h of this.handles.values()) h.release();
    this.handles.clear();
    this.listeners.clear();
  }

  private connect(handle: DocHandle) {
    if (this.relayUrls.length === 0) return;
    const conn = new RelayConnection(handle.doc, {
      serverUrl: this.relayUrls,
      room: handle.room,
      awareness: handle === this.workspace ? this.awareness : this.docAwareness.get(handle.room),
      pending: dexiePendingStore(this.db),
      connect: !this.suspended && (typeof navigator === 'undefined' || navigator.onLine),
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      readOnly: this.readOnly,
    });
    conn.subscribe(this.refresh);
    this.connections.set(handle.room, conn);
    this.refresh();
  }

  /** Keeps the local list of workspaces showing the name the workspace document has (it may sync in). */
  private knownName: string | undefined;
  private onWorkspaceUpdate = () => {
    const name = workspaceName(this.workspace.doc);
    if (name === this.knownName) return;
    this.knownName = name;
    void this.db.workspaces.update(this.workspaceId, { name });
  };

  private onOnline = () => {
    if (this.suspended) return;
    for (const c of this.connections.values()) c.connect();
    this.refresh();
  };

  /** The browser says we are offline: stop trying (and do not trust sockets that may be half-dead). */
  private onOffline = () => {
    for (const c of this.connections.values()) c.disconnect();
    this.refresh();
  };

  private readOnly = false;
  /** Set by suspendSync: no connection is opened, whatever the relays, until resumeSync. */
  private suspended = false;

  /**
   * Stops syncing: this device's access was withdrawn for good (a workshop participant removed by the
   * facilitator), so asking again only earns refusals. Edits stay on this device. It holds across a
   * change of relays (the access loads after the session opens), until resumeSync.
   */
  suspendSync(): void {
    if (this.suspended) return;
    this.suspended = true;
    for (const c of this.connections.values()) c.disconnect();
    this.refresh();
  }

  /** Syncs again after suspendSync (new access); otherwise nothing. */
  resumeSync(): void {
    if (!this.suspended) return;
    this.suspended = false;
    if (typeof navigator === 'undefined' || navigator.onLine) for (const c of this.connections.values()) c.connect();
    this.refresh();
  }

  /**
   * Read-only sync for every document (a workshop's editing lock): this device keeps receiving, and
   * its own changes wait on it until read-write again, when they are sent (RelayConnection.setReadOnly).
   */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    for (const c of this.connections.values()) c.setReadOnly(readOnly);
  }

  /** Tries every document's connection again now, instead of waiting for the back-off. */
  retryNow(): void {
    for (const c of this.connections.values()) c.retryNow();
  }

  private refresh = () => {
    const states = [...this.connections.values()].map((c) => c.getState());
    const some = (status: SyncState['status']) => states.some((s) => s.status === status);
    // the worst document decides: one that cannot reach the relay is not synced
    const status: SyncState['status'] = states.length === 0 || some('offline') ? 'offline' : some('unreachable') ? 'unreachable' : some('connecting') ? 'connecting' : 'synced';
    const unconfirmed = states.reduce((n, s) => n + s.unconfirmed, 0);
    // the last time the relay confirmed every document: the oldest of the per-document times
    const times = states.map((s) => s.lastSyncedAt);
    const lastSyncedAt = times.length && times.every((t) => t !== null) ? Math.min(...(times as number[])) : null;
    const lastError = states.find((s) => s.lastError)?.lastError ?? null;
    const retries = states.map((s) => s.retryAt).filter((t): t is number => t !== null);
    const refused = states.find((s) => s.refused)?.refused ?? null;
    // the workspace document's relay is the one named (the others fail over the same way)
    const relay = this.connections.get(this.workspace.room)?.getState().relay ?? states.find((s) => s.relay)?.relay ?? null;
    const next: SyncState = { status, unconfirmed, lastSyncedAt, lastError, retryAt: retries.length ? Math.min(...retries) : null, refused, relay };
    if (sameSyncState(next, this.syncState)) return;
    this.syncState = next;
    for (const l of this.listeners) l();
  };
}
