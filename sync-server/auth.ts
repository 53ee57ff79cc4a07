import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import type { Authenticate, Renewal, Scope } from './access';

export { openAccess, type AuthResult, type Authenticate, type Scope } from './access';

// zod/mini: the same checks, a fraction of the memory once bundled (the relay loads this only with a secret)
const ClaimsSchema = z.object({
  room: z.string().check(z.minLength(1), z.maxLength(256)),
  scope: z.enum(['rw', 'r']),
  exp: z.number(),
  sub: z.optional(z.string().check(z.maxLength(200))),
  iat: z.optional(z.number()),
  /** Renewable until (seconds since the epoch): the relay gives a fresh token for it until then (renewToken). */
  ren: z.optional(z.number()),
});

/** A token's `room` claim is an exact room name, or a prefix ending in `*`. */
export function roomMatches(claim: string, room: string): boolean {
  return claim.endsWith('*') ? room.startsWith(claim.slice(0, -1)) : claim === room;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** The token from `?token=` (the y-websocket client's `params`), never logged. */
export function tokenFromUrl(url: string | undefined): string | null {
  const q = url?.indexOf('?') ?? -1;
  if (!url || q < 0) return null;
  return new URLSearchParams(url.slice(q + 1)).get('token');
}

/**
 * HS256 room tokens (jose). Missing, invalid or expired: 401. Valid for another room: 403.
 * Only HS256 is accepted, so an `alg: none` or asymmetric token is invalid.
 */
export function tokenAuth(secret: string): Authenticate {
  if (!secret) throw new Error('an auth secret must not be empty');
  const key = keyOf(secret);
  return async (request, room) => {
    const token = tokenFromUrl(request.url);
    if (!token) return { ok: false, status: 401, reason: 'missing token' };
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'] }));
    } catch (e) {
      return { ok: false, status: 401, reason: e instanceof errors.JWTExpired ? 'expired token' : 'invalid token' };
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, status: 401, reason: 'invalid token claims' };
    if (!roomMatches(claims.data.room, room)) return { ok: false, status: 403, reason: 'token is for another room' };
    return { ok: true, scope: claims.data.scope, ...(claims.data.sub ? { subject: claims.data.sub } : {}) };
  };
}

export interface MintOptions {
  room: string;
  secret: string;
  /** Seconds until it expires. */
  ttlSeconds: number;
  scope: Scope;
  /** For tests: the issue time in seconds since the epoch. */
  now?: number;
  /** Who the token is for (the `sub` claim), e.g. a workshop participant id. */
  subject?: string;
  /** Until when (seconds since the epoch) the relay may renew it (the `ren` claim); absent: never. */
  renewableUntil?: number;
}

/** Makes a room token (HS256, claims room, scope, iat, exp). */
export async function mintToken({ room, secret, ttlSeconds, scope, now = Math.floor(Date.now() / 1000), subject, renewableUntil }: MintOptions): Promise<string> {
  if (!secret) throw new Error('an auth secret must not be empty');
  const jwt = new SignJWT({ room, scope, ...(renewableUntil !== undefined ? { ren: renewableUntil } : {}) }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  if (subject) jwt.setSubject(subject);
  return jwt
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyOf(secret));
}

/**
 * A fresh token for the holder of a valid one (the relay's RENEW_PATH): same room, scope and
 * subject, the same lifetime, but never past its `ren` claim, which the person who minted it chose
 * (`archipelago token --renewable-for`). A token without `ren` is not renewable; an expired, forged
 * or tampered one is refused (4401), as is one past its `ren` (4403). `now` in seconds.
 */
export async function renewToken(secret: string, token: string, now = Math.floor(Date.now() / 1000)): Promise<Renewal> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], requiredClaims: ['exp'], currentDate: new Date(now * 1000) }));
  } catch (e) {
    return { ok: false, code: 4401, reason: e instanceof errors.JWTExpired ? 'the token has expired: ask for a new one' : 'not a token of this relay' };
  }
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: 4401, reason: 'not a token of this relay' };
  const { room, scope, sub, exp, iat, ren } = parsed.data;
  if (ren === undefined) return { ok: false, code: 4403, reason: 'this token is not renewable: ask for a new one' };
  const lifetime = Math.max(1, exp - (iat ?? exp - 3600));
  const expiresAt = Math.min(now + lifetime, ren);
  if (expiresAt <= now + 1) return { ok: false, code: 4403, reason: `this token could be renewed until ${new Date(ren * 1000).toISOString()}: ask for a new one` };
  return { ok: true, expiresAt, token: await mintToken({ room, secret, scope, subject: sub, now, ttlSeconds: expiresAt - now, renewableUntil: ren }) };
}

