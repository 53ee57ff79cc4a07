import type { IncomingMessage } from 'node:http';

/**
 * What the relay needs to know about access, without the token code (auth.ts, which loads jose):
 * an open relay never loads it.
 */

/** What a connection may do in its room: read and write, or only read. */
export type Scope = 'rw' | 'r';

/** The outcome of authenticating an upgrade: a scope, or the HTTP status to refuse it with. */
export type AuthResult = { ok: true; scope: Scope; subject?: string } | { ok: false; status: 401 | 403; reason: string };

/** Decides, before any document is loaded, whether a request may join a room and with what scope. */
export type Authenticate = (request: IncomingMessage, room: string) => Promise<AuthResult>;

/** No secret: every connection may read and write (the relay says so loudly at start). */
export const openAccess: Authenticate = async () => ({ ok: true, scope: 'rw' });
