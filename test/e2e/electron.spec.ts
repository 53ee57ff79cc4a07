import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electronBinary.mjs';

test('the desktop app opens the demo workspace in a hardened window', async () => {
  const bin = electronBinary();
  if (!bin) {
    console.log('skipped: no Electron binary on this machine');
    test.skip(true, 'skipped: no Electron binary on this machine');
    return;
  }
  const app = await electron.launch({ executablePath: bin, args: ['.', '--no-sandbox'] });
  const window = await app.firstWindow();
  await expect(window.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 });
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await window.evaluate(() => Object.keys((window as unknown as { archipelago: object }).archipelago).sort())).toEqual(['getSettings', 'identity', 'platform', 'setSettings', 'version', 'workshop']);
  await app.close();
});
