import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { health, relayFixture } from '../support/relayFixture';
import type { RelayProcess } from '../support/relayProcess';
import { redisForSuite } from '../support/redisSuite';
import { appClient, officialClient, until } from '../support/yClient';

/** Relays started with the same --redis, each its own --data, behave as one relay. */
describe('relays scaled out on a real redis-server', () => {
  let redis = redisForSuite();
  const { relay, cleanup } = relayFixture({ args: () => ['--redis', redis.url] });
  const client = (r: RelayProcess, room: string) => {
    const c = officialClient(r.url, room);
    cleanup(c.destroy);
    return c;
  };

  it('clients on two relays converge, presence included; /healthz reports Redis', async () => {
    const [a, b] = [await relay(), await relay()];
    expect(await health(a)).toMatchObject({ redis: { status: 'ready', ok: true } });
    const onA = client(a, 'two');
    const onB = client(b, 'two');
    onA.doc.getText('t').insert(0, 'from A ');
    onB.doc.getText('t').insert(0, 'from B ');
    await until(() => onA.doc.getText('t').toString() === onB.doc.getText('t').toString() && onA.doc.getText('t').length === 14, 10_000, 'convergence');
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana on A' });
    await until(() => [...onB.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Ana on A'), 10_000, 'presence across relays');
    onA.provider.disconnect(); // leaving is seen across relays too
    await until(() => ![...onB.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Ana on A'), 10_000, 'presence removed');
    // B took A's update from Redis: the lag from A's append to B applying it is measured
    const metrics = await (await fetch(`http://127.0.0.1:${b.port}/metrics`)).text();
    const lagCount = Number(/^archipelago_relay_redis_lag_seconds_count (\d+)/m.exec(metrics)?.[1]);
    expect(lagCount).toBeGreaterThanOrEqual(1);
    expect(Number(/^archipelago_relay_redis_lag_seconds_bucket\{le="1"\} (\d+)/m.exec(metrics)?.[1])).toBe(lagCount); // each within a second, on one machine
  });

  it('while Redis is down, /healthz says so and clients keep their edits; when it is back, they are delivered', async () => {
    const [a, b] = [await relay(), await relay()];
    const onA = appClient(a.url, 'down');
    const onB = client(b, 'down');
    cleanup(onA.destroy);
    onA.doc.getMap('m').set('before', 1);
    await until(() => onB.doc.getMap('m').get('before') === 1, 10_000, 'sync before');
    await redis.stop();
    const redisOk = async (r: RelayProcess) => (await health(r)).redis?.ok;
    for (let i = 0; i < 100 && (await redisOk(a)) !== false; i++) await new Promise((res) => setTimeout(res, 100));
    expect(await health(a)).toMatchObject({ ok: true, redis: { ok: false } });
    onA.doc.getMap('m').set('during', 2); // cannot be acknowledged: it waits on A's device
    await new Promise((res) => setTimeout(res, 500));
    expect(onA.conn.getState().unconfirmed).toBeGreaterThan(0);
    redis = await redis.restart();
    await onA.conn.whenConfirmed();
    await until(() => onB.doc.getMap('m').get('during') === 2, 20_000, 'the edit made while Redis was down');
    for (let i = 0; i < 100 && (await redisOk(a)) !== true; i++) await new Promise((res) => setTimeout(res, 100));
    expect(await redisOk(a)).toBe(true);
  }, 60_000);

  it('a client joining relay B gets everything written through relay A, though B never had the room loaded', async () => {
    const [a, b] = [await relay(), await relay()];
    const writer = appClient(a.url, 'late');
    cleanup(writer.destroy);
    for (let i = 0; i < 400; i++) writer.doc.getMap('m').set(`k${i}`, i); // past the compaction threshold
    await writer.conn.whenConfirmed();
    expect((await health(b)).rooms).toBe(0);
    const late = client(b, 'late');
    await until(() => late.doc.getMap('m').size === 400, 10_000, 'the late joiner');
    expect(late.doc.getMap('m').toJSON()).toEqual(writer.doc.getMap('m').toJSON());
  });

  it('after kill -9 of a relay mid-stream, nothing it acknowledged is lost; its client carries on through another', async () => {
    const [a, b] = [await relay(), await relay()];
    const observer = client(b, 'killed');
    await until(() => observer.provider.synced, 10_000, 'observer synced');
    const doc = new Y.Doc();
    const writer = appClient(a.url, 'killed', doc);
    cleanup(writer.destroy);
    let acknowledged = 0;
    let killed = false;
    const writing = (async () => {
      for (let round = 0; !killed; round++) {
        for (let i = 0; i < 10; i++) doc.getMap('m').set(`r${round}-${i}`, i);
        const written = doc.getMap('m').size;
        try {
          await Promise.race([writer.conn.whenConfirmed(), until(() => killed, 20_000)]);
        } catch {
          /* keep going */
        }
        if (!killed) acknowledged = written;
      }
    })();
    await until(() => acknowledged >= 200, 20_000, 'writes to be acknowledged');
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    killed = true;
    await writing;
    const ackedKeys = [...doc.getMap('m').keys()].slice(0, acknowledged);
    writer.destroy(); // its connection is gone: what B has must come from what A stored
    await until(() => ackedKeys.every((k) => observer.doc.getMap('m').has(k)), 10_000, `all ${acknowledged} acknowledged keys on B`);
    // the writer's app reconnects to B and sends what was never acknowledged: nothing is lost at all
    const again = appClient(b.url, 'killed', doc);
    cleanup(again.destroy);
    await again.conn.whenConfirmed();
    await until(() => observer.doc.getMap('m').size === doc.getMap('m').size, 10_000, 'everything on B');
  });

  it('three relays converge', async () => {
    const relays = [await relay(), await relay(), await relay()];
    const clients = relays.map((r) => client(r, 'three'));
    clients.forEach((c, i) => c.doc.getArray('a').push([`from ${i}`]));
    await until(() => clients.every((c) => c.doc.getArray('a').length === 3), 10_000, 'three-way convergence');
    const first = JSON.stringify(clients[0].doc.getArray('a').toJSON());
    for (const c of clients) expect(JSON.stringify(c.doc.getArray('a').toJSON())).toBe(first);
  });

  it('survives a restart of Redis: clients keep syncing afterwards and a newcomer gets everything', async () => {
    const [a, b] = [await relay(), await relay()];
    const onA = appClient(a.url, 'restart');
    const onB = client(b, 'restart');
    cleanup(onA.destroy);
    onA.doc.getMap('m').set('before', 1);
    await onA.conn.whenConfirmed();
    await until(() => onB.doc.getMap('m').get('before') === 1, 10_000, 'sync before');
    redis = await redis.restart();
    await until(() => false, 500).catch(() => {}); // the relays notice and reconnect
    onA.doc.getMap('m').set('after', 2);
    await onA.conn.whenConfirmed();
    await until(() => onB.doc.getMap('m').get('after') === 2, 20_000, 'sync after the restart');
    expect((await health(b)).redis).toMatchObject({ ok: true });
    const c = await relay();
    const newcomer = client(c, 'restart');
    await until(() => newcomer.doc.getMap('m').get('before') === 1 && newcomer.doc.getMap('m').get('after') === 2, 10_000, 'newcomer');
  }, 60_000);
});
