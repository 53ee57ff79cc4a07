import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { mintToken } from '../../sync-server/auth';
import { redisForSuite } from '../support/redisSuite';
import { removeDir, startRelay, type RelayProcess } from '../support/relayProcess';
import { appClient, until } from '../support/yClient';

const SECRET = 'fuzz-secret-fuzz-secret-fuzz-secret-00';
const MAX_FRAME = 65_536;

type Bad =
  | { kind: 'bytes'; relay: number; frames: Uint8Array[] }
  | { kind: 'oversize'; relay: number }
  | { kind: 'text'; relay: number }
  | { kind: 'token'; relay: number; token: 'none' | 'garbage' | 'other-room' | 'expired' | 'read-only-edit' }
  | { kind: 'flood'; relay: number; address: number };

/** How each kind of bad client must end (random bytes may happen to be harmless, or malformed). */
const EXPECTED: Record<string, string[]> = {
  bytes: ['open', 'close 4400'],
  oversize: ['close 1009'],
  text: ['close 4400'],
  none: ['http 401'],
  garbage: ['http 401'],
  'other-room': ['http 403'],
  expired: ['http 401'],
  'read-only-edit': ['close 4403'],
  // the rate limit closes a flood it reads; while the room is busy its socket is paused (backpressure),
  // so a flood read slowly can stay within the rate (a flood read at full speed is checked on its own)
  flood: ['close 4429', 'open'],
};

/** A read-only client's edit: client 200's first item in the root type "k". It must never be stored. */
const READ_ONLY_EDIT = Uint8Array.of(0, 2, 12, 1, 1, 200, 1, 0, 4, 1, 1, 107, 1, 49, 0);
const READ_ONLY_CLIENT = 200;

/** `n` sync messages, each a real update of its own (a flooding client's traffic). */
function floodMessages(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, u);
    out.push(encoding.toUint8Array(e));
  });
  for (let i = 0; i < n; i++) doc.getMap('flood').set(`k${i % 50}`, i);
  doc.destroy();
  return out;
}

const badArb: fc.Arbitrary<Bad> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes' as const), relay: fc.integer({ min: 0, max: 1 }), frames: fc.array(fc.uint8Array({ minLength: 0, maxLength: 48 }), { minLength: 1, maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oversize' as const), relay: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), relay: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('token' as const), relay: fc.integer({ min: 0, max: 1 }), token: fc.constantFrom('none' as const, 'garbage' as const, 'other-room' as const, 'expired' as const, 'read-only-edit' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flood' as const), relay: fc.integer({ min: 0, max: 1 }), address: fc.integer({ min: 1, max: 250 }) }) },
);

/** Opens a raw socket and resolves with how it ended: an HTTP refusal, a close code, or 'open' after a while. */
function misbehave(url: string, act: (ws: WebSocket) => void, options: { headers?: Record<string, string>; openAfterMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options.headers ? { headers: options.headers } : undefined);
    const timer = setTimeout(() => (ws.terminate(), resolve('open')), options.openAfterMs ?? 400);
    ws.once('unexpected-response', (_req, res) => (clearTimeout(timer), res.resume(), resolve(`http ${res.statusCode}`)));
    ws.once('error', () => {});
    ws.once('open', () => act(ws));
    ws.once('close', (code) => (clearTimeout(timer), resolve(`close ${code}`)));
  });
}

/**
 * The relay fuzzed with auth on and across two relays on Redis: malformed, oversize, text, badly
 * authenticated and read-only-but-writing clients, mixed with two honest peers on different relays.
 * Whatever the bad clients do, each is refused or closed with a documented code (or ignored), the
 * relays stay up, and the honest peers converge with every edit.
 */
describe('relay fuzz with auth, across relays (real processes, real redis-server)', () => {
  const redis = redisForSuite();
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    // each flooder poses as its own address through a trusted balancer, so its penalty (429 for 10 s)
    // holds back only itself, not the honest peers and the other bad clients on 127.0.0.1
    const args = ['--redis', redis.url, '--auth-secret', SECRET, '--max-frame-bytes', String(MAX_FRAME), '--trust-proxy', '127.0.0.1'];
    relays = [await startRelay({ args }), await startRelay({ args })];
  });
  afterAll(async () => {
    for (const r of relays) {
      await r.stop('SIGKILL');
      removeDir(r.dataDir);
    }
  });

  it('bad clients never hurt honest ones', async () => {
    let run = 0;
    // a flood the relay reads at full speed is closed by the rate limit, on either relay
    const rwFlood = await mintToken({ room: 'flood-check', secret: SECRET, ttlSeconds: 60, scope: 'rw' });
    for (const [i, r] of relays.entries()) {
      const messages = floodMessages(1500);
      expect(await misbehave(`${r.url}/flood-check?token=${rwFlood}`, (ws) => messages.forEach((m) => ws.send(m)), { headers: { 'x-forwarded-for': `10.78.0.${i + 1}` }, openAfterMs: 5000 })).toBe('close 4429');
    }
    await fc.assert(
      fc.asyncProperty(fc.array(badArb, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 12 }), async (bads, edits) => {
        const room = `fuzz-${run++}`;
        const token = async (scope: 'rw' | 'r' = 'rw', roomClaim = room, now?: number) => mintToken({ room: roomClaim, secret: SECRET, ttlSeconds: 60, scope, now });
        const rw = await token();
        const peers = [0, 1].map((i) => appClient(`${relays[i].url}/?token=${rw}`, room));
        try {
          const outcomes: string[] = [];
          let serial = 0;
          for (let i = 0; i < Math.max(bads.length, edits.length); i++) {
            if (edits[i] !== undefined) peers[edits[i]].doc.getArray('log').push([`e${serial++}`]);
            const bad = bads[i];
            if (!bad) continue;
            const base = `${relays[bad.relay].url}/${room}`;
            if (bad.kind === 'bytes') outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => bad.frames.forEach((f) => ws.send(f))));
            else if (bad.kind === 'oversize') outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => ws.send(new Uint8Array(MAX_FRAME + 1)), { openAfterMs: 5000 }));
            else if (bad.kind === 'text') outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => ws.send('hello'), { openAfterMs: 5000 }));
            else if (bad.kind === 'flood') {
              const messages = floodMessages(1500); // three times the burst the rate limit allows
              outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => messages.forEach((m) => ws.send(m)), { headers: { 'x-forwarded-for': `10.77.${run % 250}.${bad.address}` }, openAfterMs: 1000 }));
            } else {
              const t = { none: '', garbage: '?token=x.y.z', 'other-room': `?token=${await token('rw', `${room}-other`)}`, expired: `?token=${await token('rw', room, Math.floor(Date.now() / 1000) - 600)}`, 'read-only-edit': `?token=${await token('r')}` }[bad.token];
              outcomes.push(
                await misbehave(
                  `${base}${t}`,
                  (ws) => {
                    // a live update (sync type 2) that would change the document
                    ws.send(READ_ONLY_EDIT);
                  },
                  { openAfterMs: 5000 }, // each of these must be refused or closed: give a busy relay time
                ),
              );
            }
          }
          const kinds = bads.map((b) => (b.kind === 'token' ? b.token : b.kind));
          outcomes.forEach((o, i) => expect(EXPECTED[kinds[i]], `${kinds[i]} ended with ${o}`).toContain(o));
          await Promise.all(peers.map((p) => p.conn.whenConfirmed()));
          const logs = () => peers.map((p) => JSON.stringify(p.doc.getArray('log').toJSON())).join(' and ');
          await until(() => peers[0].doc.getArray('log').length === serial && peers[1].doc.getArray('log').length === serial, 15_000, 'honest peers to converge').catch((e: Error) => {
            throw new Error(`${e.message}: ${logs()} (${serial} edits; bad clients: ${outcomes.join(', ')})`);
          });
          expect(peers[0].doc.getArray('log').toJSON()).toEqual(peers[1].doc.getArray('log').toJSON());
          // nothing a refused client sent was stored: a newcomer on either relay has no trace of the read-only edit
          const newcomer = appClient(`${relays[run % 2].url}/?token=${rw}`, room);
          try {
            await until(() => newcomer.doc.getArray('log').length === serial, 15_000, 'a newcomer to load the room');
            expect(newcomer.doc.store.clients.has(READ_ONLY_CLIENT)).toBe(false);
          } finally {
            newcomer.destroy();
          }
          for (const r of relays) expect(r.child.exitCode).toBeNull();
        } finally {
          peers.forEach((p) => p.destroy());
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
    for (const r of relays) expect((await fetch(`http://127.0.0.1:${r.port}/healthz`)).status).toBe(200);
  }, 300_000);
});
