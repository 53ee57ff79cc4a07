import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { openAccess, type Authenticate, type Scope } from './auth';
import type { RoomPersistence } from './persistence';
import { Room } from './room';
import { roomFromUrl } from './roomName';
import { CLOSE, type RoomSocket } from './socket';

export interface RelayHandlerOptions {
  persistence: RoomPersistence;
  logger: Logger;
  /** Decides each upgrade before any document loads: a scope, or 401/403. Default: open, read-write. */
  authenticate?: Authenticate;
  /** Frames larger than this close the connection with 1009. Default 5 MiB. */
  maxFrameBytes?: number;
  /** Unload a room this long after its last connection leaves. Default 30 s. */
  idleUnloadMs?: number;
  /** Keep-alive ping interval; a connection that misses a pong is dropped. Default 30 s. */
  pingIntervalMs?: number;
}

/**
 * The relay without a server of its own: a host (the relay's own HTTP server, or the workshop
 * host that also serves the web app on the same port) feeds it upgrades and requests.
 */
export interface RelayHandler {
  /** Takes a websocket upgrade for `/<room>`: refuses it with an HTTP status, or joins the room. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Answers the relay's own HTTP paths (`/healthz`); returns false, untouched, for any other. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  /** Stops accepting, closes every socket with 1001, waits for storage, closes storage. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Refuses an upgrade with a plain HTTP response (the socket never becomes a websocket). */
function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy());
}

export function createRelayHandler(options: RelayHandlerOptions): RelayHandler {
  const { persistence, logger: log } = options;
  const authenticate = options.authenticate ?? openAccess;
  const maxFrameBytes = options.maxFrameBytes ?? 5 * 1024 * 1024;
  const idleUnloadMs = options.idleUnloadMs ?? 30_000;
  const rooms = new Map<string, Promise<Room>>();
  const sockets = new Set<WebSocket>();
  const started = Date.now();
  let nextId = 0;
  let closing = false;

  const getRoom = (name: string): Promise<Room> => {
    let room = rooms.get(name);
    if (!room) {
      room = Room.load(name, persistence, log, idleUnloadMs, (idle) => {
        if (rooms.get(name) !== room) return;
        rooms.delete(name);
        idle.unload().then(
          () => log.info({ room: name }, 'room unloaded'),
          (err) => log.error({ err, room: name }, 'room unload failed'),
        );
      });
      room.catch(() => rooms.delete(name));
      rooms.set(name, room);
    }
    return room;
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // a client that goes away while we decide must not crash the process
    socket.on('error', () => socket.destroy());
    const ip = req.socket.remoteAddress ?? 'unknown';
    const refuse = (status: number, reason: string, room?: string) => {
      log.info({ room, ip, status, reason }, 'upgrade refused');
      refuseUpgrade(socket, status, reason);
    };
    if (closing) return refuse(503, 'the relay is shutting down');
    const room = roomFromUrl(req.url);
    if (!room) return refuse(400, 'bad room name');
    authenticate(req, room).then(
      (auth) => {
        if (!auth.ok) return refuse(auth.status, auth.reason, room);
        if (closing) return refuse(503, 'the relay is shutting down', room);
        wss.handleUpgrade(req, socket, head, (ws) => connect(ws, room, auth.scope, ip));
      },
      (err) => {
        log.error({ err, room }, 'authentication failed');
        refuse(500, 'authentication failed', room);
      },
    );
  };

  const connect = (ws: WebSocket, roomName: string, scope: Scope, ip: string) => {
    sockets.add(ws);
    ws.binaryType = 'nodebuffer';
    const id = `c${++nextId}`;
    log.info({ room: roomName, conn: id, scope, ip }, 'connected');
    const adapter: RoomSocket = {
      id,
      scope,
      isOpen: () => ws.readyState === ws.OPEN,
      send: (data) => ws.send(data),
      close: (code, reason) => ws.close(code, reason),
    };
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, options.pingIntervalMs ?? 30_000);
    const roomReady = getRoom(roomName).then((room) => {
      room.handleConnect(adapter);
      return room;
    });
    roomReady.catch((err) => {
      log.error({ err, room: roomName, conn: id }, 'room failed to load');
      ws.close(CLOSE.storageFailure, 'the relay could not load this room');
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        ws.close(CLOSE.badMessage, 'text frames are not part of the protocol');
        return;
      }
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      roomReady.then((room) => room.handleMessage(adapter, bytes)).catch(() => {});
    });
    ws.on('close', (code) => {
      clearInterval(ping);
      sockets.delete(ws);
      log.info({ room: roomName, conn: id, code }, 'disconnected');
      roomReady.then((room) => room.handleClose(adapter)).catch(() => {});
    });
    ws.on('error', (err) => log.warn({ err: err.message, room: roomName, conn: id }, 'socket error'));
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz') return false;
    res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 200 : 405, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: !closing, rooms: rooms.size, connections: sockets.size, uptime: (Date.now() - started) / 1000 }));
    return true;
  };

  return {
    handleUpgrade,
    handleRequest,
    async close() {
      closing = true;
      for (const ws of sockets) ws.close(CLOSE.goingAway, 'relay shutting down');
      const loaded = await Promise.allSettled(rooms.values());
      for (const r of loaded) if (r.status === 'fulfilled') await r.value.drained();
      await Promise.all(loaded.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)));
      rooms.clear();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await persistence.close();
    },
    stats: () => ({ rooms: rooms.size, connections: sockets.size }),
  };
}
