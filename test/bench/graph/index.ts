/**
 * The graph at 10,000 demo people in headless Chromium (/usr/bin/chromium), against a plain D3 SVG
 * rendering of the same graph in the same run; opening that workspace again from IndexedDB; and the
 * bundle sizes. Frame rates come from requestAnimationFrame intervals while the pointer pans and the
 * wheel zooms (real input events), both while the layout settles and once it has.
 *
 * Figures are mean frame intervals in ms (30 fps = 33.3 ms), so "at most the target" reads right.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { Bench, BenchRow } from '../harness';
import { ensureRendererBuild, serveDist } from '../serveDist';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST = join(ROOT, 'dist/renderer');
const PEOPLE = Number(process.env.BENCH_GRAPH_PEOPLE ?? 10_000);
const MEASURE_MS = 4000;
/** When set, a CPU profile of the UI thread while the layout settles is written there (open it in Chrome DevTools). */
const PROFILE = process.env.BENCH_GRAPH_PROFILE;

type Snapshot = { x: number[]; y: number[]; source: number[]; target: number[]; radius: number[]; colour: string[] };
type GraphWindow = { archipelagoGraph: { alpha(): number; snapshot(): Snapshot }; archipelagoGraphFrames(): number; archipelagoGraphPreviewFrames?(): number; archipelagoGraphBlits?(): number; archipelagoGraphDrawMs(): number; svgBaseline(s: Snapshot, settle: boolean): void };

/** Mean requestAnimationFrame interval (ms) over `ms`, while `drive` pans and zooms with real input. */
async function frameInterval(page: Page, ms: number, drive: () => Promise<void>): Promise<{ mean: number; p95: number; frames: number }> {
  const intervals = page.evaluate(
    (ms) =>
      new Promise<number[]>((done) => {
        const out: number[] = [];
        let last = performance.now();
        const start = last;
        const tick = (now: number) => {
          out.push(now - last);
          last = now;
          if (now - start < ms) requestAnimationFrame(tick);
          else done(out);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
  const stop = Date.now() + ms - 200;
  while (Date.now() < stop) await drive();
  const t = (await intervals).slice(1);
  const sorted = [...t].sort((a, b) => a - b);
  return { mean: t.reduce((a, b) => a + b, 0) / t.length, p95: sorted[Math.floor(sorted.length * 0.95)], frames: t.length };
}

/** One round of pan (drag from an empty corner) and zoom (wheel in, then out). */
function panZoom(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return async () => {
    const sx = box.x + box.width - 25;
    const sy = box.y + 25;
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    for (let s = 1; s <= 12; s++) await page.mouse.move(sx - s * 12, sy + s * 8);
    await page.mouse.up();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    for (let s = 0; s < 4; s++) await page.mouse.wheel(0, -120);
    for (let s = 0; s < 4; s++) await page.mouse.wheel(0, 120);
  };
}

/** The build to measure (see ensureRendererBuild), and its graph chunk. */
function ensureBuild(): string {
  const graphChunk = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('GraphView') && f.endsWith('.js')) ?? 'no graph chunk';
  return `${ensureRendererBuild('graph')} (${graphChunk})`;
}

function bundleRows(): BenchRow[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*src="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\.?\//, ''));
  const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length / 1024;
  const initialKb = initial.reduce((s, f) => s + gz(f), 0);
  const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  const chunk = (prefix: string) => assets.filter((f) => f.startsWith(prefix)).map((f) => `assets/${f}`);
  const rows: BenchRow[] = [{ measure: `initial JS, gzip (${initial.length} files)`, figure: initialKb, baseline: null, baselineName: '', unit: 'kB', target: 300 }];
  for (const [name, prefixes] of [
    ['graph', ['GraphView', 'layout.worker', 'sceneRender.worker']],
    ['map', ['MapView', 'land-50m']],
    ['editor', ['ValuePanel']],
  ] as const) {
    const files = prefixes.flatMap(chunk);
    const lazy = files.length > 0 && files.every((f) => !initial.includes(f));
    rows.push({ measure: `${name} chunks, gzip (${lazy ? 'lazy' : 'NOT LAZY'})`, figure: files.reduce((s, f) => s + gz(f), 0), baseline: initialKb, baselineName: 'initial JS', unit: 'kB' });
  }
  return rows;
}

export const graphBench: Bench = {
  name: 'graph',
  async run() {
    process.stderr.write(`graph: measuring ${ensureBuild()}\n`);
    const rows: BenchRow[] = [];
    const { server, url } = await serveDist(DIST);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      // tsx keeps function names with a helper that page.evaluate's serialised functions also call
      await context.addInitScript('globalThis.__name = (f) => f;');
      const page = await context.newPage();
      page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
      page.on('console', (m) => m.type() === 'error' && process.stderr.write(`[console] ${m.text()}\n`));
      const workspace = `bench-graph-${PEOPLE}`;
      await page.goto(`${url}/?relay=off&workspace=${workspace}&demo=${PEOPLE}#/people`);
      await page.getByTestId('person-row').first().waitFor({ timeout: 180_000 });
      await page.getByTestId('nav-graph').click();
      await page.waitForFunction(() => ((window as unknown as GraphWindow).archipelagoGraphFrames?.() ?? 0) > 1 && (window as unknown as GraphWindow).archipelagoGraph.alpha() < 1, null, { timeout: 180_000, polling: 50 });
      const canvas = page.getByTestId('graph-canvas');
      const box = (await canvas.boundingBox())!;
      const alpha = () => page.evaluate(() => (window as unknown as GraphWindow).archipelagoGraph.alpha());
      const drawn = () => page.evaluate(() => [(window as unknown as GraphWindow).archipelagoGraphFrames(), (window as unknown as GraphWindow).archipelagoGraphDrawMs(), (window as unknown as GraphWindow).archipelagoGraphBlits?.() ?? 0]);
      const alphaBefore = await alpha();
      const [s0, sd0] = await drawn();
      const loadSettling = loadavg()[0];
      const cdp = PROFILE ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const settling = await frameInterval(page, MEASURE_MS, panZoom(page, box));
      const alphaAfter = await alpha();
      if (cdp && PROFILE) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(PROFILE, JSON.stringify(profile));
        await cdp.detach();
        process.stderr.write(`graph: UI thread profile while settling written to ${PROFILE} (the settling figures include the profiler's cost)\n`);
      }
      const [s1, sd1] = await drawn();
      process.stderr.write(`graph: ${s1 - s0} new pictures of the moving layout in ${MEASURE_MS} ms while settling, ${((sd1 - sd0) / Math.max(1, s1 - s0)).toFixed(1)} ms each in the scene worker\n`);
      await page.waitForFunction(() => (window as unknown as GraphWindow).archipelagoGraph.alpha() < 0.002, null, { timeout: 240_000, polling: 500 });
      const [f0, d0, b0] = await drawn();
      const loadSettled = loadavg()[0];
      const settled = await frameInterval(page, MEASURE_MS, panZoom(page, box));
      const [f1, d1, b1] = await drawn();
      process.stderr.write(`graph: ${f1 - f0} full scene pictures while settled, ${((d1 - d0) / Math.max(1, f1 - f0)).toFixed(1)} ms each in the scene worker (off the UI thread); ${b1 - b0} frames showed the cached picture\n`);
      const snapshot = await page.evaluate(() => (window as unknown as GraphWindow).archipelagoGraph.snapshot());
      process.stderr.write(`graph: ${snapshot.x.length} people, ${snapshot.source.length} ties; layout alpha ${alphaBefore.toFixed(3)} -> ${alphaAfter.toFixed(3)} while measuring "settling"\n`);

      // the baseline: the same graph as plain D3 SVG, panned and zoomed the same way
      const script = await build({ entryPoints: [join(import.meta.dirname, 'svgBaseline.ts')], bundle: true, write: false, format: 'iife', platform: 'browser' });
      const svgRun = async (settle: boolean) => {
        const p = await context.newPage();
        await p.setContent('<!doctype html><html><body style="margin:0;overflow:hidden"></body></html>');
        await p.evaluate('globalThis.__name = (f) => f;');
        await p.addScriptTag({ content: script.outputFiles[0].text });
        await p.evaluate(([s, settle]) => (window as unknown as GraphWindow).svgBaseline(s, settle), [snapshot, settle] as const);
        const result = await frameInterval(p, MEASURE_MS, panZoom(p, { x: 0, y: 0, width: 1400, height: 900 }));
        await p.close();
        return result;
      };
      const loadSvgSettled = loadavg()[0];
      const svgSettled = await svgRun(false);
      const loadSvgSettling = loadavg()[0];
      const svgSettling = await svgRun(true);
      const fps = (ms: number) => (1000 / ms).toFixed(1);
      const load = (a: number, b: number) => `load avg ${a.toFixed(1)}/${b.toFixed(1)}`;
      rows.push({ measure: `frame interval, pan+zoom while layout settles (canvas ${fps(settling.mean)} fps, p95 ${settling.p95.toFixed(0)} ms; SVG ${fps(svgSettling.mean)} fps, p95 ${svgSettling.p95.toFixed(0)} ms; ${load(loadSettling, loadSvgSettling)})`, figure: settling.mean, baseline: svgSettling.mean, baselineName: 'D3 SVG + force on UI thread', unit: 'ms', target: 1000 / 30 });
      rows.push({ measure: `frame interval, pan+zoom settled (canvas ${fps(settled.mean)} fps, p95 ${settled.p95.toFixed(0)} ms; SVG ${fps(svgSettled.mean)} fps, p95 ${svgSettled.p95.toFixed(0)} ms; ${load(loadSettled, loadSvgSettled)})`, figure: settled.mean, baseline: svgSettled.mean, baselineName: 'D3 SVG', unit: 'ms', target: 1000 / 30 });

      // opening the workspace again from IndexedDB: the first graph frame, then the people count
      await page.addInitScript(() => {
        const w = window as unknown as GraphWindow & { firstGraphFrame?: number; peopleCountAt?: number };
        const poll = () => {
          // the live view's frame, or the one drawn from the kept layout before the documents are read (GraphPreview)
          if (w.firstGraphFrame === undefined && ((w.archipelagoGraphFrames?.() ?? 0) > 0 || (w.archipelagoGraphPreviewFrames?.() ?? 0) > 0)) w.firstGraphFrame = performance.now();
          if (w.peopleCountAt === undefined && /\b\d{4,} people\b/.test(document.querySelector('.view-head p')?.textContent ?? '')) w.peopleCountAt = performance.now();
          requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      const opened = async (route: string, key: 'firstGraphFrame' | 'peopleCountAt') => {
        await page.goto(`${url}/?relay=off&workspace=${workspace}${route}`);
        await page.reload();
        await page.waitForFunction((k) => (window as unknown as Record<string, number | undefined>)[k] !== undefined, key, { timeout: 60_000 });
        // the kept layout's frame comes before the documents are read: wait for the read too (the baseline)
        await page.waitForFunction(() => performance.getEntriesByName('archipelago:documents-read').length > 0, null, { timeout: 60_000 });
        return page.evaluate((k) => ({ at: (window as unknown as Record<string, number>)[k], read: performance.getEntriesByName('archipelago:documents-read')[0]?.startTime ?? NaN }), key);
      };
      const graphOpen = await opened('#/graph', 'firstGraphFrame');
      rows.push({ measure: 'reload at 10k: first graph frame after navigation', figure: graphOpen.at, baseline: graphOpen.read, baselineName: 'documents read from IndexedDB', unit: 'ms', target: 1000 });
      const peopleOpen = await opened('#/people', 'peopleCountAt');
      rows.push({ measure: 'reload at 10k: people count after the documents are read', figure: peopleOpen.at - peopleOpen.read, baseline: peopleOpen.read, baselineName: 'documents read (from navigation)', unit: 'ms', target: 200 });
      await context.close();
    } finally {
      await browser.close();
      server.close();
    }
    rows.push(...bundleRows());
    return rows;
  },
};
