import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('Ctrl+K opens the palette: it finds and opens a person and a project, runs an action, and Escape closes it', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const name = (await page.getByTestId('person-row').nth(3).locator('td').first().innerText()).trim();
  const palette = page.getByTestId('palette');

  await page.getByTestId('nav-projects').click();
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox')).toBeFocused();
  // a typo still finds the person; Enter opens them in People
  await page.keyboard.type(name.slice(0, 3) + name.slice(4));
  await expect(palette.getByTestId('palette-option').first()).toContainText(name);
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page).toHaveURL(/#\/people$/);
  await expect(page.getByTestId('person-editor')).toHaveAttribute('aria-label', `Edit ${name}`);

  // a project, chosen with the arrow keys
  await page.keyboard.press('Control+k');
  await page.keyboard.type('kettle launch');
  const options = palette.getByTestId('palette-option');
  await expect(options.first()).toContainText('Circular kettle launch');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/projects\/circular-kettle$/);
  await expect(page.getByTestId('project-page')).toBeVisible();

  // a view, by clicking
  await page.getByTestId('palette-button').click();
  await page.keyboard.type('map');
  await palette.locator('[data-kind=view]').filter({ hasText: 'Map' }).click();
  await expect(page).toHaveURL(/#\/map$/);

  // an action
  await page.keyboard.press('Control+k');
  await page.keyboard.type('add a person');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-editor')).toHaveAttribute('aria-label', 'New person');

  // Escape closes, and nothing matches is said
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zzqqxxjj');
  await expect(palette).toContainText('Nothing matches');
  await page.screenshot({ path: 'test-results/palette-empty.png' });
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ni');
  await page.screenshot({ path: 'test-results/palette.png' });
  await context.close();
});
