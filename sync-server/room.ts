import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RoomPersistence } from './persistence';
import { CLOSE, type RoomSocket } from './socket';

export const MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3 } as const;

/** A message the protocol does not allow; it closes the sending connection only. */
export class BadMessage extends Error {}

/** Storage failed: the room can no longer promise durability, so it closes for everyone. */
class StorageError extends Error {
  constructor(readonly failure: unknown) {
    super(`storage failed: ${(failure as Error)?.message ?? String(failure)}`);
  }
}

/**
 * One document and the connections editing it. Messages are processed one at a time per room, so
 * updates reach storage in the order they are applied; an update is stored before it is applied,
 * forwarded and acknowledged.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<RoomSocket, Set<number>>();
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly needsAck = new Set<RoomSocket>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private broken = false;

  private constructor(
    readonly name: string,
    private readonly persistence: RoomPersistence,
    private readonly log: Logger,
    private readonly idleUnloadMs: number,
    private readonly onIdle: (room: Room) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const msg = encoding.createEncoder();
      encoding.writeVarUint(msg, MESSAGE.sync);
      syncProtocol.writeUpdate(msg, update);
      const data = encoding.toUint8Array(msg);
      for (const socket of this.connections.keys()) if (socket !== origin) this.send(socket, data);
      if (origin && this.connections.has(origin as RoomSocket)) this.needsAck.add(origin as RoomSocket);
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const owned = this.connections.get(origin as RoomSocket);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const msg = encoding.createEncoder();
      encoding.writeVarUint(msg, MESSAGE.awareness);
      encoding.writeVarUint8Array(msg, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      const data = encoding.toUint8Array(msg);
      for (const socket of this.connections.keys()) this.send(socket, data);
    });
  }

  static async load(name: string, persistence: RoomPersistence, log: Logger, idleUnloadMs: number, onIdle: (room: Room) => void): Promise<Room> {
    const room = new Room(name, persistence, log.child({ room: name }), idleUnloadMs, onIdle);
    const stored = await persistence.load(name);
    if (stored) Y.applyUpdate(room.doc, stored, 'storage');
    return room;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  handleConnect(socket: RoomSocket): void {
    clearTimeout(this.idleTimer);
    this.connections.set(socket, new Set());
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.send(socket, encoding.toUint8Array(step1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE.awareness);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
      this.send(socket, encoding.toUint8Array(aw));
    }
  }

  /** Queues a message; it is processed after every earlier message of this room. */
  handleMessage(socket: RoomSocket, data: Uint8Array): Promise<void> {
    this.queued++;
    const task = this.queue.then(async () => {
      try {
        if (!this.connections.has(socket)) return;
        await this.process(socket, data);
      } catch (e) {
        // Anything a message makes the decoder or Yjs throw is that sender's problem alone; only a
        // storage failure concerns the whole room.
        if (!(e instanceof StorageError)) {
          this.log.warn({ conn: socket.id, err: (e as Error)?.message }, 'malformed message: closing this connection');
          socket.close(CLOSE.badMessage, `malformed message: ${(e as Error)?.message ?? 'undecodable'}`.slice(0, 120));
          this.handleClose(socket);
        } else {
          this.broken = true;
          this.log.error({ err: e.failure }, 'storage failed: closing the room');
          for (const s of [...this.connections.keys()]) {
            s.close(CLOSE.storageFailure, 'the relay could not store an update');
            this.handleClose(s);
          }
        }
      } finally {
        if (--this.queued === 0) this.flushAcks();
      }
    });
    this.queue = task;
    return task;
  }

  handleClose(socket: RoomSocket): void {
    const owned = this.connections.get(socket);
    if (!owned) return;
    this.connections.delete(socket);
    this.needsAck.delete(socket);
    if (owned.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    if (this.connections.size === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        if (this.connections.size === 0) this.onIdle(this);
      }, this.idleUnloadMs);
      this.idleTimer.unref?.();
    }
  }

  /** Waits for queued messages, then merges this room's stored updates and frees its memory. */
  async unload(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.queue;
    if (!this.broken) await this.persistence.compact(this.name);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Resolves when every queued message has been processed (and stored). */
  drained(): Promise<void> {
    return this.queue;
  }

  private async process(socket: RoomSocket, data: Uint8Array): Promise<void> {
    if (this.broken) throw new StorageError(new Error('room storage is broken'));
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
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          Y.decodeUpdate(update); // validate before anything is stored
          if (isNoop(this.doc, update)) return;
          try {
            await this.persistence.storeUpdate(this.name, update);
          } catch (e) {
            throw new StorageError(e);
          }
          Y.applyUpdate(this.doc, update, socket);
        } else {
          throw new BadMessage(`unknown sync message type ${syncType}`);
        }
        return;
      }
      case MESSAGE.awareness:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket);
        return;
      case MESSAGE.queryAwareness: {
        const aw = encoding.createEncoder();
        encoding.writeVarUint(aw, MESSAGE.awareness);
        encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
        this.send(socket, encoding.toUint8Array(aw));
        return;
      }
      default:
        throw new BadMessage(`unknown message type ${type}`);
    }
  }

  /** The acknowledgement: our state vector, once the sender's updates are stored (see PROTOCOL.md). */
  private flushAcks() {
    if (this.needsAck.size === 0) return;
    const msg = encoding.createEncoder();
    encoding.writeVarUint(msg, MESSAGE.sync);
    syncProtocol.writeSyncStep1(msg, this.doc);
    const data = encoding.toUint8Array(msg);
    for (const socket of this.needsAck) this.send(socket, data);
    this.needsAck.clear();
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
