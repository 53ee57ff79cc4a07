import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The engine is pure: no DOM, no Node, no Electron, no UI or storage libraries (DESIGN.md §1).
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads'], message: 'shared/ is pure TypeScript: no Node built-ins.' },
            { group: ['electron', 'react', 'react-dom', 'dexie', 'y-dexie', 'ws', 'y-websocket', 'zustand', 'd3-*'], message: 'shared/ must not depend on shells, UI or storage.' },
            { group: ['../../renderer/*', '../../electron/*', '../../sync-server/*', '../renderer/*', '../electron/*', '../sync-server/*'], message: 'shared/ never imports from the shells.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', '../electron/*', '../../electron/*'], message: 'the renderer runs sandboxed: no Node or Electron.' }] }],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
