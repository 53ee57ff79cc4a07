import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const RELAY = `ws://127.0.0.1:${process.env.E2E_RELAY_PORT ?? 4480}`;

/** A fresh browser profile (its own IndexedDB) on the app, synced through the e2e relay. */
export async function openApp(browser: Browser, options: { relay?: string | 'off'; name?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(`/?relay=${encodeURIComponent(options.relay ?? RELAY)}`);
  await expect(page.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 });
  if (options.name) await setName(page, options.name);
  return { context, page };
}

export async function setName(page: Page, name: string) {
  await page.getByTestId('nav-workspaces').click();
  await page.getByTestId('user-name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('nav-people').click();
}

export async function addPerson(page: Page, name: string) {
  await page.getByTestId('nav-people').click();
  await page.getByTestId('add-person').click();
  await page.getByTestId('person-name').fill(name);
  await page.getByTestId('create-person').click();
  await expect(page.getByTestId('person-editor')).toHaveAttribute('data-person', /p-/);
}

export const personRow = (page: Page, name: string) => page.getByTestId('person-row').filter({ hasText: name });

export async function filterPeople(page: Page, text: string) {
  await page.getByTestId('nav-people').click();
  await page.getByTestId('people-filter').fill(text);
}

export const syncStatus = (page: Page) => page.getByTestId('sync-status');

/** Workspaces → Access to this workspace: its relays (one per line, in order) and a room token (empty keeps the saved one). */
export async function setWorkspaceAccess(page: Page, relays: string, token: string) {
  await page.getByTestId('nav-workspaces').click();
  await page.getByTestId('workspace-relays').fill(relays);
  await page.getByTestId('workspace-token').fill(token);
  await page.getByTestId('workspace-access-save').click();
}

/**
 * Reloads the way a user does, at once: the app's unload guard may hold the reload while a write is in
 * flight (its beforeunload prompt is answered "stay"), so keep asking until the page really reloads.
 * Returns how many times the guard held it.
 */
export async function reloadThroughGuard(page: Page): Promise<number> {
  let held = 0;
  const onDialog = (dialog: import('@playwright/test').Dialog) => {
    if (dialog.type() === 'beforeunload') held++;
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  await page.evaluate(() => Object.assign(window, { beforeReload: true }));
  await page.evaluate(() => location.reload()).catch(() => {});
  await expect
    .poll(
      async () => {
        const reloaded = await page.evaluate(() => !('beforeReload' in window)).catch(() => false);
        if (!reloaded) await page.evaluate(() => location.reload()).catch(() => {});
        return reloaded;
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  page.off('dialog', onDialog);
  return held;
}
