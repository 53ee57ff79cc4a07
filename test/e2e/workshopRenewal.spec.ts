import { expect, test } from '@playwright/test';
import { addPerson, personRow } from './app';
import { startWorkshopHost, type WorkshopHost } from './workshopHost';

/**
 * A workshop host whose tokens last 20 s: the app renews its workspace's token at the host before it
 * expires, so a reload long after the first token expired still syncs.
 */
const PORT = Number(process.env.E2E_WORKSHOP_PORT ?? 5315) + 1;
let host: WorkshopHost;

test.beforeAll(async () => {
  host = await startWorkshopHost(PORT, ['--token-ttl-seconds', '20']);
});
test.afterAll(async () => {
  if (host) await host.stop();
});

test('a participant’s token is renewed before it expires; after a reload past its expiry, the workspace still syncs', async ({ browser }) => {
  test.setTimeout(90_000);
  const { code } = host;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${PORT}/join/${code}?name=Rena`);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  const joinedAt = Date.now();
  await page.getByTestId('nav-workspaces').click();
  const first = await page.getByTestId('workspace-token-status').textContent();
  expect(first).toContain('It is renewed before it expires.');
  // renewed (at most ~10 s in, for a 20 s token): the saved token now expires later
  await expect(page.getByTestId('workspace-token-status')).not.toHaveText(first!, { timeout: 20_000 });
  // past the first token's expiry, a reload opens with the renewed token: no refusal, and edits sync
  await page.waitForTimeout(Math.max(0, joinedAt + 22_000 - Date.now()));
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  await expect(page.getByTestId('sync-status')).not.toHaveAttribute('data-refused', 'true');
  await addPerson(page, 'Renewed Rena');
  await expect(personRow(page, 'Renewed Rena')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', '0', { timeout: 15_000 });
  expect(page.url()).not.toContain('token');
  await page.context().close();
});
