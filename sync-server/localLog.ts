import type { RoomPersistence } from './persistence';
import type { RoomLog, RoomLogSubscriber } from './roomLog';

interface HubRoom {
  seq: number;
  /** Kept only in a shared hub, so a subscriber can replay from its cursor. */
  entries: { seq: number; owner: symbol; update: Uint8Array; at: number }[];
  subscribers: Set<{ owner: symbol; subscriber: RoomLogSubscriber }>;
}

/**
 * Where local logs that share one store meet (several relays in one process over one memory
 * store, as in tests): each append reaches the subscribers of the other instances.
 */
export interface LocalHub {
  readonly shared: boolean;
  readonly rooms: Map<string, HubRoom>;
}
export const createLocalHub = (shared = true): LocalHub => ({ shared, rooms: new Map() });

/**
 * A room log over one process's storage (LevelDB on disk, or memory). The cursor counts appends
 * seen by the hub. Alone (the default), nothing arrives by subscription and nothing is retained.
 */
export function localLog(persistence: RoomPersistence, hub: LocalHub = createLocalHub(false)): RoomLog {
  const owner = Symbol('localLog');
  let closed = false;
  const hubRoom = (room: string) => {
    let r = hub.rooms.get(room);
    if (!r) hub.rooms.set(room, (r = { seq: 0, entries: [], subscribers: new Set() }));
    return r;
  };
  const others = (room: string) => [...(hub.rooms.get(room)?.subscribers ?? [])].filter((s) => s.owner !== owner).map((s) => s.subscriber);
  return {
    async load(room) {
      const cursor = String(hub.rooms.get(room)?.seq ?? 0);
      return { update: await persistence.load(room), cursor };
    },
    async append(room, update) {
      if (closed) throw new Error('the room log is closed');
      await persistence.storeUpdate(room, update);
      if (!hub.shared) return;
      const r = hubRoom(room);
      const at = Date.now();
      r.seq++;
      r.entries.push({ seq: r.seq, owner, update, at });
      for (const s of others(room)) s.onUpdate(update, at);
    },
    subscribe(room, cursor, subscriber) {
      // alone, nothing ever arrives: keep nothing per room
      if (!hub.shared) return () => {};
      const r = hubRoom(room);
      for (const e of r.entries) if (e.seq > Number(cursor) && e.owner !== owner) subscriber.onUpdate(e.update, e.at);
      const entry = { owner, subscriber };
      r.subscribers.add(entry);
      return () => {
        r.subscribers.delete(entry);
      };
    },
    publishAwareness(room, update) {
      if (!hub.shared) return;
      for (const s of others(room)) s.onAwareness(update);
    },
    compact: (room) => persistence.compact(room),
    status: () => null,
    async close() {
      closed = true;
      await persistence.close();
    },
  };
}
