import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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
  | { kind: 'token'; relay: number; token: 'none' | 'garbage' | 'other-room' | 'expired' | 'read-only-edit' };

const badArb: fc.Arbitrary<Bad> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes' as const), relay: fc.integer({ min: 0, max: 1 }), frames: fc.array(fc.uint8Array({ minLength: 0, maxLength: 48 }), { minLength: 1, maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oversize' as const), relay: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), relay: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('token' as const), relay: fc.integer({ min: 0, max: 1 }), token: fc.constantFrom('none' as const, 'garbage' as const, 'other-room' as const, 'expired' as const, 'read-only-edit' as const) }) },
);

/** Opens a raw socket and resolves with how it ended: an HTTP refusal, a close code, or 'open' after a while. */
function misbehave(url: string, act: (ws: WebSocket) => void): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => (ws.terminate(), resolve('open')), 400);
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
    const args = ['--redis', redis.url, '--auth-secret', SECRET, '--max-frame-bytes', String(MAX_FRAME)];
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
            else if (bad.kind === 'oversize') outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => ws.send(new Uint8Array(MAX_FRAME + 1))));
            else if (bad.kind === 'text') outcomes.push(await misbehave(`${base}?token=${rw}`, (ws) => ws.send('hello')));
            else {
              const t = { none: '', garbage: '?token=x.y.z', 'other-room': `?token=${await token('rw', `${room}-other`)}`, expired: `?token=${await token('rw', room, Math.floor(Date.now() / 1000) - 600)}`, 'read-only-edit': `?token=${await token('r')}` }[bad.token];
              outcomes.push(
                await misbehave(`${base}${t}`, (ws) => {
                  // a live update (sync type 2) that would change the document
                  ws.send(Uint8Array.of(0, 2, 12, 1, 1, 200, 1, 0, 4, 1, 1, 107, 1, 49, 0));
                }),
              );
            }
          }
          for (const o of outcomes) expect(['open', 'http 401', 'http 403', 'close 4400', 'close 1009', 'close 4403']).toContain(o);
          await Promise.all(peers.map((p) => p.conn.whenConfirmed()));
          const logs = () => peers.map((p) => JSON.stringify(p.doc.getArray('log').toJSON())).join(' and ');
          await until(() => peers[0].doc.getArray('log').length === serial && peers[1].doc.getArray('log').length === serial, 15_000, 'honest peers to converge').catch((e: Error) => {
            throw new Error(`${e.message}: ${logs()} (${serial} edits; bad clients: ${outcomes.join(', ')})`);
          });
          expect(peers[0].doc.getArray('log').toJSON()).toEqual(peers[1].doc.getArray('log').toJSON());
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
