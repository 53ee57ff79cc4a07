import { expect, test, type Page } from '@playwright/test';
import { openApp, syncStatus } from './app';

const openProject = async (page: Page, name: string) => {
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').filter({ hasText: name }).click();
  await expect(page.getByTestId('project-page')).toBeVisible();
};

test('objective → requirements → teams → pin → re-solve → accept, seen live by a co-editor', async ({ browser }) => {
  const lead = await openApp(browser, { name: 'Lea Lead' });
  const peer = await openApp(browser, { name: 'Pat Peer' });
  for (const { page } of [lead, peer]) await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  const L = lead.page;
  const P = peer.page;
  // a project of its own, so the test does not depend on what other tests did to the shared workspace
  const name = `Kettle ${Date.now().toString(36)}`;
  await L.getByTestId('nav-projects').click();
  await L.getByTestId('new-project-name').fill(name);
  await L.getByTestId('create-project').click();
  await L.getByTestId('project-objective').fill('Launch a sustainable product: a repairable, circular electric kettle sold in Portugal and Spain.');
  await openProject(P, name);

  // 1. the forecast's requirements become project data; the peer sees them
  await L.getByTestId('accept-requirements').click();
  const proposed = await L.getByTestId('capability-row').count();
  await expect(L.getByTestId('requirement')).toHaveCount(proposed);
  await expect(P.getByTestId('requirement')).toHaveCount(proposed);
  // capabilities nobody has make every team impossible, and the app says which
  await expect(L.getByTestId('assemble-error')).toContainText('cannot be filled');
  const gaps = await L.locator('[data-testid=capability-row][data-status=gap]').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
  expect(gaps.length).toBeGreaterThan(0);
  for (const label of gaps) await L.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
  const roles = proposed - gaps.length;
  await expect(P.getByTestId('requirement')).toHaveCount(roles);

  // 2. the top three teams, explained; the terms add up to the score
  await expect(L.getByTestId('team-card')).toHaveCount(3, { timeout: 20_000 });
  await expect(P.getByTestId('team-card')).toHaveCount(3, { timeout: 20_000 });
  const best = L.getByTestId('team-card').first();
  const terms = (await best.getByTestId('team-terms').innerText()).match(/\d+\.\d{3}/g)!.map(Number);
  const score = Number((await best.getByTestId('team-score').innerText()).match(/\d+\.\d{3}/)![0]);
  expect(Math.abs(terms.reduce((a, b) => a + b, 0) - score)).toBeLessThan(0.003);

  // the trust paths between the members: a pair-by-pair matrix and the weakest links, with their paths
  await best.getByTestId('team-trust').locator('summary').click();
  const size = await best.getByTestId('team-member').count();
  await expect(best.locator('.trust-matrix tbody td[title]')).toHaveCount(size * (size - 1));
  await expect(best.getByTestId('weak-pairs').locator('li')).toHaveCount(3);
  await expect(best.getByTestId('weak-pairs').locator('li').first()).toContainText(/↔.*(%|no trust path)/);

  // trust advice from the orchestrator's point of view: rely, escrow or an introduction, per member
  // (someone in the network; other tests may have renamed people in the shared demo workspace)
  const me = await best.getByTestId('team-member').last().locator('strong').first().innerText();
  await L.getByTestId('viewer-picker').fill(me);
  await L.getByTestId('set-viewer').click();
  await expect(L.getByTestId('viewer')).toHaveText(me);
  await expect(best.getByTestId('advice')).toHaveCount(roles);
  await expect(best.getByTestId('advice').first()).toHaveAttribute('data-advice', /^(rely|escrow|introduce)$/);
  // the adjacent possible for this objective
  await expect(L.getByTestId('compound').first()).toBeVisible();

  // 3. ban a member of the best team whose role several people can fill, pin another: both re-solve, on both screens
  const covered = await L.locator('[data-testid=capability-row][data-status=ok]').first().getAttribute('data-skill');
  const first = best.locator(`[data-testid=team-member][data-role="${covered}"]`);
  const banned = (await first.getAttribute('data-person'))!;
  await first.getByTestId('ban').click();
  await expect(P.getByTestId('banned')).toHaveCount(1);
  await expect(L.locator(`[data-testid=team-member][data-person="${banned}"]`)).toHaveCount(0);
  await expect(P.locator(`[data-testid=team-member][data-person="${banned}"]`)).toHaveCount(0);
  await expect(L.getByTestId('team-card')).toHaveCount(3);
  const second = L.getByTestId('team-card').nth(1).getByTestId('team-member').nth(2);
  const pinned = (await second.getAttribute('data-person'))!;
  const pinnedRole = (await second.getAttribute('data-role'))!;
  await second.getByTestId('pin').click();
  await expect(P.getByTestId('pinned')).toHaveCount(1);
  for (const page of [L, P]) {
    for (const card of await page.getByTestId('team-card').all()) await expect(card.locator(`[data-testid=team-member][data-role="${pinnedRole}"]`)).toHaveAttribute('data-person', pinned);
  }

  // 4. accept; the peer sees who accepted it
  await L.getByTestId('accept-team').first().click();
  await expect(P.getByTestId('accepted-team')).toContainText('Accepted by Lea Lead');
  await expect(P.getByTestId('accepted-member').filter({ has: P.locator(`[data-person="${pinned}"]`) }).or(P.locator(`[data-testid=accepted-member][data-person="${pinned}"]`))).toHaveCount(1);

  // a changed objective does not rewrite the requirements: it offers the change
  await L.getByTestId('project-objective').press('End');
  await L.getByTestId('project-objective').pressSequentially(' Sold in three countries with a mobile app.');
  await expect(L.getByTestId('requirements-change')).toBeVisible({ timeout: 10_000 });
  await expect(L.getByTestId('requirement')).toHaveCount(roles);

  // undo walks back through the workflow, one described step at a time
  await L.getByTestId('undo').click();
  await expect(L.getByTestId('notice')).toContainText('Undone: Edit the objective');
  await L.getByTestId('undo').click();
  await expect(L.getByTestId('notice')).toContainText('Undone: Accept team A');
  await expect(P.getByTestId('accepted-team')).toHaveCount(0);
  await lead.context.close();
  await peer.context.close();
});
