import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ACCESS_CHECK_PATH, CLOSE } from '../../../shared/sync/relayProtocol';
import { refusalForClose, tokenProblem } from './refusal';

/**
 * - `offline`: not trying (the platform is offline, or sync was switched off);
 * - `connecting`: trying, for less than UNREACHABLE_AFTER_MS;
 * - `unreachable`: trying and failing for longer than that (the relay is down, or the URL is wrong);
 * - `synced`: connected, and the relay has sent its state.
 */
export type SyncStatus = 'offline' | 'connecting' | 'unreachable' | 'synced';

export interface SyncState {
  status: SyncStatus;
  /** Local changes the relay has not yet confirmed storing. */
  unconfirmed: number;
  /** When the relay last confirmed our state (ms since epoch), or null if never. */
  lastSyncedAt: number | null;
  /** Why the last connection attempt ended, in words; null once connected. */
  lastError: string | null;
  /** When the next connection attempt is due (ms since epoch), while retrying. */
  retryAt: number | null;
  /** Why the relay refuses this connection (read-only, removed, an expired token...), in words; null if it does not. */
  refused: string | null;
  /** The relay in use or being tried (without its token), when there is one. */
  relay: string | null;
}

export const OFFLINE_STATE: SyncState = { status: 'offline', unconfirmed: 0, lastSyncedAt: null, lastError: null, retryAt: null, refused: null, relay: null };

export const sameSyncState = (a: SyncState, b: SyncState) =>
  a.status === b.status && a.unconfirmed === b.unconfirmed && a.lastSyncedAt === b.lastSyncedAt && a.lastError === b.lastError && a.retryAt === b.retryAt && a.refused === b.refused && a.relay === b.relay;

/** Failing to connect for this long means "unreachable", not "connecting". */
export const UNREACHABLE_AFTER_MS = 3000;
/** Reconnects back off exponentially (y-websocket: 2^n × 100 ms) up to this. */
export const MAX_BACKOFF_MS = 15_000;

/** A close event in words. Browsers give 1006 with no reason for every network failure. */
export function describeClose(event: { code: number; reason?: string } | null): string {
  if (!event) return 'the connection was dropped';
  if (event.reason) return `${event.reason} (code ${event.code})`;
  if (event.code === 1006) return 'no answer: the relay may be down, or the address is wrong';
  if (event.code === 1009) return 'a message was too large for the relay (code 1009)';
  if (event.code === 1011) return 'the relay had an internal error (code 1011)';
  return `the connection closed (code ${event.code})`;
}

/** One local change: the clock its client reached with it. Confirmed once the relay's vector covers it. */
export interface PendingMarker {
  client: number;
  clock: number;
}

/** Keeps pending markers across reloads (IndexedDB in the app, memory in tests). */
export interface PendingStore {
  load(room: string): Promise<PendingMarker[]>;
  save(room: string, markers: readonly PendingMarker[]): Promise<void>;
}

export const memoryPendingStore = (): PendingStore => {
  const rooms = new Map<string, PendingMarker[]>();
  return {
    load: async (room) => [...(rooms.get(room) ?? [])],
    save: async (room, markers) => void rooms.set(room, [...markers]),
  };
};

export interface RelayConnectionOptions {
  /**
   * The relay, e.g. ws://host:4455, or an ordered list of relays that share one Redis (DESIGN.md §3
   * "Scale-out"): the first is tried first; when one is unreachable or drops us, the next is tried.
   * Each may carry a room token as `?token=JWT` (a workshop link does).
   */
  serverUrl: string | readonly string[];
  room: string;
  awareness?: Awareness;
  pending?: PendingStore;
  /** For Node: `ws`'s WebSocket. */
  WebSocketPolyfill?: unknown;
  connect?: boolean;
  /** Whether the platform reports being online (navigator.onLine in a browser). */
  isOnline?: () => boolean;
  maxBackoffMs?: number;
  now?: () => number;
  /** Asks a relay, after a failed upgrade, whether it refuses more connections from this address (default: askRelayWhyRefused). */
  checkConnectionLimit?: (base: string) => Promise<string | null>;
  /** Start read-only: receive the room, send none of our changes (see setReadOnly). */
  readOnly?: boolean;
}

/**
 * Which relay closes are worth reconnecting after. y-websocket treats every 44xx as final; two of ours
 * are not: a read-only refusal (4403) still lets us receive the room (we reconnect read-only), and a
 * rate limit (4429) lifts after its penalty (the back-off spaces the attempts out).
 */
export const reconnectsAfter = (code: number) => code === CLOSE.readOnly || code === CLOSE.rateLimited || !(code >= 4400 && code < 4500);


/**
 * After a failed upgrade, asks the relay whether it refuses this address by a limit (HTTP 429, which a
 * browser cannot see): the relay accepts `/~access-check` and closes it at once, with 4429 and the
 * reason if so. Resolves the reason in words, or null (no limit refuses us, or no answer in 5 s).
 */
export function askRelayWhyRefused(base: string, WebSocketImpl: typeof WebSocket = WebSocket): Promise<string | null> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocketImpl(`${base.replace(/\/+$/, '')}${ACCESS_CHECK_PATH}`);
    } catch {
      return resolve(null);
    }
    const timer = setTimeout(() => (ws.close(), resolve(null)), 5000);
    ws.onerror = () => {};
    ws.onclose = (e: CloseEvent) => {
      clearTimeout(timer);
      resolve(e.code === 4429 && e.reason ? `the relay refuses more connections: ${e.reason}` : null);
    };
  });
}

/** A relay URL with an optional `?token=`: the base URL y-websocket appends rooms to, and the token. */
export function splitRelayUrl(url: string): { base: string; token: string | null } {
  const q = url.indexOf('?');
  if (q < 0) return { base: url, token: null };
  const token = new URLSearchParams(url.slice(q + 1)).get('token');
  return { base: url.slice(0, q).replace(/\/+$/, ''), token: token || null };
}

/** Written when a local transaction only deleted: it gives the change a clock the relay can confirm. */
const SYNC_MAP = '_sync';

/**
 * A document's connection to the relay: the official y-websocket provider, plus an honest count of
 * unconfirmed local changes. The relay acknowledges stored updates with a SyncStep1 carrying its
 * state vector (sync-server/PROTOCOL.md); a local change is confirmed when that vector covers the
 * clock the change reached.
 */
export class RelayConnection {
  readonly provider: WebsocketProvider;
  private markers: PendingMarker[] = [];
  private serverVector = new Map<number, number>();
  private lastSyncedAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  private state: SyncState = OFFLINE_STATE;
  private lastError: string | null = null;
  private retryAt: number | null = null;
  private refused: string | null = null;
  private token: string | null;
  /** The relays to try, in order, and the one in use now. */
  private readonly relays: { base: string; token: string | null }[];
  private relayIndex = 0;
  /** Set while the socket of the current attempt is open (a failed upgrade never opens). */
  private opened = false;
  private readonly checkConnectionLimit: (base: string) => Promise<string | null>;
  /** Since when we have been trying to connect without success; null while connected. */
  private troubleSince: number | null = null;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly pending: PendingStore;
  private saveQueued = false;
  private readonly ready: Promise<void>;
  private readonly isOnline: () => boolean;
  /** Receive only: while the relay gives us read-only access, our changes wait here instead of being refused. */
  private readOnly: boolean;

  constructor(
    readonly doc: Y.Doc,
    private readonly options: RelayConnectionOptions,
  ) {
    this.pending = options.pending ?? memoryPendingStore();
    this.isOnline = options.isOnline ?? (() => true);
    this.now = options.now ?? Date.now;
    this.readOnly = options.readOnly ?? false;
    const urls = typeof options.serverUrl === 'string' ? [options.serverUrl] : [...options.serverUrl];
    if (urls.length === 0) throw new Error('a relay connection needs at least one relay URL');
    this.relays = urls.map(splitRelayUrl);
    this.checkConnectionLimit = options.checkConnectionLimit ?? ((b) => askRelayWhyRefused(b, (options.WebSocketPolyfill as typeof WebSocket | undefined) ?? WebSocket));
    const { base, token } = this.relays[0];
    this.token = token;
    this.provider = new WebsocketProvider(base, options.room, doc, {
      connect: false,
      // the token goes where the relay reads it (`/<room>?token=`), never into the room's path
      ...(token ? { params: { token } } : {}),
      awareness: options.awareness,
      disableBc: true,
      maxBackoffTime: options.maxBackoffMs ?? MAX_BACKOFF_MS,
      shouldReconnect: (event) => reconnectsAfter(event.code),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    });
    const original = this.provider.messageHandlers[0];
    this.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, messageType) => {
      const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
      if (decoding.readVarUint(peek) === 0) {
        this.confirm(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
        // the relay's SyncStep1 asks for what it lacks: read-only, we keep it (the relay would refuse it)
        if (this.readOnly) return;
      }
      original(encoder, decoder, provider, emitSynced, messageType);
    };
    // our changes go out through the provider's update handler: read-only, they wait (still counted unconfirmed)
    const send = this.provider._updateHandler;
    doc.off('update', send);
    this.provider._updateHandler = (update, origin) => {
      if (!this.readOnly) send(update, origin);
    };
    doc.on('update', this.provider._updateHandler);
    doc.on('afterTransaction', this.onTransaction);
    this.provider.on('status', this.refresh);
    this.provider.on('sync', this.refresh);
    this.provider.on('connection-close', this.onClose);
    this.provider.on('connection-error', this.onError);
    this.provider.on('status', this.onStatus);
    this.ready = this.pending.load(options.room).then((stored) => {
      this.markers.push(...stored);
      this.refresh();
    });
    // connects once the pending markers are read, unless told otherwise meanwhile (disconnect)
    this.wanted = options.connect !== false;
    this.ready.then(() => {
      if (this.wanted) this.connect();
    });
  }

  /** Whether the owner wants this connection up (connect) or down (disconnect). */
  private wanted: boolean;

  connect(): void {
    this.wanted = true;
    if (this.troubleSince === null && !this.provider.wsconnected) this.troubleSince = this.now();
    this.provider.connect();
    this.refresh();
  }

  disconnect(): void {
    this.wanted = false;
    this.provider.disconnect();
    this.troubleSince = null;
    this.retryAt = null;
    this.refresh();
  }

  /**
   * Read-only (a workshop lock, or a token with scope `r`): keep receiving the room, send none of our
   * changes. Back to read-write, we reconnect so the sync handshake hands the relay what waited.
   */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    if (!readOnly && this.provider.shouldConnect) {
      this.provider.disconnect();
      this.provider.connect();
    }
    this.refresh();
  }

  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** Tries again now instead of waiting for the back-off. */
  retryNow(): void {
    if (this.provider.wsconnected || !this.provider.shouldConnect) return;
    this.provider.disconnect();
    this.provider.connect();
    this.retryAt = null;
    this.refresh();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  getState = (): SyncState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves once every local change so far is confirmed by the relay. */
  whenConfirmed(): Promise<void> {
    if (this.state.unconfirmed === 0 && this.markers.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.markers.length === 0) {
          off();
          resolve();
        }
      });
    });
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.provider.off('status', this.refresh);
    this.provider.off('sync', this.refresh);
    this.provider.off('connection-close', this.onClose);
    this.provider.off('connection-error', this.onError);
    this.provider.off('status', this.onStatus);
    clearTimeout(this.recheck);
    this.provider.destroy();
    this.listeners.clear();
  }

  /** The relay in use (without its token). */
  get relayInUse(): string {
    return this.relays[this.relayIndex].base;
  }

  private onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') this.opened = true;
  };

  private onClose = (event: { code: number; reason?: string } | null) => {
    const opened = this.opened;
    this.opened = false;
    // our own disconnect() passes no event: not a failure
    if (event || this.provider.shouldConnect) this.lastError = describeClose(event);
    // a refusal stays shown until the relay accepts a change again (a read-only connection still syncs)
    const refusal = event ? refusalForClose(event.code) : null;
    if (refusal) this.refused = refusal;
    // the relay refused a change of ours as read-only: reconnect (see reconnectsAfter) and only receive from now on
    if (event?.code === CLOSE.readOnly) this.readOnly = true;
    else if (event?.code === 1006 && this.token) this.refused = tokenProblem(this.token, this.options.room, this.now()) ?? this.refused;
    // a failed upgrade: a browser hides its HTTP status, so ask the relay whether it was the per-address limit (429)
    if (event?.code === 1006 && !opened && this.provider.shouldConnect) {
      const base = this.relayInUse;
      this.checkConnectionLimit(base).then((why) => {
        if (!why || this.relayInUse !== base || this.provider.wsconnected) return;
        this.lastError = why;
        this.refused = why;
        this.refresh();
      }, () => {});
    }
    // the relay is gone or unreachable (not a refusal of ours): the next attempt goes to the next relay in the list
    if (event && event.code < 4000 && this.relays.length > 1 && this.provider.shouldConnect) this.useRelay((this.relayIndex + 1) % this.relays.length);
    if (this.troubleSince === null) this.troubleSince = this.now();
    const p = this.provider;
    this.retryAt = p.shouldConnect ? this.now() + Math.min(2 ** p.wsUnsuccessfulReconnects * 100, p.maxBackoffTime) : null;
    this.refresh();
  };

  /** Points the provider's next attempt (y-websocket reads `serverUrl` and `params` when it connects) at relay `i`. */
  private useRelay(i: number) {
    this.relayIndex = i;
    const { base, token } = this.relays[i];
    this.token = token;
    this.provider.serverUrl = base.replace(/\/+$/, '');
    this.provider.params = token ? { token } : {};
  }

  private onError = () => {
    this.lastError ??= 'the connection failed';
    this.refresh();
  };

  private onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === this.provider || !tr.local) return;
    const client = this.doc.clientID;
    const before = tr.beforeState.get(client) ?? 0;
    const after = tr.afterState.get(client) ?? 0;
    if (after > before) {
      this.markers.push({ client, clock: after });
      this.persistMarkers();
      this.refresh();
    } else if (tr.deleteSet.clients.size > 0) {
      // a pure deletion advances no clock: record it with a tiny write so it can be confirmed
      this.doc.transact(() => this.doc.getMap(SYNC_MAP).set('rev', (this.doc.getMap(SYNC_MAP).get('rev') as number | undefined ?? 0) + 1), tr.origin);
    }
  };

  private confirm(vector: Map<number, number>) {
    this.serverVector = vector;
    this.lastSyncedAt = Date.now();
    const before = this.markers.length;
    this.markers = this.markers.filter((m) => (vector.get(m.client) ?? 0) < m.clock);
    if (this.markers.length === 0) this.refused = null;
    if (this.markers.length !== before) this.persistMarkers();
    this.refresh();
  }

  private persistMarkers() {
    if (this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      this.pending.save(this.options.room, this.markers).catch(() => {});
    });
  }

  private refresh = () => {
    const p = this.provider;
    clearTimeout(this.recheck);
    if (p.wsconnected && p.synced) {
      this.troubleSince = null;
      this.lastError = null;
      this.retryAt = null;
    }
    const trying = p.shouldConnect && this.isOnline();
    let status: SyncStatus;
    if (!trying) status = 'offline';
    else if (p.wsconnected && p.synced) status = 'synced';
    else if (this.troubleSince !== null && this.lastError !== null && this.now() - this.troubleSince >= UNREACHABLE_AFTER_MS) status = 'unreachable';
    else status = 'connecting';
    // nothing else may happen while a relay stays silent: look again when "connecting" turns into "unreachable"
    if (status === 'connecting' && this.troubleSince !== null) this.recheck = setTimeout(this.refresh, Math.max(50, this.troubleSince + UNREACHABLE_AFTER_MS - this.now()));
    const next: SyncState = {
      status,
      unconfirmed: this.markers.length,
      lastSyncedAt: this.lastSyncedAt,
      lastError: status === 'synced' || status === 'offline' ? null : this.lastError,
      retryAt: status === 'unreachable' || status === 'connecting' ? this.retryAt : null,
      refused: status === 'offline' ? null : this.refused,
      relay: this.relayInUse,
    };
    if (sameSyncState(next, this.state)) return;
    this.state = next;
    for (const l of this.listeners) l();
  };
}
