import { expect, type Page } from '@playwright/test';

/** Accepts the best team of the sample project through the workflow, as an orchestrator does. */
export async function acceptSampleTeam(page: Page) {
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').filter({ hasText: 'Circular kettle launch' }).click();
  await page.getByTestId('accept-requirements').click();
  await expect(page.getByTestId('requirement').first()).toBeVisible();
  await expect(page.locator('[data-testid=capability-row][data-status]').first()).toBeVisible();
  // capabilities nobody in the demo network has would make every team impossible
  const gaps = await page.locator('[data-testid=capability-row][data-status=gap]').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
  for (const label of gaps) await page.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
  await expect(page.getByTestId('team-card')).toHaveCount(3, { timeout: 20_000 });
  await page.getByTestId('accept-team').first().click();
  await expect(page.getByTestId('accepted-team')).toBeVisible();
  return page.getByTestId('accepted-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-person') ?? e.querySelector('[data-person]')?.getAttribute('data-person')));
}
