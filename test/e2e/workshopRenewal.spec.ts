import AxeBuilder from '@axe-core/playwright';
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

test('a removed participant is told once, is never asked to renew again, keeps their edits, and can rejoin with a code', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await (await browser.newContext()).newPage();
  await fac.goto(host.facilitator);
  await expect(fac.getByTestId('facilitator-panel')).toBeVisible({ timeout: 30_000 });
  const remy = await (await browser.newContext()).newPage();
  await remy.goto(`http://127.0.0.1:${PORT}/join/${host.code}?name=Remy`);
  await expect(remy.getByTestId('workshop-banner')).toContainText('you are Remy', { timeout: 30_000 });
  await expect(remy.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced');

  // from here on: every notice Remy's app shows, and every request it makes to the host's workshop API
  await remy.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { noticesSeen: seen });
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid=notice]')) {
        const text = el.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const asked: string[] = [];
  remy.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/workshop/')) asked.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  // and every relay connection it tries (sync stops: the relay refuses a removed participant for good)
  remy.on('websocket', (ws) => asked.push(`websocket ${new URL(ws.url()).pathname}`));

  await fac.getByRole('button', { name: 'Remove Remy' }).click();
  const removed = remy.getByTestId('workshop-removed');
  await expect(removed).toContainText('You were removed from this workshop by the facilitator. Your edits stay on this device.');
  const removedAt = Date.now();
  asked.length = 0;
  const { violations } = await new AxeBuilder({ page: remy }).include('[data-testid=workshop-removed]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // an edit made now stays on Remy's device, unconfirmed; nobody else gets it
  await addPerson(remy, 'Unsent Remy');
  await expect(personRow(remy, 'Unsent Remy')).toBeVisible();
  await expect(remy.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', /[1-9]/);

  // longer than a renewal interval (a 20 s token is renewed every 10 s), and past the token's expiry:
  // one message, no notice, nothing asked of the host
  await remy.waitForTimeout(Math.max(0, removedAt + 25_000 - Date.now()));
  await expect(remy.getByText('You were removed from this workshop by the facilitator.')).toHaveCount(1);
  expect(await remy.evaluate(() => (window as unknown as { noticesSeen: string[] }).noticesSeen)).toEqual([]);
  expect(asked).toEqual([]);
  await fac.getByTestId('nav-people').click();
  await expect(personRow(fac, 'Unsent Remy')).toHaveCount(0);

  // a reload remembers it: the same message at once, and still nothing asked of the host
  await remy.reload();
  await expect(removed).toContainText('You were removed from this workshop by the facilitator.', { timeout: 30_000 });
  await remy.waitForTimeout(5000); // many reconnect back-offs (200 ms, 400 ms, ...)
  // the session opens with sync suspended: not one try of the relay, nor of the host
  expect(asked).toEqual([]);
  await expect(personRow(remy, 'Unsent Remy')).toBeVisible();

  // rejoining with the code: a new place in the workshop, and the edit made meanwhile reaches everyone
  await remy.getByTestId('workshop-rejoin-code').fill(host.code.toLowerCase());
  await expect(remy.getByTestId('workshop-rejoin-name')).toHaveValue('Remy');
  await remy.getByTestId('workshop-rejoin-submit').click();
  await expect(remy.getByTestId('workshop-banner')).toContainText('you are Remy', { timeout: 30_000 });
  await expect(remy.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', '0', { timeout: 15_000 });
  await expect(personRow(fac, 'Unsent Remy')).toHaveCount(1);
  await expect(fac.locator('[data-testid=workshop-participant][data-name=Remy][data-connected=true]')).toHaveCount(1);
  for (const p of [fac, remy]) await p.context().close();
});
