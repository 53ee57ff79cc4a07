import * as wsModule from 'ws';
import type { WebSocket } from 'ws';

/** ws's frame builder (exported by ws, untyped in @types/ws). */
interface SenderClass {
  frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[];
}
/** The part of a ws socket's sender that writes a built frame. */
interface SenderInternals {
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}

const { Sender } = wsModule as unknown as { Sender: SenderClass };
const BINARY = 0x2;
/** Up to this size, a frame's header and payload are one buffer (one write instead of a corked pair). */
const JOIN_UP_TO = 16 * 1024;

/** The frames of messages being sent, by message: a room's broadcast to 1,000 connections frames it once. */
const frames = new WeakMap<Uint8Array, Buffer[]>();

/** An unmasked, final binary frame of `data` (a server's frame), built once per message. */
export function binaryFrame(data: Uint8Array): Buffer[] {
  let frame = frames.get(data);
  if (!frame) {
    const payload = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    frame = Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: false, rsv1: false });
    if (frame.length === 2 && data.byteLength <= JOIN_UP_TO) frame = [Buffer.concat(frame)];
    frames.set(data, frame);
  }
  return frame;
}

/**
 * A sender that takes built frames, or null when `ws.send` must frame each message itself. Built
 * frames are a server's, unmasked and uncompressed: a client socket, or a connection that
 * negotiated an extension (the relay enables none), frames its own. ws's sender queues only while it compresses or reads a Blob, so
 * with no extension and only buffers sent, a built frame goes out in order with everything else
 * (how engine.io sends its pre-encoded broadcasts: ws issue 617).
 */
export function frameSender(ws: WebSocket): SenderInternals | null {
  const { _sender: sender, _isServer: isServer } = ws as unknown as { _sender?: Partial<SenderInternals>; _isServer?: boolean };
  // a client's frames must be masked: only a server's socket takes these
  if (typeof sender?.sendFrame !== 'function' || isServer !== true || ws.extensions !== '') return null;
  return sender as SenderInternals;
}
