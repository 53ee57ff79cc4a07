import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { buildServer } from '../../../scripts/build-server.mjs';
import { freePort } from '../../support/redisProcess';
import type { Bench, BenchRow } from '../harness';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLIENTS = Number(process.env.FANOUT_CLIENTS ?? 1000);
const UPDATES = Number(process.env.FANOUT_UPDATES ?? 150);
/** Rounds of both servers, alternating which goes first; each figure is the median over the rounds. */
const ROUNDS = Number(process.env.FANOUT_ROUNDS ?? 5);

interface Server {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('server did not start');
}

/**
 * Ours: the production bundle (plain node, no tsx), LevelDB on disk, persisting before forwarding.
 * Both servers run as `node <script>` with no node flags (tsx passes its loader as argv, not
 * NODE_OPTIONS, so neither child inherits it).
 */
async function ours(bundleDir: string): Promise<Server> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'archipelago-fanout-'));
  const child = spawn(process.execPath, [join(bundleDir, 'relay.mjs'), '--port', String(port), '--data', data, '--log-level', 'warn', '--max-connections-per-ip', String(CLIENTS * 2)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, child);
  return { port, child, stop: async () => (child.kill('SIGKILL'), await new Promise((r) => child.once('exit', r)), rmSync(data, { recursive: true, force: true })) };
}

/** The baseline: @y/websocket-server 0.1.1's own server, in memory. */
async function upstream(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], { cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, child);
  return { port, child, stop: async () => (child.kill('SIGKILL'), await new Promise((r) => child.once('exit', r))) };
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const syncStep1 = () => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
};
const isUpdate = (data: Buffer) => {
  const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2;
};

/**
 * Scrapes `GET /metrics` every second, as Prometheus would, and samples the RSS every 100 ms, for
 * as long as the run lasts: the cost of the metrics is in the figure (the baseline, which has no
 * metrics, answers the same request with its plain-text page). Returns a stop function giving the peak.
 */
function watch(server: Server) {
  let peak = rssMiB(server.child.pid!);
  const sample = setInterval(() => (peak = Math.max(peak, rssMiB(server.child.pid!))), 100);
  const scrape = setInterval(() => void fetch(`http://127.0.0.1:${server.port}/metrics`).then((r) => r.text()).catch(() => {}), 1000);
  return () => {
    clearInterval(sample);
    clearInterval(scrape);
    return Math.max(peak, rssMiB(server.child.pid!));
  };
}

interface Measured {
  p50: number;
  p99: number;
  rss: number;
}

/** CLIENTS raw clients on one room; one writer sends UPDATES updates, one after another; ms until the last client has each. */
async function measure(server: Server): Promise<Measured> {
  const stopWatching = watch(server);
  try {
    const { p50, p99 } = await fanOut(server);
    return { p50, p99, rss: stopWatching() };
  } finally {
    stopWatching();
  }
}

async function fanOut(server: Server) {
  const url = `ws://127.0.0.1:${server.port}/fanout`;
  const arrivals: number[] = [];
  let waiting: (() => void) | null = null;
  let received = 0;
  const clients: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - i) }, () => {
        const ws = new WebSocket(url);
        clients.push(ws);
        ws.on('message', (data: Buffer) => {
          if (!isUpdate(data)) return;
          if (++received === CLIENTS) waiting?.();
        });
        return new Promise<void>((resolve, reject) => {
          ws.once('open', () => (ws.send(syncStep1()), resolve()));
          ws.once('error', reject);
        });
      }),
    );
  }
  const writer = new WebSocket(url);
  await new Promise((r) => writer.once('open', r));
  writer.send(syncStep1());
  await new Promise((r) => setTimeout(r, 500));
  const doc = new Y.Doc();
  for (let k = 0; k < UPDATES; k++) {
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set(`k${k}`, 'x'.repeat(64));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc, before));
    received = 0;
    const done = new Promise<void>((r) => (waiting = r));
    const t0 = performance.now();
    writer.send(encoding.toUint8Array(e));
    await done;
    arrivals.push(performance.now() - t0);
  }
  for (const c of [...clients, writer]) c.terminate();
  arrivals.sort((a, b) => a - b);
  const pct = (p: number) => arrivals[Math.min(arrivals.length - 1, Math.floor((p / 100) * arrivals.length))];
  return { p50: pct(50), p99: pct(99) };
}

/** Fan-out to 1,000 clients on one room: ours (persisting before forwarding) against @y/websocket-server 0.1.1 (in memory). */
export const fanoutBench: Bench = {
  name: 'fanout',
  async run(): Promise<BenchRow[]> {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const bundleDir = mkdtempSync(join(ROOT, '.tmp', 'bench-bundle-'));
    try {
      await buildServer(bundleDir);
      const run = async (make: () => Promise<Server>) => {
        const server = await make();
        try {
          return await measure(server);
        } finally {
          await server.stop();
        }
      };
      // One round is noisy (a p99 of 150 updates is their second slowest; the RSS moves by ~1 MiB
      // from run to run on either server), so both run ROUNDS times, interleaved, and each figure
      // is the median of its rounds. The first to run alternates, so neither always runs warm.
      const rounds: { a: Measured; b: Measured }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        let a: Measured, b: Measured;
        if (i % 2 === 0) {
          a = await run(() => ours(bundleDir));
          b = await run(upstream);
        } else {
          b = await run(upstream);
          a = await run(() => ours(bundleDir));
        }
        rounds.push({ a, b });
        const f = (m: Measured) => `p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, RSS ${m.rss.toFixed(2)} MiB`;
        process.stdout.write(`  fanout round ${i + 1}/${ROUNDS}: ours ${f(a)} | baseline ${f(b)}\n`);
      }
      const median = (pick: (m: Measured) => number, side: 'a' | 'b') => {
        const xs = rounds.map((r) => pick(r[side])).sort((x, y) => x - y);
        return xs[Math.floor(xs.length / 2)];
      };
      const a = { p50: median((m) => m.p50, 'a'), p99: median((m) => m.p99, 'a'), rss: median((m) => m.rss, 'a') };
      const b = { p50: median((m) => m.p50, 'b'), p99: median((m) => m.p99, 'b'), rss: median((m) => m.rss, 'b') };
      const base = '@y/websocket-server 0.1.1, in memory';
      const what = `${CLIENTS} clients, ${UPDATES} updates, median of ${ROUNDS} rounds`;
      return [
        { measure: `fan-out p50, update to the last of ${what} (ours stores first)`, figure: a.p50, baseline: b.p50, baselineName: base, unit: 'ms' },
        { measure: `fan-out p99, update to the last of ${what}`, figure: a.p99, baseline: b.p99, baselineName: base, unit: 'ms', target: Math.round(b.p99 * 10) / 10 },
        { measure: `relay RSS with ${what} (bundled, no tsx)`, figure: a.rss, baseline: b.rss, baselineName: base, unit: 'MiB', target: Math.round(b.rss * 10) / 10 },
      ];
    } finally {
      rmSync(bundleDir, { recursive: true, force: true });
    }
  },
};
