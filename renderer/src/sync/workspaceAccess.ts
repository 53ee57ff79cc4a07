import { z } from 'zod';
import { normaliseRelayUrl } from '../../../shared/platformApi';
import { splitRelayUrl } from './relayConnection';
import { tokenExpiry, tokenIssuedAt } from './refusal';

/**
 * How this device reaches one workspace's relay: its relays (an ordered list, for failover between
 * relays that share one Redis; empty means "this device's relay"), the room token the relay wants,
 * and where that token is renewed (a workshop host has `POST /workshop/token`; a plain relay has none).
 * Kept in this device's database only: never in a shared Yjs document, never shown, never logged.
 */
export interface WorkspaceAccess {
  relays: string[];
  token: string | null;
  renewUrl: string | null;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export const WorkspaceAccessSchema = z.object({
  relays: z.array(z.string().transform((s, ctx) => {
    try {
      return normaliseRelayUrl(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  })).max(8),
  token: z.string().regex(JWT, 'an access token is three dot-separated parts (a JWT)').max(4096).nullable(),
  renewUrl: z.string().url().regex(/^https?:/).nullable(),
});

/** The relays a person typed, separated by commas, spaces or new lines; each a ws:// or wss:// URL. Throws a clear error. */
export function parseRelayList(text: string): string[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length > 8) throw new Error('at most 8 relays');
  const out: string[] = [];
  for (const p of parts) {
    const url = normaliseRelayUrl(p);
    if (!out.includes(url)) out.push(url);
  }
  return out;
}

/** A pasted token, trimmed, or a clear error (never echoing it). */
export function parseToken(text: string): string {
  const t = text.trim();
  if (!JWT.test(t)) throw new Error('that is not an access token: it should be three parts separated by dots (a JWT), as `archipelago token` prints');
  if (t.length > 4096) throw new Error('that access token is too long');
  return t;
}

const withToken = (base: string, token: string | null) => (token ? `${base.replace(/\/+$/, '')}/?token=${encodeURIComponent(token)}` : base);

/**
 * The relay URLs a workspace's connections use, in order, each with the workspace's token: its own
 * relays if it has any, else this device's relays (a list, in order; a single one, or none). A device
 * relay that carries a token of its own (an older workshop link) keeps it unless the workspace has one.
 */
export function effectiveRelayUrls(deviceRelays: string | readonly string[] | null, access: WorkspaceAccess | null): string[] {
  const device = (deviceRelays === null ? [] : typeof deviceRelays === 'string' ? [deviceRelays] : deviceRelays).map(splitRelayUrl);
  if (access && access.relays.length) {
    const token = access.token ?? device[0]?.token ?? null;
    return access.relays.map((b) => withToken(b, token));
  }
  return device.map((d) => withToken(d.base, access?.token ?? d.token));
}

/** Where a workshop host renews tokens, for its relay URL (`ws://host:port` → `http://host:port/workshop/token`). */
export const workshopRenewUrl = (relayBase: string) => `${relayBase.replace(/^ws(s?):/i, 'http$1:').replace(/\/+$/, '')}/workshop/token`;

/** When to renew a token: a tenth of its life before it expires, at least a minute before. Null if it does not expire. */
export function renewalDue(token: string): number | null {
  const exp = tokenExpiry(token);
  const issuedAtMs = tokenIssuedAt(token);
  if (exp === null) return null;
  const life = issuedAtMs !== null && issuedAtMs < exp ? exp - issuedAtMs : 0;
  return exp - Math.max(60_000, life / 10);
}

/**
 * A link's `?workspace=W&relay=ws://host/?token=T` (the workshop host's join redirect): W's access,
 * renewable at the host when the link is a workshop's (`&workshop=`). Null when the link carries no token.
 */
export function accessFromLink(params: URLSearchParams): { workspaceId: string; access: WorkspaceAccess } | null {
  const workspaceId = params.get('workspace');
  const relay = params.get('relay');
  if (!workspaceId || !relay) return null;
  const { base, token } = splitRelayUrl(relay);
  if (!token) return null;
  const relays = [normaliseRelayUrl(base)];
  return { workspaceId, access: { relays, token: parseToken(token), renewUrl: params.has('workshop') ? workshopRenewUrl(relays[0]) : null } };
}

/**
 * Whether a link's access may be stored for its workspace without asking: when the workspace has no
 * access of its own yet (a workshop joined for the first time), or the link names the very relays it
 * already uses (a fresh token for them). A link never silently moves a workspace that syncs somewhere
 * to other relays: anyone who knows a workspace's id could otherwise send its documents to their own.
 */
export function linkMayStoreAccess(stored: WorkspaceAccess | null, fromLink: WorkspaceAccess): boolean {
  if (!stored) return true;
  return stored.relays.length === fromLink.relays.length && stored.relays.every((r, i) => r === fromLink.relays[i]);
}

/** The page address without a link's token (what `history.replaceState` leaves in the address bar and history). */
export function addressWithoutToken(href: string): string {
  const url = new URL(href);
  const relay = url.searchParams.get('relay');
  if (relay === null || !relay.includes('token=')) return href;
  url.searchParams.delete('relay');
  return url.toString();
}
