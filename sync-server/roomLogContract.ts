import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RoomLog } from './roomLog';

/** Two instances over one shared log (two relays), and a way to reopen one (a restart). */
export interface LogPair {
  a: RoomLog;
  b: RoomLog;
  /** Closes `a` and opens it again over the same storage. */
  reopenA(): Promise<RoomLog>;
  cleanup(): Promise<void>;
}

const update = (fill: (d: Y.Doc) => void, doc = new Y.Doc()) => {
  const before = Y.encodeStateVector(doc);
  fill(doc);
  return Y.encodeStateAsUpdate(doc, before);
};
const state = (...updates: (Uint8Array | null)[]) => {
  const d = new Y.Doc();
  for (const u of updates) if (u) Y.applyUpdate(d, u);
  return d.getMap('m').toJSON();
};
const until = async (check: () => boolean, what: string, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
const collector = () => {
  const updates: Uint8Array[] = [];
  const awareness: Uint8Array[] = [];
  return { updates, awareness, subscriber: { onUpdate: (u: Uint8Array) => void updates.push(u), onAwareness: (u: Uint8Array) => void awareness.push(u) } };
};

/** The room log contract (roomLog.ts): every implementation passes the same suite. */
export function roomLogContract(make: () => Promise<LogPair>) {
  let pair: LogPair;
  let room: string;
  let n = 0;
  beforeEach(async () => {
    pair = await make();
    room = `room-${Date.now()}-${n++}`;
  });
  afterEach(async () => pair.cleanup());

  it('a new room loads as nothing', async () => {
    expect((await pair.a.load(room)).update).toBeNull();
  });

  it('what one instance appends, the other loads', async () => {
    const doc = new Y.Doc();
    await pair.a.append(room, update((d) => d.getMap('m').set('x', 1), doc));
    await pair.a.append(room, update((d) => d.getMap('m').set('y', 2), doc));
    expect(state((await pair.b.load(room)).update)).toEqual({ x: 1, y: 2 });
    expect(state((await pair.a.load(room)).update)).toEqual({ x: 1, y: 2 });
  });

  it('a subscriber gets, in order, what the other instance appends after its cursor (also while it was loading), never its own', async () => {
    await pair.a.append(room, update((d) => d.getMap('m').set('before', 0)));
    const loaded = await pair.b.load(room);
    // appended after b's load but before b subscribes: the cursor must still cover it
    const doc = new Y.Doc();
    await pair.a.append(room, update((d) => d.getMap('m').set('gap', 1), doc));
    const got = collector();
    const stop = pair.b.subscribe(room, loaded.cursor, got.subscriber);
    await pair.b.append(room, update((d) => d.getMap('m').set('own', 9)));
    for (let i = 0; i < 5; i++) await pair.a.append(room, update((d) => d.getMap('m').set(`k${i}`, i), doc));
    await until(() => state(...got.updates).k4 === 4, 'the live updates');
    expect(state(loaded.update, ...got.updates)).toEqual({ before: 0, gap: 1, k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
    expect(state(...got.updates)).not.toHaveProperty('own');
    // in order: applied one after another, nothing waits for a missing predecessor
    const d = new Y.Doc();
    Y.applyUpdate(d, loaded.update!);
    for (const u of got.updates) Y.applyUpdate(d, u);
    expect(d.store.pendingStructs).toBeNull();
    stop();
    await pair.a.append(room, update((d2) => d2.getMap('m').set('after-stop', 1)));
    await new Promise((r) => setTimeout(r, 100));
    expect(state(...got.updates)).not.toHaveProperty('after-stop');
  });

  it('presence published by one instance reaches the other\'s subscriber, not its own', async () => {
    const onA = collector();
    const onB = collector();
    const stopA = pair.a.subscribe(room, (await pair.a.load(room)).cursor, onA.subscriber);
    const stopB = pair.b.subscribe(room, (await pair.b.load(room)).cursor, onB.subscriber);
    await new Promise((r) => setTimeout(r, 100)); // pub/sub subscriptions settle
    pair.a.publishAwareness(room, Uint8Array.of(1, 2, 3));
    await until(() => onB.awareness.length === 1, 'presence on b');
    expect([...onB.awareness[0]]).toEqual([1, 2, 3]);
    expect(onA.awareness).toEqual([]);
    stopA();
    stopB();
  });

  it('compaction keeps the state, and a restart keeps everything appended', async () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 20; i++) await pair.a.append(room, update((d) => d.getMap('m').set(`k${i}`, i), doc));
    await pair.a.compact(room);
    await pair.b.append(room, update((d) => d.getMap('m').set('b', true)));
    const reopened = await pair.reopenA();
    const loaded = state((await reopened.load(room)).update);
    expect(Object.keys(loaded)).toHaveLength(21);
    expect(loaded.k19).toBe(19);
  });
}
