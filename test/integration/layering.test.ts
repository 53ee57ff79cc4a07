import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The folder boundaries of shared/DESIGN.md §1 are enforced: the repository's own ESLint config
 * refuses each forbidden import or global in each folder and accepts the allowed ones, and the
 * engine's own tsconfig has neither DOM nor Node types.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors ESLint reports for `code` as if it were the file at `path` (repo-relative). */
async function boundaryErrors(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.fatal).map((m) => m.message);
}

const forbidden: [folder: string, path: string, code: string, reason: RegExp][] = [
  ['shared', 'shared/assembly/fixture.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;", /never imports from the shells/],
  ['shared', 'shared/deep/er/fixture.ts', "import { x } from '../../../renderer/src/features/graph/x';\nexport const y = x;", /never imports from the shells/],
  ['shared', 'shared/fixture.ts', "import { startRelay } from '../sync-server/relay';\nexport const y = startRelay;", /never imports from the shells/],
  ['shared', 'shared/fixture.ts', "import { main } from '../electron/main';\nexport const y = main;", /never imports from the shells/],
  ['shared', 'shared/fixture.ts', "import pino from 'pino';\nexport const log = pino();", /only small pure libraries/],
  ['shared', 'shared/fixture.ts', "import { forceSimulation } from 'd3-force';\nexport const s = forceSimulation;", /only small pure libraries/],
  ['shared', 'shared/fixture.ts', "import * as d3 from 'd3';\nexport const s = d3;", /only small pure libraries/],
  ['shared', 'shared/fixture.ts', "import { useState } from 'react';\nexport const s = useState;", /only small pure libraries/],
  ['shared', 'shared/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /no Node built-ins|Node built-ins/],
  ['shared', 'shared/fixture.ts', "import { join } from 'path';\nexport const r = join;", /Node built-ins/],
  ['shared', 'shared/fixture.ts', 'export const lang = navigator.language;', /no DOM or Node globals/],
  ['shared', 'shared/fixture.ts', 'export const w = window.innerWidth;', /no DOM or Node globals/],
  ['shared', 'shared/fixture.ts', 'export const env = process.env.HOME;', /no DOM or Node globals/],
  ['renderer', 'renderer/src/features/x/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /Node built-ins/],
  ['renderer', 'renderer/src/fixture.ts', "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;", /no Electron or Node-only packages/],
  ['renderer', 'renderer/src/fixture.ts', "import { policy } from '../../electron/policy';\nexport const p = policy;", /never electron\/, sync-server\//],
  ['renderer', 'renderer/src/sync/fixture.ts', "import { startRelay } from '../../../sync-server/relay';\nexport const r = startRelay;", /never electron\/, sync-server\//],
  ['renderer', 'renderer/src/fixture.tsx', 'export const cwd = process.cwd();', /no Node globals/],
  ['electron', 'electron/fixture.ts', "import { App } from '../renderer/src/App';\nexport const a = App;", /never imports renderer\//],
  ['electron', 'electron/fixture.ts', "import { create } from 'zustand';\nexport const c = create;", /UI or storage libraries/],
  ['sync-server', 'sync-server/fixture.ts', "import { App } from '../renderer/src/App';\nexport const a = App;", /never renderer\/ or electron\//],
  ['sync-server', 'sync-server/fixture.ts', "import { main } from '../electron/main';\nexport const m = main;", /never renderer\/ or electron\//],
  ['sync-server', 'sync-server/fixture.ts', "import { app } from 'electron';\nexport const a = app;", /must not use Electron/],
];

const allowed: [folder: string, path: string, code: string][] = [
  ['shared', 'shared/assembly/fixture.ts', "import * as Y from 'yjs';\nimport { z } from 'zod';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { createRng } from '../util/rng';\nexport const x = [Y, z, sha256, createRng, new URL('ws://a:1')];"],
  ['renderer', 'renderer/src/features/x/fixture.ts', "import { forceSimulation } from 'd3-force';\nimport { useState } from 'react';\nimport { assemble } from '../../../../shared/assembly/assemble';\nexport const x = [forceSimulation, useState, assemble, navigator.language, window.innerWidth];"],
  ['electron', 'electron/fixture.ts', "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { startRelay } from '../sync-server/relay';\nimport { normaliseRelayUrl } from '../shared/platformApi';\nexport const x = [app, join, startRelay, normaliseRelayUrl, process.cwd()];"],
  ['sync-server', 'sync-server/fixture.ts', "import { WebSocketServer } from 'ws';\nimport pino from 'pino';\nimport { createServer } from 'node:http';\nimport * as Y from 'yjs';\nimport { RequirementsFileSchema } from '../shared/model/requirements';\nexport const x = [WebSocketServer, pino, createServer, Y, RequirementsFileSchema, process.pid];"],
  // tests beside the code run in Node and may start real processes
  ['renderer test', 'renderer/src/sync/fixture.test.ts', "import { startRelay } from '../../../sync-server/relay';\nimport { tmpdir } from 'node:os';\nexport const x = [startRelay, tmpdir];"],
];

describe('layering lint (DESIGN.md §1)', () => {
  it.each(forbidden)('%s: refuses %s (%#)', async (_folder, path, code, reason) => {
    const errors = await boundaryErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(reason);
  });

  it.each(allowed)('%s: accepts what it may use (%s)', async (_folder, path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});

describe('shared/ compiles with no DOM and no Node types (tsconfig.shared.json)', () => {
  const configPath = join(ROOT, 'tsconfig.shared.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
  /** Type errors of `code` compiled as a file in shared/ with the engine's own compiler options. */
  const typeErrors = (code: string) => {
    const fixture = join(ROOT, 'shared', '__layering_fixture__.ts');
    const host = ts.createCompilerHost(parsed.options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (name === fixture ? ts.createSourceFile(name, code, lang) : read(name, lang, ...rest));
    host.fileExists = ((exists) => (name: string) => name === fixture || exists(name))(host.fileExists.bind(host));
    const program = ts.createProgram([fixture, join(ROOT, 'shared', 'env.d.ts')], parsed.options, host);
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(fixture)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('refuses browser and Node globals', () => {
    expect(typeErrors('export const lang = navigator.language;').join()).toMatch(/Cannot find name 'navigator'/);
    expect(typeErrors('export const d = document.title;').join()).toMatch(/Cannot find name 'document'/);
    expect(typeErrors('export const b = Buffer.from("x");').join()).toMatch(/Cannot find name 'Buffer'/);
    expect(typeErrors('export const p = process.env;').join()).toMatch(/Cannot find name 'process'/);
  });

  it('accepts the language and the web standards shared/ declares (URL)', () => {
    expect(typeErrors("export const u = new URL('ws://a:1').protocol; export const m = new Map<string, number>([['a', 1]]).size;")).toEqual([]);
  });
});
