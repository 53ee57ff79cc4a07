import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNetwork } from '../../../shared/model/docs/networkDoc';
import { openDatabase } from './db';
import { DexieYProvider } from 'y-dexie';
import { compactStorage, dexiePendingStore, openDoc, storedUpdateRows } from './docStore';
import { layoutSnapshot } from '../features/graph/layoutSnapshot';
import { ensureDemoWorkspace, joinWorkspace, linkedWorkspaceRequest, listWorkspaces, prepareLinkedWorkspace } from './workspaces';

let n = 0;
const freshDb = () => openDatabase(`test-${++n}-${Date.now()}`);

describe('IndexedDB document storage (Dexie + y-dexie, fake-indexeddb)', () => {
  it('a document survives closing and reopening the database', async () => {
    const name = `persist-${Date.now()}`;
    let db = openDatabase(name);
    let h = await openDoc(db, 'w.network', 'w', 'network');
    h.doc.getMap('people').set('a', 'Ana');
    h.doc.getText('t').insert(0, 'hello');
    await db.writes.whenIdle();
    h.release();
    db.close();
    db = openDatabase(name);
    h = await openDoc(db, 'w.network', 'w', 'network');
    // resolved only once stored updates are applied: no waiting, no network
    expect(h.doc.getMap('people').get('a')).toBe('Ana');
    expect(h.doc.getText('t').toString()).toBe('hello');
    h.release();
    db.close();
  });

  it('counts a Yjs edit as unsaved from the moment it happens until its write has committed', async () => {
    const db = freshDb();
    const h = await openDoc(db, 'u.network', 'u', 'network');
    await db.writes.whenIdle();
    const seen: number[] = [];
    const stop = db.writes.subscribe(() => seen.push(db.writes.pending));
    h.doc.getMap('people').set('a', 'Ana');
    expect(db.writes.pending).toBeGreaterThan(0); // synchronously: a reload now would lose it
    await db.writes.whenIdle();
    expect(db.writes.pending).toBe(0);
    expect(db.writes.savedAt).not.toBeNull();
    expect(seen.at(-1)).toBe(0);
    stop();
    // committed: a second, independent connection reads it
    const other = openDatabase(db.name);
    const again = await openDoc(other, 'u.network', 'u', 'network');
    expect(again.doc.getMap('people').get('a')).toBe('Ana');
    again.release();
    other.close();
    h.release();
    db.close();
  });

  it('compaction merges stored updates so storage does not grow without bound', async () => {
    const db = freshDb();
    const h = await openDoc(db, 'c.network', 'c', 'network');
    for (let i = 0; i < 300; i++) h.doc.getMap('m').set(`k${i % 10}`, i);
    await new Promise((r) => setTimeout(r, 300));
    const before = await storedUpdateRows(db);
    expect(before).toBeGreaterThan(50);
    await compactStorage(db);
    const after = await storedUpdateRows(db);
    expect(after).toBeLessThanOrEqual(3);
    h.release();
    const again = await openDoc(db, 'c.network', 'c', 'network');
    expect(again.doc.getMap('m').toJSON()).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, 290 + k])));
    again.release();
    db.close();
  });

  it('creates the demo workspace once, with about 200 people, and lists workspaces', async () => {
    const db = freshDb();
    await ensureDemoWorkspace(db);
    await ensureDemoWorkspace(db);
    const h = await openDoc(db, 'demo.network', 'demo', 'network');
    expect(readNetwork(h.doc).people).toHaveLength(200);
    h.release();
    await joinWorkspace(db, 'shared-123');
    await expect(joinWorkspace(db, 'bad id!')).rejects.toThrow(/workspace id/);
    expect((await listWorkspaces(db)).map((w) => w.id).sort()).toEqual(['demo', 'shared-123']);
    db.close();
  });

  it('keeps unconfirmed-change markers across a reload', async () => {
    const db = freshDb();
    const store = dexiePendingStore(db);
    await store.save('r', [{ client: 1, clock: 5 }]);
    expect(await store.load('r')).toEqual([{ client: 1, clock: 5 }]);
    await store.save('r', []);
    expect(await store.load('r')).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('two documents in one database stay independent', async () => {
    const db = freshDb();
    const a = await openDoc(db, 'x.network', 'x', 'network');
    const b = await openDoc(db, 'y.network', 'y', 'network');
    a.doc.getMap('m').set('only', 'a');
    expect(b.doc.getMap('m').has('only')).toBe(false);
    expect(Y.encodeStateVector(b.doc).length).toBeLessThan(3);
    a.release();
    b.release();
    db.close();
  });

  it('reading a stored document does not encode it again for the update listeners, and later edits are still stored', async () => {
    const name = `echo-${Date.now()}`;
    let db = openDatabase(name);
    let h = await openDoc(db, 'e.network', 'e', 'network');
    for (let i = 0; i < 50; i++) h.doc.getMap('people').set(`p${i}`, `Person ${i}`);
    await db.writes.whenIdle();
    h.release();
    db.close();
    // a listener beside y-dexie's own (added as y-dexie's provider is made, before the read)
    const heard: number[] = [];
    const onNew = (provider: DexieYProvider) => provider.doc!.on('updateV2', (u: Uint8Array) => heard.push(u.length));
    DexieYProvider.on('new', onNew);
    db = openDatabase(name);
    try {
      h = await openDoc(db, 'e.network', 'e', 'network');
    } finally {
      DexieYProvider.on('new').unsubscribe(onNew);
    }
    expect(h.doc.getMap('people').size).toBe(50);
    expect(heard).toEqual([]); // the stored state was not encoded and handed to listeners
    h.doc.getMap('people').set('late', 'Late edit');
    expect(heard).toHaveLength(1); // listeners are back
    await db.writes.whenIdle();
    h.release();
    db.close();
    db = openDatabase(name);
    h = await openDoc(db, 'e.network', 'e', 'network');
    expect(h.doc.getMap('people').get('late')).toBe('Late edit');
    expect(h.doc.getMap('people').size).toBe(51);
    h.release();
    db.close();
  });

  it('a demo link hands its documents to the session already read (the same Y.Doc, not read twice)', async () => {
    const db = freshDb();
    await prepareLinkedWorkspace(db, linkedWorkspaceRequest(new URLSearchParams('workspace=hand&demo=30'))!);
    const net = await openDoc(db, 'hand.network', 'hand', 'network');
    expect(net.doc.isLoaded).toBe(true);
    expect(readNetwork(net.doc).people).toHaveLength(30);
    const again = await openDoc(db, 'hand.network', 'hand', 'network');
    expect(again.doc).toBe(net.doc);
    again.release();
    net.release();
    db.close();
  });

  it('keeps a layout without counting it as an unsaved change', async () => {
    const db = freshDb();
    const seen: number[] = [];
    const stop = db.writes.subscribe(() => seen.push(db.writes.pending));
    const snap = layoutSnapshot('w1', ['a', 'b'], { x: new Float32Array([1, 2]), y: new Float32Array([3, 4]), source: new Int32Array([0]), target: new Int32Array([1]), trust: new Float32Array([0.5]), radius: new Float32Array([3, 3]), group: new Uint16Array([0, 0]), colours: ['red'], names: ['A', 'B'], pinned: new Uint8Array(2) });
    await db.layouts.put(snap);
    expect(seen).toEqual([]);
    expect((await db.layouts.get('w1'))?.x).toEqual(new Float32Array([1, 2]));
    stop();
    db.close();
  });
});
