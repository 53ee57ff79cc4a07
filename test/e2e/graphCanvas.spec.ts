import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { filterPeople, openApp } from './app';
import type { GraphInspector } from '../../renderer/src/features/graph/GraphView';
import { acceptSampleTeam } from './team';

const graph = <T,>(page: Page, fn: (g: GraphInspector, arg: string) => T, arg = '') =>
  page.evaluate(([src, a]) => (new Function('g', 'a', `return (${src})(g, a)`) as (g: unknown, a: string) => T)((window as unknown as { archipelagoGraph: unknown }).archipelagoGraph, a), [fn.toString(), arg] as const);
const shot = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);

async function openGraph(page: Page) {
  await page.getByTestId('nav-graph').click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect.poll(() => graph(page, (g) => g.alpha()), { timeout: 30_000 }).toBeLessThan(0.05);
}

/** Pixels that differ from the canvas's top-left (background) pixel: how much is drawn. */
const inked = (page: Page) =>
  page.getByTestId('graph-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) n++;
    return n;
  });

async function search(page: Page, text: string) {
  await page.getByTestId('graph-search').fill(text);
  await page.getByTestId('graph-search').press('Enter');
  await expect(page.getByTestId('graph-selection')).toHaveAttribute('data-count', '1');
}

test('the graph canvas: trust sizes and paths, filters and focus, islands, presence, linked tables, export, theme', async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await openApp(browser, { name: 'Alice Canvas' });
  const bob = await openApp(browser, { name: 'Bob Canvas' });
  const names = await alice.page.getByTestId('person-row').locator('td.strong').allTextContents();
  const [viewerName, otherName] = [names[3].trim(), names[30].trim()];
  // an accepted team, to be drawn as an island on both canvases
  const members = await acceptSampleTeam(alice.page);
  expect(members.length).toBeGreaterThan(1);
  for (const { page } of [alice, bob]) await openGraph(page);
  for (const { page } of [alice, bob]) {
    await expect.poll(() => graph(page, (g) => g.islands())).toEqual([{ name: 'Circular kettle launch', members: members.length, accepted: true }]);
  }
  // what a workshop's spotlight rings: the circle around a team (its island) or a cluster (by label) holds all its members
  const around = (kind: string, label: string) => graph(alice.page, (g, a) => g.circleAround(...(JSON.parse(a) as ['team' | 'cluster', string])), JSON.stringify([kind, label]));
  expect(await around('team', 'Circular kettle launch')).toMatchObject({ members: members.length });
  await expect.poll(() => graph(alice.page, (g) => g.clusters().length)).toBeGreaterThan(0);
  const [cluster] = await graph(alice.page, (g) => g.clusters());
  const ring = (await around('cluster', cluster.label))!;
  expect(ring.members).toBe(cluster.size);
  expect(ring.r).toBeGreaterThan(14);
  expect(await around('cluster', 'no such cluster')).toBeNull();
  expect(await around('team', 'no such team')).toBeNull();

  // size = trust from a viewer; the card shows trust and the best trust path, drawn on the canvas
  await search(alice.page, viewerName);
  await alice.page.getByTestId('graph-view-from').click();
  await expect(alice.page.getByTestId('graph-viewer')).toContainText(viewerName);
  await expect.poll(() => graph(alice.page, (g, n) => g.radiusOf(n), viewerName)).toBeGreaterThan(12);
  await search(alice.page, otherName);
  await expect(alice.page.getByTestId('graph-card-trust')).toContainText('%');
  await expect(alice.page.getByTestId('graph-card-path')).toContainText(`${viewerName} →`);
  await expect(alice.page.getByTestId('graph-card-path')).toContainText(otherName);
  const path = await graph(alice.page, (g) => g.path());
  expect(path[0]).toBe(viewerName);
  expect(path.at(-1)).toBe(otherName);

  // presence: Alice's pointer over a person shows on Bob's canvas at that person, with her name
  // (once the camera has flown to them: the centre of the canvas)
  const aliceBox = (await alice.page.getByTestId('graph-canvas').boundingBox())!;
  const centre = [aliceBox.x + aliceBox.width / 2, aliceBox.y + aliceBox.height / 2];
  await expect.poll(async () => Math.hypot(...(await graph(alice.page, (g, n) => g.screenOf(n), otherName))!.map((v, i) => v - centre[i]))).toBeLessThan(3);
  const at = (await graph(alice.page, (g, n) => g.screenOf(n), otherName))!;
  await alice.page.mouse.move(at[0] + 3, at[1] + 3);
  await alice.page.mouse.move(at[0], at[1]);
  await expect
    .poll(async () => {
      const bobAt = (await graph(bob.page, (g, n) => g.screenOf(n), otherName))!;
      const p = (await graph(bob.page, (g) => g.peerPointers())).find((x) => x.name === 'Alice Canvas');
      return p?.at ? Math.hypot(p.at[0] - bobAt[0], p.at[1] - bobAt[1]) : Infinity;
    })
    .toBeLessThan(4);
  // and her selection is ringed in her colour on Bob's canvas: Bob's picture changes when she selects
  await alice.page.screenshot({ path: shot('graph') });
  await bob.page.screenshot({ path: shot('graph-coeditor') });

  // filters change what is drawn
  const total = await graph(alice.page, (g) => g.shownCount());
  const before = await inked(alice.page);
  await alice.page.getByTestId('graph-filter-band').selectOption('asia-pacific');
  await expect.poll(() => graph(alice.page, (g) => g.shownCount())).toBeLessThan(total);
  const banded = await graph(alice.page, (g) => g.shownCount());
  await expect(alice.page.getByTestId('graph-shown')).toContainText(`${banded} of ${total} shown`);
  await expect.poll(() => inked(alice.page)).toBeLessThan(before);
  await alice.page.getByTestId('graph-filter-reset').click();
  await expect.poll(() => graph(alice.page, (g) => g.shownCount())).toBe(total);

  // focus: the neighbourhood of the selected person, smaller with fewer hops
  await alice.page.getByTestId('graph-focus-on').click();
  await expect(alice.page.getByTestId('graph-focus')).toContainText(otherName);
  await expect.poll(() => graph(alice.page, (g) => g.shownCount())).toBeLessThan(total);
  const twoHops = await graph(alice.page, (g) => g.shownCount());
  await alice.page.getByLabel('Hops around the focused person').selectOption('1');
  await expect.poll(() => graph(alice.page, (g) => g.shownCount())).toBeLessThan(twoHops);
  await alice.page.screenshot({ path: shot('graph-focus') });
  await alice.page.getByTestId('graph-focus-clear').click();
  await expect.poll(() => graph(alice.page, (g) => g.shownCount())).toBe(total);

  // export: an SVG with a circle for everyone shown, a PNG that is a real picture of the graph
  const [svgDownload] = await Promise.all([alice.page.waitForEvent('download'), alice.page.getByTestId('graph-export-svg').click()]);
  const svg = await readFile((await svgDownload.path())!, 'utf8');
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.match(/<circle /g)!.length).toBe(total);
  expect(svg).toContain(`data-name="${otherName.replace(/'/g, '&#39;')}"`);
  const [pngDownload] = await Promise.all([alice.page.waitForEvent('download'), alice.page.getByTestId('graph-export-png').click()]);
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const decoded = await alice.page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
    return { w: bitmap.width, inked: n };
  }, png.toString('base64'));
  expect(decoded.w).toBeGreaterThan(300);
  expect(decoded.inked).toBeGreaterThan(2000);

  // the theme: the canvas redraws with the new colours when <html> changes
  const bg = () => alice.page.getByTestId('graph-canvas').evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(2, 2, 1, 1).data.slice(0, 3)]);
  expect((await bg())[0]).toBeGreaterThan(200);
  await alice.page.evaluate(() => {
    document.documentElement.style.setProperty('--panel', '#101418');
    document.documentElement.setAttribute('data-theme', 'dark');
  });
  await expect.poll(async () => (await bg())[0]).toBeLessThan(40);
  await alice.page.evaluate(() => {
    document.documentElement.style.removeProperty('--panel');
    document.documentElement.removeAttribute('data-theme');
  });

  // one selection across the graph and the People and Ties tables
  await filterPeople(alice.page, otherName);
  await expect(alice.page.locator('[data-testid=person-row][aria-selected=true]')).toContainText(otherName);
  await alice.page.getByTestId('nav-ties').click();
  await alice.page.getByTestId('ties-filter').fill(otherName).catch(() => {});
  await expect(alice.page.locator('[data-testid=tie-row][aria-selected=true]').first()).toContainText(otherName);
  await filterPeople(alice.page, viewerName);
  await alice.page.getByTestId('person-row').filter({ hasText: viewerName }).first().click();
  await alice.page.getByTestId('nav-graph').click();
  await expect.poll(() => graph(alice.page, (g) => g.selectedNames())).toEqual([viewerName]);

  // the map draws the same team as an island
  await alice.page.getByTestId('nav-map').click();
  await alice.page.getByTestId('map-team').selectOption({ label: 'Circular kettle launch' });
  await expect(alice.page.getByTestId('map-canvas')).toHaveAttribute('data-team', new RegExp(members[0]!));
  await alice.page.waitForTimeout(300);
  await alice.page.screenshot({ path: shot('map') });
  await alice.context.close();
  await bob.context.close();
});
