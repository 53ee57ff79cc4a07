import { expect, test } from '@playwright/test';
import { generateNetwork } from '../../shared/demo/generateNetwork';
import { taxonomy } from '../../shared/taxonomy/skillTaxonomy';

/**
 * A request that takes the engine seconds (twenty roles drawn from the network's most common skills,
 * at a low level, so thousands of people qualify for each): the search shows its progress, and
 * Cancel stops it in the worker, keeps the page responsive and does not bring teams in later.
 */
test('a long team search shows its progress and can be cancelled', async ({ browser }) => {
  test.setTimeout(120_000);
  const people = 300;
  const seed = 5;
  const net = generateNetwork({ people, seed });
  const counts = new Map<string, number>();
  for (const p of net.people) for (const s of p.skills) counts.set(s.skill, (counts.get(s.skill) ?? 0) + 1);
  const labels = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([id]) => taxonomy().get(id)!.label);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/?relay=off&workspace=slow-search&demo=${people}&seed=${seed}`);
  await expect(page.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project-name').fill('Twenty common roles');
  await page.getByTestId('create-project').click();
  await page.getByTestId('project-objective').fill('Build a community repair network.');
  await page.getByTestId('accept-requirements').click();
  // replace the forecast's requirements with the twenty common skills at level 10
  const chips = page.getByTestId('requirement');
  await expect(chips.first()).toBeVisible();
  const forecastRoles = await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-role')!));
  await page.getByLabel('Minimum level (0–100)').fill('10');
  for (const label of labels) {
    await page.getByTestId('requirement-skill').fill(label);
    await page.getByTestId('add-requirement').click();
  }
  for (const role of forecastRoles) await page.locator(`[data-testid=requirement][data-role="${role}"]`).getByRole('button').click();
  await expect(chips).toHaveCount(20);

  const status = page.getByTestId('search-progress');
  await expect(status).toBeVisible({ timeout: 20_000 });
  await expect(status).toContainText(/candidate pool \d+ of \d+/);
  await page.getByTestId('cancel-search').click();
  await expect(page.getByTestId('search-cancelled')).toBeVisible();
  await expect(status).toHaveCount(0);
  // the page answers at once (the work was in the worker, which is gone)
  await page.getByTestId('project-objective').press('End');
  await page.getByTestId('project-objective').pressSequentially(' Fast.');
  await expect(page.getByTestId('project-objective')).toHaveValue(/Fast\.$/);
  // and no teams arrive later from the cancelled search
  await page.waitForTimeout(8_000);
  await expect(page.getByTestId('team-card')).toHaveCount(0);

  // searching again runs it anew, in a fresh worker attached to the same network
  await page.getByRole('button', { name: 'search again' }).click();
  await expect(status).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('team-card')).toHaveCount(3, { timeout: 90_000 });
  await context.close();
});
