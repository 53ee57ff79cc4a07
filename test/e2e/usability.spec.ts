import { expect, test } from '@playwright/test';
import { filterPeople, openApp, personRow } from './app';

test('rows open with the keyboard, Escape closes the editor and returns to the row', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const row = page.getByTestId('person-row').first();
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-editor')).toBeVisible();
  await page.getByTestId('edit-name').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('person-editor')).toHaveCount(0);
  await expect(row).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('person-editor')).toBeVisible();
  await context.close();
});

test('undo says what it undid and shows where, even from another view; redo brings it back', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project-name').fill('Coral nursery');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Coral nursery' })).toHaveCount(1);
  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Create project “Coral nursery”/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText('Undone: Create project “Coral nursery” (in Projects)');
  await expect(page.getByTestId('projects-view')).toBeVisible();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Coral nursery' })).toHaveCount(0);
  await page.getByTestId('notice-redo').click();
  await expect(page.getByTestId('project-item').filter({ hasText: 'Coral nursery' })).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('Redone: Create project “Coral nursery”');

  // a person's change is undone in People, with that person open
  await filterPeople(page, 'Aisha Boateng');
  await personRow(page, 'Aisha Boateng').click();
  await page.getByTestId('edit-rate').fill('77');
  await page.getByTestId('edit-rate').press('Enter');
  await page.getByTestId('nav-ties').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('notice')).toContainText('Undone: Change rate of Aisha Boateng (in People)');
  await expect(page.getByTestId('person-editor')).toHaveAttribute('data-person', /.+/);
  await expect(page.getByTestId('edit-name')).toHaveValue('Aisha Boateng');
  await context.close();
});

test('filters belong to a workspace, empty states make sense, and skill levels use one scale', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await filterPeople(page, 'Aisha');
  await personRow(page, 'Aisha Boateng').click();
  // one scale, 0–100, in the editor and in the table
  await page.getByTestId('skill-input').fill('Storytelling');
  await page.getByTestId('skill-level').fill('85');
  await page.getByTestId('add-skill').click();
  await expect(page.getByTestId('skills').locator('[data-skill=storytelling] .level')).toHaveText('85');
  await expect(personRow(page, 'Aisha Boateng').locator('.chip', { hasText: 'Storytelling' })).toContainText('85');
  await page.getByTestId('skill-level').fill('0.6');
  await page.getByTestId('skill-input').fill('Nonexistent skill');
  await page.getByTestId('add-skill').click();
  await expect(page.getByTestId('skill-error')).toContainText('is not a skill we know');

  await page.getByTestId('nav-workspaces').click();
  await page.getByTestId('new-workspace-name').fill('Empty island');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Empty island');
  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('people-filter')).toHaveValue('');
  await expect(page.getByTestId('people-empty')).toHaveText('No people in this workspace yet. Add a person, or import a network file.');
  await context.close();
});

test('a tie is added by typing a name; an unknown or ambiguous name is explained', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('nav-ties').click();
  await expect(page.getByText(/Trust runs from 0\.05/)).toBeVisible();
  await page.getByTestId('tie-from').fill('aisha boateng');
  await page.getByTestId('tie-to').fill('Nobody Atall');
  await page.getByTestId('add-tie').click();
  await expect(page.getByTestId('tie-error')).toContainText('No one called “Nobody Atall”');
  // pick from the suggestions with the keyboard
  await page.getByTestId('tie-to').fill('Okafor');
  await expect(page.getByTestId('tie-to-option').first()).toBeVisible();
  const suggestion = (await page.getByTestId('tie-to-option').first().innerText()).split(' · ')[0];
  await page.getByTestId('tie-to').press('Enter');
  await expect(page.getByTestId('tie-to')).toHaveValue(new RegExp(`^${suggestion} \\(p\\d+\\)$`));
  await page.getByTestId('add-tie').click();
  await expect(page.getByTestId('tie-error')).toHaveCount(0);
  await page.getByTestId('ties-filter').fill('Aisha Boateng');
  await expect(page.getByTestId('tie-row').filter({ hasText: suggestion })).not.toHaveCount(0);
  await context.close();
});

test('a toast never covers the button under it', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('nav-ties').click();
  await page.getByTestId('tie-row').first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('notice')).toBeVisible();
  const more = page.getByRole('button', { name: /Show \d+ more/ });
  await more.scrollIntoViewIfNeeded();
  // a click that the toast would intercept fails here
  await more.click({ timeout: 3000 });
  await expect(page.getByTestId('tie-row')).toHaveCount(500);
  await context.close();
});
