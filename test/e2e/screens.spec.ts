import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openApp } from './app';

const shot = (name: string, scheme: string) => join(import.meta.dirname, 'screenshots', `${name}${scheme === 'light' ? '' : `-${scheme}`}.png`);

async function sampleProjectTeams(page: Page) {
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').filter({ hasText: 'Circular kettle launch' }).click();
  await expect(page.getByTestId('project-page')).toBeVisible();
  await page.getByTestId('accept-requirements').click();
  await expect(page.locator('[data-testid=capability-row][data-status]').first()).toBeVisible();
  const gaps = await page.locator('[data-testid=capability-row][data-status=gap]').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
  for (const label of gaps) await page.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
  await expect(page.getByTestId('team-card')).toHaveCount(3, { timeout: 30_000 });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the main screens, ${scheme} theme`, async ({ browser }) => {
    test.setTimeout(120_000);
    // offline: this device's own copy of the demo workspace, so what other tests did is not in the picture
    const { context, page } = await openApp(browser, { relay: 'off', name: 'Screenshot Sam', colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await page.getByTestId('person-row').nth(2).click();
    await expect(page.getByTestId('person-editor')).toBeVisible();
    await page.screenshot({ path: shot('people', scheme) });
    await page.getByTestId('nav-ties').click();
    await expect(page.getByTestId('tie-row').first()).toBeVisible();
    await page.screenshot({ path: shot('ties', scheme) });

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
    await page.screenshot({ path: shot('projects', scheme), fullPage: true });

    // the comparison panel: three teams side by side
    await sampleProjectTeams(page);
    await page.getByTestId('team-card').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('teams', scheme), fullPage: true });

    await page.getByTestId('nav-graph').click();
    await expect(page.getByTestId('graph-canvas')).toBeVisible();
    await page.waitForTimeout(3000); // let the layout settle a little
    await page.screenshot({ path: shot('graph', scheme) });

    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-place').first()).toBeVisible();
    await expect(page.locator('.map-loading')).toHaveCount(0, { timeout: 15_000 });
    await page.screenshot({ path: shot('map', scheme) });

    await page.keyboard.press('Control+k');
    await page.keyboard.type('pro');
    await expect(page.getByTestId('palette-option').first()).toBeVisible();
    await page.screenshot({ path: shot('palette', scheme) });
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-workspaces').click();
    await expect(page.getByTestId('workspace-card').first()).toBeVisible();
    await page.screenshot({ path: shot('workspaces', scheme) });
    await context.close();
  });
}

test('the theme follows the system until overridden, and the override is remembered', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off', colorScheme: 'light' });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const darkBg = await bg();
  // override: light, whatever the system says
  await page.getByTestId('theme-toggle').click(); // system → light
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await bg()).not.toBe(darkBg);
  await page.reload();
  await expect(page.getByTestId('person-row').first()).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'light');
  // and from the palette
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.type('theme dark');
  await expect(page.getByTestId('palette-option').first()).toContainText('Theme: Dark');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await context.close();
});
