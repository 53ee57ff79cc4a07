import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { memoryPersistence } from '../../../sync-server/persistence';
import { createRelay, type Relay } from '../../../sync-server/relay';
import { until } from '../../../test/support/yClient';
import { mintToken, tokenAuth } from '../../../sync-server/auth';
import { memoryPendingStore, reconnectsAfter, RelayConnection, splitRelayUrl, UNREACHABLE_AFTER_MS } from './relayConnection';


describe('RelayConnection (in-process relay, memory storage)', () => {
  let relay: Relay;
  const conns: RelayConnection[] = [];
  afterEach(async () => {
    conns.splice(0).forEach((c) => c.destroy());
    await relay?.close();
  });
  const start = async () => {
    relay = createRelay({ host: '127.0.0.1', port: 0, persistence: memoryPersistence(), logger: pino({ level: 'silent' }) });
    return `ws://127.0.0.1:${await relay.listen()}`;
  };
  const connect = (url: string, doc = new Y.Doc(), pending = memoryPendingStore()) => {
    const c = new RelayConnection(doc, { serverUrl: url, room: 'r', WebSocketPolyfill: WebSocket, pending });
    conns.push(c);
    return c;
  };

  it('counts local changes until the relay confirms storing them, deletions included', async () => {
    const url = await start();
    const c = connect(url);
    await until(() => c.getState().status === 'synced');
    c.disconnect();
    c.doc.getMap('m').set('a', 1);
    c.doc.getMap('m').set('b', 2);
    c.doc.getMap('m').delete('a'); // a pure deletion is counted too
    expect(c.getState()).toMatchObject({ status: 'offline', unconfirmed: 3 });
    c.connect();
    await c.whenConfirmed();
    expect(c.getState()).toMatchObject({ status: 'synced', unconfirmed: 0 });
    expect(c.getState().lastSyncedAt).toBeGreaterThan(Date.now() - 5000);
  });

  it('remembers unconfirmed changes across a restart of the app', async () => {
    const url = await start();
    const pending = memoryPendingStore();
    const doc = new Y.Doc();
    const first = new RelayConnection(doc, { serverUrl: url, room: 'r', WebSocketPolyfill: WebSocket, pending, connect: false });
    doc.getMap('m').set('x', 1);
    await new Promise((r) => setTimeout(r, 10));
    first.destroy();
    // "restart": same stored doc (here: its update), same pending store, a new client id
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    const second = new RelayConnection(reloaded, { serverUrl: url, room: 'r', WebSocketPolyfill: WebSocket, pending, connect: false });
    conns.push(second);
    await second.whenReady();
    expect(second.getState().unconfirmed).toBe(1);
    second.connect();
    await second.whenConfirmed();
    expect(second.getState().unconfirmed).toBe(0);
  });

  it('says the relay is unreachable after a few seconds, with the error and the next retry, then recovers', async () => {
    // a port nobody listens on (yet)
    const probe = createRelay({ host: '127.0.0.1', port: 0, persistence: memoryPersistence(), logger: pino({ level: 'silent' }) });
    const port = await probe.listen();
    await probe.close();
    const c = new RelayConnection(new Y.Doc(), { serverUrl: `ws://127.0.0.1:${port}`, room: 'r', WebSocketPolyfill: WebSocket, maxBackoffMs: 1000 });
    conns.push(c);
    await until(() => c.getState().status === 'connecting', 2000, 'connecting');
    expect(c.getState().lastError === null || c.getState().lastError!.length > 0).toBe(true);
    await until(() => c.getState().status === 'unreachable', UNREACHABLE_AFTER_MS + 3000, 'unreachable');
    expect(c.getState().lastError).toMatch(/\w/);
    expect(c.getState().retryAt).toBeGreaterThan(Date.now() - 2000);
    // the relay comes up on that port: the back-off finds it, and the error clears
    relay = createRelay({ host: '127.0.0.1', port, persistence: memoryPersistence(), logger: pino({ level: 'silent' }) });
    await relay.listen();
    await until(() => c.getState().status === 'synced', 10_000, 'synced after the relay came up');
    expect(c.getState()).toMatchObject({ lastError: null, retryAt: null });
  });

  it('notices a relay that dies while connected', async () => {
    const url = await start();
    const c = connect(url);
    await until(() => c.getState().status === 'synced');
    await relay.close();
    await until(() => c.getState().status === 'unreachable', UNREACHABLE_AFTER_MS + 5000, 'unreachable after the relay died');
    expect(c.getState().lastError).toMatch(/\w/);
  });

  it('sends a token carried by the relay URL as the relay expects it (a workshop link)', async () => {
    expect(splitRelayUrl('ws://h:1/?token=abc')).toEqual({ base: 'ws://h:1', token: 'abc' });
    expect(splitRelayUrl('ws://h:1')).toEqual({ base: 'ws://h:1', token: null });
    const secret = 'relay-connection-secret-relay-connection';
    relay = createRelay({ host: '127.0.0.1', port: 0, persistence: memoryPersistence(), logger: pino({ level: 'silent' }), authenticate: tokenAuth(secret) });
    const url = `ws://127.0.0.1:${await relay.listen()}`;
    const token = await mintToken({ room: 'r', secret, ttlSeconds: 60, scope: 'rw' });
    const c = connect(`${url}/?token=${token}`);
    c.doc.getMap('m').set('with', 'token');
    await c.whenConfirmed();
    expect(c.getState().status).toBe('synced');
  });

  const startWithTokens = async () => {
    const secret = 'relay-connection-secret-relay-connection';
    relay = createRelay({ host: '127.0.0.1', port: 0, persistence: memoryPersistence(), logger: pino({ level: 'silent' }), authenticate: tokenAuth(secret) });
    const url = `ws://127.0.0.1:${await relay.listen()}`;
    const withScope = async (scope: 'r' | 'rw') => `${url}/?token=${await mintToken({ room: 'r', secret, ttlSeconds: 60, scope })}`;
    return { rw: await withScope('rw'), r: await withScope('r') };
  };

  it('reconnects after a read-only refusal and keeps receiving, while its own change waits unsent', async () => {
    expect([4403, 4429, 1006, 4500, 4508].every(reconnectsAfter)).toBe(true);
    expect([4400, 4401, 4413].some(reconnectsAfter)).toBe(false);
    const { rw, r } = await startWithTokens();
    const writer = connect(rw);
    const reader = connect(r);
    await until(() => writer.getState().status === 'synced' && reader.getState().status === 'synced');
    reader.doc.getMap('m').set('mine', 'refused'); // the relay closes it with 4403 and changes nothing
    await until(() => reader.isReadOnly);
    expect(reader.getState().refused).toMatch(/read-only/);
    await until(() => reader.getState().status === 'synced'); // back, read-only
    writer.doc.getMap('m').set('theirs', 1);
    await until(() => reader.doc.getMap('m').get('theirs') === 1);
    await writer.whenConfirmed();
    await new Promise((res) => setTimeout(res, 300));
    expect(writer.doc.getMap('m').get('mine')).toBeUndefined();
    expect(reader.getState()).toMatchObject({ status: 'synced', unconfirmed: 1 });
  });

  it('sends what waited once read-write again (a workshop lock lifted)', async () => {
    const { rw } = await startWithTokens();
    const other = connect(rw);
    const locked = new RelayConnection(new Y.Doc(), { serverUrl: rw, room: 'r', WebSocketPolyfill: WebSocket, pending: memoryPendingStore(), readOnly: true });
    conns.push(locked);
    await until(() => other.getState().status === 'synced' && locked.getState().status === 'synced');
    locked.doc.getMap('m').set('during', 'lock');
    other.doc.getMap('m').set('from', 'other');
    await until(() => locked.doc.getMap('m').get('from') === 'other');
    await new Promise((res) => setTimeout(res, 300));
    expect(other.doc.getMap('m').get('during')).toBeUndefined();
    expect(locked.getState().unconfirmed).toBe(1);
    locked.setReadOnly(false);
    await locked.whenConfirmed();
    await until(() => other.doc.getMap('m').get('during') === 'lock');
    locked.doc.getMap('m').set('after', 'unlock'); // and live again
    await until(() => other.doc.getMap('m').get('after') === 'unlock');
  });

  it('a disconnect before the first connect (still reading its pending changes) keeps it down', async () => {
    const url = await start();
    const c = connect(url);
    c.disconnect(); // at once: the stored markers are still being read
    await new Promise((res) => setTimeout(res, 300));
    expect(c.provider.wsconnected || c.provider.wsconnecting).toBe(false);
    expect(c.getState().status).toBe('offline');
    c.connect();
    await until(() => c.getState().status === 'synced');
  });
});

