import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { RoomPersistence } from './persistence';
import { addsTo } from './updateAdds';
import type { RoomLog, RoomLogSubscriber } from './roomLog';

export interface RedisLogOptions {
  url: string;
  /** This relay's own durable store (LevelDB under --data): a copy of what it appends and compacts. */
  persistence: RoomPersistence;
  logger: Logger;
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string;
  /** Compact a room's stream after this many appends through this relay. Default 300. */
  compactEvery?: number;
  /** Stream entries younger than this are never trimmed, so a live reader cannot miss any. Default 60 s. */
  retentionMs?: number;
  /** This relay's clock (tests set one that is off). */
  now?: () => number;
}

/** Stream ids are `ms-seq`: compares two of them. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am - bm || (as ?? 0) - (bs ?? 0);
}


type Entry = [id: Buffer, fields: Buffer[]];
const field = (fields: Buffer[], name: string) => {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i].toString() === name) return fields[i + 1];
  return undefined;
};

/**
 * The room log on Redis, after y-redis. Each room is a stream of updates (`<prefix>:log:<room>`)
 * and a snapshot (`<prefix>:snap:<room>`: the merged update `u` and the last stream id it covers
 * `c`). Relays append to the stream and read it with XREAD; every `compactEvery` appends, one relay
 * (holding a lock) merges the stream into the snapshot, keeps a copy in its own LevelDB, and trims
 * the stream, so it stays bounded. Presence goes over pub/sub (`<prefix>:aw:<room>`).
 *
 * An append is acknowledged once it is in this relay's LevelDB and in Redis; run Redis with
 * `appendonly yes` so a Redis restart keeps the stream. When a room loads, whatever this relay's
 * LevelDB holds that Redis lacks (Redis lost its data) is appended again, so relays re-seed Redis.
 */
export interface RedisRoomLog extends RoomLog {
  /** Resolves once Redis answers a PING; rejects after `timeoutMs`. */
  ready(timeoutMs: number): Promise<void>;
}

export function redisLog(options: RedisLogOptions): RedisRoomLog {
  const { persistence, logger: log } = options;
  const prefix = options.prefix ?? 'archipelago';
  const compactEvery = options.compactEvery ?? 300;
  const retentionMs = options.retentionMs ?? 60_000;
  const me = randomBytes(8).toString('hex'); // 16 chars: this instance, so it skips its own entries
  const logKey = (room: string) => `${prefix}:log:${room}`;
  const snapKey = (room: string) => `${prefix}:snap:${room}`;
  const lockKey = (room: string) => `${prefix}:lock:${room}`;
  const awChannel = (room: string) => `${prefix}:aw:${room}`;
  const roomOfLogKey = (key: string) => key.slice(prefix.length + 5);
  const roomOfChannel = (channel: string) => channel.slice(prefix.length + 4);

  const redisOptions = { protocol: 2 as const, maxRetriesPerRequest: 2, lazyConnect: false };
  const cmd = new Redis(options.url, redisOptions);
  const reader = new Redis(options.url, { ...redisOptions, maxRetriesPerRequest: null });
  const sub = new Redis(options.url, { ...redisOptions, maxRetriesPerRequest: null });
  for (const [name, client] of [['command', cmd], ['reader', reader], ['subscriber', sub]] as const) {
    client.on('error', (err) => log.warn({ err: err.message, redis: name }, 'redis connection error'));
  }
  let readerId: string | null = null;
  reader.on('ready', () => {
    reader.client('ID').then((id) => (readerId = String(id)), () => {});
  });

  const subs = new Map<string, { cursor: string; subscriber: RoomLogSubscriber }>();
  const appendsSinceCompact = new Map<string, number>();
  let closed = false;
  let readerBlocked = false;
  let wake: (() => void) | null = null;
  let needsResync = false;

  /** Snapshot and stream read together (MULTI), so a concurrent compaction cannot fall between them. */
  const readRoom = async (room: string) => {
    const res = await cmd.multi().hgetallBuffer(snapKey(room)).xrangeBuffer(logKey(room), '-', '+').exec();
    if (!res) throw new Error('redis transaction aborted');
    for (const [err] of res) if (err) throw err;
    const snap = res[0][1] as Record<string, Buffer>;
    const entries = res[1][1] as Entry[];
    const snapCursor = snap.c?.toString() ?? '0-0';
    const updates: Uint8Array[] = snap.u ? [snap.u] : [];
    let cursor = snapCursor;
    for (const [idBuf, fields] of entries) {
      const id = idBuf.toString();
      if (compareIds(id, snapCursor) <= 0) continue;
      const u = field(fields, 'u');
      if (u) updates.push(u);
      cursor = id;
    }
    return { updates, cursor, snapCursor, snapshot: snap.u ?? null };
  };

  const interruptReader = () => {
    wake?.();
    if (readerBlocked && readerId) cmd.client('UNBLOCK', readerId).catch(() => {});
  };

  const readLoop = async () => {
    while (!closed) {
      if (subs.size === 0) {
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      try {
        if (needsResync) await resync();
        const rooms = [...subs.keys()];
        readerBlocked = true;
        const res = (await reader.xreadBuffer('COUNT', 500, 'BLOCK', 2000, 'STREAMS', ...rooms.map(logKey), ...rooms.map((r) => subs.get(r)!.cursor))) as [Buffer, Entry[]][] | null;
        readerBlocked = false;
        for (const [keyBuf, entries] of res ?? []) {
          const room = roomOfLogKey(keyBuf.toString());
          for (const [idBuf, fields] of entries) {
            const s = subs.get(room);
            if (!s) break;
            const id = idBuf.toString();
            if (compareIds(id, s.cursor) <= 0) continue;
            s.cursor = id;
            if (field(fields, 'o')?.toString() === me) continue;
            const u = field(fields, 'u');
            if (u) s.subscriber.onUpdate(new Uint8Array(u.buffer, u.byteOffset, u.byteLength), Number(id.split('-')[0]) - redisAheadMs);
          }
        }
      } catch (err) {
        readerBlocked = false;
        if (closed) return;
        log.warn({ err: (err as Error).message }, 'reading the room streams failed; retrying');
        needsResync = true; // entries may have been trimmed while we were away
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };

  /** After an outage: a reader whose cursor fell behind a compaction takes the snapshot first. */
  const resync = async () => {
    for (const [room, s] of subs) {
      const { snapshot, snapCursor, updates, cursor } = await readRoom(room);
      if (compareIds(snapCursor, s.cursor) > 0) {
        if (snapshot) s.subscriber.onUpdate(snapshot, null);
        s.cursor = snapCursor;
      }
      // nothing in Redis at all (it lost its data): the stream starts again from zero
      if (!snapshot && updates.length === 0 && cursor === '0-0') s.cursor = '0-0';
    }
    needsResync = false;
  };

  sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    if (message.subarray(0, 16).toString() === me) return;
    subs.get(roomOfChannel(channel.toString()))?.subscriber.onAwareness(new Uint8Array(message.buffer, message.byteOffset + 16, message.byteLength - 16));
  });

  const compactNow = async (room: string) => {
    const locked = await cmd.set(lockKey(room), me, 'PX', 30_000, 'NX');
    if (locked !== 'OK') return; // another relay is compacting it
    try {
      const { updates, cursor, snapCursor } = await readRoom(room);
      if (compareIds(cursor, snapCursor) <= 0) return;
      const merged = Y.mergeUpdates(updates);
      await persistence.storeUpdate(room, merged); // the durable copy first
      await persistence.compact(room); // one copy: the merged state replaces the appends it covers
      const oldest = `${Date.now() - retentionMs}-0`;
      const trimBefore = compareIds(cursor, oldest) < 0 ? cursor : oldest;
      const res = await cmd.multi().hset(snapKey(room), 'u', Buffer.from(merged), 'c', cursor).xtrim(logKey(room), 'MINID', trimBefore).exec();
      for (const [err] of res ?? []) if (err) throw err;
    } finally {
      if ((await cmd.get(lockKey(room)).catch(() => null)) === me) await cmd.del(lockKey(room)).catch(() => {});
    }
  };

  void readLoop();

  // Stream ids carry Redis's clock. To tell when another relay appended an entry (the Redis lag
  // metric) in this relay's time, the offset between the two clocks is measured with TIME on
  // connecting and every minute (half the round trip is the error), so clocks that disagree do not
  // turn into lag, or hide it.
  const now = options.now ?? Date.now;
  let redisAheadMs = 0;
  const measureClock = () => {
    const sent = now();
    cmd.time().then(([seconds, micros]) => {
      const received = now();
      redisAheadMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - (sent + received) / 2;
    }, () => {});
  };
  cmd.on('ready', measureClock);
  const clockTimer = setInterval(measureClock, 60_000);
  clockTimer.unref?.();

  return {
    async load(room) {
      const [local, fromRedis] = await Promise.all([persistence.load(room), readRoom(room)]);
      const redisState = fromRedis.updates.length ? Y.mergeUpdates(fromRedis.updates) : null;
      if (local) {
        const missing = redisState ? Y.diffUpdate(local, Y.encodeStateVectorFromUpdate(redisState)) : local;
        if (addsTo(redisState, missing)) {
          log.info({ room }, 'redis lacks part of this room (it lost data?): appending it again from local storage');
          await cmd.xaddBuffer(logKey(room), '*', 'u', Buffer.from(missing), 'o', 're-seed');
        }
      }
      const parts = [redisState, local].filter((u): u is Uint8Array => u !== null);
      return { update: parts.length === 0 ? null : parts.length === 1 ? parts[0] : Y.mergeUpdates(parts), cursor: fromRedis.cursor };
    },
    async append(room, update) {
      if (closed) throw new Error('the room log is closed');
      await Promise.all([persistence.storeUpdate(room, update), cmd.xaddBuffer(logKey(room), '*', 'u', Buffer.from(update.buffer, update.byteOffset, update.byteLength), 'o', me)]);
      const n = (appendsSinceCompact.get(room) ?? 0) + 1;
      appendsSinceCompact.set(room, n % compactEvery);
      if (n >= compactEvery) compactNow(room).catch((err) => log.warn({ err: (err as Error).message, room }, 'compaction failed (will retry)'));
    },
    subscribe(room, cursor, subscriber) {
      subs.set(room, { cursor, subscriber });
      sub.subscribe(awChannel(room)).catch((err) => log.warn({ err: err.message, room }, 'presence subscription failed'));
      interruptReader();
      return () => {
        if (subs.get(room)?.subscriber !== subscriber) return;
        subs.delete(room);
        sub.unsubscribe(awChannel(room)).catch(() => {});
        interruptReader();
      };
    },
    publishAwareness(room, update) {
      cmd.publish(awChannel(room), Buffer.concat([Buffer.from(me), update])).catch(() => {});
    },
    async compact(room) {
      appendsSinceCompact.delete(room);
      await Promise.all([compactNow(room).catch((err) => log.warn({ err: (err as Error).message, room }, 'compaction failed')), persistence.compact(room)]);
    },
    async ready(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          cmd.ping(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from redis within ${timeoutMs} ms`)), timeoutMs))),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    status: () => ({ redis: { status: cmd.status, ok: cmd.status === 'ready' && reader.status === 'ready' && sub.status === 'ready' } }),
    async close() {
      closed = true;
      clearInterval(clockTimer);
      interruptReader();
      reader.disconnect();
      sub.disconnect();
      await cmd.quit().catch(() => cmd.disconnect());
      await persistence.close();
    },
  };
}
