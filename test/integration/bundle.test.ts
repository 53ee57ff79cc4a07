import { execFile, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.mjs';
import { officialClient, until } from '../support/yClient';

const ROOT = join(import.meta.dirname, '..', '..');

/** The production bundles (esbuild) run on plain node, without tsx. */
describe('bundled relay and CLI (dist/server)', () => {
  let out: string;
  let data: string;
  beforeAll(async () => {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    out = mkdtempSync(join(ROOT, '.tmp', 'bundle-')); // inside the project, so node_modules resolve
    data = mkdtempSync(join(tmpdir(), 'archipelago-bundle-'));
    await buildServer(out);
  }, 60_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('contain no tsx', () => {
    for (const f of ['relay.mjs', 'workshop.mjs', 'cli.mjs']) expect(readFileSync(join(out, f), 'utf8')).not.toMatch(/from ["']tsx/);
  });

  /** The bundled relay on a free port, over `data`. */
  const startBundled = async () => {
    const child = spawn(process.execPath, [join(out, 'relay.mjs'), '--port', '0', '--data', data, '--log-level', 'warn'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += d));
    const port = await new Promise<number>((resolve, reject) => {
      let text = '';
      child.stdout!.on('data', (d) => {
        text += d;
        const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(text);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    return { child, port };
  };

  let stderr = '';
  it('the relay starts with node alone, syncs, exits 0 on SIGTERM (compacting its rooms), and serves what it stored after a restart', async () => {
    const { child, port } = await startBundled();
    try {
      const [a, b] = [officialClient(`ws://127.0.0.1:${port}`, 'bundled'), officialClient(`ws://127.0.0.1:${port}`, 'bundled')];
      a.doc.getText('t').insert(0, 'plain js');
      await until(() => b.doc.getText('t').toString() === 'plain js', 10_000, 'sync');
      // its packages are bundled too (prom-client by its own files): the metrics still answer
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^archipelago_relay_connections 2$/m);
      expect(metrics).toMatch(/^archipelago_relay_process_resident_memory_bytes \d+/m);
      a.destroy();
      b.destroy();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    // read back from LevelDB by the bundle, and written again; the shutdown compacts it once more (with
    // y-leveldb's stream readers, on node's own streams in the bundle: a failed compaction exits 1)
    const again = await startBundled();
    try {
      const c = officialClient(`ws://127.0.0.1:${again.port}`, 'bundled');
      await until(() => c.doc.getText('t').toString() === 'plain js', 10_000, 'stored room after a restart');
      // the relay stores before it forwards: once another client has the edit, it is on disk
      const d = officialClient(`ws://127.0.0.1:${again.port}`, 'bundled');
      c.doc.getText('t').insert(0, 'still ');
      await until(() => d.doc.getText('t').toString() === 'still plain js', 10_000, 'write after a restart');
      c.destroy();
      d.destroy();
      const exited = new Promise((r) => again.child.once('exit', r));
      again.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      again.child.kill('SIGKILL');
    }
    const third = await startBundled();
    try {
      const c = officialClient(`ws://127.0.0.1:${third.port}`, 'bundled');
      await until(() => c.doc.getText('t').toString() === 'still plain js', 10_000, 'compacted room after a second restart');
      c.destroy();
    } finally {
      third.child.kill('SIGKILL');
    }
    expect(stderr).not.toMatch(/y-leveldb|Error/);
  });

  it('the CLI mints a token', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(out, 'cli.mjs'), 'token', '--room', 'r', '--secret', 'bundle-secret-bundle-secret-bundle-00'], { cwd: ROOT });
    expect(stdout.trim().split('.')).toHaveLength(3);
  });

  it('tsx is a dev dependency only, and the `archipelago` bin runs the bundle where tsx is not installed', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    // an install without dev dependencies: the bin, the built CLI, and every package but tsx
    const install = mkdtempSync(join(tmpdir(), 'archipelago-no-dev-'));
    try {
      mkdirSync(join(install, 'bin'));
      copyFileSync(join(ROOT, 'bin', 'archipelago.mjs'), join(install, 'bin', 'archipelago.mjs'));
      cpSync(out, join(install, 'dist', 'server'), { recursive: true });
      writeFileSync(join(install, 'package.json'), '{"type":"module"}');
      mkdirSync(join(install, 'node_modules'));
      for (const name of readdirSync(join(ROOT, 'node_modules'))) if (name !== 'tsx') symlinkSync(join(ROOT, 'node_modules', name), join(install, 'node_modules', name));
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, [join(install, 'bin', 'archipelago.mjs'), 'token', '--room', 'r', '--secret', 'bundle-secret-bundle-secret-bundle-00'], { cwd: install });
      expect(stdout.trim().split('.')).toHaveLength(3);
      // without the bundle either, it says what to do
      rmSync(join(install, 'dist'), { recursive: true });
      const failed = await run(process.execPath, [join(install, 'bin', 'archipelago.mjs'), 'token'], { cwd: install }).catch((e) => e);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('run `npm run build:server` first');
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });
});
