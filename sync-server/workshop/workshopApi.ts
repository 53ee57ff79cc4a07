import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { BallotSchema, ControlSchema, type Control, type ControlResult } from './workshopState';

/**
 * Who a request is, from its room token (`Authorization: Bearer` or `?token=`). A refusal of someone the
 * facilitator removed carries `code: 'removed'`, so their app can stop asking and say so once.
 */
export type Caller = { ok: true; subject: string; facilitator: boolean } | { ok: false; status: 401 | 403; reason: string; code?: 'removed' };

export interface WorkshopApiOptions {
  identify(token: string | null): Promise<Caller>;
  /** What `subject` sees now (a JSON value). */
  viewFor(subject: string, facilitator: boolean): unknown;
  control(control: Control): ControlResult;
  ballot(subject: string, optionId: string): ControlResult;
  exportWorkshop(): Promise<unknown>;
  /** A fresh token for the same person, so a long workshop outlives a token's lifetime. */
  renew(subject: string): Promise<{ token: string; expiresAt: string }>;
  logger: Logger;
}

const MAX_BODY = 16 * 1024;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return url.searchParams.get('token');
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error(`body over ${MAX_BODY} bytes`), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(Object.assign(new Error('body is not JSON'), { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}

/**
 * The workshop's HTTP side, beside the relay on the same port:
 * - `GET /workshop/events?token=`: a server-sent event stream of what this person sees, pushed on every change;
 * - `GET /workshop/state`: the same, once;
 * - `POST /workshop/control` (the facilitator's token only): follow me, spotlight, timer, lock, vote, accept, remove;
 * - `POST /workshop/vote` (a participant's token): one ballot, replaced by a later one;
 * - `POST /workshop/token`: a fresh token for the caller (the app renews before its token expires);
 * - `GET /workshop/export` (the facilitator's token only): the workspace, the accepted team and the vote results.
 * Every refusal is enforced here, whatever the page shows.
 */
export function createWorkshopApi(options: WorkshopApiOptions) {
  const log = options.logger;
  const streams = new Map<ServerResponse, { subject: string; facilitator: boolean; last: string }>();

  const push = (res: ServerResponse, entry: { subject: string; facilitator: boolean; last: string }) => {
    const body = JSON.stringify(options.viewFor(entry.subject, entry.facilitator));
    if (body === entry.last) return;
    entry.last = body;
    res.write(`data: ${body}\n\n`);
  };
  /** Sends everyone what changed for them. */
  const broadcast = () => {
    for (const [res, entry] of streams) push(res, entry);
  };
  /** Ends a participant's streams with a last `removed` event. */
  const endFor = (subject: string, reason: string) => {
    for (const [res, entry] of streams) {
      if (entry.subject !== subject) continue;
      res.end(`event: removed\ndata: ${JSON.stringify({ reason })}\n\n`);
      streams.delete(res);
    }
  };
  // presence changes as sockets come and go: the facilitator's list follows without a request
  const presence = setInterval(broadcast, 1000);
  presence.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL, action: string) => {
    const caller = await options.identify(tokenOf(req, url));
    if (!caller.ok) return json(res, caller.status, { error: caller.reason, ...(caller.code ? { code: caller.code } : {}) });
    if (action === 'events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': workshop\n\n');
      const entry = { subject: caller.subject, facilitator: caller.facilitator, last: '' };
      streams.set(res, entry);
      req.on('close', () => streams.delete(res));
      return push(res, entry);
    }
    if (action === 'state' && req.method === 'GET') return json(res, 200, options.viewFor(caller.subject, caller.facilitator));
    if (action === 'export' && req.method === 'GET') {
      if (!caller.facilitator) return json(res, 403, { error: 'only the facilitator can export the workshop' });
      const body = await options.exportWorkshop();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="workshop-export.json"' });
      return void res.end(JSON.stringify(body, null, 2));
    }
    if (action === 'token' && req.method === 'POST') return json(res, 200, await options.renew(caller.subject));
    if (req.method !== 'POST' || (action !== 'control' && action !== 'vote')) return json(res, 404, { error: `no workshop endpoint ${req.method} /workshop/${action}` });
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      return json(res, (e as { status?: number }).status ?? 400, { error: (e as Error).message });
    }
    let result: ControlResult;
    if (action === 'control') {
      if (!caller.facilitator) {
        log.info({ participant: caller.subject }, 'workshop control refused: not the facilitator');
        return json(res, 403, { error: 'only the facilitator can do this' });
      }
      const parsed = ControlSchema.safeParse(body);
      if (!parsed.success) return json(res, 400, { error: `${parsed.error.issues[0].path.join('.') || 'body'}: ${parsed.error.issues[0].message}` });
      result = options.control(parsed.data);
      if (result.ok) log.info({ control: parsed.data.action }, 'workshop control');
    } else {
      if (caller.facilitator) return json(res, 403, { error: 'the facilitator runs the vote and does not cast a ballot' });
      const parsed = BallotSchema.safeParse(body);
      if (!parsed.success) return json(res, 400, { error: `${parsed.error.issues[0].path.join('.') || 'body'}: ${parsed.error.issues[0].message}` });
      result = options.ballot(caller.subject, parsed.data.optionId);
    }
    if (!result.ok) return json(res, result.status, { error: result.error });
    broadcast();
    return json(res, 200, options.viewFor(caller.subject, caller.facilitator));
  };

  return {
    handle,
    broadcast,
    endFor,
    close() {
      clearInterval(presence);
      for (const res of streams.keys()) res.end();
      streams.clear();
    },
  };
}
