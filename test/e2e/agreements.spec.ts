import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { RELAY } from './app';
import { axeProblems, openMember, screenshot } from './trustApp';

/**
 * A hostile peer on the relay: copies a valid signature event in the ledger and puts another
 * party's key on it, as if that party had signed. The signature cannot match.
 */
async function forgeSignature(workspace: string, from: string, as: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(RELAY, `${workspace}.ledger`, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    const events = doc.getArray<{ kind: string; author: string }>('events');
    const original = events.toArray().find((e) => e.kind === 'agreement-signature' && e.author === from);
    expect(original).toBeTruthy();
    events.push([{ ...original!, author: as }]);
    // let the relay take the update before leaving
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

const party = (page: Page, name: string) => page.getByTestId('agreement-party').filter({ has: page.getByText(name, { exact: true }) });

async function expectStates(page: Page, states: Record<string, string>) {
  for (const [name, state] of Object.entries(states)) await expect(party(page, name)).toHaveAttribute('data-state', state);
}

test('both parties sign; a change of scope invalidates both signatures for both, until each signs again', async ({ browser }) => {
  test.setTimeout(120_000);
  const ws = `agr-${Date.now().toString(36)}`;
  const ana = await openMember(browser, ws, 'Ana Moreira');
  const kofi = await openMember(browser, ws, 'Kofi Boateng');
  const pages = [ana.page, kofi.page];

  await ana.page.getByTestId('nav-projects').click();
  await ana.page.getByTestId('new-project-name').fill('Website relaunch');
  await ana.page.getByTestId('create-project').click();
  for (const page of pages) {
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-item').filter({ hasText: 'Website relaunch' }).click();
    await expect(page.getByTestId('agreements-panel')).toBeVisible();
  }

  // start from a template; Ana is suggested (herself), Kofi is added from the member list
  await ana.page.getByTestId('start-agreement').click();
  const form = ana.page.getByTestId('new-agreement');
  await expect(form.locator('input[type=radio]')).toHaveCount(4);
  await form.getByTestId('template-overlap-heavy-sprint').check();
  await form.getByTestId('agreement-title-new').fill('Relaunch agreement');
  await expect(form.locator('[data-testid=party-candidate][data-name="Ana Moreira"]')).toBeChecked();
  await form.getByTestId('create-agreement').click();
  await expect(ana.page.getByTestId('new-agreement-error')).toContainText('at least two parties');
  await form.locator('[data-testid=party-candidate][data-name="Kofi Boateng"]').check();
  await form.getByTestId('create-agreement').click();

  // terms: a milestone, scope per party, time zones that give a computed overlap window
  await party(ana.page, 'Ana Moreira').getByTestId('party-scope').fill('Design and copy');
  await party(ana.page, 'Ana Moreira').getByTestId('party-scope').press('Tab');
  await party(ana.page, 'Ana Moreira').getByTestId('party-timezone').fill('Europe/Lisbon');
  await party(ana.page, 'Ana Moreira').getByTestId('party-timezone').press('Tab');
  await party(kofi.page, 'Kofi Boateng').getByTestId('party-timezone').fill('America/New_York');
  await party(kofi.page, 'Kofi Boateng').getByTestId('party-timezone').press('Tab');
  await party(kofi.page, 'Kofi Boateng').getByTestId('party-scope').fill('Build the site');
  await party(kofi.page, 'Kofi Boateng').getByTestId('party-scope').press('Tab');
  const ms = ana.page.getByTestId('agreement-new-milestone');
  await ms.getByTestId('agr-ms-title').fill('Prototype');
  await ms.getByTestId('agr-ms-amount').fill('1500.00');
  await ms.getByTestId('agr-ms-due').fill('2026-03-01');
  await ms.getByTestId('agr-ms-add').click();
  for (const page of pages) {
    await expect(page.getByTestId('agreement-milestone')).toHaveCount(1);
    await expect(party(page, 'Kofi Boateng').getByTestId('party-scope')).toHaveValue('Build the site');
    await expect(party(page, 'Ana Moreira').getByTestId('party-timezone')).toHaveValue('Europe/Lisbon');
    // Lisbon 08–18 and New York 08–18 (standard time) share 13:00–18:00 UTC
    await expect(page.getByTestId('overlap-window')).toContainText('13:00–18:00 UTC (5 h a day)');
    await expectStates(page, { 'Ana Moreira': 'unsigned', 'Kofi Boateng': 'unsigned' });
  }
  // only one's own row can be signed
  await expect(party(ana.page, 'Kofi Boateng').getByTestId('sign-agreement')).toHaveCount(0);

  await party(ana.page, 'Ana Moreira').getByTestId('sign-agreement').click();
  await expectStates(kofi.page, { 'Ana Moreira': 'signed', 'Kofi Boateng': 'unsigned' });

  // a forged signature in Kofi's name is shown as tampered, never counted
  const anaKey = (await party(ana.page, 'Ana Moreira').getAttribute('data-key'))!;
  const kofiKey = (await party(ana.page, 'Kofi Boateng').getAttribute('data-key'))!;
  await forgeSignature(ws, anaKey, kofiKey);
  for (const page of pages) {
    await expectStates(page, { 'Ana Moreira': 'signed', 'Kofi Boateng': 'tampered' });
    await expect(party(page, 'Kofi Boateng').getByTestId('signature-state')).toContainText('Tampered signature');
    await expect(page.getByTestId('agreement-signed-count')).toHaveText('1 of 2 signed this version');
  }
  await party(kofi.page, 'Kofi Boateng').getByTestId('sign-agreement').click();
  for (const page of pages) {
    await expectStates(page, { 'Ana Moreira': 'signed', 'Kofi Boateng': 'signed' });
    await expect(page.getByTestId('agreement-signed-count')).toHaveText('2 of 2 signed this version');
    // the forged event stays visible
    await expect(party(page, 'Kofi Boateng').getByTestId('tampered-ignored')).toContainText('1 signature event(s)');
  }

  // Kofi changes his scope: both signatures turn invalid on both screens, naming what changed
  const scope = party(kofi.page, 'Kofi Boateng').getByTestId('party-scope');
  await scope.fill('Build and host the site');
  await scope.press('Tab');
  for (const page of pages) {
    await expectStates(page, { 'Ana Moreira': 'stale', 'Kofi Boateng': 'stale' });
    await expect(party(page, 'Ana Moreira').getByTestId('changed-since')).toContainText('Scope of Kofi Boateng');
    await expect(party(page, 'Ana Moreira').getByTestId('signature-state')).toContainText('Invalid: changed since signing');
    await expect(page.getByTestId('agreement-signed-count')).toHaveText('0 of 2 signed this version');
  }
  await screenshot(ana.page, 'agreement-signature-status', ana.page.getByTestId('agreement'));
  expect(await axeProblems(ana.page, '[data-testid=agreements-panel]')).toEqual([]);

  // the export says the same
  const [download] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByTestId('export-agreement').click()]);
  const html = await readFile((await download.path())!, 'utf8');
  expect(html).toContain('Relaunch agreement');
  expect(html).toContain('Not yet signed by every party.');
  expect(html).toContain('Signature invalid: changed since signing');
  expect(html).toContain('<code>$.parties[1].scope</code>');

  // signing again makes each signature valid again
  await party(kofi.page, 'Kofi Boateng').getByTestId('sign-agreement').click();
  await expectStates(ana.page, { 'Ana Moreira': 'stale', 'Kofi Boateng': 'signed' });
  await party(ana.page, 'Ana Moreira').getByTestId('sign-agreement').click();
  for (const page of pages) await expectStates(page, { 'Ana Moreira': 'signed', 'Kofi Boateng': 'signed' });

  // an edit is undoable, and undoing it returns the signed version: the signatures hold again
  await ana.page.getByTestId('agreement-dispute').fill('Arbitration by the workspace.');
  await ana.page.getByTestId('agreement-dispute').press('Tab');
  await expectStates(kofi.page, { 'Ana Moreira': 'stale', 'Kofi Boateng': 'stale' });
  await ana.page.getByTestId('undo').click();
  for (const page of pages) await expectStates(page, { 'Ana Moreira': 'signed', 'Kofi Boateng': 'signed' });
  await screenshot(kofi.page, 'agreement-signed', kofi.page.getByTestId('agreement'));

  await ana.context.close();
  await kofi.context.close();
});
