import { expect, test } from '@playwright/test';
import { addPerson, filterPeople, openApp, personRow, syncStatus } from './app';

test('two people edit the same workspace and see each other’s changes and presence', async ({ browser }) => {
  const alice = await openApp(browser, { name: 'Alice Orchestrator' });
  const bob = await openApp(browser, { name: 'Bob Facilitator' });
  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');

  // presence: each sees the other's name and colour
  await expect(alice.page.getByTestId('peer').filter({ has: alice.page.locator('[data-name="Bob Facilitator"]') }).or(alice.page.locator('[data-testid=peer][data-name="Bob Facilitator"]'))).toBeVisible();
  await expect(bob.page.locator('[data-testid=peer][data-name="Alice Orchestrator"]')).toBeVisible();

  // Alice adds a person; Bob sees them
  await addPerson(alice.page, 'Zora Collab');
  await filterPeople(bob.page, 'Zora Collab');
  await expect(personRow(bob.page, 'Zora Collab')).toHaveCount(1);

  // Bob gives them a skill; Alice sees it
  await personRow(bob.page, 'Zora Collab').click();
  await bob.page.getByTestId('skill-input').fill('Storytelling');
  await bob.page.getByTestId('add-skill').click();
  await filterPeople(alice.page, 'Zora Collab');
  await expect(personRow(alice.page, 'Zora Collab')).toContainText('Storytelling');

  // both edit the project objective; it merges
  for (const { page } of [alice, bob]) {
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-item').filter({ hasText: 'Circular kettle launch' }).click();
  }
  const objective = 'Launch a sustainable product: a repairable, circular electric kettle sold in Portugal and Spain.';
  await expect(alice.page.getByTestId('project-objective')).toHaveValue(objective);
  await alice.page.getByTestId('project-objective').press('End');
  await alice.page.getByTestId('project-objective').pressSequentially(' Alice was here.');
  await expect(bob.page.getByTestId('project-objective')).toHaveValue(`${objective} Alice was here.`);

  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0');
  await alice.context.close();
  await bob.context.close();
});
