import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'sync-server/**/*.test.ts',
      'electron/**/*.test.ts',
      'cli/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/property/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/setupQuietLogs.ts'],
  },
});
