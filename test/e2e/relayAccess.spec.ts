import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { mintToken } from '../../sync-server/auth';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { addPerson, openApp, personRow, setWorkspaceAccess, syncStatus } from './app';

/**
 * A workspace's own access, against a real relay started with --auth-secret: a token pasted for the
 * workspace syncs it (and is never shown); a token for another room, or an expired one, shows
 * "Access refused", and edits stay on this device.
 */
const SECRET = 'e2e-relay-access-secret-e2e-relay-access';
let relay: RelayProcess;
test.beforeAll(async () => {
  relay = await startRelay({ args: ['--auth-secret', SECRET] });
});
test.afterAll(async () => {
  await relay?.stop('SIGTERM');
  if (relay) removeDir(relay.dataDir);
});

/** Reads a room through the relay as another client would (with a token of its own). */
async function readRoom(room: string, token: string, until: (doc: Y.Doc) => boolean): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relay.url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token } });
  try {
    await expect.poll(() => provider.synced && until(doc), { timeout: 15_000 }).toBe(true);
    return doc;
  } finally {
    provider.destroy();
  }
}

/** Waits until the relay holds a person named `name` in the demo network (read with a read-only token of its own). */
async function expectRelayHasPerson(name: string): Promise<void> {
  const reader = await readRoom('demo.network', await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 60, scope: 'r' }), (d) =>
    [...d.getMap('people').values()].some((p) => JSON.stringify(p).includes(name)),
  );
  reader.destroy();
}

test('a token for the workspace syncs it; the token is never shown', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  const token = await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 3600, scope: 'rw' });
  await setWorkspaceAccess(page, relay.url, token);
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  await expect(syncStatus(page)).not.toHaveAttribute('data-refused', 'true');
  await expect(page.getByTestId('workspace-token')).toHaveValue('');
  await expect(page.getByTestId('workspace-token-status')).toContainText('An access token is saved (read and write, for “demo.*”); it expires at');
  await syncStatus(page).click();
  await expect(page.getByTestId('sync-panel')).toContainText(`Connected to ${relay.url} (with an access token).`);
  expect(await page.content()).not.toContain(token);
  await syncStatus(page).click();

  await addPerson(page, 'Tokened Tess');
  await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0');
  const reader = await readRoom('demo.network', await mintToken({ room: 'demo.network', secret: SECRET, ttlSeconds: 60, scope: 'r' }), (d) =>
    [...d.getMap('people').values()].some((p) => JSON.stringify(p).includes('Tokened Tess')),
  );
  reader.destroy();

  // kept with the workspace on this device: after a reload it syncs again with no typing
  await page.reload();
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  await context.close();
});

test('a token for another room, or an expired one: "Access refused", and edits are kept on this device', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await setWorkspaceAccess(page, relay.url, await mintToken({ room: 'someone-else.*', secret: SECRET, ttlSeconds: 3600, scope: 'rw' }));
  await expect(syncStatus(page)).toHaveAttribute('data-refused', 'true');
  await expect(syncStatus(page)).toContainText('Access refused');
  await syncStatus(page).click();
  await expect(page.getByTestId('sync-panel')).toContainText('the access token is for "someone-else.*", not this workspace');
  await syncStatus(page).click();
  await addPerson(page, 'Local Lou');
  await expect(personRow(page, 'Local Lou')).toBeVisible();
  await expect(syncStatus(page)).not.toHaveAttribute('data-unconfirmed', '0');

  const expired = await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 60, scope: 'rw', now: Math.floor(Date.now() / 1000) - 3600 });
  await setWorkspaceAccess(page, relay.url, expired);
  await expect(page.getByTestId('workspace-token-status')).toContainText('it expired at');
  await expect(syncStatus(page)).toContainText('Access refused');
  await syncStatus(page).click();
  await expect(page.getByTestId('sync-panel')).toContainText('the access token expired at');
  await syncStatus(page).click();
  await page.getByTestId('nav-people').click();
  await expect(personRow(page, 'Local Lou')).toBeVisible();

  // a good token again: what was kept is sent, and the relay has it
  await setWorkspaceAccess(page, relay.url, await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 3600, scope: 'rw' }));
  await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0', { timeout: 30_000 });
  await expect(syncStatus(page)).not.toHaveAttribute('data-refused', 'true');
  await expectRelayHasPerson('Local Lou');
  await context.close();
});

test('a token minted renewable is renewed at the relay before it expires: the workspace syncs past its first expiry, and after a reload', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await openApp(browser, { relay: 'off' });
  const first = await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 20, scope: 'rw', renewableUntil: Math.floor(Date.now() / 1000) + 600 });
  const firstExpiry = Date.now() + 20_000;
  await setWorkspaceAccess(page, relay.url, first);
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  await expect(page.getByTestId('workspace-token-status')).toContainText('The relay renews it before it expires, until');
  // past the first token's expiry (it is renewed every 10 s), the workspace still syncs with no notice
  await page.waitForTimeout(Math.max(0, firstExpiry + 5_000 - Date.now()));
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await addPerson(page, 'Renewed Rita');
  await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0', { timeout: 15_000 });
  await expect(syncStatus(page)).not.toHaveAttribute('data-refused', 'true');
  await expectRelayHasPerson('Renewed Rita');
  // the renewed token was stored: a reload, long after the first expired, connects with it
  await page.reload();
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  expect(await page.content()).not.toContain(first);
  await context.close();
});
