import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './app';

const dir = mkdtempSync(join(tmpdir(), 'archipelago-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const count = async (page: import('@playwright/test').Page) => Number((await page.locator('.view-head p.muted').first().innerText()).match(/(\d+) people/)![1]);

test('people from a spreadsheet: columns mapped, rows checked, nothing written until confirmed', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('import-file').setInputFiles(
    file('people.csv', 'Full name,Expertise,Town,Price\nLina Haddad-Csv,UI design 80; storytelling 60,Lisbon,55\nOmar Csv,Basket weaving,Cairo,40\nPia Csv,Storytelling,Atlantis,35\n'),
  );
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  // guessed from the headers
  await expect(page.getByTestId('csv-map-name')).toHaveValue('0');
  await expect(page.getByTestId('csv-map-rate')).toHaveValue('3');
  await expect(page.getByTestId('csv-summary')).toContainText('2 of 3 rows ready');
  await expect(page.getByTestId('csv-row').nth(1)).toContainText('“Basket weaving” is not a skill we know');
  await expect(page.getByTestId('csv-row').nth(2)).toContainText('imported without a location');
  expect(await count(page)).toBe(200);
  // unmapping the name column blocks the import with the reason
  await page.getByTestId('csv-map-name').selectOption('');
  await expect(page.getByTestId('csv-problem')).toContainText('name');
  await expect(page.getByTestId('csv-continue')).toBeDisabled();
  await page.getByTestId('csv-map-name').selectOption('0');
  await page.getByTestId('csv-continue').click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('2 new people');
  expect(await count(page)).toBe(200);
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => count(page)).toBe(202);
  await page.getByTestId('people-filter').fill('Lina Haddad-Csv');
  await expect(page.getByTestId('person-row')).toContainText('UI design');
  await context.close();
});

test('ties from a spreadsheet by name, and a bad file changes nothing', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('nav-ties').click();
  const before = Number((await page.locator('.view-head p.muted').first().innerText()).match(/(\d+) directed ties/)![1]);
  await page.getByTestId('nav-people').click();
  await page.getByTestId('import-file').setInputFiles(file('ties.csv', 'from,to,trust\nAisha Boateng,Aisha Mwangi,90%\nAisha Boateng,Nobody Here,0.5\n'));
  await expect(page.getByTestId('csv-kind-ties')).toBeChecked();
  await expect(page.getByTestId('csv-summary')).toContainText('1 of 2 rows ready');
  await page.getByTestId('csv-continue').click();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('nav-ties').click();
  await expect(page.locator('.view-head p.muted').first()).toContainText(`${before + 1} directed ties`);

  await page.getByTestId('nav-people').click();
  await page.getByTestId('import-file').setInputFiles(file('broken.csv', 'name,rate\n"Unclosed,5\n'));
  await expect(page.getByTestId('notice')).toContainText('Nothing was imported');
  await expect(page.getByTestId('csv-dialog')).toHaveCount(0);
  await page.getByTestId('import-file').setInputFiles(file('empty.csv', ''));
  await expect(page.getByTestId('notice')).toContainText('the file is empty');
  expect(await count(page)).toBe(200);
  await context.close();
});
