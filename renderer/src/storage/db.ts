import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { DocKind } from '../../../shared/model/docs/docVersion';
import type { LayoutSnapshot } from '../features/graph/layoutSnapshot';
import type { PendingMarker } from '../sync/relayConnection';
import { WriteTracker } from './writeTracker';

export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: number;
  openedAt: number;
}

/** One Yjs document per sync room; y-dexie keeps its updates in a table of their own. */
export interface DocRow {
  id: string;
  workspaceId: string;
  kind: DocKind;
  readonly doc: Y.Doc;
}

export interface OutboxRow {
  room: string;
  markers: PendingMarker[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ArchipelagoDb = Dexie & {
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  docs: EntityTable<DocRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'room'>;
  settings: EntityTable<SettingRow, 'key'>;
  /** The graph's last layout per workspace: a cache for the first frame after a reload (storage/layouts.ts). */
  layouts: EntityTable<LayoutSnapshot, 'workspaceId'>;
  /** Write transactions started but not yet committed (what "Saving…" and the unload guard watch). */
  writes: WriteTracker;
};

/**
 * The local database. Everything the app knows lives here first; the relay only ever copies it.
 * y-dexie compacts each document's updates in the background (every 5 minutes, 10 s after open).
 */
export function openDatabase(name = 'archipelago'): ArchipelagoDb {
  const db = new Dexie(name, { addons: [yDexie] }) as ArchipelagoDb;
  db.version(1).stores({
    workspaces: 'id, openedAt',
    docs: 'id, workspaceId, doc: Y.Doc',
    outbox: 'room',
    settings: 'key',
  });
  db.version(2).stores({ layouts: 'workspaceId' });
  // a layout is a cache: writing one is not an unsaved change, and never holds the page on unload
  const writes = new WriteTracker(['layouts']);
  db.use(writes.middleware);
  return Object.assign(db, { writes });
}
