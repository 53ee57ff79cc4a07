import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Electron binary, if this machine has one (it cannot be downloaded everywhere). */
function electronBinary(): string | null {
  try {
    const dir = join(createRequire(import.meta.url).resolve('electron/package.json'), '..');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

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
  expect(await window.evaluate(() => Object.keys((window as unknown as { archipelago: object }).archipelago).sort())).toEqual(['getSettings', 'platform', 'setSettings', 'version']);
  await app.close();
});
