import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLocalHub, localLog } from './localLog';
import { memoryPersistence, type RoomPersistence } from './persistence';
import { encodePresenceEntries } from './presence';
import { MESSAGE, Room } from './room';
import type { RoomSocket } from './socket';

const log = pino({ level: 'silent' });

function fakeSocket(id: string, scope: 'rw' | 'r' = 'rw', subject?: string) {
  const sent: Uint8Array[] = [];
  let closed: { code: number; reason: string } | null = null;
  const socket: RoomSocket = {
    id,
    scope,
    subject,
    isOpen: () => closed === null,
    send: (d) => void sent.push(d),
    close: (code, reason) => void (closed = { code, reason }),
  };
  return { socket, sent, closed: () => closed };
}

const updateMessage = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
};
const kinds = (sent: Uint8Array[]) =>
  sent.map((m) => {
    const d = decoding.createDecoder(m);
    const t = decoding.readVarUint(d);
    return t === MESSAGE.sync ? `sync${decoding.readVarUint(d)}` : `type${t}`;
  });
const someUpdate = (fill: (d: Y.Doc) => void) => {
  const d = new Y.Doc();
  fill(d);
  return Y.encodeStateAsUpdate(d);
};

describe('Room', () => {
  it('greets a connection with SyncStep1, stores an update before forwarding and acknowledging it', async () => {
    const order: string[] = [];
    const base = memoryPersistence();
    const persistence: RoomPersistence = { ...base, storeUpdate: async (r, u) => (order.push('stored'), base.storeUpdate(r, u)) };
    const room = await Room.load('r', localLog(persistence), log, 1000, () => {});
    const a = fakeSocket('a');
    const b = fakeSocket('b');
    room.handleConnect(a.socket);
    room.handleConnect(b.socket);
    expect(kinds(a.sent)).toEqual(['sync0']);
    const origSend = b.socket.send;
    b.socket.send = (d) => (order.push('forwarded'), origSend(d));
    await room.handleMessage(a.socket, updateMessage(someUpdate((d) => d.getMap('m').set('x', 1))));
    expect(order).toEqual(['stored', 'forwarded']);
    expect(kinds(a.sent)).toEqual(['sync0', 'sync0']); // the acknowledgement
    expect(kinds(b.sent)).toEqual(['sync0', 'sync2']); // the forwarded update
    expect(room.doc.getMap('m').get('x')).toBe(1);
  });

  it('does not store or acknowledge an update that changes nothing', async () => {
    const persistence = memoryPersistence();
    const room = await Room.load('r', localLog(persistence), log, 1000, () => {});
    const a = fakeSocket('a');
    room.handleConnect(a.socket);
    const update = someUpdate((d) => d.getText('t').insert(0, 'abc'));
    await room.handleMessage(a.socket, updateMessage(update));
    await room.handleMessage(a.socket, updateMessage(update));
    expect(persistence.rooms.get('r')).toHaveLength(1);
    expect(kinds(a.sent)).toEqual(['sync0', 'sync0']);
  });

  it('acknowledges an update it already has when the sender was never told (its first connection dropped)', async () => {
    const persistence = memoryPersistence();
    const room = await Room.load('r', localLog(persistence), log, 1000, () => {});
    const first = fakeSocket('first');
    room.handleConnect(first.socket);
    const late = fakeSocket('late');
    room.handleConnect(late.socket); // greeted with the vector before the update
    const update = someUpdate((d) => d.getMap('m').set('x', 1));
    const stored = room.handleMessage(first.socket, updateMessage(update));
    room.handleClose(first.socket); // the ack can no longer reach that connection
    await stored;
    // the client re-sends the same update on its new connection: nothing new, but it must be told
    await room.handleMessage(late.socket, updateMessage(update));
    expect(kinds(late.sent).filter((k) => k === 'sync0')).toHaveLength(2);
    expect(persistence.rooms.get('r')).toHaveLength(1);
    // and the client's empty reply to that acknowledgement is not acknowledged again
    await room.handleMessage(late.socket, updateMessage(update));
    expect(kinds(late.sent).filter((k) => k === 'sync0')).toHaveLength(2);
  });

  it('closes only the sender of a malformed message', async () => {
    const room = await Room.load('r', localLog(memoryPersistence()), log, 1000, () => {});
    const bad = fakeSocket('bad');
    const good = fakeSocket('good');
    room.handleConnect(bad.socket);
    room.handleConnect(good.socket);
    await room.handleMessage(bad.socket, Uint8Array.of(0, 2, 50, 1, 2, 3));
    expect(bad.closed()?.code).toBe(4400);
    expect(good.closed()).toBeNull();
    expect(room.connectionCount).toBe(1);
    await room.handleMessage(good.socket, updateMessage(someUpdate((d) => d.getMap('m').set('ok', true))));
    expect(room.doc.getMap('m').get('ok')).toBe(true);
  });

  it('any error a message causes (here, an awareness state that is not JSON) closes only its sender', async () => {
    const room = await Room.load('r', localLog(memoryPersistence()), log, 1000, () => {});
    const bad = fakeSocket('bad');
    const good = fakeSocket('good');
    room.handleConnect(bad.socket);
    room.handleConnect(good.socket);
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, 1); // one client
    encoding.writeVarUint(body, 77); // client id
    encoding.writeVarUint(body, 1); // clock
    encoding.writeVarString(body, '{not json');
    const msg = encoding.createEncoder();
    encoding.writeVarUint(msg, MESSAGE.awareness);
    encoding.writeVarUint8Array(msg, encoding.toUint8Array(body));
    await room.handleMessage(bad.socket, encoding.toUint8Array(msg));
    expect(bad.closed()?.code).toBe(4400);
    expect(good.closed()).toBeNull();
    await room.handleMessage(good.socket, updateMessage(someUpdate((d) => d.getMap('m').set('still', 'works'))));
    expect(room.doc.getMap('m').get('still')).toBe('works');
  });

  it('answers SyncStep1 with what the peer lacks, and forgets awareness of a closed connection', async () => {
    const room = await Room.load('r', localLog(memoryPersistence()), log, 1000, () => {});
    const a = fakeSocket('a');
    room.handleConnect(a.socket);
    await room.handleMessage(a.socket, updateMessage(someUpdate((d) => d.getMap('m').set('k', 'v'))));
    const peer = new Y.Doc();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep1(e, peer);
    const b = fakeSocket('b');
    room.handleConnect(b.socket);
    await room.handleMessage(b.socket, encoding.toUint8Array(e));
    const reply = decoding.createDecoder(b.sent.at(-1)!);
    decoding.readVarUint(reply);
    syncProtocol.readSyncMessage(reply, encoding.createEncoder(), peer, null);
    expect(peer.getMap('m').get('k')).toBe('v');

    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'Ana' } });
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE.awareness);
    encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
    await room.handleMessage(b.socket, encoding.toUint8Array(aw));
    expect(room.awareness.getStates().get(client.clientID)).toEqual({ user: { name: 'Ana' } });
    room.handleClose(b.socket);
    expect(room.awareness.getStates().has(client.clientID)).toBe(false);
    client.destroy();
  });

  it('a read-only connection cannot set or clear another client\'s presence; a reconnecting client takes its own over', async () => {
    const room = await Room.load('r', localLog(memoryPersistence()), log, 1000, () => {});
    const presence = (client: number, clock: number, state: unknown) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE.awareness);
      encoding.writeVarUint8Array(e, encodePresenceEntries([{ client, clock, json: JSON.stringify(state) }]));
      return encoding.toUint8Array(e);
    };
    const ana = fakeSocket('ana', 'rw', 'p-ana');
    const spy = fakeSocket('spy', 'r', 'p-spy');
    room.handleConnect(ana.socket);
    room.handleConnect(spy.socket);
    await room.handleMessage(ana.socket, presence(5, 1, { user: 'Ana' }));
    await room.handleMessage(spy.socket, presence(5, 99, { user: 'Mallory' })); // pose as Ana
    await room.handleMessage(spy.socket, presence(5, 100, null)); // or make her leave
    expect(room.awareness.getStates().get(5)).toEqual({ user: 'Ana' });
    await room.handleMessage(spy.socket, presence(6, 1, { user: 'Spy' })); // its own is fine
    expect(room.awareness.getStates().get(6)).toEqual({ user: 'Spy' });
    room.handleClose(spy.socket); // closing removes only what it owned
    expect([...room.awareness.getStates().keys()]).toEqual([5]);
    expect(spy.closed()).toBeNull(); // ignored, not an error

    // another read-write client echoes Ana's entry (y-websocket resends what it receives): not applied,
    // so it takes nothing over, and its leaving leaves Ana's presence
    const bo = fakeSocket('bo', 'rw', 'p-bo');
    room.handleConnect(bo.socket);
    await room.handleMessage(bo.socket, presence(5, 1, { user: 'Ana' }));
    room.handleClose(bo.socket);
    expect(room.awareness.getStates().get(5)).toEqual({ user: 'Ana' });

    // Ana reconnects before her old socket is gone: the new one takes her id over, and the old one's close leaves it
    const again = fakeSocket('ana-again', 'rw', 'p-ana');
    room.handleConnect(again.socket);
    await room.handleMessage(again.socket, presence(5, 2, { user: 'Ana, back' }));
    room.handleClose(ana.socket);
    expect(room.awareness.getStates().get(5)).toEqual({ user: 'Ana, back' });
    // a read-only connection of the same person (token subject) may take its own over too
    const readOnlyAna = fakeSocket('ana-locked', 'r', 'p-ana');
    room.handleConnect(readOnlyAna.socket);
    await room.handleMessage(readOnlyAna.socket, presence(5, 3, { user: 'Ana, locked' }));
    expect(room.awareness.getStates().get(5)).toEqual({ user: 'Ana, locked' });
    room.handleClose(again.socket);
    expect(room.awareness.getStates().get(5)).toEqual({ user: 'Ana, locked' });
    room.handleClose(readOnlyAna.socket);
    expect(room.awareness.getStates().has(5)).toBe(false);
  });

  it('asks to be unloaded after the last connection leaves, and a storage failure closes the room', async () => {
    let idle = 0;
    const room = await Room.load('r', localLog(memoryPersistence()), log, 10, () => idle++);
    const a = fakeSocket('a');
    room.handleConnect(a.socket);
    room.handleClose(a.socket);
    await new Promise((r) => setTimeout(r, 40));
    expect(idle).toBe(1);

    const failing: RoomPersistence = { ...memoryPersistence(), storeUpdate: async () => Promise.reject(new Error('disk full')) };
    const broken = await Room.load('b', localLog(failing), log, 1000, () => {});
    const c = fakeSocket('c');
    broken.handleConnect(c.socket);
    await broken.handleMessage(c.socket, updateMessage(someUpdate((d) => d.getMap('m').set('x', 1))));
    expect(c.closed()?.code).toBe(4500);
    expect(broken.doc.getMap('m').has('x')).toBe(false); // nothing applied that was not stored
  });

  it('a socket that closes after the room was unloaded (relay shutdown) does not schedule another unload', async () => {
    let idle = 0;
    const room = await Room.load('s', localLog(memoryPersistence()), log, 10, () => idle++);
    const a = fakeSocket('a');
    room.handleConnect(a.socket);
    await room.unload();
    room.handleClose(a.socket);
    await new Promise((r) => setTimeout(r, 40));
    expect(idle).toBe(0);
    await room.unload(); // a second unload is a no-op, not a second compaction of a closed store
  });
  it('a read-only connection: its SyncStep2 is taken without its changes, a changing update closes it with 4403 and nothing is stored', async () => {
    const persistence = memoryPersistence();
    const room = await Room.load('ro', localLog(persistence), log, 1000, () => {});
    const reader = fakeSocket('reader', 'r');
    const writer = fakeSocket('writer');
    room.handleConnect(reader.socket);
    room.handleConnect(writer.socket);
    await room.handleMessage(writer.socket, updateMessage(someUpdate((d) => d.getMap('m').set('w', 1))));
    const step2 = (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep2(e, (() => { const d = new Y.Doc(); Y.applyUpdate(d, update); return d; })());
      return encoding.toUint8Array(e);
    };
    // on connect: an empty SyncStep2 and one carrying local changes; neither closes, neither is stored
    await room.handleMessage(reader.socket, step2(new Uint8Array([0, 0])));
    await room.handleMessage(reader.socket, step2(someUpdate((d) => d.getMap('m').set('local', 1))));
    expect(reader.closed()).toBeNull();
    expect(room.doc.getMap('m').has('local')).toBe(false);
    // re-sending what the room already has is not a change either
    await room.handleMessage(reader.socket, updateMessage(Y.encodeStateAsUpdate(room.doc)));
    expect(reader.closed()).toBeNull();
    const before = persistence.rooms.get('ro')!.length;
    await room.handleMessage(reader.socket, updateMessage(someUpdate((d) => d.getMap('m').set('sneaky', 1))));
    expect(reader.closed()?.code).toBe(4403);
    expect(room.doc.getMap('m').has('sneaky')).toBe(false);
    expect(persistence.rooms.get('ro')!.length).toBe(before);
    expect(kinds(writer.sent).filter((k) => k === 'sync2')).toHaveLength(0); // nothing forwarded
    expect(room.connectionCount).toBe(1);
  });

  it('an update that releases structs waiting for it is forwarded to its own sender too (they carry more than it sent)', async () => {
    const hub = createLocalHub();
    const store = memoryPersistence();
    const room = await Room.load('p', localLog({ ...store, close: async () => {} }, hub), log, 1000, () => {});
    const otherRelay = localLog({ ...store, close: async () => {} }, hub);
    const author = fakeSocket('author');
    room.handleConnect(author.socket);
    // the author writes d; someone on another relay saw d and wrote c after it
    const d = new Y.Doc();
    d.getArray('a').insert(0, ['d']);
    const dUpdate = Y.encodeStateAsUpdate(d);
    const c = new Y.Doc();
    Y.applyUpdate(c, dUpdate);
    const beforeC = Y.encodeStateVector(c);
    c.getArray('a').insert(1, ['c']);
    // c reaches this relay through the log before d arrives from its author: it waits
    await otherRelay.append('p', Y.encodeStateAsUpdate(c, beforeC));
    expect(room.doc.getArray('a').length).toBe(0);
    await room.handleMessage(author.socket, updateMessage(dUpdate));
    expect(room.doc.getArray('a').toArray()).toEqual(['d', 'c']);
    // the author must receive c, released by its own update
    const authorDoc = new Y.Doc();
    Y.applyUpdate(authorDoc, dUpdate);
    for (const m of author.sent) {
      const dec = decoding.createDecoder(m);
      if (decoding.readVarUint(dec) !== MESSAGE.sync) continue;
      syncProtocol.readSyncMessage(dec, encoding.createEncoder(), authorDoc, null);
    }
    expect(authorDoc.getArray('a').toArray()).toEqual(['d', 'c']);
  });
});
