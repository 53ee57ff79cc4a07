import type { IncomingMessage } from 'node:http';
import { isLoopback } from './hostAddress';

/**
 * What the relay needs to know about access, without the token code (auth.ts, which loads jose):
 * an open relay never loads it.
 */

/** What a connection may do in its room: read and write, or only read. */
export type Scope = 'rw' | 'r';

/** The outcome of authenticating an upgrade: a scope, or the HTTP status to refuse it with. */
export type AuthResult = { ok: true; scope: Scope; subject?: string } | { ok: false; status: 401 | 403; reason: string };

/** A fresh room token for the holder of a valid, renewable one (auth.ts renewToken), or why not. */
export type Renewal = { ok: true; token: string; expiresAt: number } | { ok: false; code: 4401 | 4403; reason: string };

/** Decides, before any document is loaded, whether a request may join a room and with what scope. */
export type Authenticate = (request: IncomingMessage, room: string) => Promise<AuthResult>;

/** No secret: every connection may read and write (the relay says so loudly at start). */
export const openAccess: Authenticate = async () => ({ ok: true, scope: 'rw' });

/**
 * Whether a browser page from `origin` is this machine's own: the desktop app (a `file://` page), or
 * a page served from a loopback address (the web mode). A request with no Origin comes from no
 * browser page (a Node client, another relay, a test). `null` is not: any site can send it from a
 * sandboxed frame.
 */
export function isLocalOrigin(origin: string | undefined): boolean {
  if (origin === undefined || origin === 'file://') return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname);
  } catch {
    return false;
  }
}

/**
 * An open relay on a loopback address (no secret): any page in this machine's browser could reach
 * it, so a website the user visits could read and write every room. Only this machine's own pages
 * (isLocalOrigin) and non-browser clients are let in; sharing a relay needs `--auth-secret`.
 */
export const localOnlyAccess: Authenticate = async (request) => {
  const origin = request.headers.origin;
  if (isLocalOrigin(origin)) return { ok: true, scope: 'rw' };
  return { ok: false, status: 403, reason: `this open relay serves only this machine's pages, not ${String(origin).slice(0, 100)}; give it --auth-secret to share it` };
};
