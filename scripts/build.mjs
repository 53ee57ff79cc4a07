// Builds the renderer and the Electron main process, unless the build is newer than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const sources = Math.max(newest('renderer'), newest('shared'), newest('electron'), newest('sync-server'), statSync('package.json').mtimeMs);
if (process.argv.includes('--force') || built('dist/renderer/index.html') < sources || built('dist-electron/electron/index.js') < sources) {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
