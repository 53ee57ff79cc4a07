import { expect, test } from '@playwright/test';
import { addPerson, filterPeople, openApp, personRow, reloadThroughGuard, syncStatus } from './app';

test('a reload keeps all data, from IndexedDB (no relay at all)', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await expect(syncStatus(page)).toContainText('Local only');
  await addPerson(page, 'Kept Across Reload');
  await page.getByTestId('edit-rate').fill('77');
  await page.getByTestId('edit-rate').press('Enter');
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project-name').fill('Reload project');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('project-page')).toBeVisible();
  await expect(syncStatus(page)).toHaveAttribute('data-unsaved', '0');

  await page.reload();
  await filterPeople(page, 'Kept Across Reload');
  await expect(personRow(page, 'Kept Across Reload')).toContainText('77');
  await page.getByTestId('nav-projects').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Reload project' })).toHaveCount(1);
  await context.close();
});

test('reloading straight after an edit on a slow machine loses nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await openApp(browser, { relay: 'off' });
  // 8x slower CPU: the IndexedDB commit now lands well after the UI shows the project (without the
  // unload guard a reload at that moment lost the project)
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project-name').fill('Straight to reload');
  await page.getByTestId('create-project').click();
  // the page itself renders slowly at 8x; what matters here is that nothing is lost
  await expect(page.getByTestId('project-page')).toBeVisible({ timeout: 60_000 });
  console.log(`unload held by the guard ${await reloadThroughGuard(page)} time(s)`);
  await page.getByTestId('nav-projects').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Straight to reload' })).toHaveCount(1);
  await context.close();
});

test('closing mid-edit keeps what was typed in a field that commits on blur', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await addPerson(page, 'Typed Not Committed');
  await page.getByTestId('edit-rate').fill('63'); // no Enter, no blur
  await reloadThroughGuard(page);
  await filterPeople(page, 'Typed Not Committed');
  await expect(personRow(page, 'Typed Not Committed')).toContainText('63');
  await context.close();
});

test('undo and redo with the keyboard', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await addPerson(page, 'Undo Candidate');
  await filterPeople(page, 'Undo Candidate');
  await page.getByTestId('people-filter').blur();
  await personRow(page, 'Undo Candidate').getByTestId('delete-person').click();
  await expect(personRow(page, 'Undo Candidate')).toHaveCount(0);
  await page.locator('body').press('Control+z');
  await expect(personRow(page, 'Undo Candidate')).toHaveCount(1);
  await page.locator('body').press('Shift+Control+z');
  await expect(personRow(page, 'Undo Candidate')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(personRow(page, 'Undo Candidate')).toHaveCount(1);
  await context.close();
});

test('a bad import file gets a clear error and writes nothing', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const before = await page.getByText(/\d+ people · \d+ ties/).textContent();
  await page.getByTestId('import-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, people: [{ id: 'x1', name: 'Half Written', skills: [] }], ties: [{ from: 'x1', to: 'nobody', trust: 0.5 }] })),
  });
  await expect(page.getByTestId('notice')).toContainText('Nothing was imported');
  await expect(page.getByTestId('notice')).toContainText('$.ties[0].to');
  await expect(page.getByText(/\d+ people · \d+ ties/)).toHaveText(before!);
  await context.close();
});
