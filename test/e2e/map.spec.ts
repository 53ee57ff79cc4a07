import { expect, test } from '@playwright/test';
import { openApp } from './app';
import { acceptSampleTeam } from './team';

test('the map draws people at their places, lists who is there, selects a person, filters, and shows an accepted team as an island', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const members = (await acceptSampleTeam(page)).filter(Boolean) as string[];
  expect(members.length).toBeGreaterThan(1);

  await page.getByTestId('nav-map').click();
  await expect(page).toHaveURL(/#\/map$/);
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).toBeVisible();
  await expect(page.locator('.map-loading')).toHaveCount(0, { timeout: 15_000 });
  const places = Number(await canvas.getAttribute('data-clusters'));
  expect(places).toBeGreaterThan(3);
  await expect(page.getByTestId('map-place')).toHaveCount(places);
  // the canvas really has land and markers drawn on it: many distinct colours, not a blank sheet
  const colours = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(8);

  // hovering a marker shows who is there: find the first place's marker by hovering the canvas where the list says it is
  await page.getByTestId('map-place').first().click();
  const card = page.getByTestId('map-card');
  await expect(card).toBeVisible();
  const first = card.getByTestId('map-person').first();
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(/#\/people$/);
  await expect(page.getByTestId('person-editor')).toHaveAttribute('aria-label', `Edit ${name}`);
  await expect(page.locator('[data-testid=person-row][aria-selected=true]')).toContainText(name);

  // filters narrow the places
  await page.getByTestId('nav-map').click();
  const all = Number(await canvas.getAttribute('data-clusters'));
  await page.getByTestId('map-band').selectOption('apac');
  await expect.poll(async () => Number(await canvas.getAttribute('data-clusters'))).toBeLessThan(all);
  await page.getByTestId('map-band').selectOption('');
  const skill = await page.getByTestId('map-skill').locator('option').nth(1).getAttribute('value');
  await page.getByTestId('map-skill').selectOption(skill!);
  await expect.poll(async () => Number(await canvas.getAttribute('data-clusters'))).toBeLessThan(all);
  await page.getByTestId('map-skill').selectOption('');

  // the accepted team as an island, with a legend naming its members
  await page.getByTestId('map-team').selectOption({ label: 'Circular kettle launch' });
  await expect(canvas).toHaveAttribute('data-team', new RegExp(members[0]));
  const legend = page.getByTestId('map-legend');
  await expect(legend).toContainText('Team: Circular kettle launch');
  await expect(legend.locator('li')).toHaveCount((await canvas.getAttribute('data-team'))!.split(' ').length);

  // wheel zooms without error, and the canvas still draws
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/map-team.png' });
  await context.close();
});

test('the map draws the 10k demo, and its code is not in the initial bundle', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/?relay=off&workspace=map-10k&demo=10000#/people');
  await expect(page.getByTestId('person-row').first()).toBeVisible({ timeout: 60_000 });
  const before = scripts.length;
  await page.getByTestId('nav-map').click();
  await expect(page.locator('.map-loading')).toHaveCount(0, { timeout: 30_000 });
  expect(scripts.length).toBeGreaterThan(before); // the map arrived as its own chunk
  expect(Number(await page.getByTestId('map-canvas').getAttribute('data-clusters'))).toBeGreaterThan(20);
  await page.screenshot({ path: 'test-results/map-10k.png' });
  await context.close();
});
