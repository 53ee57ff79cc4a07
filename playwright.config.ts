import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the web build in Debian's Chromium (Playwright downloads no browser here),
 * against a real relay process. `npm run test:e2e` builds first.
 */
// Overridable so that two checkouts on one machine can run their suites side by side.
export const E2E_WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5180);
export const E2E_RELAY_PORT = Number(process.env.E2E_RELAY_PORT ?? 4480);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_WEB_PORT}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'web', testIgnore: /electron\.spec\.ts/ }, { name: 'electron', testMatch: /electron\.spec\.ts/ }],
  webServer: [
    {
      command: `node scripts/serveWeb.mjs`,
      env: { PORT: String(E2E_WEB_PORT) },
      url: `http://127.0.0.1:${E2E_WEB_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/e2eRelay.mjs ${E2E_RELAY_PORT}`,
      url: `http://127.0.0.1:${E2E_RELAY_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
