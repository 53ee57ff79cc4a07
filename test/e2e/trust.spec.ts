import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoProfile } from '../../shared/identity/demoProfile';
import { syncStatus } from './app';
import { openMember, screenshot } from './trustApp';

const shot = (name: string) => join(import.meta.dirname, 'screenshots', `${name}.png`);

/** Links this context's member to the first person of the network nobody has linked yet (signed with its key). */
async function linkSelf(page: Page, name: string): Promise<string> {
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('member-row').filter({ hasText: name })).toHaveCount(1);
  await page.getByTestId('claim-member').selectOption({ label: `${name} (you)` });
  const person = await page.getByTestId('claim-person').locator('option:not([disabled]):not([value=""])').first();
  const [value, label] = [await person.getAttribute('value'), (await person.textContent())!.trim()];
  await page.getByTestId('claim-person').selectOption(value!);
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('member-row').filter({ hasText: name }).getByTestId('member-person')).toContainText(label);
  return label;
}

test('feedback given in one context appears verified in the other and moves trust; a tampered profile is rejected and nothing is imported', async ({ browser }) => {
  // a workspace of its own: links made here must not bind people of the shared demo workspace
  const workspace = `trust-${Date.now().toString(36)}`;
  const alice = await openMember(browser, workspace, 'Alice Signer', 60);
  const bob = await openMember(browser, workspace, 'Bob Rated', 60);
  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  const alicePerson = await linkSelf(alice.page, 'Alice Signer');
  const bobPerson = await linkSelf(bob.page, 'Bob Rated');
  // without a choice of their own, Alice sees the graph (and trust advice) from the person linked to her key
  await alice.page.getByTestId('nav-graph').click();
  await expect(alice.page.getByTestId('graph-viewer')).toContainText(alicePerson.split(' (')[0]);
  // the engagement the feedback is about
  await alice.page.getByTestId('nav-projects').click();
  await alice.page.getByTestId('new-project-name').fill('Trust sprint');
  await alice.page.getByTestId('create-project').click();
  await expect(alice.page.getByTestId('project-page')).toBeVisible();
  await alice.page.getByTestId('nav-members').click();

  // Alice sees Bob linked (his key's signature synced through the relay), opens his page
  const a = alice.page;
  const bobRow = a.getByTestId('member-row').filter({ hasText: 'Bob Rated' });
  await expect(bobRow.getByTestId('member-person')).toContainText(bobPerson);
  await bobRow.click();
  await expect(a.getByTestId('member-page')).toContainText('Bob Rated');
  await expect(a.getByTestId('advice-trust')).toBeVisible();
  const before = Number(await a.getByTestId('advice-trust').getAttribute('data-path-trust'));

  // structured feedback: four dimensions with scores and comments, and the context; signed by Alice
  await a.getByTestId('give-feedback').click();
  await a.getByLabel('Project (engagement)').selectOption({ label: 'Trust sprint' });
  await a.getByTestId('feedback-role').fill('facilitator');
  await a.getByTestId('feedback-project-type').fill('product sprint');
  await a.getByTestId('feedback-constraints').fill('async-first, two time zones');
  for (const dim of ['quality', 'communication', 'reliability', 'collaboration']) {
    await a.getByTestId(`score-${dim}-5`).check({ force: true });
    await a.getByTestId(`comment-${dim}`).fill(`great ${dim}`);
  }
  await a.getByTestId('sign-feedback').click();
  await expect(a.getByTestId('feedback-form')).toHaveCount(0);

  // trust moved for Alice: the tie rests on the signed feedback, and the engine's advice sees it
  const tie = a.getByTestId('evidence-tie');
  await expect(tie).toHaveCount(1);
  const prior = Number(await tie.getAttribute('data-prior'));
  const after = Number(await tie.getAttribute('data-trust'));
  expect(after).toBeGreaterThan(prior);
  await expect.poll(async () => Number(await a.getByTestId('advice-trust').getAttribute('data-path-trust'))).toBeGreaterThan(before);

  // an attestation: bad input is refused with the reason and nothing is signed; then Alice vouches for a skill
  const ledgerCount = async (p: Page) => Number(await p.getByTestId('ledger-count').textContent());
  const ledgerBeforeAttest = await ledgerCount(a);
  await a.getByTestId('give-attestation').click();
  await a.getByTestId('attest-type-skill').check();
  await a.getByTestId('sign-attestation').click();
  await expect(a.getByTestId('attestation-error')).toContainText('Name the skill');
  expect(await ledgerCount(a)).toBe(ledgerBeforeAttest);
  await a.getByTestId('attest-skill').fill('facilitation');
  await expect(a.getByTestId('attestation-error')).toHaveCount(0);
  await a.getByTestId('attest-level').selectOption('1');
  await a.getByTestId('attest-comment').fill('ran our hardest workshop');
  await a.mouse.move(0, 0);
  await screenshot(a, 'attestation-form', a.getByTestId('attestation-form'));
  await a.getByTestId('sign-attestation').click();
  await expect(a.getByTestId('attestation-form')).toHaveCount(0);
  await expect.poll(() => ledgerCount(a)).toBe(ledgerBeforeAttest + 1);
  // the same tie now rests on both signed items, and its trust moved again
  await expect(tie).toContainText('resting on 2 signed items');
  await expect(tie).toContainText('attestation of');
  const afterAttest = Number(await tie.getAttribute('data-trust'));
  expect(afterAttest).not.toBe(after);
  expect(afterAttest).toBeGreaterThan(prior);

  // Bob sees it on his own page, verified, with the same trust
  const b = bob.page;
  await b.getByTestId('member-row').filter({ hasText: 'Bob Rated' }).click();
  const item = b.getByTestId('feedback-item').filter({ hasText: 'Alice Signer' });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');
  await expect(item).toContainText('great communication');
  const attestation = b.getByTestId('attestation-item').filter({ hasText: 'Alice Signer' });
  await expect(attestation).toHaveCount(1);
  await expect(attestation.getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');
  await expect(attestation).toContainText('Vouches for facilitation at level 100%');
  await expect(attestation).toContainText('ran our hardest workshop');
  await expect(b.getByTestId('evidence-tie')).toHaveAttribute('data-trust', afterAttest.toFixed(4));
  await expect(b.getByTestId('evidence-tie')).toContainText('resting on 2 signed items');
  await expect(b.getByTestId('chart-quality')).toHaveAttribute('data-count', '1');
  await expect(b.getByTestId('evidence-tie')).toContainText('Alice Signer');
  await b.getByTestId('members-view').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await b.mouse.move(0, 0);
  if (await b.getByTestId('notice').count()) await b.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  // clipped from the full page, so the sticky top bar does not cover the top of the member's page
  await screenshot(b, 'person-profile-feedback', b.getByTestId('member-page'));
  // the element screenshot above scrolled the window down to the member's page: the members page is shown from its top
  await b.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => b.evaluate(() => window.scrollY)).toBe(0);
  await expect(b.getByTestId('members-view').getByRole('heading').first()).toBeInViewport();
  await b.screenshot({ path: shot('members') });

  // Alice makes a new key on her device: her old key signs the rotation, her new signatures use the
  // new key, and what the old key signed stays valid as history, for her and for Bob
  const oldKey = (await a.getByTestId('my-key').getAttribute('data-key'))!;
  expect(oldKey).toMatch(/^[0-9a-f]{64}$/);
  await a.getByTestId('new-key-start').click();
  await a.getByTestId('new-key-confirm').click();
  await expect(a.getByTestId('my-key')).not.toHaveAttribute('data-key', oldKey);
  const newKey = (await a.getByTestId('my-key').getAttribute('data-key'))!;
  expect(newKey).toMatch(/^[0-9a-f]{64}$/);
  await expect(a.getByTestId('rotation')).toContainText('signed by the old key');
  await expect(a.locator(`[data-testid=member-row][data-key="${oldKey}"]`)).toContainText('retired →');
  await a.getByTestId('member-row').filter({ hasText: 'Bob Rated' }).click();
  await a.getByTestId('give-attestation').click();
  await a.getByTestId('attest-type-skill').check();
  await a.getByTestId('attest-skill').fill('planning');
  await a.getByTestId('attest-level').selectOption('1');
  await a.getByTestId('attest-comment').fill('signed with my new key');
  await a.getByTestId('sign-attestation').click();
  await expect(a.getByTestId('attestation-form')).toHaveCount(0);
  await expect(b.getByTestId('rotation')).toContainText('signed by the old key');
  const fresh = b.getByTestId('attestation-item').filter({ hasText: 'signed with my new key' });
  await expect(fresh.getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');
  await expect(fresh).toContainText('Alice Signer');
  // the old key's feedback and attestation: still verified
  await expect(item.getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');
  await expect(b.getByTestId('attestation-item').filter({ hasText: 'ran our hardest workshop' }).getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');
  await expect(b.getByTestId('feedback-item').filter({ hasText: 'Alice Signer' }).getByTestId('verify-badge')).toHaveAttribute('data-status', 'valid');

  // a tampered profile file: rejected with the reason, nothing imported
  const count = async () => Number(await b.getByTestId('ledger-count').textContent());
  const ledgerBefore = await count();
  const file = demoProfile({ seed: 9 });
  const tampered = structuredClone(file);
  (tampered.items[2].body as { comment?: string; dimensions?: Record<string, { comment: string }> }).dimensions!.quality.comment += ' (edited)';
  await b.getByTestId('import-profile').click();
  await b.getByTestId('profile-file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(b.getByTestId('profile-rejected')).toContainText('nothing was imported');
  await expect(b.getByTestId('profile-rejected')).toContainText('$.items[2]');
  await expect(b.getByTestId('profile-import-confirm')).toBeDisabled();
  await b.getByTestId('profile-import').screenshot({ path: shot('profile-import-rejected') });
  await b.getByTestId('profile-import-cancel').click();
  expect(await count()).toBe(ledgerBefore);

  // the same file untouched verifies and imports every signed item
  await b.getByTestId('import-profile').click();
  await b.getByTestId('profile-file').setInputFiles({ name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(b.getByTestId('profile-verified')).toBeVisible();
  await b.getByTestId('profile-import-confirm').click();
  await expect.poll(count).toBe(ledgerBefore + 1 + file.items.length);

  for (const { page } of [alice, bob]) await expect(syncStatus(page)).toHaveAttribute('data-unconfirmed', '0');
  await alice.context.close();
  await bob.context.close();
});
