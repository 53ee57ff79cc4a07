import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { appClient, officialClient, until } from '../support/yClient';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function relay(opts?: Parameters<typeof startRelay>[0]): Promise<RelayProcess> {
  const r = await startRelay(opts);
  cleanups.push(() => r.stop('SIGKILL'));
  if (!opts?.dataDir) cleanups.push(() => removeDir(r.dataDir));
  return r;
}
const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('relay process (real port, real LevelDB)', () => {
  it('answers /healthz with JSON and binds to 127.0.0.1', async () => {
    const r = await relay();
    const res = await fetch(`http://127.0.0.1:${r.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rooms: 0, connections: 0 });
  });

  it('two official y-websocket clients converge', async () => {
    const r = await relay();
    const a = officialClient(r.url, 'room-a');
    const b = officialClient(r.url, 'room-a');
    cleanups.push(a.destroy, b.destroy);
    a.doc.getText('t').insert(0, 'hello ');
    b.doc.getText('t').insert(0, 'world');
    await until(() => text(a.doc) === text(b.doc) && text(a.doc).length === 11, 10_000, 'convergence');
    expect(text(a.doc)).toContain('hello');
    expect(text(b.doc)).toContain('world');
  });

  it('a client edits offline, reconnects, and both sides converge', async () => {
    const r = await relay();
    const a = appClient(r.url, 'offline-room');
    const b = officialClient(r.url, 'offline-room');
    cleanups.push(a.destroy, b.destroy);
    await until(() => a.conn.getState().status === 'synced', 10_000, 'a synced');
    a.conn.disconnect();
    a.doc.getMap('m').set('from-a', 1);
    b.doc.getMap('m').set('from-b', 2);
    await new Promise((res) => setTimeout(res, 200));
    expect(a.doc.getMap('m').has('from-b')).toBe(false);
    expect(a.conn.getState()).toMatchObject({ status: 'offline', unconfirmed: 1 });
    a.conn.connect();
    await until(() => a.doc.getMap('m').has('from-b') && b.doc.getMap('m').has('from-a'), 10_000, 'convergence');
    await a.conn.whenConfirmed();
    expect(a.conn.getState().unconfirmed).toBe(0);
    expect(a.doc.getMap('m').toJSON()).toEqual(b.doc.getMap('m').toJSON());
  });

  it('a peer that joins after another has left still gets all of its changes', async () => {
    const r = await relay({ args: ['--idle-unload-ms', '100'] });
    const a = appClient(r.url, 'late-room');
    a.doc.getArray('items').push(['one', 'two', 'three']);
    await a.conn.whenConfirmed();
    a.destroy();
    // wait for the room to unload: the late peer reads it back from disk
    await until(() => false, 400).catch(() => {});
    const health = await (await fetch(`http://127.0.0.1:${r.port}/healthz`)).json();
    expect(health.rooms).toBe(0);
    const late = officialClient(r.url, 'late-room');
    cleanups.push(late.destroy);
    await until(() => late.doc.getArray('items').length === 3, 10_000, 'late sync');
    expect(late.doc.getArray('items').toArray()).toEqual(['one', 'two', 'three']);
  });

  it('keeps every acknowledged update after kill -9 and a restart', async () => {
    const first = await relay();
    const a = appClient(first.url, 'durable');
    cleanups.push(a.destroy);
    const map = a.doc.getMap('m');
    for (let i = 0; i < 200; i++) map.set(`k${i}`, i);
    await a.conn.whenConfirmed();
    const acknowledged = map.toJSON();
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    a.destroy();
    const second = await relay({ dataDir: first.dataDir });
    cleanups.push(() => removeDir(first.dataDir));
    const b = officialClient(second.url, 'durable');
    cleanups.push(b.destroy);
    await until(() => b.doc.getMap('m').size === 200, 10_000, 'restore');
    expect(b.doc.getMap('m').toJSON()).toEqual(acknowledged);
  });

  it('a malformed frame closes only its own connection', async () => {
    const r = await relay();
    const good = officialClient(r.url, 'shared');
    const other = officialClient(r.url, 'shared');
    cleanups.push(good.destroy, other.destroy);
    await until(() => good.provider.synced && other.provider.synced, 10_000, 'synced');
    const closes: number[] = [];
    for (const frame of [Uint8Array.of(0, 2, 200, 1, 2), Uint8Array.of(9, 9, 9), Uint8Array.of(0, 7)]) {
      const bad = new WebSocket(`${r.url}/shared`);
      await new Promise((res) => bad.once('open', res));
      const closed = new Promise<number>((res) => bad.once('close', (code) => res(code)));
      bad.send(frame);
      closes.push(await closed);
    }
    const textFrame = new WebSocket(`${r.url}/shared`);
    await new Promise((res) => textFrame.once('open', res));
    const textClosed = new Promise<number>((res) => textFrame.once('close', (code) => res(code)));
    textFrame.send('hello');
    closes.push(await textClosed);
    expect(closes).toEqual([4400, 4400, 4400, 4400]);
    // the other connections never noticed
    good.doc.getText('t').insert(0, 'still fine');
    await until(() => text(other.doc) === 'still fine', 10_000, 'others still sync');
    expect(good.provider.wsconnected && other.provider.wsconnected).toBe(true);
  });

  it('rejects an oversize frame with close code 1009 and stays up', async () => {
    const r = await relay({ args: ['--max-frame-bytes', '65536'] });
    const ws = new WebSocket(`${r.url}/big`);
    await new Promise((res) => ws.once('open', res));
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.send(new Uint8Array(100_000));
    expect(await closed).toBe(1009);
    expect((await fetch(`http://127.0.0.1:${r.port}/healthz`)).status).toBe(200);
  });

  it('flushes and exits 0 on SIGTERM', async () => {
    const r = await relay();
    const a = appClient(r.url, 'term');
    cleanups.push(a.destroy);
    a.doc.getText('t').insert(0, 'kept');
    await a.conn.whenConfirmed();
    expect(await r.stop('SIGTERM')).toBe(0);
    const again = await relay({ dataDir: r.dataDir });
    const b = officialClient(again.url, 'term');
    cleanups.push(b.destroy);
    await until(() => text(b.doc) === 'kept', 10_000, 'restored');
  });
});
