import { create } from 'zustand';
import { claims } from '../../sync/refusal';

/**
 * Removal from a workshop, on this device. Once the host has removed a participant, every request
 * their token makes is refused (403 with `code: 'removed'`, sync-server/workshop/workshopApi.ts) and
 * their relay connections are closed (4401) and refused. Their app then stops asking: it neither
 * renews that token nor reopens the live view, and says once that they were removed. The fact is kept
 * per token holder (the token's workshop room and person), so a reload remembers it, and rejoining
 * with a code (a new person id, a new token) starts afresh.
 */

export const REMOVED_MESSAGE = 'You were removed from this workshop by the facilitator.';

/** Whether a host's answer is the refusal of someone the facilitator removed. */
export function isRemovalAnswer(status: number, body: unknown): boolean {
  return status === 403 && typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 'removed';
}

/** Who a workshop token is for: its room claim and person (`sub`); null for a token naming nobody. */
export function holderOf(token: string): string | null {
  const c = claims(token) as { room?: unknown; sub?: unknown } | null;
  return c && typeof c.room === 'string' && typeof c.sub === 'string' ? `${c.room}|${c.sub}` : null;
}

const KEY = 'archipelago.workshop.removed';
/** The most holders remembered (oldest forgotten first): a device joins only so many workshops. */
const LIMIT = 50;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The removed token holders this device remembers (in `storage`); a damaged entry reads as none. */
export function readRemoved(storage: Store): string[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(-LIMIT) : [];
  } catch {
    return [];
  }
}

/** Remembers that `token`'s holder was removed; returns the list now kept. */
export function rememberRemoved(storage: Store, token: string): string[] {
  const holder = holderOf(token);
  const list = readRemoved(storage);
  if (!holder || list.includes(holder)) return list;
  const next = [...list, holder].slice(-LIMIT);
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or denied: remembered for this page only
  }
  return next;
}

export const wasRemoved = (removed: readonly string[], token: string | null) => {
  const holder = token ? holderOf(token) : null;
  return holder !== null && removed.includes(holder);
};

const storage = (): Store | null => (typeof localStorage === 'undefined' ? null : localStorage);

interface RemovalState {
  removed: string[];
  markRemoved(token: string): void;
}

/** UI state: the removed token holders, read from this device at start. */
export const useWorkshopRemoval = create<RemovalState>((set) => ({
  removed: storage() ? readRemoved(storage()!) : [],
  markRemoved(token) {
    const s = storage();
    set((state) => ({ removed: s ? rememberRemoved(s, token) : wasRemoved(state.removed, token) ? state.removed : [...state.removed, holderOf(token) ?? token] }));
  },
}));

/** Whether this token's holder was removed from its workshop (live: true from the moment the host says so). */
export const useRemovedFromWorkshop = (token: string | null) => useWorkshopRemoval((s) => wasRemoved(s.removed, token));
