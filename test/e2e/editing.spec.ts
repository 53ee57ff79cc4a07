import { expect, test, type Page } from '@playwright/test';
import { filterPeople, openApp, personRow, syncStatus } from './app';

/** Opens the editor of the person called `name` (filtering the table first). */
async function openEditor(page: Page, name: string) {
  await filterPeople(page, name);
  await personRow(page, name).click();
  await expect(page.getByTestId('person-editor')).toBeVisible();
}

test('a stale editor never reverts a collaborator’s edit, shows it as it arrives, and warns about a conflict', async ({ browser }) => {
  const a = await openApp(browser, { name: 'Ada Stale' });
  const b = await openApp(browser, { name: 'Ben Fresh' });
  for (const { page } of [a, b]) await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  const target = 'Aisha Boateng';
  await openEditor(a.page, target);
  await openEditor(b.page, target);
  const [rateA, nameA] = [a.page.getByTestId('edit-rate'), a.page.getByTestId('edit-name')];
  const before = await rateA.inputValue();
  expect(before).not.toBe('99');

  // B changes the rate and the name
  await b.page.getByTestId('edit-rate').fill('99');
  await b.page.getByTestId('edit-rate').press('Enter');
  await b.page.getByTestId('edit-name').fill('Aisha Boateng-Mensah');
  await b.page.getByTestId('edit-name').press('Tab');

  // A's open editor shows both, as they arrive
  await expect(rateA).toHaveValue('99');
  await expect(nameA).toHaveValue('Aisha Boateng-Mensah');

  // A only clicks into each field and tabs out: nothing is written back
  for (const field of [nameA, rateA, a.page.getByTestId('edit-timezone')]) {
    await field.click();
    await field.press('Tab');
  }
  await a.page.waitForTimeout(500);
  await expect(b.page.getByTestId('edit-rate')).toHaveValue('99');
  await expect(b.page.getByTestId('edit-name')).toHaveValue('Aisha Boateng-Mensah');

  // A is typing in the rate when B changes it: A is told, and can take B's value
  await rateA.click();
  await rateA.fill('120');
  await b.page.getByTestId('edit-rate').fill('101');
  await b.page.getByTestId('edit-rate').press('Enter');
  await expect(a.page.getByTestId('edit-rate-conflict')).toContainText('“101”');
  await expect(rateA).toHaveValue('120');
  await a.page.getByTestId('edit-rate-conflict').getByRole('button', { name: 'Use theirs' }).click();
  await expect(rateA).toHaveValue('101');
  await rateA.press('Tab');
  await a.page.waitForTimeout(300);
  await expect(b.page.getByTestId('edit-rate')).toHaveValue('101');

  // a field A has not typed in follows B silently while focused, and says so
  await nameA.click();
  await b.page.getByTestId('edit-name').fill('Aisha B. Mensah');
  await b.page.getByTestId('edit-name').press('Enter');
  await expect(nameA).toHaveValue('Aisha B. Mensah');
  await expect(a.page.getByTestId('edit-name-updated')).toBeVisible();
  await nameA.press('Tab');
  await expect(b.page.getByTestId('edit-name')).toHaveValue('Aisha B. Mensah');

  await a.context.close();
  await b.context.close();
});

test('the project name follows a collaborator while not being edited, tabbing through writes nothing, and typing is never discarded', async ({ browser }) => {
  const a = await openApp(browser, { name: 'Ada Projects' });
  const b = await openApp(browser, { name: 'Ben Projects' });
  for (const { page } of [a, b]) {
    await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-item').filter({ hasText: 'Clean rivers' }).click();
  }
  await b.page.getByTestId('project-name').fill('Clean rivers, phase 2');
  await b.page.getByTestId('project-name').press('Enter');
  await expect(a.page.getByTestId('project-name')).toHaveValue('Clean rivers, phase 2');
  await a.page.getByTestId('project-name').click();
  await a.page.getByTestId('project-name').press('Tab');
  await a.page.waitForTimeout(300);
  await expect(b.page.getByTestId('project-name')).toHaveValue('Clean rivers, phase 2');
  await expect(a.page.getByTestId('project-item').filter({ hasText: 'Clean rivers, phase 2' })).toHaveCount(1);
  // A is typing a new name when B renames it: A's typing is kept, and A is told
  await a.page.getByTestId('project-name').fill('Clean rivers and lakes');
  await b.page.getByTestId('project-name').fill('Clean rivers 2027');
  await b.page.getByTestId('project-name').press('Enter');
  await expect(a.page.getByTestId('project-name-conflict')).toContainText('“Clean rivers 2027”');
  await expect(a.page.getByTestId('project-name')).toHaveValue('Clean rivers and lakes');
  await a.page.getByTestId('project-name').press('Enter');
  await expect(b.page.getByTestId('project-name')).toHaveValue('Clean rivers and lakes');
  await a.context.close();
  await b.context.close();
});

test('an invalid value gets a plain message beside the field and is not written', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await openEditor(page, 'Aisha Boateng');
  const rate = page.getByTestId('edit-rate');
  const before = await rate.inputValue();
  await rate.fill('-5');
  await rate.press('Enter');
  await expect(page.getByTestId('edit-rate-error')).toHaveText(/Hourly rate can’t be negative\./);
  await expect(page.getByTestId('edit-rate-error')).not.toContainText('$');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(personRow(page, 'Aisha Boateng')).toContainText(`${before} EUR`);
  // Escape restores the stored value
  await rate.press('Escape');
  await expect(rate).toHaveValue(before);
  await expect(page.getByTestId('edit-rate-error')).toHaveCount(0);
  await page.getByTestId('edit-timezone').fill('Mars/Olympus');
  await page.getByTestId('edit-timezone').press('Enter');
  await expect(page.getByTestId('edit-timezone-error')).toContainText('is not a time zone');
  await context.close();
});
