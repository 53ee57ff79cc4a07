import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RoomPersistence } from './persistence';
import { Room } from './room';
import { CLOSE, type RoomSocket } from './socket';

export interface RelayOptions {
  host: string;
  port: number;
  persistence: RoomPersistence;
  logger: Logger;
  /** Frames larger than this close the connection with 1009. Default 5 MiB. */
  maxFrameBytes?: number;
  /** Unload a room this long after its last connection leaves. Default 30 s. */
  idleUnloadMs?: number;
  /** Keep-alive ping interval; a connection that misses a pong is dropped. Default 30 s. */
  pingIntervalMs?: number;
  /**
   * The auth seam: decide whether a connection may join a room. Default: everyone (the relay binds
   * to loopback by default). Tokens come in a later issue.
   */
  authorize?: (request: IncomingMessage, room: string) => boolean | Promise<boolean>;
}

export interface Relay {
  readonly server: Server;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number>;
  /** Stops accepting, closes every socket with 1001, waits for storage, closes storage. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
}

const ROOM_NAME = /^[\w.:@-][\w.:@/-]{0,199}$/;

/** Parses the room from a request path: `/<room>` (URL-decoded), or null if it is not a valid name. */
export function roomFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  const path = url.split('?')[0];
  let room: string;
  try {
    room = decodeURIComponent(path.replace(/^\/+/, ''));
  } catch {
    return null;
  }
  return ROOM_NAME.test(room) ? room : null;
}

/** The relay: HTTP (health) and the y-websocket protocol, with no module-level state. */
export function createRelay(options: RelayOptions): Relay {
  const { persistence, logger: log } = options;
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

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: !closing, rooms: rooms.size, connections: sockets.size, uptime: (Date.now() - started) / 1000 }));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Archipelago relay: connect with the y-websocket protocol at ws://host:port/<room>\n');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const reject = (status: number, text: string) => {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    if (closing) return reject(503, 'Shutting Down');
    const room = roomFromUrl(req.url);
    if (!room) return reject(400, 'Bad Room Name');
    Promise.resolve(options.authorize ? options.authorize(req, room) : true).then(
      (ok) => {
        if (!ok) return reject(401, 'Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => connect(ws, room));
      },
      () => reject(500, 'Authorization Failed'),
    );
  });

  const connect = (ws: WebSocket, roomName: string) => {
    sockets.add(ws);
    ws.binaryType = 'nodebuffer';
    const id = `c${++nextId}`;
    const adapter: RoomSocket = {
      id,
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
      log.error({ err, room: roomName }, 'room failed to load');
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
    ws.on('close', () => {
      clearInterval(ping);
      sockets.delete(ws);
      roomReady.then((room) => room.handleClose(adapter)).catch(() => {});
    });
    ws.on('error', (err) => log.warn({ err: err.message, conn: id }, 'socket error'));
  };

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : options.port);
        });
      }),
    async close() {
      closing = true;
      for (const ws of sockets) ws.close(CLOSE.goingAway, 'relay shutting down');
      const loaded = await Promise.allSettled(rooms.values());
      for (const r of loaded) if (r.status === 'fulfilled') await r.value.drained();
      await Promise.all(loaded.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)));
      rooms.clear();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persistence.close();
    },
    stats: () => ({ rooms: rooms.size, connections: sockets.size }),
  };
}
