import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/rawHttp';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-WEB-ROOT';

describe('scripts/serveWeb.mjs (the real process), fuzzed', () => {
  let dir: string;
  let child: ChildProcess;
  let port: number;
  let exited = false;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archipelago-web-'));
    const root = join(dir, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    mkdirSync(join(dir, 'web-evil'));
    writeFileSync(join(dir, 'web-evil', 'x.txt'), SECRET); // a sibling sharing the root's prefix
    child = spawn(process.execPath, [join(ROOT, 'scripts/serveWeb.mjs')], { cwd: ROOT, env: { ...process.env, PORT: '0', WEB_ROOT: root }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('exit', () => (exited = true));
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`serveWeb exited with ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files, the app for page paths, and clear 4xx for the rest', async () => {
    expect(await rawRequest(port, '/')).toMatchObject({ status: 200, body: expect.stringContaining('<title>app') });
    expect(await rawRequest(port, '/join/ABC123')).toMatchObject({ status: 200, body: expect.stringContaining('<title>app') });
    expect(await rawRequest(port, '/assets/app.js')).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect((await rawRequest(port, '/assets/missing.js')).status).toBe(404);
    expect(await rawRequest(port, '/%E0%A4%A')).toMatchObject({ status: 400, body: 'bad request: malformed URL\n' });
    expect((await rawRequest(port, '/%00')).status).toBe(400);
    expect((await rawRequest(port, '/', 'POST')).status).toBe(405);
    expect((await rawRequest(port, '/', 'HEAD')).status).toBe(200);
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fweb-evil/x.txt', '/assets/../../secret.txt', '/..\\secret.txt']) {
      const r = await rawRequest(port, escape);
      expect(r.body, escape).not.toContain(SECRET);
      expect([400, 403, 404], escape).toContain(r.status);
    }
    expect(exited).toBe(false);
  });

  it('never crashes, never answers 5xx, never serves a byte from outside its folder (fast-check)', async () => {
    const piece = fc.oneof(
      fc.constantFrom('/', '..', '.', '%', '%2e', '%2E', '%2f', '%5c', '\\', '%00', '%E0', '%A4', '%A', '%c0%af', '%ff', 'secret.txt', 'web-evil', 'assets', 'app.js', 'index.html', '?', '#', '%25', '//', ';', '%0d%0a'),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
      fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,8}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 12 }), async (pieces) => {
        const target = `/${pieces.join('')}`;
        const r = await rawRequest(port, target);
        expect(r.body).not.toContain(SECRET);
        // 0: the server refused to read the request line at all (Node's own parser); never a crash
        expect([0, 200, 400, 403, 404]).toContain(r.status);
        expect(exited).toBe(false);
      }),
      { numRuns: 400 },
    );
    expect((await rawRequest(port, '/')).status).toBe(200);
  }, 120_000);
});
