import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Scope } from './access';
import type { RelayLimits } from './limits';
import type { Traffic } from './metrics';
import type { Room } from './room';
import { monotonicMs } from './clock';
import { binaryFrame, frameSender } from './frame';
import { CLOSE, type RoomSocket } from './socket';
import { Allowance, type Rates } from './tokenBucket';

/**
 * What every connection of one relay shares. A connection holds one reference to it rather than
 * a dozen closures of its own: with thousands of connections, that is most of the relay's memory
 * per connection beyond the socket itself.
 */
export interface ConnectionContext {
  readonly log: Logger;
  readonly limits: RelayLimits;
  /** What each connection may send per second (limits.ts connectionRates). */
  readonly rates: Rates;
  readonly traffic: Traffic;
  countClose(code: number): void;
  /** Refuses upgrades from this IP for a while (after a rate-limit close). */
  penalise(ip: string): void;
}

/** Which room failed to load because the process holds as many as it may. */
export class TooManyRooms extends Error {}

/**
 * One websocket connection in one room: the RoomSocket the room sends through, the limits on what
 * it receives, and what a host sees of it (the workshop controls). Its socket's events are routed
 * to it by the relay handler, with listeners shared by all connections.
 */
export class Connection implements RoomSocket {
  /** Cleared by each keep-alive sweep, set by a pong; a connection still clear at the next sweep is dropped. */
  alive = true;
  private limited = false;
  private pending = 0;
  private killTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Room | null = null;
  private readonly roomReady: Promise<Room>;
  private readonly allowance: Allowance;
  /** Writes frames built once per message (frame.ts); null: ws.send frames each. */
  private readonly frames: ReturnType<typeof frameSender>;

  constructor(
    readonly ws: WebSocket,
    readonly id: string,
    /** The room's name. */
    readonly room: string,
    public scope: Scope,
    readonly ip: string,
    /** The token's `sub`, when it has one. */
    readonly subject: string | undefined,
    private readonly ctx: ConnectionContext,
    roomReady: Promise<Room>,
  ) {
    const { limits } = ctx;
    this.allowance = new Allowance(ctx.rates);
    this.roomReady = roomReady;
    this.frames = frameSender(ws);
    roomReady.then(
      (r) => {
        this.loaded = r;
        r.handleConnect(this);
      },
      (err) => {
        if (err instanceof TooManyRooms) {
          ctx.log.warn({ room, conn: id, maxRooms: limits.maxRooms }, 'room limit: refusing to load another room');
          this.close(CLOSE.tooManyRooms, `the relay holds its maximum of ${limits.maxRooms} rooms: try again later`);
        } else {
          ctx.log.error({ err, room, conn: id }, 'room failed to load');
          this.close(CLOSE.storageFailure, 'the relay could not load this room');
        }
      },
    );
  }

  isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(data: Uint8Array): void {
    const { ws, ctx } = this;
    // a reader that does not keep up must not make the relay hold ever more for it
    if (ws.bufferedAmount + data.byteLength > ctx.limits.maxBufferedBytes) {
      ctx.log.warn({ room: this.room, conn: this.id, buffered: ws.bufferedAmount, maxBufferedBytes: ctx.limits.maxBufferedBytes }, 'slow reader: closing it');
      this.close(CLOSE.slowReader, 'too slow: reconnect to resync');
      return;
    }
    ctx.traffic.messagesOut++;
    ctx.traffic.bytesOut += data.byteLength;
    // a room sends one message to each of its connections: framed once, written to each
    if (this.frames && ws.readyState === ws.OPEN) this.frames.sendFrame(binaryFrame(data));
    else ws.send(data);
  }

  /** Closes with a code; a peer that does not answer the close handshake is cut off soon after. */
  close(code: number, reason: string): void {
    const { ws } = this;
    if (ws.readyState === ws.OPEN) this.ctx.countClose(code);
    ws.close(code, reason);
    if (this.killTimer === undefined) {
      this.killTimer = setTimeout(() => ws.terminate(), 2000);
      this.killTimer.unref?.();
    }
  }

  /** Changes what the connection may do from its next message on (a workshop lock). */
  setScope(scope: Scope): void {
    this.scope = scope;
  }

  /** A frame from the client: counted, rate-limited, then queued in its room. */
  receive(data: Buffer, isBinary: boolean): void {
    const receivedAt = monotonicMs();
    const { ctx, ws } = this;
    ctx.traffic.messagesIn++;
    ctx.traffic.bytesIn += data.byteLength;
    if (this.limited) return;
    if (!isBinary) {
      this.limited = true;
      this.close(CLOSE.badMessage, 'text frames are not part of the protocol');
      return;
    }
    if (!this.allowance.take(data.byteLength)) {
      this.limited = true;
      ctx.penalise(this.ip);
      ctx.log.warn({ room: this.room, conn: this.id, ip: this.ip, messagesPerSecond: ctx.limits.messagesPerSecond, bytesPerSecond: ctx.limits.bytesPerSecond }, 'rate limit: closing the connection');
      this.close(CLOSE.rateLimited, 'rate limit exceeded');
      ws.pause(); // read no more of what it floods us with; it is cut off if it does not close
      return;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // backpressure: stop reading a connection whose messages pile up in its room's inbox
    if (++this.pending >= ctx.limits.maxPendingMessages && !ws.isPaused) ws.pause();
    // before the room has loaded, messages wait behind its handleConnect (promise reactions run in order)
    const handled = this.loaded ? this.loaded.handleMessage(this, bytes, receivedAt) : this.roomReady.then((r) => r.handleMessage(this, bytes, receivedAt));
    handled.then(
      () => this.settled(),
      () => this.settled(),
    );
  }

  private settled() {
    if (--this.pending <= this.ctx.limits.maxPendingMessages / 2 && this.ws.isPaused) this.ws.resume();
  }

  /** The socket has closed: leave the room. */
  closed(): void {
    clearTimeout(this.killTimer);
    if (this.loaded) this.loaded.handleClose(this);
    else this.roomReady.then((r) => r.handleClose(this)).catch(() => {});
  }
}
