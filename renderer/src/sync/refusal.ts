/**
 * Why a relay refused us, in words, when we can know it. A browser sees a refused upgrade (HTTP
 * 401/403/429) only as close code 1006, so those are read from the token itself where possible
 * (expired, or for another room); refusals after the upgrade come as close codes (shared/sync/relayProtocol.ts).
 */
import { CLOSE } from '../../../shared/sync/relayProtocol';

const BY_CODE: Record<number, string> = {
  [CLOSE.unauthorized]: 'the relay no longer accepts this access token (you may have been removed)',
  [CLOSE.readOnly]: 'your access is read-only here, so the relay did not store your change',
  [CLOSE.rateLimited]: 'you sent changes faster than the relay allows; it will take them again shortly',
  [CLOSE.docTooLarge]: 'this document reached the size the relay allows',
};

export function refusalForClose(code: number): string | null {
  return BY_CODE[code] ?? null;
}

export function claims(token: string): { exp?: number; iat?: number; room?: string; scope?: string; ren?: number } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** A room name against a token's `room` claim: exact, or a prefix ending in `*` (DESIGN.md §3). */
const roomMatches = (claim: string, room: string) => (claim.endsWith('*') ? room.startsWith(claim.slice(0, -1)) : claim === room);

/** What is wrong with `token` for `room` at `nowMs`, readable without the relay's secret; null if nothing visible. */
export function tokenProblem(token: string, room: string, nowMs: number): string | null {
  const c = claims(token);
  if (!c) return 'the access token is not readable (it may be cut short): ask for a new link';
  if (typeof c.exp === 'number' && c.exp * 1000 <= nowMs) return `the access token expired at ${new Date(c.exp * 1000).toLocaleString()}: ask for a new link`;
  if (typeof c.room === 'string' && !roomMatches(c.room, room)) return `the access token is for "${c.room}", not this workspace`;
  return null;
}

/** When a token stops working (ms since epoch), or null if it does not say. */
export function tokenExpiry(token: string): number | null {
  const exp = claims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

/** When a token was issued (ms since epoch), or null if it does not say. */
export function tokenIssuedAt(token: string): number | null {
  const iat = claims(token)?.iat;
  return typeof iat === 'number' ? iat * 1000 : null;
}

/** Until when (ms since epoch) the relay itself renews this token (its `ren` claim), or null if it never does. */
export function tokenRenewableUntil(token: string): number | null {
  const ren = claims(token)?.ren;
  return typeof ren === 'number' ? ren * 1000 : null;
}
