import pino from 'pino';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryPersistence } from '../../sync-server/persistence';
import { redisLog } from '../../sync-server/redisLog';
import { roomLogContract } from '../../sync-server/roomLogContract';
import { redisForSuite } from '../support/redisSuite';

const logger = pino({ level: 'silent' });

describe('redisLog on a real redis-server (the room log contract)', () => {
  const redis = redisForSuite();

  roomLogContract(async () => {
    // two relays: one Redis, each its own local store
    const storeA = memoryPersistence();
    const open = () => redisLog({ url: redis.url, persistence: { ...storeA, close: async () => {} }, logger, compactEvery: 5 });
    let a = open();
    const b = redisLog({ url: redis.url, persistence: memoryPersistence(), logger, compactEvery: 5 });
    return {
      a,
      b,
      reopenA: async () => {
        await a.close();
        a = open();
        return a;
      },
      cleanup: async () => {
        await Promise.all([a.close(), b.close()]);
      },
    };
  });

  it('compaction folds the stream into the snapshot and the relay\'s own store, and keeps the stream bounded', async () => {
    const store = memoryPersistence();
    const log = redisLog({ url: redis.url, persistence: store, logger, compactEvery: 50, retentionMs: 0 });
    const client = new Redis(redis.url, { protocol: 2 });
    try {
      const doc = new Y.Doc();
      for (let i = 0; i < 500; i++) {
        const before = Y.encodeStateVector(doc);
        doc.getMap('m').set(`k${i}`, i);
        await log.append('bounded', Y.encodeStateAsUpdate(doc, before));
      }
      await new Promise((r) => setTimeout(r, 200)); // the last compaction runs after its append
      const length = await client.xlen('archipelago:log:bounded');
      expect(length).toBeLessThan(50);
      expect(await client.hexists('archipelago:snap:bounded', 'c')).toBe(1);
      const other = redisLog({ url: redis.url, persistence: memoryPersistence(), logger });
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, (await other.load('bounded')).update!);
      expect(loaded.getMap('m').size).toBe(500);
      await other.close();
      // this relay's own durable copy holds the compacted state too, merged, not beside every append it covers
      const local = new Y.Doc();
      Y.applyUpdate(local, (await store.load('bounded'))!);
      expect(local.getMap('m').size).toBe(500);
      expect(store.rooms.get('bounded')!.length).toBeLessThan(50);
    } finally {
      client.disconnect();
      await log.close();
    }
  });

  it('a room with deletions that Redis holds whole is not appended again on every load', async () => {
    const store = memoryPersistence();
    const log = redisLog({ url: redis.url, persistence: store, logger });
    const client = new Redis(redis.url, { protocol: 2 });
    try {
      const doc = new Y.Doc();
      doc.getMap('m').set('a', 1);
      doc.getMap('m').set('b', 2);
      doc.getMap('m').delete('a');
      const update = Y.encodeStateAsUpdate(doc);
      await log.append('deletions', update); // in this relay's store and in Redis
      for (let i = 0; i < 3; i++) await log.load('deletions');
      expect(await client.xlen('archipelago:log:deletions')).toBe(1);
      // a deletion only this relay's store has is appended once, then no more
      doc.getMap('m').delete('b');
      await store.storeUpdate('deletions', Y.encodeStateAsUpdate(doc));
      for (let i = 0; i < 3; i++) await log.load('deletions');
      expect(await client.xlen('archipelago:log:deletions')).toBe(2);
      const elsewhere = redisLog({ url: redis.url, persistence: memoryPersistence(), logger });
      const other = new Y.Doc();
      Y.applyUpdate(other, (await elsewhere.load('deletions')).update!);
      await elsewhere.close();
      expect(other.getMap('m').size).toBe(0);
    } finally {
      client.disconnect();
      await log.close();
    }
  });

  it('tells when another relay appended an entry in its own time, though its clock is 10 s off Redis\'s', async () => {
    const skewed = () => Date.now() + 10_000;
    const b = redisLog({ url: redis.url, persistence: memoryPersistence(), logger, now: skewed });
    const a = redisLog({ url: redis.url, persistence: memoryPersistence(), logger });
    try {
      await b.ready(5000);
      await new Promise((r) => setTimeout(r, 200)); // its first clock measurement
      const lags: number[] = [];
      b.subscribe('clock', (await b.load('clock')).cursor, { onUpdate: (_u, at) => lags.push(skewed() - at!), onAwareness: () => {} });
      const doc = new Y.Doc();
      doc.getMap('m').set('k', 1);
      await a.append('clock', Y.encodeStateAsUpdate(doc));
      for (let i = 0; i < 100 && lags.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(lags).toHaveLength(1);
      expect(lags[0]).toBeGreaterThanOrEqual(-50);
      expect(lags[0]).toBeLessThan(1000); // not the 10 s the clocks disagree by
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('when Redis has lost a room, a relay that loads it appends what its own store holds again', async () => {
    const store = memoryPersistence();
    const doc = new Y.Doc();
    doc.getMap('m').set('survivor', 1);
    await store.storeUpdate('lost', Y.encodeStateAsUpdate(doc)); // in this relay's LevelDB, not in Redis
    const a = redisLog({ url: redis.url, persistence: store, logger });
    const b = redisLog({ url: redis.url, persistence: memoryPersistence(), logger });
    try {
      const fromA = new Y.Doc();
      Y.applyUpdate(fromA, (await a.load('lost')).update!);
      expect(fromA.getMap('m').get('survivor')).toBe(1);
      const fromB = new Y.Doc();
      Y.applyUpdate(fromB, (await b.load('lost')).update!);
      expect(fromB.getMap('m').get('survivor')).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
