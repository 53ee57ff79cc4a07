/**
 * What a room needs from a connection. The `ws` adapter implements it; tests can pass a fake.
 * Rooms never touch a WebSocket directly (after tldraw's TLSyncRoom).
 */
export interface RoomSocket {
  readonly id: string;
  /** What the connection's token allows: `r` connections may not change the document. */
  readonly scope: 'rw' | 'r';
  isOpen(): boolean;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Close codes the relay uses besides the standard ones. */
export const CLOSE = {
  /** A malformed or unknown message: only this connection is closed. */
  badMessage: 4400,
  /** The auth hook refused the connection. */
  unauthorized: 4401,
  /** A read-only connection sent an update that would change the document; nothing was changed. */
  readOnly: 4403,
  /** Storage failed: the room cannot accept updates safely. */
  storageFailure: 4500,
  goingAway: 1001,
} as const;
