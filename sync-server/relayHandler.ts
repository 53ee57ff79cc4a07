import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { openAccess, type Authenticate, type Renewal, type Scope } from './access';
import { clientAddress } from './clientAddress';
import { Connection, TooManyRooms, type ConnectionContext } from './connection';
import { connectionRates, DEFAULT_LIMITS, type RelayLimits } from './limits';
import { createRelayMetrics } from './metrics';
import { localLog } from './localLog';
import type { RoomPersistence } from './persistence';
import type { RoomLog } from './roomLog';
import { Room } from './room';
import { roomFromUrl } from './roomName';
import { CLOSE } from './socket';
import { ACCESS_CHECK_PATH, RENEW_PATH } from '../shared/sync/relayProtocol';

export interface RelayHandlerOptions {
  /** The room log every relay serving a room shares (redisLog), or one process's storage (localLog). */
  log?: RoomLog;
  /** Shorthand for `log: localLog(persistence)`. One of the two is required. */
  persistence?: RoomPersistence;
  logger: Logger;
  /** Decides each upgrade before any document loads: a scope, or 401/403. Default: open, read-write. */
  authenticate?: Authenticate;
  /** Frames larger than this close the connection with 1009. Default 5 MiB. */
  maxFrameBytes?: number;
  /** Unload a room this long after its last connection leaves. Default 30 s. */
  idleUnloadMs?: number;
  /** Keep-alive ping interval; a connection that misses a pong is dropped. Default 30 s. */
  pingIntervalMs?: number;
  /** Per-IP, per-connection and per-room limits (limits.ts); each defaults to DEFAULT_LIMITS. */
  limits?: Partial<RelayLimits>;
  /**
   * Addresses of load balancers in front of the relay: for their connections, per-address limits
   * count the client named in X-Forwarded-For (clientAddress.ts). Default none: the socket's address.
   */
  trustProxy?: readonly string[];
  /** Renews room tokens at RENEW_PATH (auth.ts renewToken, with the relay's secret). Default: none (404). */
  renew?: (token: string) => Promise<Renewal>;
  /** Include the process metrics (memory, CPU, event loop) in /metrics. Default true. */
  processMetrics?: boolean;
}

/**
 * The relay without a server of its own: a host (the relay's own HTTP server, or the workshop
 * host that also serves the web app on the same port) feeds it upgrades and requests.
 */
export interface RelayHandler {
  /** Takes a websocket upgrade for `/<room>`: refuses it with an HTTP status, or joins the room. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Answers the relay's own HTTP paths (`/healthz`, `/metrics`); returns false, untouched, for any other. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  /** Stops accepting, closes every socket with 1001, waits for storage, closes storage. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
  /** The open connections, as a host sees them (the workshop host's controls). */
  connections(): ConnectionInfo[];
}

export interface ConnectionInfo {
  id: string;
  room: string;
  /** The token's `sub`, when it has one. */
  subject: string | undefined;
  scope: Scope;
  /** Changes what the connection may do from its next message on. */
  setScope(scope: Scope): void;
  close(code: number, reason: string): void;
}

/** An upgrading socket's error listener. */
function destroySocket(this: Duplex) {
  this.destroy();
}


/** One fewer for `ip` in a per-address count; the entry goes when it reaches 0. */
function countDown(counts: Map<string, number>, ip: string): void {
  const left = (counts.get(ip) ?? 1) - 1;
  if (left > 0) counts.set(ip, left);
  else counts.delete(ip);
}

/** How many access checks (ACCESS_CHECK_PATH) one address may hold open at once. */
const MAX_ACCESS_CHECKS_PER_IP = 4;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Refuses an upgrade with a plain HTTP response (the socket never becomes a websocket). */
function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy());
}

export function createRelayHandler(options: RelayHandlerOptions): RelayHandler {
  const { logger: log } = options;
  if (!options.log && !options.persistence) throw new Error('createRelayHandler needs a log or a persistence');
  const roomLog = options.log ?? localLog(options.persistence!);
  const authenticate = options.authenticate ?? openAccess;
  const maxFrameBytes = options.maxFrameBytes ?? 5 * 1024 * 1024;
  const idleUnloadMs = options.idleUnloadMs ?? 30_000;
  const limits: RelayLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const trustedProxies = new Set(options.trustProxy ?? []);
  const rooms = new Map<string, Promise<Room>>();
  /** Open (or being opened) connections per IP, and IPs in the penalty box after a rate-limit close. */
  const perIp = new Map<string, number>();
  const penalty = new Map<string, number>();
  const releaseIp = (ip: string) => countDown(perIp, ip);
  /** The open connections, by socket. */
  const conns = new Map<WebSocket, Connection>();
  const started = Date.now();
  let nextId = 0;
  let closing = false;
  const metrics = createRelayMetrics(() => ({ connections: conns.size, rooms: rooms.size }), { processMetrics: options.processMetrics });
  const onStored = (seconds: number) => metrics.storeSeconds.observe(seconds);
  const onLogLag = (seconds: number) => metrics.logLagSeconds.observe(seconds);

  const getRoom = (name: string): Promise<Room> => {
    let room = rooms.get(name);
    if (!room) {
      room = Room.load(name, roomLog, log, idleUnloadMs, (idle) => {
        if (rooms.get(name) !== room) return;
        rooms.delete(name);
        idle.unload().then(
          () => log.info({ room: name }, 'room unloaded'),
          (err) => log.error({ err, room: name }, 'room unload failed'),
        );
      }, { maxDocBytes: limits.maxDocBytes, onStored, onLogLag });
      room.catch(() => rooms.delete(name));
      rooms.set(name, room);
    }
    return room;
  };

  // the relay tracks its connections itself (conns): ws's own set of clients would be a second copy
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, clientTracking: false });

  /** What a room upgrade from `ip` would now be refused with by a limit (429), or null. */
  const limitRefusal = (ip: string): string | null => {
    const penaltyUntil = penalty.get(ip);
    if (penaltyUntil !== undefined && penaltyUntil > Date.now()) return 'rate limit exceeded: wait before reconnecting';
    if ((perIp.get(ip) ?? 0) >= limits.maxConnectionsPerIp) return `too many connections from this address (max ${limits.maxConnectionsPerIp})`;
    return null;
  };

  /**
   * `ACCESS_CHECK_PATH` (not a room name): a browser cannot see the HTTP status of a refused upgrade,
   * so after one fails the app asks here why. The socket is accepted (it does not count against the
   * address's connections) and closed at once: 4429 with the reason when a limit refuses this address,
   * else 1000. It tells nothing about other addresses, rooms or tokens.
   */
  const checking = new Map<string, number>();
  /**
   * An access check or a renewal holds a socket for a few seconds: a few at a time per address, so
   * they cannot be a flood. Takes a slot until the socket closes; false (refused with 429) if none is left.
   */
  const takeCheckSlot = (socket: Duplex, ip: string, refuse: (status: number, reason: string) => void): boolean => {
    if ((checking.get(ip) ?? 0) >= MAX_ACCESS_CHECKS_PER_IP) {
      refuse(429, `too many access checks from this address (max ${MAX_ACCESS_CHECKS_PER_IP} at a time)`);
      return false;
    }
    checking.set(ip, (checking.get(ip) ?? 0) + 1);
    socket.once('close', () => countDown(checking, ip));
    return true;
  };
  const accessCheck = (req: IncomingMessage, socket: Duplex, head: Buffer, ip: string, refuse: (status: number, reason: string) => void) => {
    if (!takeCheckSlot(socket, ip, refuse)) return;
    const refusal = limitRefusal(ip);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.close(refusal ? CLOSE.rateLimited : 1000, refusal ?? 'no limit refuses this address');
      setTimeout(() => ws.terminate(), 2000).unref?.();
    });
  };

  /**
   * RENEW_PATH (not a room name): a fresh room token for a renewable one (options.renew; without it,
   * 404). The token comes as the first message, never in the URL, so it is never logged; the answer
   * is one message, then the socket closes. It shares the access check's sockets per address.
   */
  const renewal = (req: IncomingMessage, socket: Duplex, head: Buffer, ip: string, refuse: (status: number, reason: string) => void) => {
    const renew = options.renew;
    if (!renew) return refuse(404, 'this relay does not renew tokens');
    if (!takeCheckSlot(socket, ip, refuse)) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      const timer = setTimeout(() => ws.terminate(), 5000);
      timer.unref?.();
      ws.once('message', (data: Buffer, isBinary: boolean) => {
        const token = isBinary || data.byteLength > 4096 ? '' : data.toString();
        if (!token) return clearTimeout(timer), ws.close(CLOSE.badMessage, 'send the token as one text message');
        renew(token).then(
          (r) => {
            clearTimeout(timer);
            if (!r.ok) return void ws.close(r.code, r.reason);
            log.info({ ip }, 'token renewed');
            ws.send(JSON.stringify({ token: r.token, expiresAt: r.expiresAt * 1000 }));
            ws.close(1000, 'renewed');
          },
          (err) => {
            clearTimeout(timer);
            log.error({ err }, 'token renewal failed');
            ws.close(1011, 'renewal failed');
          },
        );
      });
    });
  };

  /** What every connection shares (connection.ts). */
  const context: ConnectionContext = {
    log,
    limits,
    rates: connectionRates(limits, maxFrameBytes),
    traffic: metrics.traffic,
    countClose: (code) => metrics.closes.inc({ code: String(code) }),
    penalise(ip) {
      if (penalty.size > 10_000) for (const [k, until] of penalty) if (until <= Date.now()) penalty.delete(k);
      penalty.set(ip, Date.now() + limits.rateLimitPenaltyMs);
    },
  };
  // One set of socket listeners for every connection (`this` is the socket), not closures per connection.
  function onMessage(this: WebSocket, data: Buffer, isBinary: boolean) {
    conns.get(this)?.receive(data, isBinary);
  }
  function onPong(this: WebSocket) {
    const conn = conns.get(this);
    if (conn) conn.alive = true;
  }
  function onClose(this: WebSocket, code: number) {
    const conn = conns.get(this);
    if (!conn) return;
    conns.delete(this);
    releaseIp(conn.ip);
    log.info({ room: conn.room, conn: conn.id, code }, 'disconnected');
    conn.closed();
  }
  function onError(this: WebSocket, err: Error) {
    const conn = conns.get(this);
    log.warn({ err: err.message, room: conn?.room, conn: conn?.id }, 'socket error');
  }
  // One keep-alive sweep for all connections: a connection that missed the last ping's pong is dropped.
  const keepAlive = setInterval(() => {
    for (const [ws, conn] of conns) {
      if (!conn.alive) {
        ws.terminate();
        continue;
      }
      conn.alive = false;
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  keepAlive.unref?.();

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // a client that goes away while we decide must not crash the process (a shared listener: a
    // closure here would keep this request, and everything in this scope, alive with the socket)
    socket.on('error', destroySocket);
    const ip = clientAddress(req, trustedProxies);
    const refuse = (status: number, reason: string, room?: string) => {
      // limits and failures are worth a warning; routine auth refusals (expired tokens) are not
      log[status === 429 || status >= 500 ? 'warn' : 'info']({ room, ip, status, reason }, 'upgrade refused');
      metrics.refusals.inc({ status: String(status) });
      refuseUpgrade(socket, status, reason);
    };
    if (closing) return refuse(503, 'the relay is shutting down');
    if ((req.url ?? '').split('?')[0] === ACCESS_CHECK_PATH) return accessCheck(req, socket, head, ip, refuse);
    if ((req.url ?? '').split('?')[0] === RENEW_PATH) return renewal(req, socket, head, ip, refuse);
    const room = roomFromUrl(req.url);
    if (!room) return refuse(400, 'bad room name');
    const penaltyUntil = penalty.get(ip);
    if (penaltyUntil !== undefined) {
      if (penaltyUntil > Date.now()) return refuse(429, 'rate limit exceeded: wait before reconnecting', room);
      penalty.delete(ip);
    }
    if ((perIp.get(ip) ?? 0) >= limits.maxConnectionsPerIp) return refuse(429, `too many connections from this address (max ${limits.maxConnectionsPerIp})`, room);
    // the slot is held from now on, so concurrent upgrades cannot all slip past the check. It is given
    // back exactly once: on a refusal, or when the socket closes before a connection takes it over (ws
    // destroys a socket whose handshake is malformed without calling back, which used to leak the slot)
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      socket.off('close', release);
      releaseIp(ip);
    };
    socket.once('close', release);
    const refuseAndRelease = (status: number, reason: string) => {
      release();
      refuse(status, reason, room);
    };
    authenticate(req, room).then(
      (auth) => {
        if (!auth.ok) return refuseAndRelease(auth.status, auth.reason);
        if (closing) return refuseAndRelease(503, 'the relay is shutting down');
        if (socket.destroyed) return release();
        wss.handleUpgrade(req, socket, head, (ws) => {
          // the connection owns the slot now, and gives it back when it closes
          held = false;
          socket.off('close', release);
          connect(ws, room, auth.scope, ip, auth.subject);
        });
      },
      (err) => {
        log.error({ err, room }, 'authentication failed');
        refuseAndRelease(500, 'authentication failed');
      },
    );
  };

  const connect = (ws: WebSocket, roomName: string, scope: Scope, ip: string, subject?: string) => {
    ws.binaryType = 'nodebuffer';
    const id = `c${++nextId}`;
    log.info({ room: roomName, conn: id, scope, ip }, 'connected');
    const roomReady = rooms.has(roomName) || rooms.size < limits.maxRooms ? getRoom(roomName) : Promise.reject(new TooManyRooms());
    conns.set(ws, new Connection(ws, id, roomName, scope, ip, subject, context, roomReady));
    ws.on('message', onMessage);
    ws.on('pong', onPong);
    ws.on('close', onClose);
    ws.on('error', onError);
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        (err) => {
          log.error({ err }, 'metrics failed');
          res.writeHead(500).end();
        },
      );
      return true;
    }
    if (path !== '/healthz') return false;
    res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 200 : 405, { 'content-type': 'application/json' });
    const shared = roomLog.status();
    res.end(JSON.stringify({ ok: !closing, rooms: rooms.size, connections: conns.size, uptime: (Date.now() - started) / 1000, ...(shared ? shared : {}) }));
    return true;
  };

  return {
    handleUpgrade,
    handleRequest,
    async close() {
      closing = true;
      clearInterval(keepAlive);
      for (const ws of conns.keys()) ws.close(CLOSE.goingAway, 'relay shutting down');
      const loaded = await Promise.allSettled(rooms.values());
      for (const r of loaded) if (r.status === 'fulfilled') await r.value.drained();
      await Promise.all(loaded.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)));
      rooms.clear();
      for (const ws of conns.keys()) ws.terminate();
      wss.close();
      await roomLog.close();
    },
    stats: () => ({ rooms: rooms.size, connections: conns.size }),
    connections: () => [...conns.values()],
  };
}
