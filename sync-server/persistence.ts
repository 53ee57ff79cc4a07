import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { LeveldbPersistence, PREFERRED_TRIM_SIZE, type Level } from 'y-leveldb';

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

/** y-leveldb's storage format (kept, so the data directories of both read the same). */
const updateKey = (room: string, clock: number) => ['v1', room, 'update', clock];
const stateVectorKey = (room: string) => ['v1_sv', room];
/** The keys of all of a room's updates (y-leveldb's bounds: clocks 0 to 2^32 - 1). */
const updateRange = (room: string) => ({ gte: updateKey(room, 0), lt: updateKey(room, 0xffffffff) });

export function leveldbPersistence(dir: string): RoomPersistence {
  const ldb = new LeveldbPersistence(dir);
  /**
   * The clock of each room's last stored update, once read. y-leveldb's storeUpdate reads it before
   * every write, with a key stream (a Readable, a LevelDB iterator and their objects for each
   * update); known, an update is one put. It is read and advanced only inside y-leveldb's queue,
   * so concurrent writers (the Redis log's compaction beside the room's appends) take turns on it.
   */
  const clocks = new Map<string, number>();
  /**
   * y-leveldb's flush stores the merged update at the next clock and clears those before it: the
   * clock is forgotten inside the queue just before the flush runs, so the next write reads it afresh.
   */
  const flush = async (room: string) => {
    void ldb._transact(async () => void clocks.delete(room));
    // y-leveldb's queue turns a failed flush into null: the room's updates are then still all there
    if ((await ldb.flushDocument(room)) === null) throw new Error(`compacting room ${room} in LevelDB failed`);
  };
  return {
    async load(room) {
      // The stored updates, merged. (y-leveldb's getYDoc builds a throwaway Y.Doc for every load,
      // with a random guid and a transaction: most of what loading a room allocated.) Read in
      // y-leveldb's queue, so it is ordered with the writes as getYDoc is; the queue turns a
      // failure into null, which must not pass for an empty room.
      const updates = await ldb._transact(async (db) => {
        // one iterator read to the end (y-leveldb's readers wrap it in a Readable stream each)
        const entries = await db.iterator(updateRange(room)).all();
        // the clock of the last one, read here, spares the first write its own read of it
        clocks.set(room, entries.length ? entries[entries.length - 1][0][3] : -1);
        return entries.map(([, value]) => value);
      });
      if (updates === null) {
        clocks.delete(room);
        throw new Error(`reading room ${room} from LevelDB failed`);
      }
      if (updates.length === 0) return null;
      if (updates.length > PREFERRED_TRIM_SIZE) await flush(room); // as getYDoc does
      const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
      // an empty document encodes to two zero bytes: treat it as "no room yet"
      return update.byteLength <= 2 ? null : update;
    },
    async storeUpdate(room, update) {
      // y-leveldb's queue turns a failed write into null (and a console warning): it must reject,
      // or the relay would acknowledge an update that was never stored
      const clock = await ldb._transact(async (db) => {
        const last = clocks.get(room) ?? (await lastClock(db, room));
        // a new room: its state vector entry first, as y-leveldb writes it (it lists the rooms)
        if (last === -1) await db.put(stateVectorKey(room), stateVectorEntry(update));
        await db.put(updateKey(room, last + 1), Buffer.from(update.buffer, update.byteOffset, update.byteLength));
        clocks.set(room, last + 1);
        return last + 1;
      });
      if (clock === null) {
        clocks.delete(room); // read again by the next write (forgetting is always safe)
        throw new Error(`storing an update of room ${room} in LevelDB failed`);
      }
    },
    async compact(room) {
      await flush(room);
    },
    close: () => ldb.destroy(),
  };
}

/** y-leveldb's state vector entry of a room whose first update is `update`: at clock 0. */
function stateVectorEntry(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVectorFromUpdate(update));
  return encoding.toUint8Array(e);
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

/** The clock of a room's last stored update, or -1 for none: one reverse iterator step (y-leveldb reads it through a key stream). */
async function lastClock(db: Level, room: string): Promise<number> {
  const [last] = await db.iterator({ ...updateRange(room), reverse: true, limit: 1, values: false }).all();
  return last ? last[0][3] : -1;
}
