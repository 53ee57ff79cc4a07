import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoKeyPair } from '../../shared/identity/keys';
import { verifyTrackRecord } from '../../shared/stewardship/signedTrackRecord';
import { ESCROW_KIND, signRecord } from '../../shared/value/signing/signedRecord';
import { officialClient, until } from '../support/yClient';
import { openApp, syncStatus } from './app';

const shotPath = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);
/** A full-page screenshot without the transient notice (it would cover what we want to look at). */
async function screenshot(page: Page, name: string) {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  // the toast may hide itself between the two calls: then there is nothing to dismiss
  if (await dismiss.isVisible()) await dismiss.click({ timeout: 2000 }).catch(() => {});
  // back to the top, so the sticky toolbar is drawn where it belongs and not over the middle of the page
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of document.querySelectorAll('*')) if (el.scrollTop) el.scrollTop = 0;
  });
  await page.screenshot({ path: shotPath(name), fullPage: true });
}
// people of the demo network (seed 2026) with mediators both of them trust
const PAYER = 'Elif Laurent';
const PAYEE = 'Olivia Williams';

async function openProject(page: Page, name: string, create: boolean) {
  await page.getByTestId('nav-projects').click();
  if (create) {
    await page.getByTestId('new-project-name').fill(name);
    await page.getByTestId('create-project').click();
  }
  await page.getByTestId('project-item').filter({ hasText: name }).click();
  await expect(page.getByTestId('value-panel')).toBeVisible();
}

const actAs = (page: Page, label: string) => page.getByTestId('acting-as').selectOption({ label });
const milestone = (page: Page) => page.getByTestId('milestone').filter({ hasText: 'Prototype' });

/** Both pages show the same state and balance for the milestone. */
async function sameLedger(pages: Page[], state: string) {
  for (const page of pages) {
    await page.getByTestId('value-tab-escrow').click();
    await expect(milestone(page)).toHaveAttribute('data-state', state);
  }
  const balances = await Promise.all(pages.map((p) => milestone(p).getByTestId('milestone-balance').innerText()));
  expect(new Set(balances).size).toBe(1);
  const histories = await Promise.all(pages.map((p) => milestone(p).getByTestId('milestone-history').innerText()));
  expect(new Set(histories).size).toBe(1);
  return balances[0];
}

async function setUp(browser: import('@playwright/test').Browser, project: string) {
  const alice = await openApp(browser, { name: 'Alice Payer' });
  const bob = await openApp(browser, { name: 'Bob Payee' });
  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  // the project document's relay room, as the app opens it (for the hostile-peer test)
  const sockets: string[] = [];
  alice.page.on('websocket', (ws) => sockets.push(ws.url()));
  await openProject(alice.page, project, true);
  await openProject(bob.page, project, false);
  await actAs(alice.page, PAYER);
  await actAs(bob.page, PAYEE);
  const form = alice.page.getByTestId('new-milestone');
  await form.getByTestId('milestone-title').fill('Prototype');
  await form.getByTestId('milestone-payer').selectOption({ label: PAYER });
  await form.getByTestId('milestone-payee').selectOption({ label: PAYEE });
  await form.getByTestId('milestone-budget').fill('500.00');
  await form.getByTestId('create-milestone').click();
  await sameLedger([alice.page, bob.page], 'open');
  // forbidden actions are not offered: the payee cannot fund, the payer cannot submit
  await expect(milestone(bob.page).getByTestId('action-fund')).toHaveCount(0);
  await milestone(alice.page).getByTestId('action-fund').click();
  expect(await sameLedger([alice.page, bob.page], 'funded')).toContain('500.00');
  await expect(milestone(alice.page).getByTestId('action-submit')).toHaveCount(0);
  await milestone(bob.page).getByTestId('action-submit').click();
  await sameLedger([alice.page, bob.page], 'submitted');
  // every money event is signed and verified on read, each side sees who signed it
  for (const page of [alice.page, bob.page]) {
    await expect(milestone(page).getByTestId('signature-ok')).toHaveCount(2);
    await expect(milestone(page).getByTestId('untrusted-events')).toHaveCount(0);
  }
  await expect(milestone(bob.page).getByTestId('signature-ok').first()).toContainText('signed by Alice Payer');
  await expect(milestone(alice.page).getByTestId('signature-ok').nth(1)).toContainText('signed by Bob Payee');
  return { alice, bob, projectRoom: () => sockets.find((u) => /\.project\.[^/?]+(\?|$)/.test(u)) };
}

test('a milestone is funded, submitted, disputed, mediated and resolved; both see the same ledger at each step', async ({ browser }) => {
  const { alice, bob } = await setUp(browser, `Escrow flow ${Date.now()}`);
  const pages = [alice.page, bob.page];
  await expect(alice.page.getByTestId('escrow-disclaimer')).toContainText('not a payment processor');
  await screenshot(alice.page, 'value-ledger');

  await milestone(bob.page).getByTestId('action-dispute').click();
  await sameLedger(pages, 'disputed');
  for (const page of pages) {
    await page.getByTestId('value-tab-disputes').click();
    await expect(page.getByTestId('dispute')).toHaveAttribute('data-stage', 'negotiation');
  }
  await bob.page.getByTestId('dispute-escalate').click();
  for (const page of pages) await expect(page.getByTestId('dispute')).toHaveAttribute('data-stage', 'mediation');
  const mediator = await alice.page.getByTestId('mediator-choice').inputValue();
  await alice.page.getByTestId('dispute-nominate').click();
  await bob.page.getByTestId('dispute-accept-mediator').click();
  for (const page of pages) await expect(page.getByTestId('dispute')).toContainText('accepted by both');
  // the parties cannot decide; the mediator can
  await expect(alice.page.getByTestId('dispute-decide')).toHaveCount(0);
  await alice.page.getByTestId('acting-as').selectOption(mediator);
  await alice.page.getByTestId('release-pct').fill('60');
  await alice.page.getByTestId('dispute-decide').click();
  for (const page of pages) await expect(page.getByTestId('dispute-outcome')).toContainText('release €300.00, refund €200.00');
  await screenshot(alice.page, 'value-dispute');
  const balance = await sameLedger(pages, 'resolved');
  expect(balance).toMatch(/released\s*€300\.00/);
  expect(balance).toMatch(/refunded\s*€200\.00/);
  expect(balance).toMatch(/held\s*€0\.00/);

  // CSV for accounting: one row per event with its fate and the balance after it
  const [download] = await Promise.all([bob.page.waitForEvent('download'), bob.page.getByTestId('export-csv').click()]);
  const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toBe('milestone,title,currency,event,type,at,actor,amount,release,refund,status,reason,held_after,released_after,refunded_after,signed_by');
  expect(csv.slice(1).map((l) => l.split(',')[4])).toEqual(['fund', 'submit', 'dispute', 'resolve']);
  expect(csv.at(-1)).toMatch(/,resolve,.*,30000,20000,applied,,0,30000,20000,[0-9a-f]{64}$/);

  // the health dashboard and a thread
  await bob.page.getByTestId('value-tab-health').click();
  await bob.page.getByTestId('thread-title').fill('Prototype review');
  await bob.page.getByRole('button', { name: 'Start' }).click();
  await bob.page.getByTestId('message-text').fill(`Thanks @${PAYER}, fair outcome, good work`);
  await bob.page.getByRole('button', { name: 'Send' }).click();
  await alice.page.getByTestId('acting-as').selectOption({ label: PAYER });
  await alice.page.getByTestId('value-tab-health').click();
  await expect(alice.page.getByTestId('thread-item').filter({ hasText: 'Prototype review' }).getByTestId('unread')).toHaveText('1 @');
  await expect(alice.page.getByTestId('chart-velocity').locator('svg')).toBeVisible();
  await screenshot(alice.page, 'value-health');
  await alice.page.getByTestId('value-tab-splits').click();
  await expect(alice.page.getByTestId('splits-table')).toContainText(PAYEE);
  await expect(alice.page.getByTestId('roi-chart').locator('rect.bar-cost')).toHaveCount(1);
  // a role statement written beside the narrative is shown to its member above the project's ledger
  await bob.page.getByTestId('value-tab-narrative').click();
  await bob.page.getByTestId('my-role-statement').fill('I build the prototype the mission stands on');
  await bob.page.getByTestId('my-role-statement').blur();
  await expect(bob.page.getByTestId('my-role')).toContainText('I build the prototype the mission stands on');
  await screenshot(alice.page, 'value-splits');

  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0');
  await alice.context.close();
  await bob.context.close();
});

test('both offline: one approves while the other disputes; after reconnecting both show the same documented outcome', async ({ browser }) => {
  const { alice, bob } = await setUp(browser, `Escrow offline ${Date.now()}`);
  const pages = [alice.page, bob.page];
  for (const { context, page } of [alice, bob]) {
    await context.setOffline(true);
    await expect(syncStatus(page)).toHaveAttribute('data-status', 'offline');
  }
  // Alice approves first, then Bob disputes: each sees only their own action
  await milestone(alice.page).getByTestId('action-approve').click();
  await expect(milestone(alice.page)).toHaveAttribute('data-state', 'approved');
  await milestone(bob.page).getByTestId('action-dispute').click();
  await expect(milestone(bob.page)).toHaveAttribute('data-state', 'disputed');

  for (const { context, page } of [alice, bob]) {
    await context.setOffline(false);
    await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  }
  // the documented rule (shared/value/ledgerOrder.ts): the earlier event wins; the later is rejected with why
  const balance = await sameLedger(pages, 'approved');
  expect(balance).toMatch(/released\s*€500\.00/);
  for (const page of pages) {
    await expect(milestone(page).locator('[data-testid=history-entry][data-type=dispute]')).toHaveAttribute('data-applied', 'false');
    await expect(milestone(page).getByTestId('rejected-reason')).toContainText('cannot dispute: it is already approved and released');
    await page.getByTestId('value-tab-disputes').click();
    await expect(page.getByTestId('dispute')).toHaveAttribute('data-stage', 'void');
    await expect(page.getByTestId('dispute-void')).toContainText('cannot dispute: it is already approved and released');
  }
  await bob.page.getByTestId('value-tab-escrow').click();
  await screenshot(bob.page, 'value-offline-outcome');
  await alice.context.close();
  await bob.context.close();
});

test('the mission narrative is co-edited live, with the other editor’s caret', async ({ browser }) => {
  const project = `Narrative ${Date.now()}`;
  const alice = await openApp(browser, { name: 'Alice Writer' });
  const bob = await openApp(browser, { name: 'Bob Writer' });
  await openProject(alice.page, project, true);
  await openProject(bob.page, project, false);
  for (const { page } of [alice, bob]) await page.getByTestId('value-tab-narrative').click();
  const aliceEd = alice.page.getByTestId('narrative-editor');
  const bobEd = bob.page.getByTestId('narrative-editor');
  await aliceEd.click();
  await aliceEd.pressSequentially('We make kettles that last.');
  await expect(bobEd).toContainText('We make kettles that last.');
  await bobEd.click();
  await bob.page.keyboard.press('End');
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.type('And we repair them.');
  await expect(aliceEd).toContainText('And we repair them.');
  await expect(aliceEd.locator('p')).toHaveCount(2);
  // each sees the other's caret with their name
  await expect(alice.page.locator('.collaboration-carets__label').filter({ hasText: 'Bob Writer' })).toBeVisible();
  await aliceEd.click();
  await expect(bob.page.locator('.collaboration-carets__label').filter({ hasText: 'Alice Writer' })).toBeVisible();
  await screenshot(alice.page, 'value-narrative');
  await alice.context.close();
  await bob.context.close();
});

test('the health dashboard on a sample history: alerts with reasons and interventions, acknowledged for everyone', async ({ browser }) => {
  const project = `Health ${Date.now()}`;
  const alice = await openApp(browser, { name: 'Alice Steward' });
  const bob = await openApp(browser, { name: 'Bob Steward' });
  await openProject(alice.page, project, true);
  await openProject(bob.page, project, false);
  await alice.page.getByTestId('sample-history').click();
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('milestone')).toHaveCount(5);
    await page.getByTestId('value-tab-health').click();
    await expect(page.getByTestId('alert').first()).toBeVisible();
  }
  const rules = await alice.page.getByTestId('alert').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  expect(new Set(rules)).toEqual(new Set(['late-milestone', 'falling-trend', 'negative-sentiment', 'silence', 'broken-norm']));
  for (const id of ['chart-velocity', 'chart-sentiment', 'chart-responsiveness', 'chart-trust']) await expect(alice.page.getByTestId(id).locator('svg path').first()).toBeVisible();
  await expect(alice.page.getByTestId('around-person')).toHaveCount(4);
  // a silent member: replace through the assembly engine's runner-up for their role
  await expect(alice.page.getByTestId('alert').filter({ hasText: 'has been silent' })).toContainText(/is the engine's runner-up for/);
  await screenshot(alice.page, 'value-dashboard');
  // the orchestrator's track record, exported signed with Alice's key; a changed copy fails verification
  const [download] = await Promise.all([alice.page.waitForEvent('download'), alice.page.getByTestId('track-record-export').click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported).toMatchObject({ kind: 'archipelago-signed-track-record', record: { kind: 'archipelago-track-record' } });
  expect(verifyTrackRecord(exported)).toMatchObject({ valid: true, author: exported.signed.author });
  expect(exported.record.projects.find((p: { name: string }) => p.name === project)).toMatchObject({ milestones: { total: 5, approved: 2, resolved: 1 }, disputes: { total: 1, byAgreement: 1 } });
  exported.record.projects[0].disputes.total += 1;
  expect(verifyTrackRecord(exported).valid).toBe(false);
  await expect(alice.page.getByTestId('track-record')).toContainText('signed with the orchestrator’s key');
  const count = await bob.page.getByTestId('alert').count();
  const late = alice.page.getByTestId('alert').filter({ hasText: 'past its due date' });
  await expect(late).toContainText('Suggested: Re-scope');
  await late.getByTestId('alert-ack').click();
  await expect(bob.page.getByTestId('alert')).toHaveCount(count - 1);
  await expect(bob.page.getByTestId('alert').filter({ hasText: 'past its due date' })).toHaveCount(0);
  await alice.context.close();
  await bob.context.close();
});

test('a dispute escalated to the community panel is decided by a strict majority of its votes', async ({ browser }) => {
  const { alice, bob } = await setUp(browser, `Escrow panel ${Date.now()}`);
  const pages = [alice.page, bob.page];
  await milestone(alice.page).getByTestId('action-dispute').click();
  await sameLedger(pages, 'disputed');
  for (const page of pages) await page.getByTestId('value-tab-disputes').click();
  await alice.page.getByTestId('dispute-escalate').click();
  await expect(bob.page.getByTestId('dispute')).toHaveAttribute('data-stage', 'mediation');
  await bob.page.getByTestId('dispute-escalate').click();
  for (const page of pages) await expect(page.getByTestId('dispute')).toHaveAttribute('data-stage', 'panel');
  const panel = (await alice.page.getByTestId('dispute-panel').getAttribute('data-panel'))!.split(',');
  expect(panel.length).toBeGreaterThanOrEqual(3);
  // parties cannot vote
  await expect(alice.page.getByTestId('dispute-vote')).toHaveCount(0);
  // one dissenting vote (a full refund), then a strict majority for a full release
  const majority = Math.floor(panel.length / 2) + 1;
  const votes = [0, ...Array<number>(majority).fill(100)];
  for (const [i, pct] of votes.entries()) {
    await expect(alice.page.getByTestId('dispute-outcome')).toHaveCount(0);
    await alice.page.getByTestId('acting-as').selectOption(panel[i]);
    await alice.page.getByTestId('release-pct').fill(String(pct));
    await alice.page.getByTestId('dispute-vote').click();
  }
  for (const page of pages) await expect(page.getByTestId('dispute-outcome')).toContainText('Resolved by panel: release €500.00, refund €0.00');
  const balance = await sameLedger(pages, 'resolved');
  expect(balance).toMatch(/released\s*€500\.00/);
  await alice.context.close();
  await bob.context.close();
});

test('a peer that tampers with a money event or forges one with another key moves no money; both see it flagged with the reason', async ({ browser }) => {
  const { alice, bob, projectRoom } = await setUp(browser, `Escrow signed ${Date.now()}`);
  const pages = [alice.page, bob.page];
  const url = projectRoom();
  expect(url, 'the project room the app opened').toBeTruthy();
  const { protocol, host, pathname } = new URL(url!);
  // a hostile peer on the real relay, writing straight into the project document
  const mallory = officialClient(`${protocol}//${host}`, decodeURIComponent(pathname.slice(1)));
  try {
    const events = mallory.doc.getArray<Record<string, unknown>>('escrowEvents');
    await until(() => events.length >= 2, 15_000, 'the project document to sync');
    const fund = events.toArray().find((e) => e.type === 'fund')!;
    const submit = events.toArray().find((e) => e.type === 'submit')!;
    mallory.doc.transact(() => {
      // the fund's amount raised after Alice signed it (same id: it cannot replace the valid one)
      events.push([{ ...fund, amount: (fund.amount as number) * 10 }]);
      // an approve "by the payer", validly signed but with Mallory's key, not the payer's
      events.push([signRecord(demoKeyPair('mallory'), ESCROW_KIND, { id: 'forged-approve', milestone: submit.milestone as string, type: 'approve' as const, at: new Date().toISOString(), actor: fund.actor as string })]);
    });
    for (const page of pages) {
      const card = milestone(page);
      await expect(card.getByTestId('untrusted-event')).toHaveCount(2);
      await expect(card.locator('[data-testid=untrusted-event][data-status=tampered]')).toContainText(/tampered: .* Elif Laurent fund €5,000\.00 — the signature of [0-9a-f]{12}… does not hold/);
      await expect(card.locator('[data-testid=untrusted-event][data-status=unauthorised]')).toContainText(`but ${PAYER}’s events must be signed with their key`);
      await expect(card).toHaveAttribute('data-state', 'submitted');
    }
    expect(await sameLedger(pages, 'submitted')).toMatch(/funded\s*€500\.00/);
    await screenshot(alice.page, 'value-ledger-tampered');
    // the real payer still approves, and that counts
    await milestone(alice.page).getByTestId('action-approve').click();
    expect(await sameLedger(pages, 'approved')).toMatch(/released\s*€500\.00/);
  } finally {
    mallory.destroy();
  }
  // Bob cannot act as the payer: that person is bound to Alice's key, so nothing is offered
  await bob.page.getByTestId('acting-as').selectOption({ label: PAYER });
  await expect(bob.page.getByTestId('signing-status')).toHaveAttribute('data-can-act', 'false');
  await expect(bob.page.getByTestId('signing-status')).toContainText('bound to another member’s key');
  await alice.context.close();
  await bob.context.close();
});
