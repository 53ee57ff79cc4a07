import type { IncomingMessage } from 'node:http';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintToken, roomMatches, tokenAuth, tokenFromUrl } from './auth';

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
});
