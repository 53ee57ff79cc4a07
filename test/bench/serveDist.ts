import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createStaticHandler } from '../../scripts/staticFiles.mjs';

/** Serves a built web app (e.g. dist/renderer) on a free loopback port, for the browser benchmarks. */
export async function serveDist(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer(createStaticHandler({ root }));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist/renderer');

/** The newest modification time (ms) of the files under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path, { withFileTypes: true }).reduce((m, e) => (e.name === 'node_modules' ? m : Math.max(m, newest(join(path, e.name)))), stat.mtimeMs);
}

/**
 * The renderer build a browser benchmark measures: built again when it is missing or any source it
 * is built from (renderer/, shared/, package.json, the lock file) changed after it, so a stale build
 * is never measured, and an up-to-date one is not built again. Says which build it is.
 */
export function ensureRendererBuild(bench: string): string {
  const built = join(DIST, 'index.html');
  const sources = Math.max(...['renderer', 'shared', 'package.json', 'package-lock.json'].map((p) => newest(join(ROOT, p))));
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt < sources) {
    process.stderr.write(`${bench}: ${builtAt ? 'dist/renderer is older than its sources' : 'no dist/renderer'}, building it\n`);
    execSync('npm run build:renderer', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  let commit = 'unknown commit';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim() + (execSync('git status --porcelain -- renderer shared', { cwd: ROOT, encoding: 'utf8' }).trim() ? ' + uncommitted changes' : '');
  } catch {
    // not a git checkout: the build time still says which build it is
  }
  return `dist/renderer built ${new Date(statSync(built).mtimeMs).toISOString()} from ${commit}`;
}
