import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/rawHttp';
import { officialClient, tryUpgrade, until } from '../support/yClient';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Workshop {
  base: string;
  port: number;
  code: string;
  facilitator: string;
  out: string;
  child: ChildProcess;
}

/** `npm run workshop` without npm: the real process on a free port, with a stand-in web build. */
async function workshop(args: string[] = []): Promise<Workshop> {
  const dir = mkdtempSync(join(tmpdir(), 'archipelago-workshop-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Archipelago</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sync-server/workshop/main.ts'), '--port', '0', '--host', '127.0.0.1', '--data', join(dir, 'data'), '--web', dir, '--log-level', 'warn', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workshop did not start: ${err}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('controls:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workshop exited with ${code}: ${err}`));
    });
  });
  const base = /workshop on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(out)!;
  return { base: base[1], port: Number(base[2]), code: /join code: ([A-Z2-9]{6})\b/.exec(out)![1], facilitator: /facilitator \(keep private\): (\S+)/.exec(out)![1], out, child };
}

/** Follows /join/<code>?name= like a browser would, up to the app link; returns the relay URL and token from it. */
async function join_(w: Workshop, code: string, name: string) {
  const res = await fetch(`${w.base}/join/${code}?name=${encodeURIComponent(name)}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const app = new URL(res.headers.get('location')!, w.base);
  const relay = new URL(app.searchParams.get('relay')!);
  return { workspace: app.searchParams.get('workspace')!, relayBase: `ws://${relay.host}`, token: relay.searchParams.get('token')!, app };
}

describe('npm run workshop (the real process): one port for the app and the relay', () => {
  it('prints its URL, a six-character join code and a QR code; serves the app and the relay on one port', async () => {
    const w = await workshop();
    expect(w.out).toMatch(/workshop on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(w.out).toMatch(/join code: [A-Z2-9]{6} /);
    expect(w.out).toContain('▄'); // the terminal QR code
    expect(await (await fetch(`${w.base}/`)).text()).toContain('<title>Archipelago');
    expect((await fetch(`${w.base}/healthz`)).status).toBe(200);
    expect(await tryUpgrade(`ws://127.0.0.1:${w.port}/anything`)).toEqual({ status: 401, body: 'missing token\n' });
    expect((await rawRequest(w.port, '/%E0%A4%A')).status).toBe(400);
    expect((await rawRequest(w.port, '/join/%E0%A4%A')).status).toBe(404);
    expect(w.child.exitCode).toBeNull();
  });

  it('a wrong code, and an expired one, get a clear message', async () => {
    const w = await workshop(['--code-ttl-seconds', '1']);
    const wrong = await fetch(`${w.base}/join/ZZZZZZ`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('is not this workshop&#39;s join code');
    const form = await fetch(`${w.base}/join`);
    expect(await form.text()).toContain('name="code"');
    await new Promise((r) => setTimeout(r, 1200));
    const expired = await fetch(`${w.base}/join/${w.code.toLowerCase()}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This join code no longer works. Ask the facilitator for the current one.');
  });

  it('join by code gives a token scoped to the workshop\'s workspace; lock editing and removal are enforced by the host', async () => {
    const w = await workshop();
    const ana = await join_(w, w.code, 'Ana');
    expect(ana.workspace).toMatch(/^workshop-[a-z0-9]+$/);
    expect(ana.app.pathname).toBe('/');
    const room = `${ana.workspace}.network`;
    expect(await tryUpgrade(`${ana.relayBase}/some-other-room?token=${ana.token}`)).toEqual({ status: 403, body: 'token is for another room\n' });
    const fac = await fetch(w.facilitator, { redirect: 'manual' });
    const facRelay = new URL(new URL(fac.headers.get('location')!, w.base).searchParams.get('relay')!);
    const facilitator = officialClient(ana.relayBase, room, undefined, { token: facRelay.searchParams.get('token')! });
    const participant = officialClient(ana.relayBase, room, undefined, { token: ana.token });
    cleanups.push(facilitator.destroy, participant.destroy);
    participant.doc.getMap('m').set('ana', 'was here');
    await until(() => facilitator.doc.getMap('m').get('ana') === 'was here', 10_000, 'participant edit reaches the facilitator');
    const state = await (await fetch(`${w.facilitator}/state`)).json();
    expect(state.participants).toEqual([expect.objectContaining({ name: 'Ana', connected: true, removed: false })]);

    // lock: the participant's edit is refused by the host (4403) and nothing changes
    expect(await (await fetch(`${w.facilitator}/lock`, { method: 'POST' })).json()).toEqual({ locked: true, changed: 1 });
    const codes: number[] = [];
    participant.provider.on('connection-close', (e: CloseEvent | null) => e && codes.push(e.code));
    participant.doc.getMap('m').set('during-lock', 1);
    await until(() => codes.includes(4403), 10_000, 'close 4403');
    facilitator.doc.getMap('m').set('facilitator', 'still edits');
    const late = officialClient(ana.relayBase, room, undefined, { token: (await join_(w, w.code, 'Bo')).token });
    cleanups.push(late.destroy);
    await until(() => late.doc.getMap('m').get('facilitator') === 'still edits', 10_000, 'the facilitator edits during the lock');
    expect(facilitator.doc.getMap('m').has('during-lock')).toBe(false);
    expect(late.doc.getMap('m').has('during-lock')).toBe(false);
    late.doc.getMap('m').set('bo-during-lock', 1); // a participant who joined during the lock is read-only too
    await new Promise((r) => setTimeout(r, 300));
    expect(facilitator.doc.getMap('m').has('bo-during-lock')).toBe(false);

    // unlock: editing works again
    await fetch(`${w.facilitator}/unlock`, { method: 'POST' });
    const again = officialClient(ana.relayBase, room, undefined, { token: ana.token });
    cleanups.push(again.destroy);
    again.doc.getMap('m').set('after-unlock', 1);
    await until(() => facilitator.doc.getMap('m').get('after-unlock') === 1, 10_000, 'edits after unlock');

    // remove: closed now (4401), refused from then on (403)
    const againCodes: number[] = [];
    again.provider.on('connection-close', (e: CloseEvent | null) => e && againCodes.push(e.code));
    const anaId = state.participants[0].id;
    expect((await fetch(`${w.facilitator}/remove/${anaId}`, { method: 'POST' })).status).toBe(200);
    await until(() => againCodes.includes(4401), 10_000, 'close 4401');
    expect(await tryUpgrade(`${ana.relayBase}/${room}?token=${ana.token}`)).toEqual({ status: 403, body: 'removed from the workshop by the facilitator\n' });
    expect((await fetch(`${w.facilitator.replace(/[0-9a-f]{32}$/, 'f'.repeat(32))}/lock`, { method: 'POST' })).status).toBe(403);
  });
});
