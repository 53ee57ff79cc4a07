import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork } from '../../shared/demo/generateNetwork';
import { openApp } from './app';

/** Every screen and state a user meets, opened one after another. */
const SCREENS: [string, (page: Page) => Promise<void>][] = [
  ['people', async (page) => page.getByTestId('nav-people').click()],
  [
    'person editor',
    async (page) => {
      await page.getByTestId('person-row').first().click();
      await expect(page.getByTestId('person-editor')).toBeVisible();
    },
  ],
  [
    'import preview',
    async (page) => {
      const path = join(mkdtempSync(join(tmpdir(), 'axe-')), 'net.json');
      writeFileSync(path, JSON.stringify(generateNetwork({ people: 60, seed: 9 })));
      await page.getByTestId('import-file').setInputFiles(path);
      await expect(page.getByTestId('import-preview')).toBeVisible();
    },
  ],
  [
    'ties',
    async (page) => {
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('nav-ties').click();
      await expect(page.getByTestId('tie-row').first()).toBeVisible();
    },
  ],
  [
    'projects',
    async (page) => {
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('project-item').first().click();
      await expect(page.getByTestId('capability-row').first()).toBeVisible();
    },
  ],
  [
    'graph',
    async (page) => {
      await page.getByTestId('nav-graph').click();
      await expect(page.getByTestId('graph-canvas')).toBeVisible();
    },
  ],
  [
    'map',
    async (page) => {
      await page.getByTestId('nav-map').click();
      await expect(page.getByTestId('map-place').first()).toBeVisible();
      await expect(page.locator('.map-loading')).toHaveCount(0, { timeout: 15_000 });
      await page.getByTestId('map-place').first().click();
      await expect(page.getByTestId('map-card')).toBeVisible();
    },
  ],
  [
    'workspaces',
    async (page) => {
      await page.getByTestId('nav-workspaces').click();
      await expect(page.getByTestId('workspace-card').first()).toBeVisible();
    },
  ],
  [
    'command palette',
    async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('a');
      await expect(page.getByTestId('palette-option').first()).toBeVisible();
    },
  ],
  [
    'shortcuts',
    async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('palette')).toHaveCount(0);
      await page.keyboard.press('?');
      await expect(page.getByTestId('shortcuts')).toBeVisible();
    },
  ],
  [
    'sync details',
    async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('shortcuts')).toHaveCount(0);
      await page.getByTestId('sync-status').click();
      await expect(page.getByTestId('sync-panel')).toBeVisible();
    },
  ],
];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical problem on any screen, ${scheme} theme (following the system)`, async ({ browser }) => {
    // axe walks every node of every screen, the people table among them: slow on a loaded machine
    test.setTimeout(300_000);
    const { context, page } = await openApp(browser, { relay: 'off', colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const found: string[] = [];
    for (const [name, open] of SCREENS) {
      await open(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name}: ${v.impact} ${v.id} (${v.nodes.length} nodes) e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
    await context.close();
  });
}

test('at 800 px wide nothing spills past the window, and the top bar spans it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await openApp(browser, { relay: 'off' });
  await page.setViewportSize({ width: 800, height: 700 });
  const widths = async () =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      topbar: document.querySelector('.topbar')!.getBoundingClientRect().right,
    }));
  for (const [name, open] of SCREENS.filter(([n]) => n !== 'import preview' && n !== 'sync details' && n !== 'command palette' && n !== 'shortcuts')) {
    if (name === 'ties') await page.getByTestId('nav-ties').click();
    else await open(page);
    const w = await widths();
    expect(w.page, `${name}: page width`).toBeLessThanOrEqual(800);
    expect(w.topbar, `${name}: top bar`).toBe(800);
  }
  await page.getByTestId('nav-people').click();
  const exportButton = page.getByRole('button', { name: 'Export' });
  const box = (await exportButton.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(800);
  await context.close();
});
