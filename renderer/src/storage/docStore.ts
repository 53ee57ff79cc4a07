import { compressYDocs, DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { DocKind } from '../../../shared/model/docs/docVersion';
import type { PendingStore } from '../sync/relayConnection';
import type { ArchipelagoDb, DocRow } from './db';

export interface DocHandle {
  readonly room: string;
  readonly doc: Y.Doc;
  release(): void;
}

/**
 * Opens a room's document from IndexedDB: the row is created if new, and the promise resolves only
 * once every stored update is applied, before any network access.
 */
export async function openDoc(db: ArchipelagoDb, room: string, workspaceId: string, kind: DocKind): Promise<DocHandle> {
  let row = await db.docs.get(room);
  if (!row) {
    await db.docs.add({ id: room, workspaceId, kind } as DocRow).catch((e: Error) => {
      if (e.name !== 'ConstraintError') throw e; // opened concurrently: fine
    });
    row = await db.docs.get(room);
  }
  const doc = row!.doc;
  const provider = DexieYProvider.load(doc);
  await provider.whenLoaded;
  let released = false;
  return {
    room,
    doc,
    release: () => {
      if (released) return;
      released = true;
      DexieYProvider.release(doc);
    },
  };
}

/** Merges each document's stored updates into one (y-dexie's compaction), now rather than in 5 minutes. */
export function compactStorage(db: ArchipelagoDb): Promise<void> {
  return compressYDocs(db);
}

/** The number of stored update rows across all documents (what compaction keeps small). */
export async function storedUpdateRows(db: ArchipelagoDb): Promise<number> {
  let total = 0;
  for (const table of db.tables) {
    for (const y of (table.schema as { yProps?: { updatesTable: string }[] }).yProps ?? []) total += await db.table(y.updatesTable).count();
  }
  return total;
}

/** Unconfirmed-change markers, kept in IndexedDB so the count survives a reload. */
export function dexiePendingStore(db: ArchipelagoDb): PendingStore {
  return {
    load: async (room) => (await db.outbox.get(room))?.markers ?? [],
    save: async (room, markers) => {
      if (markers.length) await db.outbox.put({ room, markers: [...markers] });
      else await db.outbox.delete(room);
    },
  };
}
