import { expect, test } from '@playwright/test';
import { openMember } from './trustApp';

/**
 * Key rotation needs the new key's consent: a member who signs a rotation of their own key into
 * another member's key does not take it over (nor merge the two voters) until that key accepts.
 */
test("a rotation into another member's key waits for that key to accept, then holds for both", async ({ browser }) => {
  test.setTimeout(120_000);
  const ws = `rot-${Date.now().toString(36)}`;
  const ana = await openMember(browser, ws, 'Ana Moreira');
  const kofi = await openMember(browser, ws, 'Kofi Boateng');
  const pages = [ana.page, kofi.page];
  for (const page of pages) {
    await page.goto(`${page.url().split('#')[0]}#/members`);
    await expect(page.getByTestId('member-row')).toHaveCount(2);
  }
  const keyOf = async (name: string) => (await ana.page.getByTestId('member-row').filter({ hasText: name }).getAttribute('data-key'))!;
  const anaKey = await keyOf('Ana Moreira');
  const kofiKey = await keyOf('Kofi Boateng');

  // a member's page has its own link (#/members/<key>), and back returns to the list
  await kofi.page.getByTestId('member-row').filter({ hasText: 'Ana Moreira' }).click();
  await expect(kofi.page).toHaveURL(new RegExp(`#/members/${anaKey}$`));
  await expect(kofi.page.getByTestId('member-page')).toHaveAttribute('data-key', anaKey);
  await kofi.page.goBack();
  await expect(kofi.page).toHaveURL(/#\/members$/);
  await expect(kofi.page.getByTestId('member-page')).toHaveCount(0);
  await kofi.page.goto(`${kofi.page.url().split('#')[0]}#/members/${anaKey}`);
  await expect(kofi.page.getByTestId('member-page')).toContainText('Ana Moreira');
  await kofi.page.goto(`${kofi.page.url().split('#')[0]}#/members/not-a-key`);
  await expect(kofi.page.getByTestId('member-not-found')).toBeVisible();
  await kofi.page.goto(`${kofi.page.url().split('#')[0]}#/members`);

  // Ana signs her key over to Kofi's key
  await ana.page.getByLabel('Member whose key rotates').selectOption(anaKey);
  await ana.page.getByLabel('New public key').fill(kofiKey);
  await ana.page.getByRole('button', { name: 'Sign rotation' }).click();
  for (const page of pages) {
    await expect(page.getByTestId('rotation-pending')).toHaveCount(1);
    await expect(page.getByTestId('rotation')).toHaveCount(0);
  }
  // only the holder of the new key is offered to accept; until then both still vote separately
  await expect(ana.page.getByTestId('accept-rotation')).toHaveCount(0);
  await expect(ana.page.getByTestId('rotation-pending')).toContainText('only the holder of the new key can accept');
  for (const page of pages) {
    await page.goto(`${page.url().split('#')[0]}#/governance`);
    await expect(page.getByTestId('member-count')).toContainText('2 members can vote');
    await page.goto(`${page.url().split('#')[0]}#/members`);
  }

  await kofi.page.getByTestId('accept-rotation').click();
  for (const page of pages) {
    await expect(page.getByTestId('rotation')).toHaveCount(1);
    await expect(page.getByTestId('rotation')).toContainText('signed by the old key');
    await expect(page.getByTestId('rotation-pending')).toHaveCount(0);
    // both holders signed for it: the two keys are now one voter
    await page.goto(`${page.url().split('#')[0]}#/governance`);
    await expect(page.getByTestId('member-count')).toContainText('1 member can vote');
  }
  await Promise.all([ana.context.close(), kofi.context.close()]);
});
