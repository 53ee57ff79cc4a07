import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docs as upstreamDocs, setupWSConnection } from '@y/websocket-server/utils';
import pino from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { leveldbPersistence } from '../../../sync-server/persistence';
import { createRelay } from '../../../sync-server/relay';
import type { Bench, BenchRow } from '../harness';

const UPDATES = 2000;

interface Target {
  url: string;
  close(): Promise<void>;
}

async function ourRelay(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'archipelago-bench-'));
  const relay = createRelay({ host: '127.0.0.1', port: 0, persistence: leveldbPersistence(dir), logger: pino({ level: 'silent' }) });
  const port = await relay.listen();
  return { url: `ws://127.0.0.1:${port}`, close: async () => (await relay.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** The upstream y-websocket server (@y/websocket-server 0.1.1), in memory: no persistence configured. */
async function upstream(): Promise<Target> {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      // without persistence the upstream server never frees its rooms (the leak our relay's idle
      // unload fixes); their awareness timers would keep this process alive
      for (const doc of upstreamDocs.values()) doc.destroy();
      upstreamDocs.clear();
    },
  };
}

const client = (url: string, room: string) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
};

const synced = (p: WebsocketProvider) => new Promise<void>((r) => (p.synced ? r() : p.once('sync', () => r())));

/** A bench must end: a step that stalls fails with what it was waiting for, instead of hanging. */
async function within<T>(ms: number, what: () => string, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sync bench stalled after ${ms} ms: ${what()}`)), ms);
  });
  try {
    return await Promise.race([step, stall]);
  } finally {
    clearTimeout(timer);
  }
}

/** ms from the first of UPDATES single-key updates on A until B has them all; then ms for a newcomer to load the room. */
async function measure(target: Target, room: string): Promise<{ fanout: number; join: number }> {
  const a = client(target.url, room);
  const b = client(target.url, room);
  await within(30_000, () => `clients connecting to ${target.url} (a synced: ${a.provider.synced}, b synced: ${b.provider.synced})`, Promise.all([synced(a.provider), synced(b.provider)]));
  const map = b.doc.getMap('m');
  const done = new Promise<void>((r) => map.observe(() => map.size === UPDATES && r()));
  const start = performance.now();
  for (let i = 0; i < UPDATES; i++) a.doc.getMap('m').set(`k${i}`, i);
  await within(30_000, () => `b has ${map.size} of ${UPDATES} updates (a connected: ${a.provider.wsconnected}, b connected: ${b.provider.wsconnected})`, done);
  const fanout = performance.now() - start;
  const joinStart = performance.now();
  const c = client(target.url, room);
  await within(30_000, () => `a newcomer loading ${room}`, synced(c.provider));
  const join = performance.now() - joinStart;
  if (c.doc.getMap('m').size !== UPDATES) throw new Error('newcomer did not receive every update');
  [a, b, c].forEach((x) => x.destroy());
  return { fanout, join };
}

async function median(make: () => Promise<Target>, runs = 3) {
  const results: { fanout: number; join: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const target = await make();
    results.push(await measure(target, `bench-${i}`));
    await within(30_000, () => `closing ${target.url}`, target.close());
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { fanout: mid(results.map((r) => r.fanout)), join: mid(results.map((r) => r.join)) };
}

/** The relay against the upstream y-websocket server, same clients, same machine, same run. */
export const syncBench: Bench = {
  name: 'sync',
  async run(): Promise<BenchRow[]> {
    const ours = await median(ourRelay);
    const theirs = await median(upstream);
    return [
      { measure: `relay fan-out: ${UPDATES} updates from one client reach another (ours stores them in LevelDB first)`, figure: ours.fanout, baseline: theirs.fanout, baselineName: '@y/websocket-server 0.1.1, in memory', unit: 'ms' },
      { measure: `a newcomer loads that room`, figure: ours.join, baseline: theirs.join, baselineName: '@y/websocket-server 0.1.1, in memory', unit: 'ms' },
    ];
  },
};
