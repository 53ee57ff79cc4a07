import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('views have hash routes: back and forward work, and a project can be linked', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.getByTestId('nav-ties').click();
  await expect(page).toHaveURL(/#\/ties$/);
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').filter({ hasText: 'Clean rivers' }).click();
  await expect(page).toHaveURL(/#\/projects\/[\w-]+$/);
  const link = page.url();
  await page.goBack();
  await expect(page).toHaveURL(/#\/projects$/);
  await page.goBack();
  await expect(page.getByTestId('ties-view')).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('project-name')).toHaveValue('Clean rivers campaign');
  // the link opens that project in a fresh tab
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('project-name')).toHaveValue('Clean rivers campaign');
  await context.close();
});

test('?workspace=<id>&demo=<N> opens a workspace filled with N demo people, and never overwrites it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/?relay=off&workspace=bench-1&demo=300&seed=4#/people');
  await expect(page.getByTestId('workspace-name')).toHaveText('Demo network (300 people, seed 4)');
  await expect(page.locator('.view-head p.muted').first()).toContainText('300 people');
  await page.goto('/?relay=off&workspace=bench-1&demo=50#/people');
  await expect(page.locator('.view-head p.muted').first()).toContainText('300 people');
  await page.goto('/?relay=off&workspace=bad%20id&demo=5');
  await expect(page.getByTestId('notice')).toContainText('The link could not be opened');
  await context.close();
});
