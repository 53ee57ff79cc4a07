import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { generateNetwork } from '../../shared/demo/generateNetwork';
import { readTeamPlan } from '../../shared/model/docs/projectTeam';
import type { GraphInspector } from '../../renderer/src/features/graph/GraphView';
import { startWorkshopHost, type WorkshopHost } from './workshopHost';

/**
 * A workshop run on a real network and project (a real `npm run workshop` host, a facilitator and two
 * participants): the facilitator brings the network in through the app's import, creates a project and
 * lets the app propose teams, then puts those proposals to a live vote; the room votes, the results
 * arrive as they come in, the winner is accepted and drawn as a team island, and the facilitator
 * spotlights that team and a cluster on everyone's graph.
 */
const PORT = Number(process.env.E2E_WORKSHOP_PORT ?? 5315) + 2;
const PROJECT = 'Circular kettle workshop';

const graph = <T,>(page: Page, fn: (g: GraphInspector, arg: string) => T, arg = '') =>
  page.evaluate(([src, a]) => (new Function('g', 'a', `return (${src})(g, a)`) as (g: unknown, a: string) => T)((window as unknown as { archipelagoGraph: unknown }).archipelagoGraph, a), [fn.toString(), arg] as const);

async function newPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  return page;
}

let host: WorkshopHost;
const dir = mkdtempSync(join(tmpdir(), 'archipelago-e2e-workshop-teams-'));
test.beforeAll(async () => {
  host = await startWorkshopHost(PORT);
});
test.afterAll(async () => {
  if (host) await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a live vote between the proposed teams of a real project; the accepted team and a cluster spotlighted for everyone', async ({ browser }) => {
  test.setTimeout(240_000);
  const fac = await newPage(browser);
  await fac.goto(host.facilitator);
  await expect(fac.getByTestId('facilitator-panel')).toBeVisible({ timeout: 30_000 });
  await expect(fac.getByTestId('sync-status')).toHaveAttribute('data-status', 'synced');

  const ana = await newPage(browser);
  await ana.goto(`${host.base}/join/${host.code}?name=Ana%20Voter`);
  const bo = await newPage(browser);
  await bo.goto(`${host.base}/join/${host.code}?name=Bo%20Voter`);
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-banner')).toContainText('you are', { timeout: 30_000 });

  // the facilitator brings the group's network into the workshop's workspace through the app's import
  const file = join(dir, 'network.json');
  writeFileSync(file, JSON.stringify(generateNetwork({ people: 120, seed: 7 })));
  await fac.getByTestId('nav-people').click();
  await fac.getByTestId('import-file').setInputFiles(file);
  await fac.getByTestId('import-confirm').click();
  await expect(fac.getByTestId('notice')).toContainText('Imported “network.json”');
  for (const p of [ana, bo]) {
    await p.getByTestId('nav-people').click();
    await expect(p.getByTestId('person-row')).toHaveCount(120, { timeout: 30_000 });
  }

  // a project with the forecast's requirements; the app proposes three teams
  await fac.getByTestId('nav-projects').click();
  await fac.getByTestId('new-project-name').fill(PROJECT);
  await fac.getByTestId('create-project').click();
  await fac.getByTestId('project-objective').fill('Launch a sustainable product: a repairable, circular electric kettle sold in Portugal and Spain.');
  await fac.getByTestId('accept-requirements').click();
  await expect(fac.locator('[data-testid=capability-row][data-status]').first()).toBeVisible();
  const gaps = await fac.locator('[data-testid=capability-row][data-status=gap]').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
  for (const label of gaps) await fac.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
  const cards = fac.getByTestId('team-card');
  await expect(cards).toHaveCount(3, { timeout: 60_000 });
  // what the facilitator sees on each card: its members, by name and id
  const cardTeams = await Promise.all(
    [0, 1, 2].map(async (i) => ({
      names: (await cards.nth(i).getByTestId('team-member').locator('strong').allInnerTexts()).map((n) => n.trim()),
      ids: (await cards.nth(i).getByTestId('team-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-person')!))),
    })),
  );
  const labels = cardTeams.map((t, i) => `Team ${'ABC'[i]}: ${t.names.join(', ')}`);

  // the facilitator puts the proposed teams to the vote, as the cards name them
  await fac.getByTestId('workshop-vote-proposed').click();
  await expect(fac.getByTestId('workshop-vote-proposed')).toHaveText('Use the 3 proposed teams');
  await expect(fac.getByTestId('workshop-vote-options')).toHaveValue(labels.join('\n'));
  await fac.getByTestId('workshop-vote-open').click();
  for (const p of [ana, bo]) {
    await expect(p.getByTestId('workshop-vote')).toContainText('Which team should we build?');
    await expect(p.getByTestId('workshop-option')).toHaveText(labels.map((l) => new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  }
  const option = (p: Page, i: number) => p.getByTestId('workshop-option').nth(i);
  const voteButton = (p: Page, i: number) => option(p, i).getByRole('button', { name: 'Vote' });

  // results as they come in: Ana's vote is on every screen before Bo votes
  await voteButton(ana, 1).click();
  for (const p of [fac, ana, bo]) {
    await expect(option(p, 1)).toContainText('1 vote');
    await expect(option(p, 0)).toContainText('0 votes');
  }
  await expect(option(ana, 1)).toContainText('(your vote)');
  await expect(option(bo, 1)).not.toContainText('(your vote)');
  await expect(fac.getByTestId('facilitator-panel')).toContainText('1 voted');
  await voteButton(bo, 1).click();
  for (const p of [fac, ana, bo]) await expect(option(p, 1)).toContainText('2 votes');
  await expect(fac.getByTestId('facilitator-panel')).toContainText('2 voted');

  // the room chose Team B: the facilitator accepts it, and it becomes the project's accepted team
  await option(fac, 1).getByRole('button', { name: 'Accept' }).click();
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-accepted')).toHaveText(`Accepted team: ${labels[1]}`);
  await expect(fac.getByTestId('workshop-accepted')).toHaveText(`Accepted: ${labels[1]} (2 votes), now the project’s team`);
  await expect(cards.nth(1).getByTestId('accept-team')).toHaveText('Accepted');
  await expect(cards.nth(1)).toContainText('accepted');
  await expect(cards.nth(0).getByTestId('accept-team')).toHaveText('Accept team A');
  // a participant opening the project sees it accepted there too
  await ana.getByTestId('nav-projects').click();
  await ana.getByTestId('project-item').filter({ hasText: PROJECT }).click();
  await expect(ana.getByTestId('accepted-team')).toBeVisible({ timeout: 30_000 });
  expect(await ana.getByTestId('accepted-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-person')))).toEqual(cardTeams[1].ids);

  // the host has the project's accepted team once the facilitator's change is confirmed
  await expect(fac.getByTestId('sync-status')).toHaveAttribute('data-unconfirmed', '0', { timeout: 15_000 });

  // the export holds the vote's results, the accepted team, and the project with that team accepted
  const download = fac.waitForEvent('download');
  await fac.getByTestId('workshop-export').click();
  const exported = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(exported.vote).toMatchObject({ question: 'Which team should we build?', voters: 2, open: false });
  expect(exported.vote.options.map((o: { label: string; votes: number }) => [o.label, o.votes])).toEqual([
    [labels[0], 0],
    [labels[1], 2],
    [labels[2], 0],
  ]);
  expect(exported.acceptedTeam).toMatchObject({ label: labels[1], votes: 2 });
  expect(exported.acceptedTeam.team.members.map((m: { personId: string }) => m.personId)).toEqual(cardTeams[1].ids);
  const projectRooms = Object.keys(exported.workspace.rooms).filter((r) => r.includes('.project.'));
  expect(projectRooms).toHaveLength(1);
  const projectDoc = new Y.Doc();
  Y.applyUpdate(projectDoc, Buffer.from(exported.workspace.rooms[projectRooms[0]], 'base64'));
  expect(readTeamPlan(projectDoc).accepted?.members.map((m) => m.personId)).toEqual(cardTeams[1].ids);
  projectDoc.destroy();

  // everyone on the graph: the accepted team is an island there
  for (const p of [fac, ana, bo]) {
    await p.getByTestId('nav-graph').click();
    await expect(p.getByTestId('graph-canvas')).toBeVisible();
    await expect.poll(() => graph(p, (g) => g.islands()), { timeout: 30_000 }).toEqual([{ name: PROJECT, members: cardTeams[1].ids.length, accepted: true }]);
    await expect.poll(() => graph(p, (g) => g.alpha()), { timeout: 30_000 }).toBeLessThan(0.05);
  }

  // spotlight the team: ringed on every graph, around every member, and named in the participants' banner
  await fac.getByTestId('workshop-spotlight-kind').selectOption('team');
  await fac.getByTestId('workshop-spotlight-label').click();
  await expect(fac.locator('#workshop-spotlight-choices option')).toHaveCount(1);
  await expect(fac.locator('#workshop-spotlight-choices option')).toHaveAttribute('value', PROJECT);
  await fac.getByTestId('workshop-spotlight-label').fill(PROJECT);
  await fac.getByTestId('workshop-spotlight-set').click();
  for (const p of [fac, ana, bo]) await expectRing(p, 'team', PROJECT, cardTeams[1].names);
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-spotlight')).toHaveText(`Spotlight on the team: ${PROJECT}`);

  // spotlight a cluster (a Louvain community, by the label the graph gives it): the same on every screen
  const clusters = await graph(fac, (g) => g.clusters());
  expect(clusters.length).toBeGreaterThan(1);
  const cluster = clusters[0];
  for (const p of [ana, bo]) await expect.poll(() => graph(p, (g) => g.clusters())).toEqual(clusters);
  await fac.getByTestId('workshop-spotlight-kind').selectOption('cluster');
  await fac.getByTestId('workshop-spotlight-label').fill(cluster.label);
  await fac.getByTestId('workshop-spotlight-set').click();
  for (const p of [fac, ana, bo]) {
    await expectRing(p, 'cluster', cluster.label, null);
    await expect(p.getByTestId('graph-spotlight-ring')).toHaveAttribute('data-members', String(cluster.size));
  }
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-spotlight')).toHaveText(`Spotlight on the cluster: ${cluster.label}`);

  // clearing it clears it for everyone
  await fac.getByRole('button', { name: `Clear (${cluster.label})` }).click();
  for (const p of [fac, ana, bo]) await expect(p.getByTestId('graph-spotlight-ring')).toHaveCount(0);
  for (const p of [ana, bo]) await expect(p.getByTestId('workshop-spotlight')).toHaveCount(0);

  for (const p of [fac, ana, bo]) await p.context().close();
});

/**
 * The spotlight ring on `page`: of this kind and label, centred where the graph's inspector puts the
 * circle around them, holding as many people as the inspector counts; and, given their names, around
 * each of them where the graph draws them.
 */
async function expectRing(page: Page, kind: 'team' | 'cluster', label: string, memberNames: string[] | null) {
  const ring = page.getByTestId('graph-spotlight-ring');
  await expect(ring).toHaveAttribute('data-kind', kind, { timeout: 15_000 });
  await expect(ring).toHaveAttribute('data-label', label);
  await expect
    .poll(
      async () => {
        const at = await graph(page, (g, a) => g.circleAround(...(JSON.parse(a) as ['team' | 'cluster', string])), JSON.stringify([kind, label]));
        const [x, y, members] = [Number(await ring.getAttribute('data-x')), Number(await ring.getAttribute('data-y')), Number(await ring.getAttribute('data-members'))];
        return at !== null && Math.hypot(at.x - x, at.y - y) < 3 && at.members === members;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  if (!memberNames) return;
  await expect(ring).toHaveAttribute('data-members', String(memberNames.length));
  const box = (await ring.boundingBox())!;
  const [cx, cy, r] = [box.x + box.width / 2, box.y + box.height / 2, box.width / 2];
  for (const name of memberNames) {
    const at = (await graph(page, (g, n) => g.screenOf(n), name))!;
    expect(Math.hypot(at[0] - cx, at[1] - cy), `${name} inside the ring`).toBeLessThanOrEqual(r + 1);
  }
}
