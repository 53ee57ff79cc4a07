import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';
import { leveldbPersistence, memoryPersistence, type RoomPersistence } from './persistence';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// One contract, run against every implementation (after tldraw's storage tests).
describe.each<[string, () => RoomPersistence]>([
  ['memory', () => memoryPersistence()],
  [
    'LevelDB on disk',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'archipelago-ldb-'));
      dirs.push(dir);
      return leveldbPersistence(dir);
    },
  ],
])('RoomPersistence contract: %s', (_name, make) => {
  it('a new room loads as null', async () => {
    const p = make();
    expect(await p.load('nothing-here')).toBeNull();
    await p.close();
  });

  it('stores updates and loads them back merged, room by room', async () => {
    const p = make();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    doc.getText('t').insert(0, 'hi');
    for (const u of updates) await p.storeUpdate('r1', u);
    await p.storeUpdate('r2', updates[0]);
    const back = new Y.Doc();
    Y.applyUpdate(back, (await p.load('r1'))!);
    expect(back.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(back.getText('t').toString()).toBe('hi');
    const other = new Y.Doc();
    Y.applyUpdate(other, (await p.load('r2'))!);
    expect(other.getMap('m').toJSON()).toEqual({ a: 1 });
    await p.close();
  });

  it('compaction keeps the content', async () => {
    const p = make();
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => void p.storeUpdate('c', u));
    for (let i = 0; i < 50; i++) doc.getArray('a').push([i]);
    await new Promise((r) => setTimeout(r, 50));
    await p.compact('c');
    const back = new Y.Doc();
    Y.applyUpdate(back, (await p.load('c'))!);
    expect(back.getArray('a').toArray()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await p.close();
  });

  it('writes after a compaction, and writes racing one, are all kept', async () => {
    const p = make();
    const doc = new Y.Doc();
    const writes: Promise<void>[] = [];
    doc.on('update', (u: Uint8Array) => writes.push(p.storeUpdate('race', u)));
    doc.getArray('a').push([0]);
    doc.getArray('a').push([1]);
    await Promise.all(writes);
    await p.compact('race');
    for (let i = 2; i < 40; i++) {
      doc.getArray('a').push([i]);
      if (i % 10 === 0) writes.push(p.compact('race')); // not awaited: in among the writes, as the Redis log's compaction is
    }
    await Promise.all(writes);
    const back = new Y.Doc();
    Y.applyUpdate(back, (await p.load('race'))!);
    expect(back.getArray('a').toArray()).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await p.close();
  });
});

describe('LevelDB persistence keeps y-leveldb\'s format', () => {
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'archipelago-ldb-'));
    dirs.push(dir);
    return dir;
  };
  const doc = (...values: number[]) => {
    const d = new Y.Doc();
    for (const v of values) d.getArray('a').push([v]);
    return d;
  };

  it('what it writes, y-leveldb reads and lists', async () => {
    const dir = fresh();
    const p = leveldbPersistence(dir);
    const d = doc();
    d.on('update', (u: Uint8Array) => void p.storeUpdate('ours', u));
    d.getArray('a').push([1]);
    d.getArray('a').push([2]);
    await p.storeUpdate('ours', Y.encodeStateAsUpdate(doc(3)));
    await p.close();
    const y = new LeveldbPersistence(dir);
    expect((await y.getYDoc('ours')).getArray('a').toArray().sort()).toEqual([1, 2, 3]);
    expect(await y.getAllDocNames()).toEqual(['ours']);
    await y.destroy();
  });

  it('goes on after what y-leveldb wrote, overwriting none of it', async () => {
    const dir = fresh();
    const y = new LeveldbPersistence(dir);
    const d = doc();
    const writes: Promise<unknown>[] = [];
    const onUpdate = (u: Uint8Array) => writes.push(y.storeUpdate('theirs', u));
    d.on('update', onUpdate);
    d.getArray('a').push([1]);
    d.getArray('a').push([2]);
    await Promise.all(writes);
    d.off('update', onUpdate);
    await y.destroy();
    const p = leveldbPersistence(dir);
    expect(await p.load('theirs')).not.toBeNull(); // the load reads the last clock: the write goes after it
    const before = Y.encodeStateVector(d);
    d.getArray('a').push([3]);
    await p.storeUpdate('theirs', Y.encodeStateAsUpdate(d, before));
    const back = new Y.Doc();
    Y.applyUpdate(back, (await p.load('theirs'))!);
    expect(back.getArray('a').toArray()).toEqual([1, 2, 3]);
    await p.close();
  });
});

describe('LevelDB persistence failures', () => {
  it('a write, a read or a compaction LevelDB refuses rejects: nothing passes for stored, for an empty room, or for compacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archipelago-ldb-'));
    dirs.push(dir);
    const p = leveldbPersistence(dir);
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    await p.storeUpdate('r', Y.encodeStateAsUpdate(doc));
    await p.close(); // every later operation fails inside y-leveldb, which would resolve it with null
    const warn = console.warn;
    console.warn = () => {}; // y-leveldb logs each failure
    try {
      await expect(p.storeUpdate('r', Y.encodeStateAsUpdate(doc))).rejects.toThrow(/storing an update of room r/);
      await expect(p.load('r')).rejects.toThrow(/reading room r/);
      await expect(p.compact('r')).rejects.toThrow(/compacting room r/);
    } finally {
      console.warn = warn;
    }
  });
});
