import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addPerson, personRow } from './app';

/**
 * A workshop host whose tokens last 20 s: the app renews its workspace's token at the host before it
 * expires, so a reload long after the first token expired still syncs.
 */
const PORT = Number(process.env.E2E_WORKSHOP_PORT ?? 5315) + 1;
const ROOT = join(import.meta.dirname, '..', '..');
let child: ChildProcess;
let dir: string;
let out = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archipelago-e2e-renewal-'));
  child = spawn('npm', ['run', '--silent', 'workshop', '--', '--port', String(PORT), '--host', '127.0.0.1', '--data', join(dir, 'data'), '--token-ttl-seconds', '20', '--log-level', 'warn'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workshop host did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (!out.includes('controls:')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the workshop host exited with ${code}: ${err}`));
    });
  });
});
test.afterAll(async () => {
  if (!child) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
});

test('a participant’s token is renewed before it expires; after a reload past its expiry, the workspace still syncs', async ({ browser }) => {
  test.setTimeout(90_000);
  const code = /join code: ([A-Z2-9]{6})\b/.exec(out)![1];
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
