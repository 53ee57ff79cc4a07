import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('? lists the shortcuts; g m / g p go to views; n adds a person; nothing fires while typing', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Map');
  await expect(help.getByRole('button', { name: 'Close shortcuts' })).toBeFocused();
  await page.screenshot({ path: 'test-results/shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page).toHaveURL(/#\/map$/);
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/#\/people$/);
  await page.keyboard.press('n');
  await expect(page.getByTestId('person-editor')).toHaveAttribute('aria-label', 'New person');

  // typing in a field: the letters go into the field, not to the shortcuts
  await page.getByTestId('person-name').fill('');
  await page.getByTestId('person-name').pressSequentially('gm? n');
  await expect(page.getByTestId('person-name')).toHaveValue('gm? n');
  await expect(page).toHaveURL(/#\/people$/);
  await expect(help).toHaveCount(0);
  await context.close();
});
