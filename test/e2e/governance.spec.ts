import { expect, test, type Page } from '@playwright/test';
import { axeProblems, openMember, screenshot } from './trustApp';

const proposal = (page: Page) => page.getByTestId('proposal').filter({ hasText: 'Trust first' });

test('a governance vote reaches quorum and the weights change for both members, and for the assembly', async ({ browser }) => {
  test.setTimeout(120_000);
  const ws = `gov-${Date.now().toString(36)}`;
  const ana = await openMember(browser, ws, 'Ana Moreira', 80);
  const kofi = await openMember(browser, ws, 'Kofi Boateng', 80);
  const pages = [ana.page, kofi.page];
  for (const page of pages) {
    await page.getByTestId('nav-governance').click();
    await expect(page).toHaveURL(/#\/governance$/);
    await expect(page.getByTestId('member-count')).toContainText('2 members can vote');
    // the weights in use are visible, with what each does
    await expect(page.getByTestId('gov-weight-trust')).toHaveAttribute('data-value', '0.3');
    await expect(page.getByTestId('gov-weight-trust')).toContainText('trust graph');
  }

  await ana.page.getByTestId('new-proposal').click();
  const form = ana.page.getByTestId('proposal-form');
  await form.getByTestId('proposal-title').fill('Trust first');
  await form.getByTestId('proposal-rationale').fill('Strangers who never worked together miss deadlines.');
  await form.getByTestId('proposal-quorum').fill('3');
  await form.getByTestId('submit-proposal').click();
  await expect(form.getByTestId('proposal-error')).toContainText('change at least one');
  await form.getByTestId('proposal-weight-trust').fill('0.45');
  await form.getByTestId('proposal-weight-coverage').fill('0.1');
  await form.getByTestId('submit-proposal').click();
  await expect(form.getByTestId('proposal-error')).toContainText('cannot exceed the 2 members');
  await form.getByTestId('proposal-quorum').fill('2');
  await form.getByTestId('submit-proposal').click();

  for (const page of pages) {
    await expect(proposal(page)).toHaveAttribute('data-status', 'open');
    await expect(proposal(page).getByTestId('tally-yes')).toHaveText('0');
  }
  await proposal(ana.page).getByTestId('vote-yes').click();
  for (const page of pages) {
    await expect(proposal(page).getByTestId('tally-yes')).toHaveText('1');
    await expect(proposal(page).getByTestId('tally-quorum')).toContainText('1 of 2 not yet reached');
    await expect(proposal(page)).toHaveAttribute('data-status', 'open');
    await expect(page.getByTestId('gov-weight-trust')).toHaveAttribute('data-value', '0.3');
  }
  // one vote per member: no second vote for Ana
  await expect(proposal(ana.page).getByTestId('vote-yes')).toHaveCount(0);

  await proposal(kofi.page).getByTestId('vote-yes').click();
  for (const page of pages) {
    await expect(proposal(page)).toHaveAttribute('data-status', 'accepted');
    await expect(proposal(page).getByTestId('tally-quorum')).toContainText('2 of 2 ✓ reached');
    await expect(proposal(page).getByTestId('vote')).toHaveCount(2);
    for (const v of await proposal(page).getByTestId('vote').all()) await expect(v).toContainText('✓ signature verified');
    await expect(page.getByTestId('gov-weight-trust')).toHaveAttribute('data-value', '0.45');
    await expect(page.getByTestId('gov-weight-coverage')).toHaveAttribute('data-value', '0.1');
    await expect(page.getByTestId('history-entry')).toHaveCount(1);
    await expect(page.getByTestId('history-entry')).toContainText('Trust 0.30 → 0.45');
  }
  // anyone can re-verify the tally from the raw ledger
  await proposal(kofi.page).getByTestId('verify-tally').click();
  await expect(proposal(kofi.page).getByTestId('verify-result')).toContainText('Verified: 2 vote event(s)');
  await screenshot(kofi.page, 'governance-panel');
  expect(await axeProblems(kofi.page, '[data-testid=governance-view]')).toEqual([]);

  // the assembly uses the workspace's new weights, and says where they come from
  await ana.page.getByTestId('nav-projects').click();
  await ana.page.getByTestId('new-project-name').fill('Kettle');
  await ana.page.getByTestId('create-project').click();
  await ana.page.getByTestId('project-item').filter({ hasText: 'Kettle' }).click();
  await ana.page.getByTestId('project-objective').fill('Launch a sustainable product: a repairable, circular electric kettle sold in Portugal and Spain.');
  await ana.page.getByTestId('accept-requirements').click();
  const teams = ana.page.getByTestId('teams-step');
  await teams.getByText('Weights of the objective').click();
  await expect(teams.getByText('Weights of the objective (the workspace’s, from Governance)')).toBeVisible();
  await expect(teams.getByTestId('weight-trust')).toHaveValue('0.45');
  await expect(teams.getByTestId('weight-coverage')).toHaveValue('0.1');
  // every suggested team can show the rule and the weights that produced it
  const gaps = await ana.page.locator('[data-testid=capability-row][data-status=gap]').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
  for (const label of gaps) await ana.page.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
  const best = teams.getByTestId('team-card').first();
  await expect(best).toBeVisible({ timeout: 20_000 });
  await best.getByTestId('why-rule-team').locator('summary').click();
  await expect(best.getByTestId('why-rule-team')).toContainText('Σ weight × term');
  await expect(best.getByTestId('why-rule-team')).toContainText('trust 0.45');
  await expect(best.getByTestId('why-rule-team')).toContainText('“Trust first”');
  await screenshot(ana.page, 'team-why-rule', best);

  await ana.context.close();
  await kofi.context.close();
});
