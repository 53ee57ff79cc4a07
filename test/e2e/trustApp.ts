import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { RELAY, setName, syncStatus } from './app';

/**
 * Opens the app in a fresh browser profile (its own IndexedDB and signing key) on a workspace of its
 * own, shared through the real relay, so that the workspace's members are exactly the people the
 * test brings in (quorums and "every party" depend on that).
 */
export async function openMember(browser: Browser, workspace: string, name: string, people = 12) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(`/?relay=${encodeURIComponent(RELAY)}&workspace=${workspace}&demo=${people}&seed=7`);
  await expect(page.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 });
  await setName(page, name);
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  return { context, page };
}

export const shotPath = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);

/** A screenshot without the transient notice (it would cover what we want to look at). */
export async function screenshot(page: Page, name: string, target?: import('@playwright/test').Locator) {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.isVisible()) await dismiss.click();
  if (target) {
    // clipped from the full page, so the sticky top bar does not cover the element
    const clip = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: shotPath(name), fullPage: true, clip });
  } else await page.screenshot({ path: shotPath(name), fullPage: true });
}

/** Serious or critical accessibility problems axe finds inside `selector` (contrast among them). */
export async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
}
