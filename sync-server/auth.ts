import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import type { Authenticate, Scope } from './access';

export { openAccess, type AuthResult, type Authenticate, type Scope } from './access';

// zod/mini: the same checks, a fraction of the memory once bundled (the relay loads this only with a secret)
const ClaimsSchema = z.object({
  room: z.string().check(z.minLength(1), z.maxLength(256)),
  scope: z.enum(['rw', 'r']),
  exp: z.number(),
  sub: z.optional(z.string().check(z.maxLength(200))),
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
}

/** Makes a room token (HS256, claims room, scope, iat, exp). */
export async function mintToken({ room, secret, ttlSeconds, scope, now = Math.floor(Date.now() / 1000), subject }: MintOptions): Promise<string> {
  if (!secret) throw new Error('an auth secret must not be empty');
  const jwt = new SignJWT({ room, scope }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  if (subject) jwt.setSubject(subject);
  return jwt
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyOf(secret));
}
