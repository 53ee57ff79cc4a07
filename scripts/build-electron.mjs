// Bundles the Electron main process and its preload with esbuild into dist-electron/electron/.
//
// - main (electron/index.ts → index.js): CommonJS for Electron, with every dependency bundled in,
//   the ES-module-only ones (@noble/*, jose) included, so nothing is compiled or resolved as ESM at
//   run time. Kept outside: `electron` itself and the native LevelDB binding (classic-level loads
//   its prebuilt binary from its own package folder).
// - preload (electron/preload.ts → preload.js): one CommonJS file that requires only `electron`, as
//   a sandboxed preload must (a sandboxed preload cannot require files of its own).
// Development and tests use the TypeScript sources; production runs only these bundles.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Packages the main bundle leaves to node_modules (packaged beside it by electron-builder). */
export const MAIN_EXTERNAL = ['electron', 'classic-level'];

export async function buildElectron(outRoot = resolve('dist-electron')) {
  const outdir = join(outRoot, 'electron');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // pino's optional transports are never used here (the main process logs to a destination)
    logOverride: { 'require-resolve-not-external': 'silent' },
  };
  await Promise.all([
    build({ ...common, entryPoints: { index: 'electron/index.ts' }, outdir, external: MAIN_EXTERNAL }),
    build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir, external: ['electron'], sourcemap: 'inline' }),
  ]);
  mkdirSync(outRoot, { recursive: true });
  // package.json says "type": "module"; the bundles are CommonJS.
  writeFileSync(join(outRoot, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2));
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildElectron(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`bundled the Electron main process and preload into ${out}\n`);
}
