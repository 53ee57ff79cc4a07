import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodePresenceEntries, mayClaimPresence, presenceEntries } from './presence';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { monotonicMs } from './clock';
import type { RoomLog } from './roomLog';
import { CLOSE, type RoomSocket } from './socket';

export const MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3 } as const;

/** The most messages a room handles before it yields to the event loop (and to other rooms). */
const MAX_BATCH = 64;

/** A message the protocol does not allow; it closes the sending connection only. */
export class BadMessage extends Error {}

/** A read-only connection sent an update that would change the document: closed with 4403. */
export class ReadOnlyWrite extends Error {}

/** An update would take the room over its size limit: closed with 4413, not stored. */
export class DocTooLarge extends Error {}

export interface RoomOptions {
  /** The most a room may hold, in stored bytes. Default: no limit. */
  maxDocBytes?: number;
  /** Told, for each stored update, the seconds from its arrival to its being stored (a metric). */
  onStored?: (seconds: number) => void;
  /** Told, for each update that arrives from the shared log, the seconds since it was appended (a metric). */
  onLogLag?: (seconds: number) => void;
}

/** The origin of changes that came from the shared log (other relays): applied and forwarded, never appended again. */
export const FROM_LOG = Symbol('from the room log');


/**
 * One document and the connections editing it. Messages are processed in arrival order, in
 * batches: everything that arrived while the previous batch was being stored is decoded, its
 * updates are stored together (one merged write), and only then applied, forwarded and
 * acknowledged. So an update is always durable before anyone else sees it or its sender is told.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /**
   * Each connection and the client ids whose presence it set last (removed when it closes); null
   * until it sets one (a viewer that shows no presence costs no set).
   */
  private readonly connections = new Map<RoomSocket, Set<number> | null>();
  /** Who set each client id's presence last: a connection here, or 'remote' (another relay, via the log). */
  private readonly presenceOwner = new Map<number, RoomSocket | 'remote'>();
  /** Messages waiting to be processed, in arrival order. */
  private inbox: { socket: RoomSocket; data: Uint8Array; receivedAt: number; done: () => void }[] = [];
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private readonly needsAck = new Set<RoomSocket>();
  /** The state vector each connection was last sent, so acknowledgements go out exactly when it changed. */
  private readonly toldVector = new Map<RoomSocket, string>();
  /** The document's state vector as a key, made once per change: every connection told it shares the one string. */
  private vector: string | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by `unload`: sockets that close afterwards (relay shutdown) must not schedule another unload. */
  private unloaded = false;
  private broken = false;
  /** Stored bytes: measured at load and re-measured near the limit; between, stored updates are added. */
  private size = 0;
  private storedSinceMeasure = 0;
  private readonly maxDocBytes: number;
  private readonly onStored: (seconds: number) => void;
  private readonly onLogLag: (seconds: number) => void;
  private unsubscribe: () => void = () => {};
  private childLog: Logger | undefined;

  /** The room's logger (with its name), made when it first logs: most rooms never do. */
  private get log(): Logger {
    return (this.childLog ??= this.parentLog.child({ room: this.name }));
  }

  private constructor(
    readonly name: string,
    private readonly roomLog: RoomLog,
    private readonly parentLog: Logger,
    private readonly idleUnloadMs: number,
    private readonly onIdle: (room: Room) => void,
    options: RoomOptions,
  ) {
    this.doc = new Y.Doc({ gc: true });
    this.maxDocBytes = options.maxDocBytes ?? Infinity;
    this.onStored = options.onStored ?? (() => {});
    this.onLogLag = options.onLogLag ?? (() => {});
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.vector = null;
      const msg = encoding.createEncoder();
      encoding.writeVarUint(msg, MESSAGE.sync);
      syncProtocol.writeUpdate(msg, update);
      const data = encoding.toUint8Array(msg);
      for (const socket of this.connections.keys()) if (socket !== origin) this.send(socket, data);
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      for (const id of removed) this.forgetPresence(id);
      // ownership follows what was applied: an echo of someone else's entry (y-websocket clients resend
      // what they receive) has no newer clock, is not applied, and takes nothing over
      const owner = origin === FROM_LOG ? 'remote' : this.connections.has(origin as RoomSocket) ? (origin as RoomSocket) : null;
      if (owner) for (const id of [...added, ...updated]) this.takePresence(id, owner);
      const msg = encoding.createEncoder();
      encoding.writeVarUint(msg, MESSAGE.awareness);
      encoding.writeVarUint8Array(msg, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      const data = encoding.toUint8Array(msg);
      for (const socket of this.connections.keys()) this.send(socket, data);
      // presence crosses relays; what came from the log is not sent back into it
      if (origin !== FROM_LOG && !this.unloaded) this.roomLog.publishAwareness(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  static async load(name: string, roomLog: RoomLog, log: Logger, idleUnloadMs: number, onIdle: (room: Room) => void, options: RoomOptions = {}): Promise<Room> {
    const room = new Room(name, roomLog, log, idleUnloadMs, onIdle, options);
    const { update: stored, cursor } = await roomLog.load(name);
    if (stored) {
      Y.applyUpdate(room.doc, stored, 'storage');
      room.size = stored.byteLength;
    }
    room.unsubscribe = roomLog.subscribe(name, cursor, {
      onUpdate: (update, appendedAt) => room.applyFromLog(update, appendedAt),
      onAwareness: (update) => room.applyAwarenessFromLog(update),
    });
    return room;
  }

  /** An update another relay stored: applied here and forwarded to this relay's connections. */
  private applyFromLog(update: Uint8Array, appendedAt: number | null) {
    if (this.unloaded) return;
    if (appendedAt !== null) this.onLogLag(Math.max(0, Date.now() - appendedAt) / 1000);
    try {
      Y.applyUpdate(this.doc, update, FROM_LOG);
      this.size += update.byteLength;
      this.storedSinceMeasure += update.byteLength;
    } catch (e) {
      this.log.error({ err: e }, 'an update from the room log could not be applied');
    }
  }

  private applyAwarenessFromLog(update: Uint8Array) {
    if (this.unloaded) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_LOG);
    } catch (e) {
      this.log.warn({ err: e }, 'awareness from the room log could not be applied');
    }
  }

  /** Whether `extra` more bytes fit. Near the limit the document is measured again (merges and deletions shrink it). */
  private fits(extra: number): boolean {
    if (this.size + extra <= this.maxDocBytes) return true;
    if (this.storedSinceMeasure > 0) {
      this.size = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.storedSinceMeasure = 0;
    }
    return this.size + extra <= this.maxDocBytes;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  handleConnect(socket: RoomSocket): void {
    clearTimeout(this.idleTimer);
    this.connections.set(socket, null);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.toldVector.set(socket, this.vectorKey());
    this.send(socket, encoding.toUint8Array(step1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE.awareness);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
      this.send(socket, encoding.toUint8Array(aw));
    }
  }

  /** Queues a message; it is processed after every earlier message of this room. `receivedAt` is monotonicMs() at arrival. */
  handleMessage(socket: RoomSocket, data: Uint8Array, receivedAt = monotonicMs()): Promise<void> {
    return new Promise<void>((done) => {
      this.inbox.push({ socket, data, receivedAt, done });
      if (!this.running) {
        // a flag, not the promise: drain() may finish synchronously, before it could be assigned
        this.running = true;
        this.draining = this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.drainBatches();
    } finally {
      this.running = false;
      // a message that arrived after the last batch was taken, but before this line, still drains
      if (this.inbox.length) {
        this.running = true;
        this.draining = this.drain();
      }
    }
  }

  private async drainBatches(): Promise<void> {
    while (this.inbox.length) {
      // a bounded batch: a flood in this room is handled in slices, between which other rooms run
      const batch = this.inbox.splice(0, MAX_BATCH);
      const updates: { socket: RoomSocket; update: Uint8Array; receivedAt: number }[] = [];
      let batchBytes = 0;
      for (const { socket, data, receivedAt } of batch) {
        if (!this.connections.has(socket)) continue;
        try {
          const update = this.process(socket, data);
          if (update) {
            if (!this.fits(batchBytes + update.byteLength)) throw new DocTooLarge(`${this.maxDocBytes}`);
            updates.push({ socket, update, receivedAt });
            batchBytes += update.byteLength;
          }
        } catch (e) {
          this.rejectSender(socket, e);
        }
      }
      if (updates.length) {
        try {
          if (this.broken) throw new Error('room storage is broken');
          await this.roomLog.append(this.name, updates.length === 1 ? updates[0].update : Y.mergeUpdates(updates.map((u) => u.update)));
        } catch (e) {
          this.failStorage(e);
          batch.forEach((m) => m.done());
          continue;
        }
        this.size += batchBytes;
        this.storedSinceMeasure += batchBytes;
        const storedAt = monotonicMs();
        for (const u of updates) this.onStored((storedAt - u.receivedAt) / 1000);
        for (const { socket, update } of updates) {
          try {
            // When the document holds structs waiting for a dependency (an update from the log that
            // arrived before the one it builds on), this update may release them; the change then
            // carries more than its sender sent, so it goes to the sender too (found by the fuzz test).
            const waiting = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
            Y.applyUpdate(this.doc, update, waiting ? FROM_LOG : socket);
          } catch (e) {
            this.rejectSender(socket, e);
          }
        }
      }
      if (this.inbox.length === 0) this.flushAcks();
      batch.forEach((m) => m.done());
      // more waiting: let other rooms' messages in before the next slice
      if (this.inbox.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Anything a message makes the decoder or Yjs throw is that sender's problem alone. */
  private rejectSender(socket: RoomSocket, e: unknown) {
    if (e instanceof ReadOnlyWrite) {
      this.log.warn({ conn: socket.id }, 'read-only connection sent a change: closing it, nothing stored');
      socket.close(CLOSE.readOnly, 'this connection is read-only');
    } else if (e instanceof DocTooLarge) {
      this.log.warn({ conn: socket.id, size: this.size, maxDocBytes: this.maxDocBytes }, 'document size limit: closing the sender, its update not stored');
      socket.close(CLOSE.docTooLarge, `the document would exceed ${this.maxDocBytes} bytes`);
    } else {
      const message = (e as Error)?.message ?? 'undecodable';
      this.log.warn({ conn: socket.id, err: message }, 'malformed message: closing this connection');
      socket.close(CLOSE.badMessage, `malformed message: ${message}`.slice(0, 120));
    }
    this.handleClose(socket);
  }

  /** Storage failed: the room can no longer promise durability, so it closes for everyone. */
  private failStorage(e: unknown) {
    this.broken = true;
    this.log.error({ err: e }, 'storage failed: closing the room');
    for (const s of [...this.connections.keys()]) {
      s.close(CLOSE.storageFailure, 'the relay could not store an update');
      this.handleClose(s);
    }
    // unload now, so the clients' reconnects load the room afresh once storage is back
    clearTimeout(this.idleTimer);
    if (!this.unloaded) queueMicrotask(() => this.onIdle(this));
  }

  /**
   * The part of an awareness update `socket` may apply, or null if none: a read-only connection cannot
   * set or clear another client's presence (presence.ts mayClaimPresence). A read-write one may send
   * anything (it could rewrite the document anyway), so its updates are not even decoded here.
   */
  private claimPresence(socket: RoomSocket, update: Uint8Array): Uint8Array | null {
    if (socket.scope === 'rw') return update;
    const entries = presenceEntries(update);
    const allowed = entries.filter((e) => mayClaimPresence(socket, this.presenceOwner.get(e.client)));
    if (allowed.length === 0) return null;
    return allowed.length === entries.length ? update : encodePresenceEntries(allowed);
  }

  private takePresence(id: number, owner: RoomSocket | 'remote') {
    const before = this.presenceOwner.get(id);
    if (before === owner) return;
    if (before !== undefined && before !== 'remote') this.connections.get(before)?.delete(id);
    this.presenceOwner.set(id, owner);
    if (owner === 'remote' || !this.connections.has(owner)) return;
    const owned = this.connections.get(owner);
    if (owned) owned.add(id);
    else this.connections.set(owner, new Set([id]));
  }

  private forgetPresence(id: number) {
    const owner = this.presenceOwner.get(id);
    if (owner !== undefined && owner !== 'remote') this.connections.get(owner)?.delete(id);
    this.presenceOwner.delete(id);
  }

  handleClose(socket: RoomSocket): void {
    if (!this.connections.has(socket)) return;
    const owned = this.connections.get(socket);
    this.connections.delete(socket);
    this.needsAck.delete(socket);
    this.toldVector.delete(socket);
    if (owned?.size) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
      for (const id of owned) if (this.presenceOwner.get(id) === socket) this.presenceOwner.delete(id);
    }
    if (this.connections.size === 0 && !this.unloaded) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        if (this.connections.size === 0) this.onIdle(this);
      }, this.idleUnloadMs);
      this.idleTimer.unref?.();
    }
  }

  /** Waits for queued messages, then merges this room's stored updates and frees its memory. */
  async unload(): Promise<void> {
    if (this.unloaded) return;
    this.unloaded = true;
    clearTimeout(this.idleTimer);
    this.unsubscribe();
    await this.drained();
    if (!this.broken) await this.roomLog.compact(this.name);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Resolves when every queued message has been processed (and stored). */
  async drained(): Promise<void> {
    while (this.running) await this.draining;
  }

  /** Handles one message; returns an update to store and apply, if it carries a new one. */
  private process(socket: RoomSocket, data: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const sv = decoding.readVarUint8Array(decoder);
          Y.decodeStateVector(sv); // throws on a malformed vector
          const reply = encoding.createEncoder();
          encoding.writeVarUint(reply, MESSAGE.sync);
          syncProtocol.writeSyncStep2(reply, this.doc, sv);
          this.send(socket, encoding.toUint8Array(reply));
          return null;
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          Y.decodeUpdate(update); // validate before anything is stored
          const noop = isNoop(this.doc, update);
          if (!noop && socket.scope === 'r') {
            // The SyncStep2 every client sends on connect is not an edit: a read-only client with
            // local changes keeps them locally, they are just not taken. A live update is an edit.
            if (syncType === syncProtocol.messageYjsUpdate) throw new ReadOnlyWrite('read-only');
            this.log.info({ conn: socket.id }, 'ignored the changes in a read-only connection\'s SyncStep2');
            return null;
          }
          // Acknowledge even when nothing is new: the sender may not know we already have it (it can
          // have reached us on a connection that dropped before our acknowledgement went out).
          this.needsAck.add(socket);
          return noop ? null : update;
        }
        throw new BadMessage(`unknown sync message type ${syncType}`);
      }
      case MESSAGE.awareness: {
        const update = this.claimPresence(socket, decoding.readVarUint8Array(decoder));
        if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, socket);
        return null;
      }
      case MESSAGE.queryAwareness: {
        const aw = encoding.createEncoder();
        encoding.writeVarUint(aw, MESSAGE.awareness);
        encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
        this.send(socket, encoding.toUint8Array(aw));
        return null;
      }
      default:
        throw new BadMessage(`unknown message type ${type}`);
    }
  }

  /**
   * The acknowledgement: our state vector, once the sender's updates are stored (see PROTOCOL.md).
   * Sent only when it differs from what that connection was last told, so a client's empty reply
   * to an acknowledgement is never acknowledged again (no loop).
   */
  private flushAcks() {
    if (this.needsAck.size === 0) return;
    const key = this.vectorKey();
    const msg = encoding.createEncoder();
    encoding.writeVarUint(msg, MESSAGE.sync);
    syncProtocol.writeSyncStep1(msg, this.doc);
    const data = encoding.toUint8Array(msg);
    for (const socket of this.needsAck) {
      if (this.toldVector.get(socket) === key) continue;
      this.toldVector.set(socket, key);
      this.send(socket, data);
    }
    this.needsAck.clear();
  }

  private vectorKey(): string {
    return (this.vector ??= Y.encodeStateVector(this.doc).join(','));
  }

  private send(socket: RoomSocket, data: Uint8Array) {
    if (!socket.isOpen()) {
      this.handleClose(socket);
      return;
    }
    try {
      socket.send(data);
    } catch {
      this.handleClose(socket);
    }
  }
}

/** True when applying `update` would not change `doc` (nothing new inserted or deleted). */
function isNoop(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const s of structs) {
    if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return false;
  }
  for (const [client, items] of ds.clients) {
    const known = doc.store.clients.get(client);
    if (!known) return false;
    for (const item of items) {
      let clock = item.clock;
      const end = item.clock + item.len;
      while (clock < end) {
        let struct;
        try {
          struct = known[Y.findIndexSS(known, clock)];
        } catch {
          return false; // a deletion of something this copy has not seen yet
        }
        if (!struct.deleted) return false;
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}
