import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openApp } from './app';

const shot = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);

test('screenshots of the main screens', async ({ browser }) => {
  const { context, page } = await openApp(browser, { name: 'Screenshot Sam' });
  await page.getByTestId('person-row').nth(2).click();
  await expect(page.getByTestId('person-editor')).toBeVisible();
  await page.screenshot({ path: shot('people') });
  await page.getByTestId('nav-ties').click();
  await expect(page.getByTestId('tie-row').first()).toBeVisible();
  await page.screenshot({ path: shot('ties') });
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').first().click();
  await expect(page.getByTestId('project-page')).toBeVisible();
  // the engine, in its Web Worker, reads the objective and checks coverage against the network
  await expect(page.getByTestId('capability-row').filter({ hasText: 'Circular design' })).toHaveCount(1);
  await expect(page.getByTestId('phase').first()).toBeVisible();
  // capabilities that rest on one person are shown as single points of failure, never as "covered"
  const thin = page.locator('[data-testid=capability-row][data-status=thin]');
  await expect(thin.first()).toContainText('Single point of failure');
  await expect(page.getByTestId('coverage-summary')).toContainText(`${await thin.count()} single point`);
  await expect(page.getByTestId('coverage-summary')).not.toContainText('all covered');
  await page.screenshot({ path: shot('projects'), fullPage: true });
  await page.getByTestId('nav-workspaces').click();
  await expect(page.getByTestId('workspace-card').first()).toBeVisible();
  await page.screenshot({ path: shot('workspaces') });
  await context.close();
});
