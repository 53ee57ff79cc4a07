import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { expect, test } from '@playwright/test';
import { createWorkshopService, type WorkshopService } from '../../electron/workshopService';
import { CONTENT_SECURITY_POLICY } from '../../electron/policy';

/**
 * "Host a workshop" in the desktop app. The Electron binary cannot run here, so the preload is
 * replaced: the page gets `window.archipelago` from an init script whose workshop calls go, through
 * a Playwright binding, to the REAL main-process service (electron/workshopService.ts) in this test
 * process, which hosts the built web app and the relay on a real port. A participant then joins
 * from another browser profile by the link the panel shows.
 */
const ROOT = join(import.meta.dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let service: WorkshopService;
let dataDir: string;
test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archipelago-e2e-desktop-workshop-'));
  service = createWorkshopService({ dataDir, webRoot: join(ROOT, 'dist', 'renderer'), logger: pino({ level: 'silent' }) });
});
test.afterAll(async () => {
  await service?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the facilitator hosts a workshop from the desktop app, a participant joins by its link, and stopping frees the port', async ({ browser }) => {
  test.setTimeout(90_000);
  const desktop = await browser.newContext();
  await desktop.exposeBinding('__workshopIpc', async (_source, method: 'interfaces' | 'start' | 'stop' | 'status', arg: unknown) => {
    // what ipcMain.handle does: the service's answer, or its error message to the renderer
    return method === 'start' ? service.start(arg) : service[method]();
  });
  await desktop.addInitScript(() => {
    const call = (window as unknown as { __workshopIpc: (m: string, a?: unknown) => Promise<unknown> }).__workshopIpc;
    let settings = { relayUrls: null as string[] | null };
    Object.defineProperty(window, 'archipelago', {
      value: Object.freeze({
        version: 'e2e',
        platform: 'linux',
        getSettings: async () => settings,
        setSettings: async (patch: object) => (settings = { ...settings, ...patch }),
        workshop: Object.freeze({
          interfaces: () => call('interfaces'),
          start: (request: unknown) => call('start', request),
          stop: () => call('stop'),
          status: () => call('status'),
        }),
      }),
    });
  });
  const page = await desktop.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto('/#/workspaces');
  const panel = page.getByTestId('host-workshop');
  await expect(panel).toBeVisible({ timeout: 30_000 });

  // bad input is explained, and nothing starts
  await page.getByTestId('host-workshop-port').fill('70000');
  await page.getByTestId('host-workshop-start').click();
  await expect(page.getByTestId('host-workshop-error')).toContainText('between 1 and 65535');
  expect(await service.status()).toEqual({ running: false });

  // this machine's loopback interface (a CI machine may have no other), on a free port
  await page.getByTestId('host-workshop-interface').selectOption('127.0.0.1');
  const port = await freePort();
  await page.getByTestId('host-workshop-port').fill(String(port));
  await page.getByTestId('host-workshop-start').click();
  await expect(page.getByTestId('host-workshop-live')).toBeVisible();
  const status = await service.status();
  if (!status.running) throw new Error('the service is not running');
  expect(status.port).toBe(port);
  await expect(page.getByTestId('host-workshop-code')).toHaveText(status.joinCode);
  await expect(page.getByTestId('host-workshop-url')).toHaveText(`http://127.0.0.1:${port}/join/${status.joinCode}`);
  expect(await page.getByTestId('host-workshop-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
  await expect(page.getByTestId('host-workshop-participants')).toHaveText('0 participants');

  // the host serves the built app under the desktop CSP, and a participant joins by the link
  const served = await fetch(`http://127.0.0.1:${port}/`);
  expect(served.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  const participant = await (await browser.newContext()).newPage();
  participant.on('pageerror', (e) => console.log(`[participant pageerror] ${e.message}`));
  await participant.goto(`${status.joinUrl}?name=${encodeURIComponent('Ana Participant')}`);
  await expect(participant.getByTestId('workshop-banner')).toContainText('you are Ana Participant', { timeout: 30_000 });
  await expect(participant.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced');
  await expect(page.getByTestId('host-workshop-participants')).toHaveText('1 participant', { timeout: 10_000 });
  await panel.screenshot({ path: join(import.meta.dirname, 'screenshots', 'desktop-host-workshop.png') });

  // stop: the port is free again and the panel offers to start anew
  await page.getByTestId('host-workshop-stop').click();
  await expect(page.getByTestId('host-workshop-start')).toBeVisible();
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  await participant.context().close();
  await desktop.close();
});
