/**
 * What a room needs from a connection. The `ws` adapter implements it; tests can pass a fake.
 * Rooms never touch a WebSocket directly (after tldraw's TLSyncRoom).
 */
export interface RoomSocket {
  readonly id: string;
  /** What the connection may do: `r` connections may not change the document. A host may change it live (a workshop lock). */
  scope: 'rw' | 'r';
  /** Whom the connection's token names, if anyone (presence.ts: who may take over a client id's presence). */
  readonly subject?: string;
  isOpen(): boolean;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export { CLOSE } from '../shared/sync/relayProtocol';
