import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RelayProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Sends a signal and resolves with the exit code (or the signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  stderr(): string;
  stdout(): string;
}

/**
 * Starts the real relay (`npm run relay` without npm) on a free port and waits for its ready line.
 * One process (`node --import tsx`), so a signal reaches the relay itself.
 */
export async function startRelay(options: { dataDir?: string; port?: number; args?: string[]; env?: Record<string, string> } = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'archipelago-relay-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'sync-server/main.ts'), '--port', String(options.port ?? 0), '--data', dataDir, '--log-level', 'warn', ...(options.args ?? [])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  let err = '';
  let out = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${err}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /listening on ws:\/\/[^\s]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${err}`));
    });
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stderr: () => err,
    stdout: () => out,
  };
}

// retries: a relay that was just killed may still be closing its LevelDB files (ENOTEMPTY)
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
