import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { rawRequest } from '../support/rawHttp';
import { appClient, officialClient, tryUpgrade, until } from '../support/yClient';

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
  /** The host's data folder. */
  data: string;
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
  return { base: base[1], port: Number(base[2]), code: /join code: ([A-Z2-9]{6})\b/.exec(out)![1], facilitator: /facilitator \(keep private\): (\S+)/.exec(out)![1], out, child, data: join(dir, 'data') };
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

  it('facilitator controls go through the host: only the facilitator token may use them, everyone sees them live, a vote is counted once per person, and the export holds it all', async () => {
    const w = await workshop();
    const ana = await join_(w, w.code, 'Ana');
    const bo = await join_(w, w.code, 'Bo');
    const fac = await fetch(w.facilitator, { redirect: 'manual' });
    const facApp = new URL(fac.headers.get('location')!, w.base);
    expect(facApp.searchParams.get('workshop')).toBe('facilitator');
    expect(ana.app.searchParams.get('workshop')).toBe('participant');
    const facToken = new URL(facApp.searchParams.get('relay')!).searchParams.get('token')!;
    const call = (token: string, path: string, body?: unknown) =>
      fetch(`${w.base}/workshop/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

    // a live stream of what Ana sees
    const events: { data: string; event: string }[] = [];
    const abort = new AbortController();
    cleanups.push(() => abort.abort());
    const stream = await fetch(`${w.base}/workshop/events?token=${ana.token}`, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        const reader = stream.body!.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (data) events.push({ data, event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message' });
          }
        }
      } catch {
        // aborted at cleanup
      }
    })();
    const latest = () => JSON.parse(events.filter((e) => e.event === 'message').at(-1)?.data ?? 'null');
    await until(() => latest()?.you?.name === 'Ana', 10_000, 'first state');

    // refused: no token, another workshop's token, a participant using controls, bad input
    expect((await fetch(`${w.base}/workshop/state`)).status).toBe(401);
    expect((await call('x.y.z', 'state')).status).toBe(401);
    expect((await call(ana.token, 'control', { action: 'lock' })).status).toBe(403);
    expect((await call(ana.token, 'export')).status).toBe(403);
    const bad = await call(facToken, 'control', { action: 'timer', label: 'Exercise 1', seconds: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('seconds: seconds must be ≥ 1');
    expect((await call(ana.token, 'vote', { optionId: 'a' })).status).toBe(409);
    expect(latest().locked).toBe(false);

    // follow me, spotlight, timer reach the participant as they happen
    const target = { route: '#/people', selection: { personId: 'p-7', projectId: null }, viewport: { x: 0, y: 240, k: 1 } };
    expect((await call(facToken, 'control', { action: 'follow', target })).status).toBe(200);
    await until(() => latest().follow?.route === '#/people', 10_000, 'follow reaches Ana');
    expect(latest().follow).toEqual({ ...target, seq: 1 });
    await call(facToken, 'control', { action: 'spotlight', spotlight: { kind: 'cluster', id: 'c2', label: 'Design cluster' } });
    await call(facToken, 'control', { action: 'timer', label: 'Exercise 1', seconds: 300 });
    await until(() => latest().spotlight?.label === 'Design cluster' && latest().timer?.label === 'Exercise 1', 10_000, 'spotlight and timer');
    expect(latest().timer.endsAt - latest().timer.startedAt).toBe(300_000);

    // a live vote: results as they come in, one ballot each (a second replaces the first)
    const options = [
      { id: 'a', label: 'Team A: Ana, Bo, Cy' },
      { id: 'b', label: 'Team B: Ana, Dee' },
    ];
    expect((await call(facToken, 'control', { action: 'vote-open', question: 'Which team?', options: [options[0]] })).status).toBe(400);
    await call(facToken, 'control', { action: 'vote-open', question: 'Which team?', options });
    expect((await call(ana.token, 'vote', { optionId: 'zzz' })).status).toBe(404);
    await call(ana.token, 'vote', { optionId: 'a' });
    await until(() => latest().vote?.tally.a === 1, 10_000, 'Ana sees her vote counted');
    await call(ana.token, 'vote', { optionId: 'b' });
    await call(bo.token, 'vote', { optionId: 'b' });
    await until(() => latest().vote?.tally.b === 2 && latest().vote?.tally.a === 0, 10_000, 'live results');
    expect(latest().vote).toMatchObject({ voters: 2, mine: 'b', open: true });
    expect(JSON.stringify(latest())).not.toContain(bo.token.split('.')[1]);
    const facView = await (await call(facToken, 'state')).json();
    expect(facView.participants.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Bo']);
    expect((await call(facToken, 'vote', { optionId: 'a' })).status).toBe(403);
    expect((await call(facToken, 'control', { action: 'accept', optionId: 'b' })).status).toBe(200);
    await until(() => latest().accepted?.optionId === 'b' && latest().vote.open === false, 10_000, 'accepted team');
    expect((await call(bo.token, 'vote', { optionId: 'a' })).status).toBe(409);

    // lock through the API changes the token scope the relay applies (see the test above) and tells everyone
    await call(facToken, 'control', { action: 'lock' });
    await until(() => latest().locked === true, 10_000, 'locked shown');
    expect((await (await fetch(`${w.facilitator}/state`)).json()).locked).toBe(true);
    await call(facToken, 'control', { action: 'unlock' });
    await until(() => latest().locked === false, 10_000, 'unlocked shown');

    // something in the workspace, then the export
    const room = `${ana.workspace}.network`;
    const client = appClient(`${ana.relayBase}/?token=${ana.token}`, room);
    cleanups.push(client.destroy);
    client.doc.getMap('people').set('p-7', 'Ana');
    await client.conn.whenConfirmed();
    const exported = await call(facToken, 'export');
    expect(exported.headers.get('content-disposition')).toContain('workshop-export.json');
    const file = await exported.json();
    expect(file).toMatchObject({ format: 'archipelago-workshop', version: 1, workspaceId: ana.workspace, acceptedTeam: { optionId: 'b', label: 'Team B: Ana, Dee', votes: 2 } });
    expect(file.vote.options).toEqual([
      { id: 'a', label: 'Team A: Ana, Bo, Cy', votes: 0 },
      { id: 'b', label: 'Team B: Ana, Dee', votes: 2 },
    ]);
    const Y = await import('yjs');
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Buffer.from(file.workspace.rooms[room], 'base64'));
    expect(restored.getMap('people').get('p-7')).toBe('Ana');
    restored.destroy();

    // renewal: a fresh token for the same person, which the relay accepts
    const renewed = await (await fetch(`${w.base}/workshop/token`, { method: 'POST', headers: { authorization: `Bearer ${bo.token}` } })).json();
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString('utf8'));
    // a token minted within the same second as the first is the same token; a later one lasts longer
    expect(claims(renewed.token).exp).toBeGreaterThanOrEqual(claims(bo.token).exp);
    expect(claims(renewed.token).sub).toBe(claims(bo.token).sub);
    expect((await call(renewed.token, 'state').then((r) => r.json())).you.name).toBe('Bo');
    expect((await fetch(`${w.base}/workshop/token`, { method: 'POST' })).status).toBe(401);

    // remove through the API: Ana's stream ends with a "removed" event, and her token is refused
    const anaId = facView.participants[0].id;
    expect((await call(facToken, 'control', { action: 'remove', participantId: anaId })).status).toBe(200);
    await until(() => events.some((e) => e.event === 'removed'), 10_000, 'removed event');
    // every later request of hers (her view, a renewal) is refused as a removal, which her app can tell from any other refusal
    for (const res of [await call(ana.token, 'state'), await call(ana.token, 'token', {})]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'removed from the workshop by the facilitator', code: 'removed' });
    }
    expect(await (await fetch(`${w.base}/workshop/state`, { headers: { authorization: 'Bearer not.a.token' } })).json()).not.toHaveProperty('code');
    expect((await call(facToken, 'control', { action: 'remove', participantId: 'p-nobody' })).status).toBe(404);
  });

  it('every facilitator control is enforced by the host: a participant\'s forged control, a forged token and a guessed key are refused, and nothing changes', async () => {
    const w = await workshop();
    const ana = await join_(w, w.code, 'Ana');
    const bo = await join_(w, w.code, 'Bo');
    const facApp = new URL((await fetch(w.facilitator, { redirect: 'manual' })).headers.get('location')!, w.base);
    const facToken = new URL(facApp.searchParams.get('relay')!).searchParams.get('token')!;
    const call = (token: string, path: string, body?: unknown) =>
      fetch(`${w.base}/workshop/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    // a workshop under way: following, a spotlight, a timer and an open vote with a ballot in it
    const target = { route: '#/graph', selection: { personId: null, projectId: null }, viewport: { x: 1, y: 2, k: 1.5 } };
    for (const control of [
      { action: 'follow', target },
      { action: 'spotlight', spotlight: { kind: 'team', id: 'Kettle', label: 'Kettle' } },
      { action: 'timer', label: 'Exercise 1', seconds: 600 },
      { action: 'vote-open', question: 'Which team?', options: [{ id: 'a', label: 'Team A' }, { id: 'b', label: 'Team B' }] },
    ])
      expect((await call(facToken, 'control', control)).status).toBe(200);
    expect((await call(bo.token, 'vote', { optionId: 'b' })).status).toBe(200);
    const facView = async () => {
      const { now: _now, participants, ...rest } = await (await call(facToken, 'state')).json();
      return { ...rest, participants: participants.map((p: { id: string; name: string; removed: boolean }) => ({ id: p.id, name: p.name, removed: p.removed })) };
    };
    const before = await facView();
    const boId = before.participants.find((p: { name: string }) => p.name === 'Bo').id;

    // every control the facilitator has, sent with a participant's own (valid) token, in the header or the query
    const controls = [
      { action: 'follow', target: { ...target, route: '#/people' } },
      { action: 'unfollow' },
      { action: 'spotlight', spotlight: { kind: 'person', id: 'Ana', label: 'Ana' } },
      { action: 'spotlight', spotlight: null },
      { action: 'timer', label: 'Hijacked', seconds: 5 },
      { action: 'timer-stop' },
      { action: 'lock' },
      { action: 'unlock' },
      { action: 'vote-open', question: 'Mine?', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
      { action: 'vote-close' },
      { action: 'accept', optionId: 'a' },
      { action: 'remove', participantId: boId },
    ];
    for (const control of controls) {
      const res = await call(ana.token, 'control', control);
      expect(res.status, control.action).toBe(403);
      expect(await res.json()).toEqual({ error: 'only the facilitator can do this' });
      const viaQuery = await fetch(`${w.base}/workshop/control?token=${ana.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(control) });
      expect(viaQuery.status, `${control.action} via ?token=`).toBe(403);
    }
    expect((await call(ana.token, 'export')).status).toBe(403);

    // tokens claiming to be the facilitator: signed with another secret, Ana's with its subject changed, unsigned
    const { SignJWT } = await import('jose');
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const room = `${ana.workspace}.*`;
    const otherSecret = await new SignJWT({ room, scope: 'rw' }).setProtectedHeader({ alg: 'HS256' }).setSubject('facilitator').setExpirationTime(exp).sign(new TextEncoder().encode('x'.repeat(32)));
    const [head, body, sig] = ana.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const resubjected = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: 'facilitator' })).toString('base64url')}.${sig}`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'facilitator' })).toString('base64url')}.`;
    for (const forged of [otherSecret, resubjected, unsigned]) {
      for (const control of controls) expect((await call(forged, 'control', control)).status, control.action).toBe(401);
      expect((await call(forged, 'export')).status).toBe(401);
    }

    // the facilitator's HTTP controls want the facilitator key, not a participant's token or a guess
    const key = w.facilitator.split('/').at(-1)!;
    for (const wrongKey of [ana.token, 'f'.repeat(key.length), key.slice(0, -1), `${key}0`])
      for (const path of ['lock', 'unlock', 'code', `remove/${boId}`]) expect((await fetch(`${w.base}/facilitator/${wrongKey}/${path}`, { method: 'POST' })).status, path).toBe(403);

    // nothing changed: the same follow, spotlight, timer, vote (Bo's ballot in it), no lock, nobody removed, the same code
    expect(await facView()).toEqual(before);
    expect(before).toMatchObject({ locked: false, follow: { route: '#/graph' }, spotlight: { label: 'Kettle' }, timer: { label: 'Exercise 1' }, vote: { open: true, tally: { a: 0, b: 1 } }, accepted: null, joinCode: w.code });
    expect((await call(bo.token, 'state')).status).toBe(200);
    // and Bo's connection still writes (a forged lock would have made it read-only)
    const client = appClient(`${bo.relayBase}/?token=${bo.token}`, `${bo.workspace}.network`);
    cleanups.push(client.destroy);
    client.doc.getMap('people').set('p-bo', 'Bo');
    await client.conn.whenConfirmed();
  });

  it('a restart of the host keeps the workshop: who joined, who was removed (still refused), the vote and the lock', async () => {
    const w = await workshop();
    const ana = await join_(w, w.code, 'Ana');
    const bo = await join_(w, w.code, 'Bo');
    const facToken = new URL(new URL((await fetch(w.facilitator, { redirect: 'manual' })).headers.get('location')!, w.base).searchParams.get('relay')!).searchParams.get('token')!;
    const call = (base: string, token: string, path: string, body?: unknown) =>
      fetch(`${base}/workshop/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    await call(w.base, facToken, 'control', { action: 'vote-open', question: 'Which team?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    await call(w.base, bo.token, 'vote', { optionId: 'b' });
    const anaId = (await (await call(w.base, facToken, 'state')).json()).participants.find((p: { name: string }) => p.name === 'Ana').id;
    expect((await call(w.base, facToken, 'control', { action: 'remove', participantId: anaId })).status).toBe(200);
    await call(w.base, facToken, 'control', { action: 'lock' });
    const dataDir = /--data (\S+)/.exec(w.child.spawnargs.join(' '))![1];
    const exited = new Promise((r) => w.child.once('exit', r));
    w.child.kill('SIGTERM');
    await exited;

    const again = await workshop(['--data', dataDir]);
    expect((await call(again.base, ana.token, 'state')).status).toBe(403);
    expect(await tryUpgrade(`ws://127.0.0.1:${again.port}/${ana.workspace}.network?token=${ana.token}`)).toEqual({ status: 403, body: 'removed from the workshop by the facilitator\n' });
    const boView = await (await call(again.base, bo.token, 'state')).json();
    expect(boView).toMatchObject({ locked: true, vote: { open: true, mine: 'b', tally: { a: 0, b: 1 } }, you: { name: 'Bo' } });
  });

  it('guessing the join code is bounded: ten wrong codes hold an address back, and many from everywhere change the code', async () => {
    const w = await workshop();
    /** A join attempt from another loopback address (Linux routes all of 127/8 to lo). */
    const tryFrom = (localAddress: string, code: string) =>
      new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
        const req = httpGet({ host: '127.0.0.1', port: w.port, path: `/join/${code}?name=Guess`, localAddress }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body, retryAfter: res.headers['retry-after'] as string | undefined }));
        });
        req.on('error', reject);
      });
    const wrong = w.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    for (let i = 0; i < 10; i++) expect((await tryFrom('127.0.0.2', wrong)).status).toBe(404);
    const held = await tryFrom('127.0.0.2', w.code); // even the right code waits
    expect(held.status).toBe(429);
    expect(Number(held.retryAfter)).toBeGreaterThan(500);
    expect(held.body).toContain('This device typed too many wrong codes. Try again in 10 minutes');
    expect((await tryFrom('127.0.0.3', w.code)).status).toBe(302); // another device is not held back
    // 100 wrong codes in all: the code changes, the facilitator sees the new one, the old one stops working
    for (let a = 4; a < 13; a++) for (let i = 0; i < 10; i++) await tryFrom(`127.0.0.${a}`, wrong);
    const state = await (await fetch(`${w.facilitator}/state`)).json();
    expect(state.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(state.joinCode).not.toBe(w.code);
    expect((await tryFrom('127.0.0.20', w.code)).status).toBe(404);
    expect((await tryFrom('127.0.0.21', state.joinCode)).status).toBe(302);
  });

  it('a refused or failed step writes nothing: a HEAD of a join link, a removed participant\'s upgrade, a lock whose save fails', async () => {
    const w = await workshop();
    const saved = () => JSON.parse(readFileSync(join(w.data, 'workshop-state.json'), 'utf8'));
    const participants = async () => (await (await fetch(`${w.facilitator}/state`)).json()).participants;
    expect((await fetch(`${w.base}/join/${w.code}?name=Preview`, { method: 'HEAD', redirect: 'manual' })).status).not.toBe(302);
    expect(await participants()).toEqual([]);

    const ana = await join_(w, w.code, 'Ana');
    const anaId = (await participants())[0].id;
    expect((await fetch(`${w.facilitator}/remove/${anaId}`, { method: 'POST' })).status).toBe(200);
    expect(await tryUpgrade(`${ana.relayBase}/${ana.workspace}.made-up?token=${ana.token}`)).toMatchObject({ status: 403 });
    expect(saved().rooms).not.toContain(`${ana.workspace}.made-up`);

    // the state file cannot be written (its temporary name is taken by a folder): the lock fails and nothing changes
    mkdirSync(join(w.data, 'workshop-state.json.tmp'));
    expect((await fetch(`${w.facilitator}/lock`, { method: 'POST' })).status).toBe(500);
    expect((await (await fetch(`${w.facilitator}/state`)).json()).locked).toBe(false);
    expect((await fetch(`${w.base}/join/${w.code}?name=Bo`, { redirect: 'manual' })).status).toBe(500);
    expect((await participants()).map((p: { name: string }) => p.name)).toEqual(['Ana']);
    rmdirSync(join(w.data, 'workshop-state.json.tmp'));
    expect(await (await fetch(`${w.facilitator}/lock`, { method: 'POST' })).json()).toMatchObject({ locked: true });
    expect(saved().state.locked).toBe(true);
  });

  it('serves every page under a Content-Security-Policy that forbids framing; the join page allows only its own style', async () => {
    const w = await workshop();
    const app = await fetch(`${w.base}/`);
    expect(app.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    const join = await fetch(`${w.base}/join`);
    const policy = join.headers.get('content-security-policy')!;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    // the hash is the page's own inline style, so the browser applies it
    const style = /<style>([^<]*)<\/style>/.exec(await join.text())![1];
    expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    const api = await fetch(`${w.base}/workshop/state`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
