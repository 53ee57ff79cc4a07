import { signatureHolds, type RecordSignature } from './signedRecord';

/**
 * Which events may count, judged one event at a time (so the result is a function of the SET of
 * events, like the replay it feeds). An event is:
 * - `valid`: its signature holds and, when its actor is bound to a key, it is that key's;
 * - `tampered`: it carries a signature that does not hold (changed after signing, or forged);
 * - `unauthorised`: the signature holds but is not the actor's bound key, or its actor is bound to a
 *   key and it is unsigned;
 * - `unsigned`: no signature where one is required (the app requires them; a contract file need not).
 * Only valid events (and, when signatures are optional, unsigned events of unbound actors) reach the
 * replay; every other one comes back with its reason, never dropped silently.
 */
export type SignatureStatus = 'valid' | 'unsigned' | 'tampered' | 'unauthorised';

export interface ScreenOptions {
  /** The signed-event kind of this family (signedRecord.ts). */
  kind: string;
  /** person id → the public key their events must be signed with. */
  keys?: ReadonlyMap<string, string>;
  /** Refuse unsigned events (the app). The CLI accepts them, as the contract's files are unsigned. */
  requireSigned?: boolean;
  /** A per-event cache of verification results, keyed by the exact event (see verifyCached). */
  cache?: Map<string, boolean>;
}

export interface Screened<E> {
  event: E;
  status: SignatureStatus;
  reason: string;
  author: string | undefined;
}

const short = (key: string) => `${key.slice(0, 12)}…`;

export function screenEvent<E extends { actor: string; signed?: RecordSignature }>(event: E, options: ScreenOptions): Screened<E> {
  const bound = options.keys?.get(event.actor);
  const signed = event.signed;
  if (!signed) {
    if (bound) return { event, status: 'unauthorised', reason: `unsigned, but ${event.actor}'s events must be signed with their key ${short(bound)}`, author: undefined };
    if (options.requireSigned) return { event, status: 'unsigned', reason: 'unsigned: only signed events move money or count as votes', author: undefined };
    return { event, status: 'unsigned', reason: '', author: undefined };
  }
  if (!verifyCached(options, event, signed)) return { event, status: 'tampered', reason: `tampered: the signature of ${short(signed.author)} does not hold for this content`, author: signed.author };
  if (bound && bound !== signed.author) return { event, status: 'unauthorised', reason: `signed by ${short(signed.author)}, but ${event.actor}'s events must be signed with their key ${short(bound)}`, author: signed.author };
  return { event, status: 'valid', reason: '', author: signed.author };
}

function verifyCached(options: ScreenOptions, event: object, signed: RecordSignature): boolean {
  const cache = options.cache;
  if (!cache) return signatureHolds(options.kind, event, signed);
  const key = options.kind + JSON.stringify(event);
  let ok = cache.get(key);
  if (ok === undefined) {
    ok = signatureHolds(options.kind, event, signed);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, ok);
  }
  return ok;
}

export interface ScreenResult<E> {
  /** Events that count. */
  trusted: E[];
  /** Events that do not, each with its status and reason. */
  untrusted: Screened<E>[];
  /** Per event (by object), how it was judged, for the history. */
  byEvent: Map<E, Screened<E>>;
}

export function screenEvents<E extends { actor: string; signed?: RecordSignature }>(events: readonly E[], options: ScreenOptions, screen: (e: E) => Screened<E> = (e) => screenEvent(e, options)): ScreenResult<E> {
  const trusted: E[] = [];
  const untrusted: Screened<E>[] = [];
  const byEvent = new Map<E, Screened<E>>();
  for (const e of events) {
    const s = screen(e);
    byEvent.set(e, s);
    if (s.status === 'valid' || (s.status === 'unsigned' && !s.reason)) trusted.push(e);
    else untrusted.push(s);
  }
  return { trusted, untrusted, byEvent };
}
