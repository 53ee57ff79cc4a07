import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

const rates = async (page: Page) =>
  (await page.getByTestId('person-row').locator('td.num').filter({ hasText: 'EUR' }).allTextContents()).map((t) => Number.parseFloat(t));

test('tables sort by a column and page through long lists', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  // people: highest rate first on the first click, lowest first on the second
  await page.getByTestId('sort-rate').click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Rate');
  let r = await rates(page);
  expect(r.length).toBeGreaterThan(100);
  expect(r).toEqual([...r].sort((a, b) => b - a));
  await page.getByTestId('sort-rate').click();
  r = await rates(page);
  expect(r).toEqual([...r].sort((a, b) => a - b));
  // names A to Z
  await page.getByTestId('sort-name').click();
  const names = await page.getByTestId('person-row').locator('td.strong').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

  // ties: the demo has more than one page; "show more" adds the next page, a filter starts again
  await page.getByTestId('nav-ties').click();
  const total = Number(/(\d+) directed ties/.exec((await page.getByText(/directed ties/).textContent())!)![1]);
  expect(total).toBeGreaterThan(250);
  await expect(page.getByTestId('tie-row')).toHaveCount(250);
  await page.getByTestId('show-more').click();
  await expect(page.getByTestId('tie-row')).toHaveCount(Math.min(500, total));
  await page.getByTestId('sort-trust').click();
  const trust = (await page.getByTestId('tie-row').locator('.level').allTextContents()).map(Number);
  expect(trust).toEqual([...trust].sort((a, b) => b - a));
  await page.getByTestId('ties-filter').fill('a');
  const filtered = await page.getByTestId('tie-row').count();
  expect(filtered).toBeLessThanOrEqual(250);
  await context.close();
});
