import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/freePort.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Something else listening on a port (a stranger's relay, another dev server). */
async function occupy(port: number): Promise<Server> {
  const server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return server;
}

describe('npm start when its ports are taken (real processes)', () => {
  it('moves to the next free ports, says so in one line each, and syncs only with the relay it launched', async () => {
    const base = 20000 + Math.floor(Math.random() * 20000);
    const web = (await freePort(base))!;
    await occupy(web);
    const relay = (await freePort(web + 1))!;
    await occupy(relay);
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: String(web), RELAY_PORT: String(relay), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((r) => child.once('exit', r));
    cleanups.push(() => {
      child.kill('SIGTERM');
      return exited;
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${out} ${err}`)), 110_000);
      const check = () => /open (http:\/\/\S+)/.test(out) && /listening on ws:/.test(out) && (clearTimeout(timer), resolve());
      child.stdout.on('data', check);
      child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${out} ${err}`)));
    });
    expect(out).toContain(`port ${web} is in use, so the web page uses`);
    expect(out).toContain(`port ${relay} is in use, so the relay uses`);
    expect(out).toMatch(/its download was skipped \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/);
    expect(out).not.toMatch(/could not be downloaded/);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    const pageUrl = /open (http:\/\/\S+)/.exec(out)![1];
    const relayUrl = /its own relay, (ws:\/\/[\d.:]+)/.exec(out)![1];
    expect(relayUrl).not.toBe(`ws://127.0.0.1:${relay}`);
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain(`<meta name="archipelago-relay" content="${relayUrl}">`);
    const health = await fetch(`${relayUrl.replace('ws:', 'http:')}/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('refuses a PORT that is not a port with one clear line', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(err.trim()).toBe('archipelago: PORT=eighty is not a port (1-65535)');
  });
});
