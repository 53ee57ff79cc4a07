/**
 * What a room needs from a connection. The `ws` adapter implements it; tests can pass a fake.
 * Rooms never touch a WebSocket directly (after tldraw's TLSyncRoom).
 */
export interface RoomSocket {
  readonly id: string;
  /** What the connection may do: `r` connections may not change the document. A host may change it live (a workshop lock). */
  scope: 'rw' | 'r';
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
