import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';

/**
 * Where rooms keep their updates. `storeUpdate` resolves only once the update is durable (the relay
 * acknowledges after it). Implementations: LevelDB on disk, and memory for tests.
 */
export interface RoomPersistence {
  /** The stored state of a room as one update, or null for a new room. */
  load(room: string): Promise<Uint8Array | null>;
  storeUpdate(room: string, update: Uint8Array): Promise<void>;
  /** Merge a room's stored updates into one (called when a room unloads). */
  compact(room: string): Promise<void>;
  close(): Promise<void>;
}

export function leveldbPersistence(dir: string): RoomPersistence {
  const ldb = new LeveldbPersistence(dir);
  return {
    async load(room) {
      const doc = await ldb.getYDoc(room);
      try {
        // an empty doc encodes to two zero bytes: treat it as "no room yet"
        const update = Y.encodeStateAsUpdate(doc);
        return update.byteLength <= 2 ? null : update;
      } finally {
        doc.destroy();
      }
    },
    async storeUpdate(room, update) {
      await ldb.storeUpdate(room, update);
    },
    async compact(room) {
      await ldb.flushDocument(room);
    },
    close: () => ldb.destroy(),
  };
}

export function memoryPersistence(): RoomPersistence & { readonly rooms: Map<string, Uint8Array[]> } {
  const rooms = new Map<string, Uint8Array[]>();
  return {
    rooms,
    async load(room) {
      const list = rooms.get(room);
      return list?.length ? Y.mergeUpdates(list) : null;
    },
    async storeUpdate(room, update) {
      const list = rooms.get(room);
      if (list) list.push(update);
      else rooms.set(room, [update]);
    },
    async compact(room) {
      const list = rooms.get(room);
      if (list && list.length > 1) rooms.set(room, [Y.mergeUpdates(list)]);
    },
    async close() {},
  };
}
