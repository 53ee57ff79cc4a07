import type { IncomingMessage } from 'node:http';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintToken, renewToken, roomMatches, tokenAuth, tokenFromUrl } from './auth';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const req = (url: string) => ({ url }) as IncomingMessage;

describe('room tokens', () => {
  it('matches an exact room or a prefix ending in *', () => {
    expect(roomMatches('ws-1', 'ws-1')).toBe(true);
    expect(roomMatches('ws-1', 'ws-12')).toBe(false);
    expect(roomMatches('ws-1/*', 'ws-1/network')).toBe(true);
    expect(roomMatches('ws-1/*', 'ws-2/network')).toBe(false);
    expect(roomMatches('*', 'anything')).toBe(true);
  });

  it('reads the token from the query string only', () => {
    expect(tokenFromUrl('/room?token=abc&x=1')).toBe('abc');
    expect(tokenFromUrl('/room')).toBeNull();
  });

  it('grants the scope of a valid token, and refuses missing, bad, expired (401) and other-room (403) tokens', async () => {
    const auth = tokenAuth(SECRET);
    const rw = await mintToken({ room: 'team/*', secret: SECRET, ttlSeconds: 60, scope: 'rw' });
    const r = await mintToken({ room: 'team/a', secret: SECRET, ttlSeconds: 60, scope: 'r' });
    expect(await auth(req(`/team/a?token=${rw}`), 'team/a')).toEqual({ ok: true, scope: 'rw' });
    expect(await auth(req(`/team/a?token=${r}`), 'team/a')).toEqual({ ok: true, scope: 'r' });
    expect(await auth(req(`/team/b?token=${r}`), 'team/b')).toMatchObject({ ok: false, status: 403 });
    expect(await auth(req('/team/a'), 'team/a')).toMatchObject({ ok: false, status: 401, reason: 'missing token' });
    expect(await auth(req('/team/a?token=garbage'), 'team/a')).toMatchObject({ ok: false, status: 401 });
    const old = await mintToken({ room: 'team/a', secret: SECRET, ttlSeconds: 60, scope: 'rw', now: Math.floor(Date.now() / 1000) - 3600 });
    expect(await auth(req(`/team/a?token=${old}`), 'team/a')).toMatchObject({ ok: false, status: 401, reason: 'expired token' });
    const otherKey = await mintToken({ room: 'team/a', secret: 'another-secret-of-enough-length-xxxxxxxx', ttlSeconds: 60, scope: 'rw' });
    expect(await auth(req(`/team/a?token=${otherKey}`), 'team/a')).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses unsigned tokens, tokens without exp, and unknown scopes', async () => {
    const auth = tokenAuth(SECRET);
    const none = new UnsecuredJWT({ room: 'a', scope: 'rw' }).setExpirationTime('1h').encode();
    expect(await auth(req(`/a?token=${none}`), 'a')).toMatchObject({ ok: false, status: 401 });
    const key = new TextEncoder().encode(SECRET);
    const noExp = await new SignJWT({ room: 'a', scope: 'rw' }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await auth(req(`/a?token=${noExp}`), 'a')).toMatchObject({ ok: false, status: 401 });
    const admin = await new SignJWT({ room: 'a', scope: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
    expect(await auth(req(`/a?token=${admin}`), 'a')).toMatchObject({ ok: false, status: 401, reason: 'invalid token claims' });
  });

  it('renews a renewable token: same room, scope and subject, the same lifetime, never past its renew-until', async () => {
    const secret = 'renew-secret-renew-secret-renew-secret-00';
    const t0 = 1_800_000_000;
    const token = await mintToken({ room: 'team.*', secret, ttlSeconds: 600, scope: 'r', subject: 'p-1', now: t0, renewableUntil: t0 + 1000 });
    const first = await renewToken(secret, token, t0 + 300);
    expect(first).toMatchObject({ ok: true, expiresAt: t0 + 900 });
    const claims = decodeJwt((first as { token: string }).token);
    expect(claims).toMatchObject({ room: 'team.*', scope: 'r', sub: 'p-1', iat: t0 + 300, exp: t0 + 900, ren: t0 + 1000 });
    // the next renewal stops at renew-until, and after that there is none
    expect(await renewToken(secret, (first as { token: string }).token, t0 + 800)).toMatchObject({ ok: true, expiresAt: t0 + 1000 });
    expect(await renewToken(secret, (first as { token: string }).token, t0 + 1000)).toMatchObject({ ok: false, code: 4401 }); // expired by then
    expect(await renewToken(secret, await mintToken({ room: 'r', secret, ttlSeconds: 600, scope: 'rw', now: t0, renewableUntil: t0 + 10 }), t0 + 10)).toMatchObject({ ok: false, code: 4403, reason: expect.stringContaining('could be renewed until') });
  });

  it('refuses to renew a token without renew-until, an expired one, a forged one', async () => {
    const secret = 'renew-secret-renew-secret-renew-secret-00';
    const t0 = 1_800_000_000;
    expect(await renewToken(secret, await mintToken({ room: 'r', secret, ttlSeconds: 600, scope: 'rw', now: t0 }), t0)).toEqual({ ok: false, code: 4403, reason: 'this token is not renewable: ask for a new one' });
    expect(await renewToken(secret, await mintToken({ room: 'r', secret, ttlSeconds: 60, scope: 'rw', now: t0, renewableUntil: t0 + 999 }), t0 + 61)).toEqual({ ok: false, code: 4401, reason: 'the token has expired: ask for a new one' });
    expect(await renewToken(secret, await mintToken({ room: 'r', secret: `${secret}-other`, ttlSeconds: 60, scope: 'rw', now: t0, renewableUntil: t0 + 999 }), t0)).toEqual({ ok: false, code: 4401, reason: 'not a token of this relay' });
    expect(await renewToken(secret, 'x.y.z', t0)).toMatchObject({ ok: false, code: 4401 });
  });
});

