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

export interface OpenDocOptions {
  /**
   * After the last release, keep the document loaded this many milliseconds: an `openDoc` of the same
   * room in that time gets the same Y.Doc, already read, instead of reading and decoding it again
   * (a 10k-person network is 8 MB and about a second of decoding).
   */
  keepAfterRelease?: number;
}

/**
 * Opens a room's document from IndexedDB: the row is created if new, and the promise resolves only
 * once every stored update is applied, before any network access.
 */
export async function openDoc(db: ArchipelagoDb, room: string, workspaceId: string, kind: DocKind, options: OpenDocOptions = {}): Promise<DocHandle> {
  let row = await db.docs.get(room);
  if (!row) {
    await db.docs.add({ id: room, workspaceId, kind } as DocRow).catch((e: Error) => {
      if (e.name !== 'ConstraintError') throw e; // opened concurrently: fine
    });
    row = await db.docs.get(room);
  }
  const doc = row!.doc;
  const provider = DexieYProvider.load(doc, options.keepAfterRelease ? { gracePeriod: options.keepAfterRelease } : undefined);
  if (!doc.isLoaded) await loadWithoutEcho(doc, provider.whenLoaded);
  else await provider.whenLoaded;
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

type Listeners = Map<string, Set<unknown>>;

/**
 * Waits for y-dexie's first read of a document without its update listener attached.
 *
 * y-dexie applies the stored updates in one transaction, with itself as the origin, and its
 * `updateV2` listener then ignores that update. But Yjs encodes a transaction's update for every
 * `updateV2` listener before calling it: loading a 10k-person network (8 MB) encoded all of it
 * again, only to be thrown away, which was more than half the time the document took to open
 * (measured by test/bench/reload). So the listener set is held aside (lib0's Observable keeps it
 * in `_observers`) until the document's `load` event, which y-dexie emits synchronously right after
 * that transaction, before any other code can touch the document; an error or a destroyed
 * document puts it back too. Nothing written later is missed: every later update is stored.
 */
async function loadWithoutEcho(doc: Y.Doc, loaded: Promise<void>): Promise<void> {
  const observers = (doc as unknown as { _observers?: Listeners })._observers;
  const held = observers?.get('updateV2');
  if (!observers || !held) return loaded;
  observers.delete('updateV2');
  const restore = () => {
    doc.off('load', restore);
    doc.off('destroy', restore);
    const added = observers.get('updateV2');
    if (added === held) return;
    for (const f of added ?? []) held.add(f);
    observers.set('updateV2', held);
  };
  doc.on('load', restore);
  doc.on('destroy', restore);
  try {
    await loaded;
  } finally {
    restore();
  }
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
