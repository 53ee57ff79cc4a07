/**
 * A room's shared log: what every relay serving the room reads and writes. After y-redis: the
 * relay holds no state of its own that others need; a room is a snapshot plus the updates
 * appended after it.
 *
 * - `load` gives the room's state as one update, with the cursor just after it;
 * - `append` resolves once the update is durable (the relay acknowledges after it);
 * - `subscribe` delivers, in order, the updates other log instances (other relays) append after
 *   the cursor; a relay applies and forwards them, and never appends them again;
 * - awareness (presence) crosses relays through `publishAwareness`, delivered to the other
 *   instances' `onAwareness` subscribers; it is never stored.
 *
 * Implementations: `localLog` over LevelDB or memory (one process), `redisLog` (many relays).
 * One contract suite (roomLogContract.ts) runs against all of them.
 */
export interface RoomLogSubscriber {
  /** An update another instance appended (`appendedAt`: ms since the epoch, when known). */
  onUpdate(update: Uint8Array, appendedAt: number | null): void;
  onAwareness(update: Uint8Array): void;
}

export interface RoomLog {
  load(room: string): Promise<{ update: Uint8Array | null; cursor: string }>;
  append(room: string, update: Uint8Array): Promise<void>;
  subscribe(room: string, cursor: string, subscriber: RoomLogSubscriber): () => void;
  publishAwareness(room: string, update: Uint8Array): void;
  /** Merges what the room has stored (called when a room unloads; the Redis log also compacts as it goes). */
  compact(room: string): Promise<void>;
  /** For /healthz: the shared backend's state, if there is one. */
  status(): Record<string, unknown> | null;
  close(): Promise<void>;
}
