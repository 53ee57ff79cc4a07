import { expect, test, type Page } from '@playwright/test';
import { mintToken } from '../../sync-server/auth';
import { startRedis, type RedisProcess } from '../support/redisProcess';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { addPerson, filterPeople, openApp, personRow, setWorkspaceAccess, syncStatus } from './app';

/**
 * Failover in the browser, with real processes: one real redis-server, two real relays on it (each its
 * own --data, both with one --auth-secret), and the app in real Chromium with the workspace's relay list
 * [A, B] and one room token. After `kill -9` of relay A, the app moves to B by itself and says so in
 * its sync indicator; nothing A acknowledged, and nothing written after, is lost: a second profile
 * (on B) and a fresh third one (through B only) see all of it.
 */
const SECRET = 'e2e-relay-failover-secret-e2e-relay-failover';
let redis: RedisProcess | undefined;
const relays: RelayProcess[] = [];

// the processes die with this worker even if it is torn down without running afterAll
const killAll = () => {
  for (const r of relays) r.child.kill('SIGKILL');
  redis?.child.kill('SIGKILL');
};
process.once('exit', killAll);

test.beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) relays.push(await startRelay({ args: ['--redis', redis.url, '--auth-secret', SECRET] }));
});

test.afterAll(async () => {
  for (const r of relays) {
    await r.stop('SIGKILL');
    removeDir(r.dataDir);
  }
  await redis?.stop();
  redis?.remove();
  process.off('exit', killAll);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The indicator's title names the relay in use (DESIGN: never its token, only that one is there). */
const connectedTo = (url: string) => new RegExp(`Connected to ${escape(url)} \\(with an access token\\)\\.`);

/** Synced, with every change made here confirmed by the relay, through `url`. */
async function expectAcknowledgedBy(page: Page, url: string, timeout = 60_000) {
  await expect(syncStatus(page)).toHaveAttribute('title', connectedTo(url), { timeout });
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced', { timeout });
  await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0', { timeout });
}

async function expectPeople(page: Page, names: string[]) {
  for (const name of names) {
    await filterPeople(page, name);
    await expect(personRow(page, name)).toHaveCount(1, { timeout: 30_000 });
  }
}

test('kill -9 of the relay in use: the app moves to the next relay of the list by itself, says so, and loses no edit', async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b] = relays;
  const token = await mintToken({ room: 'demo.*', secret: SECRET, ttlSeconds: 3600, scope: 'rw' });

  const one = await openApp(browser, { relay: 'off' });
  await setWorkspaceAccess(one.page, `${a.url}\n${b.url}`, token);
  await expectAcknowledgedBy(one.page, a.url);
  const two = await openApp(browser, { relay: 'off' });
  await setWorkspaceAccess(two.page, `${b.url}\n${a.url}`, token);
  await expectAcknowledgedBy(two.page, b.url);

  // edits through A, acknowledged (stored) by A
  const acknowledged = ['Acked Ada', 'Acked Ben', 'Acked Cy'];
  for (const name of acknowledged) await addPerson(one.page, name);
  await expectAcknowledgedBy(one.page, a.url);

  expect(await a.stop('SIGKILL')).toBe('SIGKILL');
  // edits while the relay in use is gone: kept on this device, then sent to B
  const later = ['Later Lia', 'Later Max', 'Later Noa'];
  for (const name of later) await addPerson(one.page, name);
  await expectAcknowledgedBy(one.page, b.url, 90_000);
  await syncStatus(one.page).click();
  await expect(one.page.getByTestId('sync-panel')).toContainText(`Connected to ${b.url} (with an access token).`);
  await expect(one.page.getByTestId('sync-panel')).toContainText('The relay has confirmed storing every change made here.');
  await syncStatus(one.page).click();

  // the second profile (on B all along) and a fresh third one that only knows B see every edit
  await expectPeople(two.page, [...acknowledged, ...later]);
  const three = await openApp(browser, { relay: 'off' });
  await setWorkspaceAccess(three.page, b.url, token);
  await expectAcknowledgedBy(three.page, b.url);
  await expectPeople(three.page, [...acknowledged, ...later]);

  // and the first profile keeps working through B
  await addPerson(one.page, 'Last Lou');
  await expectAcknowledgedBy(one.page, b.url);
  await expectPeople(three.page, ['Last Lou']);
  for (const p of [one, two, three]) await p.context.close();
});
