import { expect, type Page } from '@playwright/test';

/** Accepts the best team of the sample project through the workflow, as an orchestrator does. */
export async function acceptSampleTeam(page: Page) {
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-item').filter({ hasText: 'Circular kettle launch' }).click();
  await page.getByTestId('accept-requirements').click();
  await page.getByRole('button', { name: 'Remove UX research' }).click();
  await page.getByRole('button', { name: 'Remove Product management' }).click();
  await expect(page.getByTestId('team-card')).toHaveCount(3, { timeout: 20_000 });
  await page.getByTestId('accept-team').first().click();
  await expect(page.getByTestId('accepted-team')).toBeVisible();
  return page.getByTestId('accepted-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-person') ?? e.querySelector('[data-person]')?.getAttribute('data-person')));
}
