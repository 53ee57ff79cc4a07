import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

type Inspector = {
  screenOf(name: string): [number, number] | null;
  worldOf(name: string): [number, number] | null;
  selectedNames(): string[];
  alpha(): number;
};
const graph = <T,>(page: Page, fn: (g: Inspector, arg: string) => T, arg = '') =>
  page.evaluate(([src, a]) => (new Function('g', 'a', `return (${src})(g, a)`) as (g: unknown, a: string) => T)((window as unknown as { archipelagoGraph: unknown }).archipelagoGraph, a), [fn.toString(), arg] as const);

async function openGraph(page: Page) {
  await page.getByTestId('nav-graph').click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect.poll(() => page.url()).toContain('#/graph');
  // the layout worker has run far enough for a stable picture
  await expect.poll(() => graph(page, (g) => g.alpha()), { timeout: 30_000 }).toBeLessThan(0.05);
}

/** How many canvas pixels differ from the background: the network is really drawn. */
const inkedPixels = (page: Page) =>
  page.getByTestId('graph-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0xfb) + Math.abs(data[i + 1] - 0xfc) + Math.abs(data[i + 2] - 0xfe) > 30) n++;
    return n;
  });

test('the graph: the demo network drawn on one canvas, a drag pins a person for both editors, search flies, the lasso selects', async ({ browser }) => {
  const alice = await openApp(browser, { name: 'Alice Graph' });
  const bob = await openApp(browser, { name: 'Bob Graph' });
  const name = (await alice.page.getByTestId('person-row').nth(5).locator('td.strong').textContent())!.trim();
  const other = (await alice.page.getByTestId('person-row').nth(40).locator('td.strong').textContent())!.trim();
  for (const { page } of [alice, bob]) await openGraph(page);

  // drawn: one canvas with ink on it, a legend for the colours, and both colourings
  expect(await alice.page.locator('canvas').count()).toBe(1);
  expect(await inkedPixels(alice.page)).toBeGreaterThan(2000);
  expect(await alice.page.getByTestId('graph-legend').locator('li').count()).toBeGreaterThan(3);
  const byField = await alice.page.getByTestId('graph-legend').innerText();
  await alice.page.getByTestId('graph-colour-by').selectOption('community');
  // communities (Louvain, from the worker) are named by their dominant skills
  await expect(alice.page.getByTestId('graph-legend')).not.toHaveText(byField);
  await expect(alice.page.getByTestId('graph-legend').locator('li').first()).toContainText(' · ');

  // Alice drags a person to an empty corner: they stay there (pinned), and Bob sees them move there
  const from = (await graph(alice.page, (g, n) => g.screenOf(n), name))!;
  const box = (await alice.page.getByTestId('graph-canvas').boundingBox())!;
  const to = [box.x + 60, box.y + box.height - 60];
  await alice.page.mouse.move(from[0], from[1]);
  await alice.page.mouse.down();
  for (let s = 1; s <= 10; s++) await alice.page.mouse.move(from[0] + ((to[0] - from[0]) * s) / 10, from[1] + ((to[1] - from[1]) * s) / 10);
  await alice.page.mouse.up();
  const pinnedAt = (await graph(alice.page, (g, n) => g.worldOf(n), name))!;
  const onScreen = (await graph(alice.page, (g, n) => g.screenOf(n), name))!;
  expect(Math.hypot(onScreen[0] - to[0], onScreen[1] - to[1])).toBeLessThan(3);
  await expect
    .poll(async () => {
      const w = await graph(bob.page, (g, n) => g.worldOf(n), name);
      return w ? Math.hypot(w[0] - pinnedAt[0], w[1] - pinnedAt[1]) : Infinity;
    })
    .toBeLessThan(0.1);
  // still there once the layout has moved on around it
  await alice.page.waitForTimeout(500);
  const later = (await graph(alice.page, (g, n) => g.worldOf(n), name))!;
  expect(Math.hypot(later[0] - pinnedAt[0], later[1] - pinnedAt[1])).toBeLessThan(0.1);

  // Bob searches for someone: the camera flies to them, they are selected and their card shows
  await bob.page.getByTestId('graph-search').fill(other.slice(0, 6));
  await bob.page.getByTestId('graph-search').press('Enter');
  await expect(bob.page.getByTestId('graph-selection')).toHaveAttribute('data-count', '1');
  const bobBox = (await bob.page.getByTestId('graph-canvas').boundingBox())!;
  const picked = (await graph(bob.page, (g) => g.selectedNames()))[0];
  expect(picked.toLowerCase()).toContain(other.slice(0, 6).toLowerCase());
  await expect
    .poll(async () => {
      const p = (await graph(bob.page, (g, n) => g.screenOf(n), picked))!;
      return Math.hypot(p[0] - (bobBox.x + bobBox.width / 2), p[1] - (bobBox.y + bobBox.height / 2));
    })
    .toBeLessThan(3);
  await expect(bob.page.getByTestId('graph-card')).toContainText(picked);
  await expect(bob.page.getByTestId('graph-card')).toContainText('/h');

  // Alice shift-drags a lasso around the corner where she pinned the person: exactly the people inside
  await alice.page.keyboard.down('Shift');
  const corners = [
    [to[0] - 30, to[1] - 30],
    [to[0] + 30, to[1] - 30],
    [to[0] + 30, to[1] + 30],
    [to[0] - 30, to[1] + 30],
  ];
  await alice.page.mouse.move(corners[0][0], corners[0][1]);
  await alice.page.mouse.down();
  for (const [x, y] of [...corners.slice(1), corners[0]]) await alice.page.mouse.move(x, y, { steps: 4 });
  await alice.page.mouse.up();
  await alice.page.keyboard.up('Shift');
  expect(await graph(alice.page, (g) => g.selectedNames())).toContain(name);
  await expect(alice.page.getByTestId('graph-selection')).not.toHaveAttribute('data-count', '0');

  // a plain click on empty canvas clears the selection; the hash route opens the graph directly
  await alice.page.mouse.click(box.x + box.width - 40, box.y + 40);
  await expect(alice.page.getByTestId('graph-selection')).toHaveAttribute('data-count', '0');
  await alice.context.close();
  await bob.context.close();
});
