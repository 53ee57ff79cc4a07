import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { probeRoom } from '../../renderer/src/sync/probeRoom';
import { mintToken } from '../../sync-server/auth';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { officialClient, until } from '../support/yClient';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function relay(): Promise<RelayProcess> {
  const r = await startRelay();
  cleanups.push(() => removeDir(r.dataDir), () => r.stop('SIGKILL'));
  return r;
}

describe('asking a relay whether a room exists (real relay process)', () => {
  it('finds a room with data and hands over its content; an unknown room is empty and stays empty', async () => {
    const r = await relay();
    const writer = officialClient(r.url, 'w1.workspace');
    cleanups.push(writer.destroy);
    writer.doc.getMap('meta').set('name', 'Reef restoration');
    await until(() => writer.provider.synced, 10_000, 'writer synced');
    await new Promise((res) => setTimeout(res, 200));

    const found = await probeRoom(r.url, 'w1.workspace', { WebSocketPolyfill: WebSocket });
    expect(found.status).toBe('found');
    if (found.status === 'found') {
      expect(found.doc.getMap('meta').get('name')).toBe('Reef restoration');
      found.doc.destroy();
    }
    expect(await probeRoom(r.url, 'w1-typo.workspace', { WebSocketPolyfill: WebSocket })).toEqual({ status: 'empty' });
    // probing wrote nothing: the unknown room is still empty for the next asker
    expect(await probeRoom(r.url, 'w1-typo.workspace', { WebSocketPolyfill: WebSocket })).toEqual({ status: 'empty' });
  });

  it('sends a token the relay URL carries (`?token=`, as a workshop link does) the way the relay reads it', async () => {
    const secret = 'probe-secret-probe-secret-probe-secret-0';
    const r = await startRelay({ args: ['--auth-secret', secret] });
    cleanups.push(() => removeDir(r.dataDir), () => r.stop('SIGKILL'));
    const token = await mintToken({ room: 'w2.*', secret, ttlSeconds: 60, scope: 'rw' });
    const writer = officialClient(r.url, 'w2.workspace', undefined, { token });
    cleanups.push(writer.destroy);
    writer.doc.getMap('meta').set('name', 'Behind a token');
    await until(() => writer.provider.synced, 10_000, 'writer synced');
    await new Promise((res) => setTimeout(res, 200));
    const found = await probeRoom(`${r.url}/?token=${token}`, 'w2.workspace', { WebSocketPolyfill: WebSocket });
    expect(found.status).toBe('found');
    if (found.status === 'found') found.doc.destroy();
  });

  it('reports an unreachable relay within the timeout', async () => {
    const r = await relay();
    const url = r.url;
    await r.stop('SIGKILL');
    const started = Date.now();
    const probe = await probeRoom(url, 'x.workspace', { WebSocketPolyfill: WebSocket, timeoutMs: 1500 });
    expect(probe.status).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
