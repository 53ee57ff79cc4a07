import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** A real `npm run workshop` host process (the built web app and the relay on one port). */
export interface WorkshopHost {
  base: string;
  /** The six-character join code it printed. */
  code: string;
  /** The facilitator's private link it printed. */
  facilitator: string;
  child: ChildProcess;
  dir: string;
  /** Stops the host (its whole process group) and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts `npm run workshop` on `port` with a fresh data folder, plus any extra flags, and waits until it prints its controls. */
export async function startWorkshopHost(port: number, extraArgs: string[] = []): Promise<WorkshopHost> {
  const dir = mkdtempSync(join(tmpdir(), 'archipelago-e2e-workshop-'));
  const child = spawn('npm', ['run', '--silent', 'workshop', '--', '--port', String(port), '--host', '127.0.0.1', '--data', join(dir, 'data'), '--log-level', 'warn', ...extraArgs], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workshop host did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (!out.includes('controls:')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the workshop host exited with ${code}: ${err}`));
    });
  });
  const exited = new Promise((r) => child.once('exit', r));
  return {
    base: `http://127.0.0.1:${port}`,
    code: /join code: ([A-Z2-9]{6})\b/.exec(out)![1],
    facilitator: /facilitator \(keep private\): (\S+)/.exec(out)![1],
    child,
    dir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
