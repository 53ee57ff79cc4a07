import { randomBytes as cryptoRandomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createStaticHandler } from '../../scripts/staticFiles.mjs';
import { mintToken, tokenAuth, type Authenticate } from '../auth';
import { clientAddress } from '../clientAddress';
import { hostForUrl } from '../hostAddress';
import { leveldbPersistence } from '../persistence';
import { createRelayHandler, type RelayHandler } from '../relayHandler';
import { CLOSE } from '../socket';
import { makeJoinCode, normaliseJoinCode } from './joinCode';
import { createJoinGuard, type JoinGuardOptions } from './joinGuard';
import { JOIN_PAGE_POLICY, joinPage } from './pages';
import { SERVED_CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { createWorkshopApi, type Caller } from './workshopApi';
import { applyControl, castBallot, initialState, publicView, tally, WorkshopStateSchema, type Control, type WorkshopState } from './workshopState';

export interface WorkshopHostOptions {
  host: string;
  port: number;
  /** Relay storage and the workshop's identity (secret, workspace id), kept across restarts. */
  dataDir: string;
  /** The built web app (dist/renderer). */
  webRoot: string;
  logger: Logger;
  /** How long a join code works. Default 4 hours. */
  codeTtlMs?: number;
  /** How long a participant's token works. Default 12 hours (a workshop day). */
  tokenTtlSeconds?: number;
  /** How many wrong join codes an address may try, and after how many in all the code changes. */
  joinGuard?: JoinGuardOptions;
  randomBytes?: (n: number) => Uint8Array;
  now?: () => number;
}

export interface Participant {
  id: string;
  name: string;
  joinedAt: string;
  removed: boolean;
  connected: boolean;
}

export interface WorkshopHost {
  readonly server: Server;
  readonly relay: RelayHandler;
  readonly workspaceId: string;
  readonly facilitatorKey: string;
  joinCode(): string;
  /** A fresh join code; the old one stops working. */
  newJoinCode(): string;
  /** Participants become read-only, at once and on every later connection. Returns how many connections changed. */
  lock(): number;
  unlock(): number;
  isLocked(): boolean;
  /** Closes the participant's connections (4401) and refuses them from now on (403). */
  remove(participantId: string): boolean;
  /** The facilitator's controls: follow me, spotlight, timer, lock, vote, accept, remove. */
  control(control: Control): ReturnType<typeof applyControl>;
  state(): WorkshopState;
  /** The workspace (every room as a Yjs update, base64), the accepted team and the vote results. */
  exportWorkshop(): Promise<WorkshopExport>;
  participants(): Participant[];
  listen(): Promise<number>;
  close(): Promise<void>;
}

const FACILITATOR = 'facilitator';
/** Documents (rooms) one workshop may hold: a workspace has a few per project; this bounds a participant making up names. */
const MAX_ROOMS = 1000;
const REMOVED = 'removed from the workshop by the facilitator';
/** The workshop host is reached directly on a LAN: no balancer's X-Forwarded-For is believed. */
const NO_PROXIES: ReadonlySet<string> = new Set();

export interface WorkshopExport {
  format: 'archipelago-workshop';
  version: 1;
  workspaceId: string;
  exportedAt: string;
  workspace: { rooms: Record<string, string> };
  acceptedTeam: WorkshopState['accepted'];
  vote: { question: string; options: { id: string; label: string; votes: number }[]; voters: number; open: boolean } | null;
  participants: { id: string; name: string; joinedAt: string; removed: boolean }[];
}

const IdentitySchema = z.object({ secret: z.string().min(32), workspaceId: z.string().regex(/^workshop-[a-z0-9]+$/), facilitatorKey: z.string().min(16) });

/** The workshop's identity: made once, kept in the data folder (written whole, then renamed). */
function loadIdentity(dataDir: string, random: (n: number) => Uint8Array) {
  const file = join(dataDir, 'workshop.json');
  if (existsSync(file)) {
    const parsed = IdentitySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a workshop identity (${parsed.error.issues[0].message}); move it away to start a new workshop`);
    return parsed.data;
  }
  const hex = (n: number) => Buffer.from(random(n)).toString('hex');
  const identity = { secret: hex(32), workspaceId: `workshop-${hex(4)}`, facilitatorKey: hex(16) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(identity, null, 2), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return identity;
}

const SavedSchema = z.object({
  participants: z.array(z.object({ id: z.string(), name: z.string(), joinedAt: z.string(), removed: z.boolean() })),
  state: WorkshopStateSchema,
  rooms: z.array(z.string()),
});
type Saved = z.infer<typeof SavedSchema>;

/** Who joined (and who was removed), the facilitator's controls and the rooms used: kept across restarts. */
function loadSaved(file: string): Saved | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message}); move it away to start the workshop afresh`, { cause: e });
  }
  const parsed = SavedSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not a saved workshop (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}); move it away to start the workshop afresh`);
  return parsed.data;
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** A Host header we may put back into a URL: a name or address and a port, nothing else. */
const SAFE_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The workshop host: one process, one port. HTTP GETs serve the built web app; websocket upgrades
 * are the relay (room tokens always on, with a secret of its own); `/join/<code>` issues a
 * participant a token for the workshop's workspace and opens it. The facilitator's controls are
 * enforced here, in the relay, not only in the UI.
 */
export function createWorkshopHost(options: WorkshopHostOptions): WorkshopHost {
  const random = options.randomBytes ?? ((n: number) => new Uint8Array(cryptoRandomBytes(n)));
  const now = options.now ?? Date.now;
  const log = options.logger;
  const codeTtlMs = options.codeTtlMs ?? 4 * 3600_000;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 12 * 3600;
  const identity = loadIdentity(options.dataDir, random);
  const roomClaim = `${identity.workspaceId}.*`;
  const savedFile = join(options.dataDir, 'workshop-state.json');
  const saved = loadSaved(savedFile);
  const participants = new Map<string, Omit<Participant, 'connected'>>((saved?.participants ?? []).map((p) => [p.id, p]));
  let code = { value: makeJoinCode(random), expiresAt: now() + codeTtlMs };
  const guard = createJoinGuard({ now, ...options.joinGuard });
  let state: WorkshopState = saved?.state ?? initialState();
  /** Rooms of this workspace someone opened: what the export holds. */
  const rooms = new Set<string>(saved?.rooms ?? []);
  /** Written whole, then renamed: a crash leaves the last good copy. */
  const persist = (next: WorkshopState = state) => {
    const body: Saved = { participants: [...participants.values()], state: next, rooms: [...rooms] };
    writeFileSync(`${savedFile}.tmp`, JSON.stringify(body), { mode: 0o600 });
    renameSync(`${savedFile}.tmp`, savedFile);
  };

  const tokens = tokenAuth(identity.secret);
  const authenticate: Authenticate = async (req, room) => {
    const result = await tokens(req, room);
    if (!result.ok) return result;
    if (result.subject && result.subject !== FACILITATOR && participants.get(result.subject)?.removed) return { ok: false, status: 403, reason: REMOVED };
    // a refused upgrade records nothing; an accepted one records its room for the export, up to a bound
    if (room !== `${identity.workspaceId}.workshop` && !rooms.has(room)) {
      if (rooms.size >= MAX_ROOMS) return { ok: false, status: 403, reason: `this workshop already holds ${MAX_ROOMS} documents` };
      rooms.add(room);
      try {
        persist();
      } catch (e) {
        rooms.delete(room);
        throw e;
      }
    }
    if (state.locked && result.subject !== FACILITATOR) return { ...result, scope: 'r' };
    return result;
  };
  const persistence = leveldbPersistence(join(options.dataDir, 'relay'));
  const relay = createRelayHandler({ persistence, logger: log, authenticate, limits: { maxConnectionsPerIp: 64 } });
  const serveStatic = createStaticHandler({ root: options.webRoot });

  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': JOIN_PAGE_POLICY });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  /** The address the browser used to reach us, for the links we hand back. */
  const origin = (req: IncomingMessage) => {
    const h = req.headers.host;
    return h && SAFE_HOST.test(h) ? h : `${hostForUrl(options.host)}:${(server.address() as { port: number } | null)?.port ?? options.port}`;
  };
  /** Opens the app on the workshop's workspace, syncing with this host with `token` (see RelayConnection). */
  const openApp = (req: IncomingMessage, res: ServerResponse, token: string, role: 'facilitator' | 'participant', name?: string) => {
    const relayUrl = `ws://${origin(req)}/?token=${token}`;
    const query = new URLSearchParams({ workspace: identity.workspaceId, relay: relayUrl, workshop: role, ...(name ? { name } : {}) });
    res.writeHead(302, { location: `/?${query}#/workspaces`, 'cache-control': 'no-store' });
    res.end();
  };

  const join_ = async (req: IncomingMessage, res: ServerResponse, typed: string, name: string) => {
    if (!typed) return html(res, 200, joinPage({ title: 'Join the workshop', message: 'Type the code shown on the facilitator\'s screen, and your name.' }));
    const address = clientAddress(req, NO_PROXIES);
    const wait = guard.waitFor(address);
    if (wait > 0) {
      log.info({ event: 'join refused', reason: 'too many wrong codes' }, 'join refused');
      const minutes = Math.ceil(wait / 60_000);
      res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      return html(res, 429, joinPage({ title: 'Too many wrong codes', message: `This device typed too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, with the code on the facilitator's screen.` }));
    }
    const wanted = normaliseJoinCode(typed);
    if (wanted === null || !sameSecret(wanted, code.value)) {
      log.info({ event: 'join refused', reason: 'wrong code' }, 'join refused');
      if (guard.wrong(address)) {
        host.newJoinCode();
        api.broadcast(); // the facilitator's screen shows the new code
        log.warn({ event: 'join code changed' }, 'too many wrong join codes in all: the join code was changed');
      }
      return html(res, 404, joinPage({ title: 'That code is not right', message: `"${typed.slice(0, 12)}" is not this workshop's join code. Check the six characters on the facilitator's screen and try again.`, code: typed.slice(0, 12) }));
    }
    if (now() > code.expiresAt) {
      log.info({ event: 'join refused', reason: 'expired code' }, 'join refused');
      return html(res, 410, joinPage({ title: 'That code has expired', message: 'This join code no longer works. Ask the facilitator for the current one.' }));
    }
    if (!name.trim()) return html(res, 200, joinPage({ title: 'Join the workshop', message: 'Now your name, so others know who is who.', code: wanted }));
    const id = `p-${Buffer.from(random(6)).toString('hex')}`;
    participants.set(id, { id, name: name.trim().slice(0, 60), joinedAt: new Date(now()).toISOString(), removed: false });
    try {
      persist();
    } catch (e) {
      participants.delete(id);
      throw e;
    }
    log.info({ participant: id }, 'participant joined');
    openApp(req, res, await mintToken({ room: roomClaim, secret: identity.secret, ttlSeconds: tokenTtlSeconds, scope: 'rw', subject: id, now: Math.floor(now() / 1000) }), 'participant', name.trim());
  };

  const participantConnections = () => relay.connections().filter((c) => c.subject && c.subject !== FACILITATOR);
  const host: Omit<WorkshopHost, 'server' | 'listen' | 'close'> = {
    relay,
    workspaceId: identity.workspaceId,
    facilitatorKey: identity.facilitatorKey,
    joinCode: () => code.value,
    newJoinCode() {
      code = { value: makeJoinCode(random), expiresAt: now() + codeTtlMs };
      guard.codeChanged();
      return code.value;
    },
    lock() {
      const next = { ...state, locked: true };
      persist(next); // written first: a failed write leaves the workshop as it was
      state = next;
      api.broadcast();
      const changed = participantConnections().filter((c) => c.scope === 'rw');
      changed.forEach((c) => c.setScope('r'));
      log.info({ connections: changed.length }, 'editing locked');
      return changed.length;
    },
    unlock() {
      const next = { ...state, locked: false };
      persist(next);
      state = next;
      api.broadcast();
      const changed = participantConnections().filter((c) => c.scope === 'r');
      changed.forEach((c) => c.setScope('rw'));
      log.info({ connections: changed.length }, 'editing unlocked');
      return changed.length;
    },
    isLocked: () => state.locked,
    remove(participantId) {
      const p = participants.get(participantId);
      if (!p) return false;
      let next = state;
      if (state.vote?.ballots[participantId]) {
        const { [participantId]: _gone, ...ballots } = state.vote.ballots;
        next = { ...state, vote: { ...state.vote, ballots } };
      }
      p.removed = true;
      try {
        persist(next); // written first: a failed write leaves the participant in
      } catch (e) {
        p.removed = false;
        throw e;
      }
      state = next;
      api.endFor(participantId, REMOVED);
      api.broadcast();
      for (const c of participantConnections()) if (c.subject === participantId) c.close(CLOSE.unauthorized, REMOVED);
      log.info({ participant: participantId }, 'participant removed');
      return true;
    },
    control(control) {
      if (control.action === 'remove') return host.remove(control.participantId) ? { ok: true, state } : { ok: false, status: 404, error: `no participant "${control.participantId}"` };
      if (control.action === 'lock') return host.lock(), { ok: true, state };
      if (control.action === 'unlock') return host.unlock(), { ok: true, state };
      const result = applyControl(state, control, now());
      if (result.ok) {
        persist(result.state);
        state = result.state;
      }
      return result;
    },
    state: () => state,
    async exportWorkshop() {
      const docs: Record<string, string> = {};
      for (const room of [...rooms].sort()) {
        const update = await persistence.load(room);
        if (update) docs[room] = Buffer.from(update).toString('base64');
      }
      const vote = state.vote;
      const counts = vote ? tally(vote) : {};
      return {
        format: 'archipelago-workshop',
        version: 1,
        workspaceId: identity.workspaceId,
        exportedAt: new Date(now()).toISOString(),
        workspace: { rooms: docs },
        acceptedTeam: state.accepted,
        vote: vote && { question: vote.question, options: vote.options.map((o) => ({ ...o, votes: counts[o.id] ?? 0 })), voters: Object.keys(vote.ballots).length, open: vote.open },
        participants: [...participants.values()].map((p) => ({ ...p })),
      };
    },
    participants() {
      const online = new Set(participantConnections().map((c) => c.subject));
      return [...participants.values()].map((p) => ({ ...p, connected: online.has(p.id) }));
    },
  };

  const identify = async (token: string | null): Promise<Caller> => {
    if (!token) return { ok: false, status: 401, reason: 'missing token' };
    const result = await authenticate({ url: `/?token=${encodeURIComponent(token)}`, headers: {} } as IncomingMessage, `${identity.workspaceId}.workshop`);
    if (!result.ok) return result.status === 403 && result.reason === REMOVED ? { ok: false, status: 403, reason: REMOVED, code: 'removed' } : result;
    if (!result.subject) return { ok: false, status: 403, reason: 'this token names nobody in the workshop' };
    return { ok: true, subject: result.subject, facilitator: result.subject === FACILITATOR };
  };
  const api = createWorkshopApi({
    identify,
    logger: log,
    viewFor: (subject, isFacilitator) => ({
      ...publicView(state, subject),
      you: isFacilitator ? { id: FACILITATOR, name: 'Facilitator', role: 'facilitator' } : { id: subject, name: participants.get(subject)?.name ?? subject, role: 'participant' },
      now: now(),
      ...(isFacilitator ? { participants: host.participants(), joinCode: code.value } : {}),
    }),
    control: (c) => host.control(c),
    ballot(subject, optionId) {
      const result = castBallot(state, subject, optionId);
      if (result.ok) {
        persist(result.state);
        state = result.state;
      }
      return result;
    },
    exportWorkshop: () => host.exportWorkshop(),
    async renew(subject) {
      const issued = Math.floor(now() / 1000);
      const token = await mintToken({ room: roomClaim, secret: identity.secret, ttlSeconds: tokenTtlSeconds, scope: 'rw', subject, now: issued });
      return { token, expiresAt: new Date((issued + tokenTtlSeconds) * 1000).toISOString() };
    },
  });

  /** `/facilitator/<key>[/<action>[/<arg>]]`: the facilitator's link and controls. */
  const facilitator = async (req: IncomingMessage, res: ServerResponse, parts: string[]) => {
    const [key, action, arg] = parts;
    if (!key || !sameSecret(key, identity.facilitatorKey)) return json(res, 403, { error: 'not the facilitator key' });
    if (!action) {
      if (req.method !== 'GET') return json(res, 405, { error: 'GET only' });
      return openApp(req, res, await mintToken({ room: roomClaim, secret: identity.secret, ttlSeconds: tokenTtlSeconds, scope: 'rw', subject: FACILITATOR, now: Math.floor(now() / 1000) }), 'facilitator');
    }
    if (action === 'state' && req.method === 'GET') return json(res, 200, { workspaceId: identity.workspaceId, joinCode: code.value, codeExpiresAt: new Date(code.expiresAt).toISOString(), locked: state.locked, participants: host.participants() });
    if (req.method !== 'POST') return json(res, 405, { error: 'controls are POST requests' });
    switch (action) {
      case 'lock':
        return json(res, 200, { locked: true, changed: host.lock() });
      case 'unlock':
        return json(res, 200, { locked: false, changed: host.unlock() });
      case 'code':
        return json(res, 200, { joinCode: host.newJoinCode() });
      case 'remove':
        return host.remove(arg ?? '') ? json(res, 200, { removed: arg }) : json(res, 404, { error: `no participant "${arg}"` });
      default:
        return json(res, 404, { error: `unknown control "${action}"` });
    }
  };

  const server = createServer((req, res) => {
    // every response: no content of its own may run, nothing may frame it (the app page and the join page set their own)
    res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('x-content-type-options', 'nosniff');
    if (relay.handleRequest(req, res)) return;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://workshop.invalid');
    } catch {
      return json(res, 400, { error: 'malformed URL' });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    let handled: Promise<void> | undefined;
    // GET only: joining records a participant, which a HEAD (a link preview, a prefetch) must not
    if (parts[0] === 'join' && parts.length <= 2 && req.method === 'GET') {
      let typed = url.searchParams.get('code') ?? '';
      try {
        typed = parts[1] ? decodeURIComponent(parts[1]) : typed;
      } catch {
        typed = parts[1];
      }
      handled = join_(req, res, typed, url.searchParams.get('name') ?? '');
    } else if (parts[0] === 'workshop' && parts.length === 2) handled = api.handle(req, res, url, parts[1]);
    else if (parts[0] === 'facilitator') handled = facilitator(req, res, parts.slice(1));
    if (handled) {
      handled.catch((err) => {
        log.error({ err }, 'workshop request failed');
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
      });
      return;
    }
    // the app page runs under the app's CSP (its index.html has it as a meta tag too), and is never framed
    res.setHeader('content-security-policy', SERVED_CONTENT_SECURITY_POLICY);
    serveStatic(req, res);
  });
  server.on('upgrade', relay.handleUpgrade);

  return {
    ...host,
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve((server.address() as { port: number }).port));
      }),
    async close() {
      const stopped = new Promise<void>((r) => server.close(() => r()));
      api.close();
      await relay.close();
      server.closeAllConnections();
      await stopped;
    },
  };
}
