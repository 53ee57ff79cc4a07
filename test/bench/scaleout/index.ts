import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { buildServer } from '../../../scripts/build-server.mjs';
import { freePort, startRedis } from '../../support/redisProcess';
import type { Bench, BenchRow } from '../harness';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Enough that p99 is not just the second-worst sample. */
const UPDATES = Number(process.env.SCALEOUT_UPDATES ?? 500);
const ROOMS = Number(process.env.SCALEOUT_ROOMS ?? 1000);

interface Proc {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function started(port: number, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('did not start');
}

async function ourRelay(bundle: string, extra: string[] = []): Promise<Proc> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'archipelago-scaleout-'));
  const child = spawn(process.execPath, [join(bundle, 'relay.mjs'), '--port', String(port), '--data', data, '--log-level', 'warn', '--max-connections-per-ip', '100000', ...extra], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
  await started(port, child);
  return { port, child, stop: async () => (child.kill('SIGKILL'), await new Promise((r) => child.once('exit', r)), rmSync(data, { recursive: true, force: true })) };
}

async function upstreamRelay(): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], { cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'ignore', 'ignore'] });
  await started(port, child);
  return { port, child, stop: async () => (child.kill('SIGKILL'), await new Promise((r) => child.once('exit', r))) };
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const step1 = () => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
};
const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => (ws.send(step1()), resolve(ws)));
    ws.once('error', reject);
  });

/** p50 and p99 ms from a writer's update to a reader on another (or the same) relay receiving it. */
async function latency(writerUrl: string, readerUrl: string) {
  const writer = await open(writerUrl);
  const reader = await open(readerUrl);
  let arrived: (() => void) | null = null;
  reader.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2) arrived?.();
  });
  await new Promise((r) => setTimeout(r, 300));
  const doc = new Y.Doc();
  const times: number[] = [];
  for (let k = 0; k < UPDATES; k++) {
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set(`k${k}`, k);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc, before));
    const got = new Promise<void>((r) => (arrived = r));
    const t = performance.now();
    writer.send(encoding.toUint8Array(e));
    await got;
    times.push(performance.now() - t);
  }
  writer.terminate();
  reader.terminate();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}

/** p50 and p99 ms of fsync after a small append, on the disk Redis writes to: the floor under `appendfsync always`. */
function fsyncTimes(dir: string) {
  const fd = openSync(join(dir, 'fsync-probe'), 'a');
  const times: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      writeSync(fd, 'x'.repeat(200));
      const t = performance.now();
      fsyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
  }
  times.sort((a, b) => a - b);
  return { p50: times[100], p99: times[198] };
}

/** A → Redis → B through two fresh relays on `redisUrl`. */
async function crossRelay(bundle: string, redisUrl: string) {
  const a = await ourRelay(bundle, ['--redis', redisUrl]);
  const b = await ourRelay(bundle, ['--redis', redisUrl]);
  try {
    return await latency(`ws://127.0.0.1:${a.port}/lat`, `ws://127.0.0.1:${b.port}/lat`);
  } finally {
    await a.stop();
    await b.stop();
  }
}

/** Where the rooms' memory is read: a quarter, half and all of ROOMS, to show how it grows. */
const CHECKPOINTS = [Math.round(ROOMS / 4), Math.round(ROOMS / 2), ROOMS];

/**
 * RSS growth as rooms of two clients each are added, read at each checkpoint (a second after the
 * last room opened). `GET /metrics` is scraped every second meanwhile, as Prometheus would (the
 * baseline answers it with its plain-text page). Returns the growth at each checkpoint, in MiB.
 */
async function roomGrowth(proc: Proc): Promise<number[]> {
  const scrape = setInterval(() => void fetch(`http://127.0.0.1:${proc.port}/metrics`).then((r) => r.text()).catch(() => {}), 1000);
  const sockets: WebSocket[] = [];
  const growth: number[] = [];
  try {
    await fetch(`http://127.0.0.1:${proc.port}/metrics`).then((r) => r.text());
    const idle = rssMiB(proc.child.pid!);
    let opened = 0;
    for (const upTo of CHECKPOINTS) {
      for (; opened < upTo; opened += 50) {
        const first = opened;
        const count = Math.min(50, upTo - first);
        sockets.push(...(await Promise.all(Array.from({ length: count * 2 }, (_, j) => open(`ws://127.0.0.1:${proc.port}/room-${first + (j >> 1)}`)))));
      }
      opened = upTo;
      await new Promise((r) => setTimeout(r, 1000));
      growth.push(rssMiB(proc.child.pid!) - idle);
    }
    return growth;
  } finally {
    clearInterval(scrape);
    sockets.forEach((s) => s.terminate());
  }
}

/** Rows for memory per room at each checkpoint, and per room added between the last two. */
function roomRows(ours: number[], theirs: number[]): BenchRow[] {
  const baselineName = '@y/websocket-server 0.1.1, in memory';
  const kib = (mib: number, rooms: number) => (mib * 1024) / rooms;
  const rows: BenchRow[] = CHECKPOINTS.map((rooms, i) => ({ measure: `memory per room, ${rooms} rooms with 2 clients each (RSS growth / rooms)`, figure: kib(ours[i], rooms), baseline: kib(theirs[i], rooms), baselineName, unit: 'KiB' }));
  const [from, to] = CHECKPOINTS.slice(-2);
  const last = CHECKPOINTS.length - 1;
  rows.push({ measure: `memory per room added from ${from} to ${to} rooms`, figure: kib(ours[last] - ours[last - 1], to - from), baseline: kib(theirs[last] - theirs[last - 1], to - from), baselineName, unit: 'KiB' });
  return rows;
}

/** Scale-out: cross-relay latency through Redis against one relay, and memory per room against @y/websocket-server. */
export const scaleoutBench: Bench = {
  name: 'scaleout',
  async run(): Promise<BenchRow[]> {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const bundle = mkdtempSync(join(ROOT, '.tmp', 'bench-bundle-'));
    const redis = await startRedis();
    try {
      await buildServer(bundle);
      const single = await ourRelay(bundle);
      const one = await latency(`ws://127.0.0.1:${single.port}/lat`, `ws://127.0.0.1:${single.port}/lat`);
      const oursGrowth = await roomGrowth(single);
      await single.stop();
      // as the README runs Redis: every append fsynced before Redis answers (and before it serves
      // the other relay's XREAD), whereas one relay's LevelDB write is not fsynced
      const cross = await crossRelay(bundle, redis.url);
      // the same durability as the relay's own LevelDB copy: written before Redis answers (a crash of
      // the Redis process loses nothing acknowledged), fsynced each second (a power cut can lose 1 s)
      const admin = new Redis(redis.url);
      await admin.config('SET', 'appendfsync', 'everysec');
      await admin.quit();
      const crossEverysec = await crossRelay(bundle, redis.url);
      const disk = fsyncTimes(redis.dir);
      const up = await upstreamRelay();
      const theirsGrowth = await roomGrowth(up);
      await up.stop();
      return [
        { measure: `cross-relay p50, A → Redis → B (${UPDATES} updates, appendfsync always)`, figure: cross.p50, baseline: one.p50, baselineName: 'one relay, same clients', unit: 'ms' },
        { measure: `cross-relay p99, A → Redis → B`, figure: cross.p99, baseline: one.p99, baselineName: 'one relay, same clients', unit: 'ms' },
        { measure: `cross-relay p50, Redis appendfsync everysec`, figure: crossEverysec.p50, baseline: one.p50, baselineName: 'one relay, same clients', unit: 'ms' },
        { measure: `cross-relay p99, Redis appendfsync everysec`, figure: crossEverysec.p99, baseline: one.p99, baselineName: 'one relay, same clients', unit: 'ms' },
        { measure: `fsync of a 200-byte append on this disk, p99 (p50 ${disk.p50.toFixed(2)} ms)`, figure: disk.p99, baseline: null, baselineName: '', unit: 'ms' },
        ...roomRows(oursGrowth, theirsGrowth),
      ];
    } finally {
      await redis.stop();
      redis.remove();
      rmSync(bundle, { recursive: true, force: true });
    }
  },
};
