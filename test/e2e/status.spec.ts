import { expect, test } from '@playwright/test';
import { createServer } from 'node:net';
import { removeDir, startRelay } from '../support/relayProcess';
import { openApp, RELAY, syncStatus } from './app';

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

test('an unreachable relay is called unreachable within seconds, with its URL, the error and that changes are kept here', async ({ browser }) => {
  const url = `ws://127.0.0.1:${await deadPort()}`;
  const { context, page } = await openApp(browser, { relay: url });
  const status = syncStatus(page);
  await expect(status).toHaveAttribute('data-status', 'unreachable', { timeout: 10_000 });
  await expect(status).toContainText('Relay unreachable');
  await expect(status).not.toHaveAttribute('title', /confirmed storing every change/);
  await status.click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel).toContainText(`Cannot reach the relay ${url}`);
  await expect(panel).toContainText('Last error:');
  await expect(panel).toContainText('kept on this device');
  await expect(panel).toContainText(/Next try (now|in \d+ s)/);
  await expect(panel.getByTestId('sync-retry')).toBeVisible();
  await context.close();
});

test('when the relay dies the indicator says so without waiting for an edit, and recovers when it is back', async ({ browser }) => {
  const relay = await startRelay();
  try {
    const { context, page } = await openApp(browser, { relay: relay.url });
    const status = syncStatus(page);
    await expect(status).toHaveAttribute('data-status', 'synced');
    await relay.stop('SIGKILL');
    await expect(status).toHaveAttribute('data-status', 'unreachable', { timeout: 12_000 });
    // back on the same port and data: "Retry now" connects at once
    const again = await startRelay({ port: relay.port, dataDir: relay.dataDir });
    try {
      await status.click();
      await page.getByTestId('sync-retry').click();
      await expect(status).toHaveAttribute('data-status', 'synced', { timeout: 10_000 });
    } finally {
      await again.stop();
    }
    await context.close();
  } finally {
    await relay.stop('SIGKILL');
    removeDir(relay.dataDir);
  }
});

test('joining a mistyped workspace id creates nothing and says the relay has no such workspace', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: RELAY });
  await page.getByTestId('nav-workspaces').click();
  const cards = page.getByTestId('workspace-card');
  const before = await cards.count();
  await page.getByTestId('join-workspace-id').fill('demo-typo');
  await page.getByTestId('join-workspace').click();
  await expect(page.getByTestId('join-message')).toContainText('has no workspace “demo-typo”');
  await expect(cards).toHaveCount(before);
  await expect(page.getByTestId('workspace-name')).toHaveText('Demo archipelago');
  // the real id (a workspace someone created on the relay) opens with its name
  const other = await openApp(browser, { relay: RELAY });
  await other.page.getByTestId('nav-workspaces').click();
  await other.page.getByTestId('new-workspace-name').fill('Mangrove alliance');
  await other.page.getByRole('button', { name: 'Create' }).click();
  await expect(other.page.getByTestId('workspace-name')).toHaveText('Mangrove alliance');
  const id = await other.page.getByTestId('workspace-name').getAttribute('title');
  await expect(syncStatus(other.page)).toHaveAttribute('data-unconfirmed', '0');
  await page.getByTestId('join-workspace-id').fill(id!);
  await page.getByTestId('join-workspace').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Mangrove alliance');
  await other.context.close();
  await context.close();
});
