import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page, type Route } from '@playwright/test';
import { addPerson } from './app';
import { startWorkshopHost, type WorkshopHost } from './workshopHost';

/**
 * A live workshop on a real `npm run workshop` host process (the built web app and the relay on one
 * port): a facilitator and two participants in separate browser profiles.
 */
const PORT = Number(process.env.E2E_WORKSHOP_PORT ?? 5315);
const shot = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);

async function newPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  return page;
}

let host: WorkshopHost;
test.beforeAll(async () => {
  host = await startWorkshopHost(PORT);
});
test.afterAll(async () => {
  if (host) await host.stop();
});

test('a wrong join code gets a clear message, and lets you try again', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`${host.base}/join`);
  await page.getByLabel('Join code').fill('ZZZ-ZZZ');
  await page.getByLabel('Your name').fill('Mallory');
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(page.getByRole('heading')).toHaveText('That code is not right');
  await expect(page.getByRole('status')).toContainText('is not this workshop\'s join code');
  await expect(page.getByLabel('Join code')).toHaveValue('ZZZ-ZZZ');
  await page.context().close();
});

test('a facilitator and two participants: join by code, presence, follow me, lock editing, a live vote', async ({ browser }) => {
  test.setTimeout(120_000);
  const fac = await newPage(browser);
  await fac.goto(host.facilitator);
  await expect(fac.getByTestId('facilitator-panel')).toBeVisible({ timeout: 30_000 });
  await expect(fac.getByTestId('workshop-join-code')).toHaveText(host.code);
  await expect(fac.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced');
  // the relay URL carries a token: it is never shown
  await fac.getByTestId('sync-status').click();
  await expect(fac.getByTestId('sync-panel')).toContainText(`Connected to ws://127.0.0.1:${PORT} (with an access token).`);
  await expect(fac.getByTestId('sync-panel')).not.toContainText('token=');
  await expect(fac.getByTestId('sync-panel')).not.toContainText('eyJ');
  await fac.getByTestId('sync-status').click();

  // join by code: Ana types it on the join page, Bo follows the QR link
  const ana = await newPage(browser);
  await ana.goto(`${host.base}/join`);
  await ana.getByLabel('Join code').fill(host.code.toLowerCase());
  await ana.getByLabel('Your name').fill('Ana Participant');
  await ana.getByRole('button', { name: 'Join the workshop' }).click();
  const bo = await newPage(browser);
  await bo.goto(`${host.base}/join/${host.code}?name=${encodeURIComponent('Bo Participant')}`);
  for (const p of [ana, bo]) {
    await expect(p.getByTestId('workshop-banner')).toContainText('you are', { timeout: 30_000 });
    await expect(p.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced');
  }
  await expect(ana.getByTestId('workshop-banner')).toContainText('you are Ana Participant');
  // the join link's room token is kept with the workspace, and taken out of the address (and history)
  for (const p of [fac, ana, bo]) {
    expect(p.url()).not.toContain('token');
    expect(p.url()).not.toContain('eyJ');
    expect(await p.evaluate(() => history.length)).toBeGreaterThan(0);
  }

  // presence: the facilitator's panel lists both as here, and the app's avatars show their names
  await expect(fac.getByTestId('workshop-here')).toHaveText('2 of 2 participants here');
  await expect(fac.locator('[data-testid=workshop-participant][data-connected=true]')).toHaveCount(2);
  await expect(fac.locator('[data-testid=peer][data-name="Ana Participant"]')).toBeVisible();
  await expect(fac.locator('[data-testid=peer][data-name="Bo Participant"]')).toBeVisible();
  await expect(ana.locator('[data-testid=peer][data-name="Bo Participant"]')).toBeVisible();

  // follow me: the facilitator's route and selection become the participants'
  await addPerson(fac, 'Zora Wall');
  const zora = await fac.getByTestId('person-editor').getAttribute('data-person');
  await fac.getByTestId('workshop-follow-me').check();
  for (const p of [ana, bo]) {
    await expect(p.getByTestId('workshop-following')).toBeVisible();
    await expect(p).toHaveURL(/#\/people$/);
    await expect(p.getByTestId('person-editor')).toHaveAttribute('data-person', zora!);
  }
  // Bo breaks away; the facilitator moves on to the ties; Ana follows, Bo stays
  await bo.getByTestId('workshop-break-away').click();
  await expect(bo.getByTestId('workshop-not-following')).toBeVisible();
  await fac.getByTestId('nav-ties').click();
  await expect(ana).toHaveURL(/#\/ties$/);
  await expect(bo).toHaveURL(/#\/people$/);
  await bo.getByTestId('workshop-follow-again').click();
  await expect(bo).toHaveURL(/#\/ties$/);
  // the graph's zoom and pan are followed too: each participant looks at the same world point, at the same zoom
  await fac.getByTestId('nav-graph').click();
  for (const p of [fac, ana, bo]) await expect(p.getByTestId('graph-canvas')).toBeVisible();
  await expect(ana).toHaveURL(/#\/graph$/);
  // once the facilitator's layout has settled (and fitted its camera), they zoom in off-centre
  await expect.poll(() => fac.evaluate(() => (window as unknown as { archipelagoGraph: { alpha(): number } }).archipelagoGraph.alpha()), { timeout: 20_000 }).toBeLessThan(0.1);
  await fac.waitForTimeout(300);
  const box = (await fac.getByTestId('graph-canvas').boundingBox())!;
  const viewport = (p: Page) =>
    p.evaluate(() => {
      const c = (window as unknown as { archipelagoGraph: { camera(): { x: number; y: number; k: number } } }).archipelagoGraph.camera();
      const el = document.querySelector('[data-testid=graph-canvas]') as HTMLCanvasElement;
      return { cx: (el.clientWidth / 2 - c.x) / c.k, cy: (el.clientHeight / 2 - c.y) / c.k, k: c.k };
    });
  const near = (a: { cx: number; cy: number; k: number }, b: { cx: number; cy: number; k: number }) => Math.abs(a.k / b.k - 1) < 0.01 && Math.abs(a.cx - b.cx) < 2 && Math.abs(a.cy - b.cy) < 2;
  // spotlight a person: they are ringed on the graph for everyone, where the graph draws them
  await fac.getByTestId('workshop-spotlight-kind').selectOption('person');
  await fac.getByTestId('workshop-spotlight-label').fill('Zora Wall');
  await fac.getByTestId('workshop-spotlight-set').click();
  for (const p of [fac, ana, bo]) {
    const ring = p.getByTestId('graph-spotlight-ring');
    await expect(ring).toHaveAttribute('data-person', 'Zora Wall');
    await expect
      .poll(async () => {
        const at = await p.evaluate(() => (window as unknown as { archipelagoGraph: { screenOf(n: string): [number, number] | null } }).archipelagoGraph.screenOf('Zora Wall'));
        const [x, y] = [Number(await ring.getAttribute('data-x')), Number(await ring.getAttribute('data-y'))];
        return at !== null && Math.hypot(at[0] - x, at[1] - y) < 3;
      }, { timeout: 10_000 })
      .toBe(true);
  }
  await expect(ana.getByTestId('workshop-spotlight')).toHaveText('Spotlight on the person: Zora Wall');
  const before = await viewport(fac);
  await fac.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await fac.mouse.wheel(0, -800);
  await fac.waitForTimeout(300);
  const zoomed = await viewport(fac);
  expect(zoomed.k / before.k).toBeGreaterThan(1.5); // the wheel zoomed in, off-centre: a place no participant was at
  for (const p of [ana, bo]) await expect.poll(async () => near(await viewport(p), zoomed), { timeout: 15_000 }).toBe(true);
  await fac.getByTestId('workshop-follow-me').uncheck();
  await expect(ana.getByTestId('workshop-following')).toHaveCount(0);

  // spotlight and timer reach everyone (this small workspace has no cluster to ring; workshopTeams.spec
  // rings a team and a cluster on everyone's graph in a workshop on a real network)
  await fac.getByTestId('workshop-spotlight-kind').selectOption('cluster');
  await fac.getByTestId('workshop-spotlight-label').fill('Design cluster');
  await fac.getByTestId('workshop-spotlight-set').click();
  await fac.getByTestId('workshop-timer-start').click();
  for (const p of [ana, bo]) {
    await expect(p.getByTestId('workshop-spotlight')).toHaveText('Spotlight on the cluster: Design cluster');
    await expect(p.getByTestId('workshop-timer')).toContainText(/Exercise 1 · (10:00|9:5\d)/);
  }

  // lock editing: Ana's edit is refused by the host and nothing changes for anyone else
  await fac.getByTestId('workshop-lock').click(); // the box shows the host's state, once it has taken the control
  await expect(fac.getByTestId('workshop-lock')).toBeChecked();
  await expect(ana.getByTestId('workshop-locked')).toBeVisible();
  await addPerson(ana, 'Locked Out');
  await expect(ana.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', /[1-9]/);
  await fac.getByTestId('nav-people').click();
  await bo.getByTestId('nav-people').click();
  await expect(fac.getByTestId('person-row').filter({ hasText: 'Zora Wall' })).toHaveCount(1);
  await expect(bo.getByTestId('person-row').filter({ hasText: 'Zora Wall' })).toHaveCount(1);
  await ana.waitForTimeout(1500);
  await expect(fac.getByTestId('person-row').filter({ hasText: 'Locked Out' })).toHaveCount(0);
  await expect(bo.getByTestId('person-row').filter({ hasText: 'Locked Out' })).toHaveCount(0);
  // the facilitator still edits during the lock
  await addPerson(fac, 'Facilitator Adds');
  await expect(bo.getByTestId('person-row').filter({ hasText: 'Facilitator Adds' })).toHaveCount(1);
  // Ana, locked, still receives everyone else's edits
  await ana.getByTestId('nav-people').click();
  await expect(ana.getByTestId('person-row').filter({ hasText: 'Facilitator Adds' })).toHaveCount(1);
  await fac.getByTestId('workshop-lock').click();
  await expect(fac.getByTestId('workshop-lock')).not.toBeChecked();
  await expect(ana.getByTestId('workshop-locked')).toHaveCount(0);
  // unlocked, the edit that waited on Ana's device reaches everyone, and she edits live again
  await expect(ana.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', '0', { timeout: 15_000 });
  await expect(fac.getByTestId('person-row').filter({ hasText: 'Locked Out' })).toHaveCount(1);
  await expect(bo.getByTestId('person-row').filter({ hasText: 'Locked Out' })).toHaveCount(1);
  await addPerson(ana, 'After Unlock');
  await expect(bo.getByTestId('person-row').filter({ hasText: 'After Unlock' })).toHaveCount(1);

  // a live vote: results arrive as people vote
  await fac.getByTestId('workshop-vote-options').fill('Team A: Zora, Ana\nTeam B: Zora, Bo');
  await fac.getByTestId('workshop-vote-open').click();
  await expect(ana.getByTestId('workshop-vote')).toContainText('Which team should we build?');
  const facOption = (id: string) => fac.locator(`[data-testid=workshop-option][data-option="${id}"]`);
  await ana.getByTestId('workshop-vote-1-team-a-zora-ana').click();
  await expect(facOption('1-team-a-zora-ana')).toHaveAttribute('data-votes', '1');
  await expect(bo.locator('[data-testid=workshop-option][data-option="1-team-a-zora-ana"]')).toHaveAttribute('data-votes', '1');
  await bo.getByTestId('workshop-vote-2-team-b-zora-bo').click();
  await ana.getByTestId('workshop-vote-2-team-b-zora-bo').click(); // Ana changes her mind
  await expect(facOption('2-team-b-zora-bo')).toHaveAttribute('data-votes', '2');
  await expect(facOption('1-team-a-zora-ana')).toHaveAttribute('data-votes', '0');
  await fac.screenshot({ path: shot('workshop-facilitator') });
  await ana.screenshot({ path: shot('workshop-participant') });
  for (const [page, panel] of [
    [fac, 'facilitator-panel'],
    [ana, 'workshop-banner'],
  ] as const) {
    const { violations } = await new AxeBuilder({ page }).include(`[data-testid=${panel}]`).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await fac.getByTestId('workshop-accept-2-team-b-zora-bo').click();
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-accepted')).toHaveText('Accepted team: Team B: Zora, Bo');

  // the export holds the accepted team and the results
  const download = fac.waitForEvent('download');
  await fac.getByTestId('workshop-export').click();
  const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(file.acceptedTeam).toMatchObject({ label: 'Team B: Zora, Bo', votes: 2 });
  expect(file.vote.options.map((o: { votes: number }) => o.votes)).toEqual([0, 2]);
  expect(Object.keys(file.workspace.rooms).length).toBeGreaterThan(0);

  for (const p of [fac, ana, bo]) await p.context().close();
});

test('a lock and an unlock a participant never saw: the edit the relay refused in between goes out at the host’s next view', async ({ browser }) => {
  test.setTimeout(90_000);
  const fac = await newPage(browser);
  await fac.goto(host.facilitator);
  await expect(fac.getByTestId('facilitator-panel')).toBeVisible({ timeout: 30_000 });
  // Cy's view of the workshop is held up: Cy's app asks for it, and no answer comes until it is let through
  const cy = await newPage(browser);
  const held: Route[] = [];
  let holding = true;
  await cy.context().route('**/workshop/events**', (route) => (holding ? void held.push(route) : route.continue()));
  await cy.goto(`${host.base}/join/${host.code}?name=Cy`);
  await expect(cy.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
  await expect(fac.locator('[data-testid=workshop-participant][data-name=Cy][data-connected=true]')).toHaveCount(1, { timeout: 15_000 });

  // locked by the host (the relay makes Cy's connection read-only) without Cy's app knowing:
  // Cy's edit is refused by the relay (4403), so the app receives read-only and keeps the edit here
  await fac.getByTestId('workshop-lock').click();
  await expect(fac.getByTestId('workshop-lock')).toBeChecked();
  await addPerson(cy, 'Between Views');
  await expect(cy.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', /[1-9]/);
  await expect(cy.getByTestId('sync-status')).toHaveAttribute('data-refused', 'true', { timeout: 15_000 });
  // unlocked again, still unseen by Cy: the refused connection stays read-only, the edit waits
  await fac.getByTestId('workshop-lock').click();
  await expect(fac.getByTestId('workshop-lock')).not.toBeChecked();
  await cy.waitForTimeout(2000);
  await expect(cy.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', /[1-9]/);
  await fac.getByTestId('nav-people').click();
  await expect(fac.getByTestId('person-row').filter({ hasText: 'Between Views' })).toHaveCount(0);

  // the view comes back (unlocked): the app makes its connection read-write again, and the edit goes out
  expect(held.length).toBeGreaterThan(0);
  holding = false;
  for (const route of held) await route.continue();
  await expect(cy.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', '0', { timeout: 30_000 });
  await expect(fac.getByTestId('person-row').filter({ hasText: 'Between Views' })).toHaveCount(1);
  for (const p of [fac, cy]) await p.context().close();
});
