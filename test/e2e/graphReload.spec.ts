import { expect, test, type Page } from '@playwright/test';

type Probe = { archipelagoGraph?: { alpha(): number; worldOf(name: string): [number, number] | null }; archipelagoGraphFrames?: () => number; archipelagoGraphPreviewFrames?: () => number };

/** The workspace's kept layout, read straight from IndexedDB (no app code). */
const keptLayout = (page: Page, workspace: string) =>
  page.evaluate(
    (ws) =>
      new Promise<{ names: string[]; x: number[]; y: number[] } | null>((done, fail) => {
        const open = indexedDB.open('archipelago');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('layouts').objectStore('layouts').get(ws);
          req.onsuccess = () => {
            open.result.close();
            const r = req.result as { names: string[]; x: Float32Array; y: Float32Array } | undefined;
            done(r ? { names: r.names, x: Array.from(r.x), y: Array.from(r.y) } : null);
          };
        };
      }),
    workspace,
  );

test('a reload draws the graph at once from its kept layout, and the layout goes on from there (real IndexedDB)', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workspace = 'graph-reload';
  await page.goto(`/?relay=off&workspace=${workspace}&demo=400#/graph`);
  await expect(page.getByTestId('graph-canvas')).toBeVisible({ timeout: 30_000 });
  // settled, then kept in IndexedDB
  await expect.poll(() => page.evaluate(() => (window as unknown as Probe).archipelagoGraph?.alpha() ?? 1), { timeout: 60_000 }).toBeLessThan(0.005);
  await expect.poll(() => keptLayout(page, workspace).then((l) => l?.names.length ?? 0), { timeout: 10_000 }).toBe(400);
  const kept = (await keptLayout(page, workspace))!;
  const names = [kept.names[0], kept.names[150], kept.names[399]];
  const at = names.map((n) => kept.names.indexOf(n)).map((i) => [kept.x[i], kept.y[i]]);

  await page.reload();
  // the first frame is the kept picture, drawn before the documents were read
  await expect.poll(() => page.evaluate(() => (window as unknown as Probe).archipelagoGraphPreviewFrames?.() ?? 0)).toBeGreaterThan(0);
  // the live graph starts with everyone where they were, and the layout starts cool (read as soon as
  // the live graph has positions: its first picture comes from the scene worker, a few ticks later)
  await page.waitForFunction((n) => (window as unknown as Probe).archipelagoGraph?.worldOf(n) != null, names[0], { polling: 'raf' });
  const live = await page.evaluate((ns) => {
    const g = (window as unknown as Probe).archipelagoGraph!;
    return { alpha: g.alpha(), at: ns.map((n) => g.worldOf(n)) };
  }, names);
  expect(live.alpha === 1 || live.alpha <= 0.08).toBe(true); // 1 only before the worker's first frame
  live.at.forEach((p, i) => expect(Math.hypot(p![0] - at[i][0], p![1] - at[i][1])).toBeLessThan(5));
  // and the graph is live: the layout polishes and settles without moving people far
  await expect.poll(() => page.evaluate(() => (window as unknown as Probe).archipelagoGraph!.alpha()), { timeout: 30_000 }).toBeLessThan(0.005);
  const settled = await page.evaluate((ns) => ns.map((n) => (window as unknown as Probe).archipelagoGraph!.worldOf(n)), names);
  settled.forEach((p, i) => expect(Math.hypot(p![0] - at[i][0], p![1] - at[i][1])).toBeLessThan(25));
  await context.close();
});
