import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../../shared/demo/generateNetwork';
import { openApp } from './app';

const dir = mkdtempSync(join(tmpdir(), 'archipelago-import-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const count = async (page: import('@playwright/test').Page) => Number((await page.locator('.view-head p.muted').first().innerText()).match(/(\d+) people/)![1]);

test('importing a file whose ids collide shows a preview first, and by default overwrites nobody', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const p90 = page.locator('[data-testid=person-row][data-person="p90"]');
  await page.getByTestId('people-filter').fill('');
  const before = await count(page);
  expect(before).toBe(200);
  // the row of p90, as it is before the import
  await page.evaluate(() => document.querySelector('[data-person="p90"]')?.scrollIntoView());
  const p90Before = await p90.innerText();

  await page.getByTestId('import-file').setInputFiles(file('net500.json', generateNetwork({ people: 500, seed: 1 })));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  // nothing written yet
  expect(await count(page)).toBe(200);
  const summary = await page.getByTestId('import-summary').innerText();
  const added = Number(summary.match(/(\d+) new people/)![1]);
  const conflicts = Number(summary.match(/(\d+) ids? that belong/)![1]);
  expect(added).toBe(300);
  expect(conflicts).toBeGreaterThan(150);
  await preview.getByTestId('import-show-all').first().click();
  await expect(preview.getByTestId('import-conflict').filter({ hasText: /^p90 / })).toContainText('here');
  await expect(preview.getByTestId('choice-conflicts-new')).toBeChecked();

  await page.getByTestId('import-confirm').click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Imported “net500.json”');
  await expect.poll(() => count(page)).toBe(200 + added + conflicts);
  expect(await p90.innerText()).toBe(p90Before);

  // one undo takes the whole import back, and says so
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toContainText('Undone: Import “net500.json”');
  await expect.poll(() => count(page)).toBe(200);
  await context.close();
});

test('cancelling the preview or a bad file changes nothing', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('import-file').setInputFiles(file('small.json', generateNetwork({ people: 20, seed: 4 })));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  expect(await count(page)).toBe(200);

  await page.getByTestId('import-file').setInputFiles(file('bad.json', { version: 1, people: [{ id: 'x', name: 'X', skills: [] }], ties: [{ from: 'x', to: 'ghost', trust: 0.5 }] }));
  await expect(page.getByTestId('notice')).toContainText('Nothing was imported');
  await expect(page.getByTestId('notice')).toContainText('$.ties[0].to');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await page.getByTestId('import-file').setInputFiles(file('notjson.json', '{ nope'));
  await expect(page.getByTestId('notice')).toContainText('is neither a network file (JSON) nor a spreadsheet (CSV)');
  expect(await count(page)).toBe(200);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await context.close();
});
