/**
 * Opening a 10k-person workspace again from IndexedDB (issue 8): the first graph frame after the
 * navigation, and the people count after the documents are read, in headless Chromium
 * (/usr/bin/chromium) with the built web app and real IndexedDB.
 *
 * Baselines from the same run:
 * - the first graph frame of the same reload without a stored layout (the previous path: the frame
 *   waits for the documents to be read and the graph model built);
 * - for the documents, a raw IndexedDB read of their stored update rows (what reading costs before
 *   Yjs decodes them);
 * - for the people count, the time the documents take to be read (navigation to the
 *   `archipelago:documents-read` mark).
 * Each figure is the median of RUNS reloads. Timestamps are taken in requestAnimationFrame after
 * the frame or the count is on the page.
 */
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { Bench, BenchRow } from '../harness';
import { ensureRendererBuild, serveDist } from '../serveDist';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST = join(ROOT, 'dist/renderer');
const PEOPLE = Number(process.env.BENCH_RELOAD_PEOPLE ?? 10_000);
const RUNS = Number(process.env.BENCH_RELOAD_RUNS ?? 3);

/**
 * preview: the frame drawn from the kept layout; live: the live view's first frame; laidOut: its
 * first frame drawn after the layout worker's first positions (without a kept layout, the live
 * view's first frames show everyone at the centre); count: the people count on the page.
 */
type Times = { preview?: number; live?: number; laidOut?: number; count?: number; read: number };
type Probe = { archipelagoGraphFrames?: () => number; archipelagoGraphPreviewFrames?: () => number; archipelagoGraph?: { alpha(): number }; reloadTimes?: Omit<Times, 'read'> };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs in the page (raw IndexedDB, no app code): the stored rows of a room, their bytes and the read time. */
function storedRows(room: string) {
  return new Promise<{ rows: number; bytes: number; readMs: number }>((done, fail) => {
    const open = indexedDB.open('archipelago');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t0 = performance.now();
      const req = db.transaction('$docs.doc_updates').objectStore('$docs.doc_updates').index('k').getAll(room);
      req.onsuccess = () => {
        const readMs = performance.now() - t0;
        const rows = req.result as { u?: Uint8Array }[];
        db.close();
        done({ rows: rows.length, bytes: rows.reduce((s, r) => s + (r.u?.byteLength ?? 0), 0), readMs });
      };
      req.onerror = () => fail(req.error);
    };
  });
}

/** Runs in the page: whether the workspace's layout is stored, or deletes it. */
function layoutRow(args: { workspace: string; remove: boolean }) {
  return new Promise<boolean>((done, fail) => {
    const open = indexedDB.open('archipelago');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('layouts', args.remove ? 'readwrite' : 'readonly');
      const req = args.remove ? tx.objectStore('layouts').delete(args.workspace) : tx.objectStore('layouts').count(args.workspace);
      tx.oncomplete = () => {
        db.close();
        done(args.remove ? true : (req.result as number) > 0);
      };
      tx.onerror = () => fail(tx.error);
    };
  });
}

/** Reloads the app at `route` and returns when `until` has been seen (times from the navigation). */
async function reload(page: Page, url: string, workspace: string, route: string, until: 'laidOut' | 'count'): Promise<Times> {
  await page.goto(`${url}/?relay=off&workspace=${workspace}${route}`);
  await page.reload();
  await page.waitForFunction((k) => (window as unknown as Probe).reloadTimes?.[k] !== undefined, until, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => ({ ...(window as unknown as Probe).reloadTimes!, read: performance.getEntriesByName('archipelago:documents-read')[0]?.startTime ?? NaN }));
}

export const reloadBench: Bench = {
  name: 'reload',
  async run() {
    process.stderr.write(`reload: measuring ${ensureRendererBuild('reload')}\n`);
    const rows: BenchRow[] = [];
    const { server, url } = await serveDist(DIST);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript('globalThis.__name = (f) => f;');
      await context.addInitScript(() => {
        const w = window as unknown as Probe;
        const times: NonNullable<Probe['reloadTimes']> = {};
        w.reloadTimes = times;
        let framesAtPositions = -1;
        const poll = () => {
          const now = performance.now();
          const frames = w.archipelagoGraphFrames?.() ?? 0;
          if (times.preview === undefined && (w.archipelagoGraphPreviewFrames?.() ?? 0) > 0) times.preview = now;
          if (times.live === undefined && frames > 0) times.live = now;
          // the worker's first positions have arrived (alpha below 1): the next full draw shows them
          if (framesAtPositions < 0 && (w.archipelagoGraph?.alpha() ?? 1) < 1) framesAtPositions = frames;
          if (times.laidOut === undefined && framesAtPositions >= 0 && frames > framesAtPositions) times.laidOut = now;
          if (times.count === undefined && /\b\d{4,} people\b/.test(document.querySelector('.view-head p')?.textContent ?? '')) times.count = now;
          requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
      const workspace = `bench-reload-${PEOPLE}`;
      const room = `${workspace}.network`;

      // fill once, let the layout settle and be kept, and the stored updates be compacted
      await page.goto(`${url}/?relay=off&workspace=${workspace}&demo=${PEOPLE}#/graph`);
      await page.waitForFunction(() => ((window as unknown as Probe).archipelagoGraph?.alpha() ?? 1) < 0.005, null, { timeout: 300_000, polling: 500 });
      const deadline = Date.now() + 60_000;
      while (!(await page.evaluate(layoutRow, { workspace, remove: false })) || (await page.evaluate(storedRows, room)).rows > 1) {
        if (Date.now() > deadline) throw new Error('the layout was not kept, or the stored updates not compacted, within a minute');
        await page.waitForTimeout(500);
      }
      const stored = await page.evaluate(storedRows, room);
      process.stderr.write(`reload: the network is ${stored.rows} stored update row(s), ${(stored.bytes / 1e6).toFixed(2)} MB; a raw IndexedDB read takes ${stored.readMs.toFixed(0)} ms\n`);

      const withLayout: Times[] = [];
      for (let r = 0; r < RUNS; r++) withLayout.push(await reload(page, url, workspace, '#/graph', 'laidOut'));
      const people: (Times & { raw: number })[] = [];
      for (let r = 0; r < RUNS; r++) {
        const t = await reload(page, url, workspace, '#/people', 'count');
        people.push({ ...t, raw: (await page.evaluate(storedRows, room)).readMs });
      }
      // the previous path: no stored layout, so the first frame waits for the documents
      const without: Times[] = [];
      for (let r = 0; r < RUNS; r++) {
        await page.goto(`${url}/?relay=off&workspace=${workspace}#/people`);
        await page.evaluate(layoutRow, { workspace, remove: true });
        without.push(await reload(page, url, workspace, '#/graph', 'laidOut'));
      }
      for (const [name, runs] of [['with the stored layout', withLayout], ['without a stored layout', without], ['people', people]] as const) {
        for (const t of runs) process.stderr.write(`reload ${name}: ${['preview', 'read', 'live', 'laidOut', 'count'].map((k) => `${k} ${(t as Record<string, number | undefined>)[k]?.toFixed(0) ?? '-'}`).join(', ')} ms\n`);
      }
      const first = (t: Times) => Math.min(t.preview ?? Infinity, t.live ?? Infinity);
      rows.push({ measure: `reload at ${PEOPLE}: first graph frame after navigation (from the stored layout)`, figure: median(withLayout.map(first)), baseline: median(without.map(first)), baselineName: 'same reload without a stored layout', unit: 'ms', target: 1000 });
      rows.push({ measure: `reload at ${PEOPLE}: live graph, first frame with the layout's positions, after navigation`, figure: median(withLayout.map((t) => t.laidOut!)), baseline: median(without.map((t) => t.laidOut!)), baselineName: 'without a stored layout', unit: 'ms' });
      rows.push({ measure: `reload at ${PEOPLE}: documents read after navigation (${stored.rows} update row, ${(stored.bytes / 1e6).toFixed(1)} MB)`, figure: median(people.map((t) => t.read)), baseline: median(people.map((t) => t.raw)), baselineName: 'raw IndexedDB read of the rows', unit: 'ms' });
      rows.push({ measure: `reload at ${PEOPLE}: people count after the documents are read`, figure: median(people.map((t) => t.count! - t.read)), baseline: median(people.map((t) => t.read)), baselineName: 'documents read (from navigation)', unit: 'ms', target: 200 });
      await context.close();
    } finally {
      await browser.close();
      server.close();
    }
    return rows;
  },
};
