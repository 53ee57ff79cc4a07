import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { RelayConnection } from '../../renderer/src/sync/relayConnection';
import { relayFixture } from '../support/relayFixture';
import { startRedis, type RedisProcess } from '../support/redisProcess';
import { officialClient, until } from '../support/yClient';

/**
 * The app's connection given a list of relays that share one real redis-server: after `kill -9` of
 * the relay in use, it carries on through the next, and nothing the first acknowledged is lost.
 */
describe('the app with a list of relays (failover)', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
    redis?.remove();
  });
  const { relay, cleanup } = relayFixture({ args: () => ['--redis', redis.url] });

  it('kill -9 of the relay in use: the client moves to the next relay, says which, and loses nothing acknowledged', async () => {
    const [a, b] = [await relay(), await relay()];
    const doc = new Y.Doc();
    const conn = new RelayConnection(doc, { serverUrl: [a.url, b.url], room: 'failover', WebSocketPolyfill: WebSocket, maxBackoffMs: 500 });
    cleanup(() => conn.destroy());
    await until(() => conn.getState().status === 'synced', 10_000, 'synced with A');
    expect(conn.getState().relay).toBe(a.url);
    for (let i = 0; i < 100; i++) doc.getMap('m').set(`a${i}`, i);
    await conn.whenConfirmed();
    const acknowledged = doc.getMap('m').toJSON();

    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    // written while the relay in use is gone: kept, and sent to the next relay
    for (let i = 0; i < 50; i++) doc.getMap('m').set(`b${i}`, i);
    await until(() => conn.getState().status === 'synced' && conn.getState().relay === b.url, 15_000, 'synced with B');
    await conn.whenConfirmed();
    expect(conn.getState().unconfirmed).toBe(0);

    // a newcomer on B (which never served this client before) has everything: acknowledged by A, and after
    const late = officialClient(b.url, 'failover');
    cleanup(late.destroy);
    await until(() => late.doc.getMap('m').size === 150, 10_000, 'everything on B');
    for (const [k, v] of Object.entries(acknowledged)) expect(late.doc.getMap('m').get(k)).toBe(v);
    expect(late.doc.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('an unreachable first relay: the client goes on to the next one in the list', async () => {
    const b = await relay();
    const dead = 'ws://127.0.0.1:9'; // discard port: nothing listens
    const doc = new Y.Doc();
    const conn = new RelayConnection(doc, { serverUrl: [dead, b.url], room: 'first-down', WebSocketPolyfill: WebSocket, maxBackoffMs: 500 });
    cleanup(() => conn.destroy());
    doc.getMap('m').set('k', 1);
    await until(() => conn.getState().status === 'synced', 10_000, 'synced with the second relay');
    expect(conn.getState().relay).toBe(b.url);
    await conn.whenConfirmed();
  });
});
