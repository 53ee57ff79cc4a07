import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SettingsStore } from '../../electron/settingsStore';
import { freePort } from '../support/redisProcess';
import { RELAY, syncStatus } from './app';

/**
 * This device's relays as an ordered list (Workspaces → This device). On the desktop: the Electron
 * binary cannot run here, so the preload is replaced by an init script whose settings calls go,
 * through a Playwright binding, to the REAL main-process settings store (electron/settingsStore.ts)
 * on a real file in this test process. In the web build: localStorage.
 */
const relayRows = (page: Page) => page.getByTestId('device-relay');
const relayOrder = (page: Page) => relayRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url')));

async function addRelay(page: Page, url: string) {
  await page.getByTestId('device-relay-new').fill(url);
  await page.getByTestId('device-relay-add').click();
}

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archipelago-e2e-device-relays-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('desktop: an earlier single relay reads as a list of one; the list is edited, checked, saved by the main process, and a new workspace syncs through it in order', async ({ browser }) => {
  test.setTimeout(120_000);
  const file = join(dir, 'settings.json');
  writeFileSync(file, JSON.stringify({ relayUrl: RELAY }));
  const onDisk = () => JSON.parse(readFileSync(file, 'utf8'));
  const store = new SettingsStore(file);
  const desktop = await browser.newContext();
  // what ipcMain.handle does: the store's answer, or its error message to the renderer
  await desktop.exposeBinding('__settingsIpc', async (_source, method: 'get' | 'set', patch?: unknown) => (method === 'get' ? store.read() : store.update(patch)));
  await desktop.addInitScript(() => {
    const call = (window as unknown as { __settingsIpc: (m: string, p?: unknown) => Promise<unknown> }).__settingsIpc;
    Object.defineProperty(window, 'archipelago', {
      value: Object.freeze({ version: 'e2e', platform: 'linux', getSettings: () => call('get'), setSettings: (patch: unknown) => call('set', patch) }),
    });
  });
  const page = await desktop.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto('/#/workspaces');
  await expect(page.getByTestId('device-relays')).toBeVisible({ timeout: 30_000 });

  // the earlier file: one relay, now a list of one, and the file rewritten in the list's shape
  expect(await relayOrder(page)).toEqual([RELAY]);
  expect(onDisk()).toEqual({ relayUrls: [RELAY] });
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });

  // bad input is explained beside the list, and nothing changes
  await addRelay(page, 'http://relay.example');
  await expect(page.getByTestId('device-relays-problem')).toContainText('must start with ws:// or wss://');
  await addRelay(page, `${RELAY}/`);
  await expect(page.getByTestId('device-relays-problem')).toContainText(`${RELAY} is already in the list`);
  expect(await relayOrder(page)).toEqual([RELAY]);
  // a bad relay still typed when saving: it is explained, and nothing is saved
  await page.getByTestId('device-relay-new').fill('not a relay');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('device-relays-problem')).toContainText('is not a URL');
  expect(onDisk()).toEqual({ relayUrls: [RELAY] });

  // a relay nobody answers on, put first: the list is [dead, RELAY], saved by the main process
  const dead = `ws://127.0.0.1:${await freePort()}`;
  await page.getByTestId('device-relay-new').fill('');
  await addRelay(page, dead);
  expect(await relayOrder(page)).toEqual([RELAY, dead]);
  await page.getByRole('button', { name: `Use ${dead} first` }).click();
  expect(await relayOrder(page)).toEqual([dead, RELAY]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(onDisk).toEqual({ relayUrls: [dead, RELAY] });

  // joining asks the relays in order too: the dead one is passed over, and the next one answers
  await page.getByTestId('join-workspace-id').fill('nobody-has-this');
  await page.getByTestId('join-workspace').click();
  await expect(page.getByTestId('join-message')).toContainText(`The relay ${RELAY} has no workspace “nobody-has-this”`, { timeout: 30_000 });

  // a new workspace made here uses the list: the first does not answer, so it syncs through the next
  await page.getByTestId('new-workspace-name').fill('Desk failover');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Desk failover');
  await expect(syncStatus(page)).toHaveAttribute('title', new RegExp(`Connected to ${RELAY.replace(/[.]/g, '\\.')}\\.`), { timeout: 60_000 });
  await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0', { timeout: 30_000 });

  // remove the dead one; after a reload the list is the file's
  await page.getByTestId('nav-workspaces').click();
  await page.getByRole('button', { name: `Remove ${dead}` }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(onDisk).toEqual({ relayUrls: [RELAY] });
  await page.reload();
  await expect(page.getByTestId('device-relays')).toBeVisible({ timeout: 30_000 });
  expect(await relayOrder(page)).toEqual([RELAY]);

  // no relay at all: sync off, saved as null
  await page.getByRole('button', { name: `Remove ${RELAY}` }).click();
  await expect(page.getByTestId('device-relays-none')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(onDisk).toEqual({ relayUrls: null });
  await expect(syncStatus(page)).toContainText('Local only');
  await desktop.close();
});

test('web: the device relays live in localStorage; an earlier single relay there reads as a list of one', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/#/workspaces');
  await page.evaluate((relay) => localStorage.setItem('archipelago.settings', JSON.stringify({ relayUrl: relay })), RELAY);
  await page.reload();
  await expect(page.getByTestId('device-relays')).toBeVisible({ timeout: 30_000 });
  expect(await relayOrder(page)).toEqual([RELAY]);
  const second = `ws://127.0.0.1:${await freePort()}`;
  await addRelay(page, second);
  await page.getByRole('button', { name: `Move ${second} up` }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('archipelago.settings') ?? '{}'))).toEqual({ relayUrls: [second, RELAY] });
  await page.reload();
  await expect(page.getByTestId('device-relays')).toBeVisible({ timeout: 30_000 });
  expect(await relayOrder(page)).toEqual([second, RELAY]);
  await context.close();
});
