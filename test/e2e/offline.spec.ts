import { expect, test } from '@playwright/test';
import { addPerson, filterPeople, openApp, personRow, syncStatus } from './app';

test('one goes offline, both edit, it comes back, and both converge', async ({ browser }) => {
  const a = await openApp(browser, { name: 'Offline Ana' });
  const b = await openApp(browser, { name: 'Online Ben' });
  await expect(syncStatus(a.page)).toHaveAttribute('data-status', 'synced');

  await a.context.setOffline(true);
  await expect(syncStatus(a.page)).toHaveAttribute('data-status', 'offline');

  await addPerson(a.page, 'Written Offline');
  await addPerson(b.page, 'Written Online');
  // the indicator never lies: Ana's change is not confirmed by the relay
  await expect(syncStatus(a.page)).not.toHaveAttribute('data-unconfirmed', '0');
  await expect(a.page.getByTestId('sync-pending')).toBeVisible();
  await filterPeople(b.page, 'Written Offline');
  await expect(personRow(b.page, 'Written Offline')).toHaveCount(0);

  await a.context.setOffline(false);
  await expect(syncStatus(a.page)).toHaveAttribute('data-status', 'synced');
  await expect(syncStatus(a.page)).toHaveAttribute('data-unconfirmed', '0');
  for (const page of [a.page, b.page]) {
    await filterPeople(page, 'Written');
    await expect(personRow(page, 'Written Offline')).toHaveCount(1);
    await expect(personRow(page, 'Written Online')).toHaveCount(1);
  }
  await a.context.close();
  await b.context.close();
});
