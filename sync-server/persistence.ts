import * as Y from 'yjs';
import { getLevelUpdates, LeveldbPersistence, PREFERRED_TRIM_SIZE } from 'y-leveldb';

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
      // The stored updates, merged. (y-leveldb's getYDoc builds a throwaway Y.Doc for every load,
      // with a random guid and a transaction: most of what loading a room allocated.) Read in
      // y-leveldb's queue, so it is ordered with the writes as getYDoc is; the queue turns a
      // failure into null, which must not pass for an empty room.
      const updates = await ldb._transact((db) => getLevelUpdates(db, room));
      if (updates === null) throw new Error(`reading room ${room} from LevelDB failed`);
      if (updates.length === 0) return null;
      if (updates.length > PREFERRED_TRIM_SIZE) await ldb.flushDocument(room); // as getYDoc does
      const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
      // an empty document encodes to two zero bytes: treat it as "no room yet"
      return update.byteLength <= 2 ? null : update;
    },
    async storeUpdate(room, update) {
      // y-leveldb's queue turns a failed write into null (and a console warning): it must reject,
      // or the relay would acknowledge an update that was never stored
      const clock = await ldb.storeUpdate(room, update);
      if (clock === null) throw new Error(`storing an update of room ${room} in LevelDB failed`);
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
