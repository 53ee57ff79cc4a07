/**
 * What the relay and the app agree on besides y-websocket's own messages (sync-server/PROTOCOL.md):
 * the close codes the relay refuses with, and the path where it says why it refuses an address.
 * Pure data, read by both sides, so neither can drift from the other.
 */

/** Close codes the relay uses besides the standard ones. */
export const CLOSE = {
  /** A malformed or unknown message: only this connection is closed. */
  badMessage: 4400,
  /** The auth hook refused the connection. */
  unauthorized: 4401,
  /** A read-only connection sent an update that would change the document; nothing was changed. */
  readOnly: 4403,
  /** An update would take the room over its size limit; it was not stored. Final. */
  docTooLarge: 4413,
  /** The connection sent more messages or bytes per second than allowed. Final for y-websocket. */
  rateLimited: 4429,
  /** Storage failed: the room cannot accept updates safely. */
  storageFailure: 4500,
  /** The process holds as many rooms as it may; try again later. */
  tooManyRooms: 4503,
  /** The connection read too slowly: too much was queued for it. It resyncs when it reconnects. */
  slowReader: 4508,
  goingAway: 1001,
} as const;

/**
 * The upgrade path where the relay tells why it refuses this address (a browser cannot see the HTTP
 * status of a refused upgrade). `~` is never in a room name, so no room is shadowed.
 */
export const ACCESS_CHECK_PATH = '/~access-check';

/**
 * The upgrade path where a relay with a secret renews a room token: the client sends its token as
 * the first (text) message, and gets back `{"token","expiresAt"}` (expiresAt in ms since the epoch),
 * or a close with 4401 (not a valid token) or 4403 (not renewable, or no longer) and the reason. A
 * websocket, because the app's pages may connect only to `ws:`/`wss:` elsewhere (their CSP).
 */
export const RENEW_PATH = '/~renew';
