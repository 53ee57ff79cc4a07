import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

export interface RedisProcess {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess;
  /** Stops it (SIGTERM writes the append-only file; SIGKILL does not). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts a new redis-server on the same port and data directory. */
  restart(): Promise<RedisProcess>;
  remove(): void;
}

/**
 * The real redis-server (Debian's package) on a free port, its data in a fresh directory, with
 * the append-only file fsynced on every write (as the README tells you to run it).
 */
export async function startRedis(options: { port?: number; dir?: string } = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'archipelago-redis-'));
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--protected-mode', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 15_000);
    const check = () => {
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('error', (e) => (clearTimeout(timer), reject(new Error(`cannot run ${REDIS_SERVER}: ${e.message}`))));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited with ${code}: ${out}`))));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const self: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    restart: async () => {
      await self.stop();
      return startRedis({ port, dir });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return self;
}
