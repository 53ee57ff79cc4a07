// Runs after `npm install` in this project. Never fails the install.
// 1. Links the `archipelago` CLI into node_modules/.bin, so `npx archipelago` works in the project.
// 2. Electron's own install script is not approved in package.json (allowScripts), because it must
//    download a binary and would fail the whole install where that is impossible. We try that
//    download here instead, and only report when it cannot happen: `npm start` then serves the
//    web build. Set ELECTRON_SKIP_BINARY_DOWNLOAD=1 to skip the attempt.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const root = process.cwd();
try {
  const binDir = join(root, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, 'archipelago');
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, join(root, 'bin', 'archipelago.mjs')), link);
  chmodSync(join(root, 'bin', 'archipelago.mjs'), 0o755);
} catch (e) {
  console.warn(`archipelago: could not link the CLI (${e.message}); use node bin/archipelago.mjs`);
}

const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
if (skip && skip !== '0' && skip !== 'false') {
  console.log('archipelago: the Electron binary download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` will serve the web build instead.');
  process.exit(0);
}
let electronDir;
try {
  electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
} catch {
  process.exit(0); // electron not installed (production install)
}
if (existsSync(join(electronDir, 'path.txt'))) process.exit(0); // already downloaded
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
if (result.status === 0 && existsSync(join(electronDir, 'path.txt'))) {
  console.log('archipelago: Electron binary installed');
} else {
  console.log('archipelago: the Electron binary download was tried and failed here; `npm start` will serve the web build instead.');
}
