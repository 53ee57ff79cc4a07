import { z } from 'zod';
import { canonicalBytes, canonicalJson } from './canonical';
import { EVENT_BODIES, type EventBody, type EventKind } from './eventKinds';
import { PublicKeyHex, sha256Hex, SignatureHex, verifySignature, type Signer } from './keys';
import { jsonPath } from '../model/validate';

/**
 * A signed event: `{ v, kind, author, at, body, sig }`. The signature covers every other field, so
 * nothing in an event is unsigned. The signed message is the domain tag below followed by the
 * canonical JSON of `{ v, kind, author, at, body }` (see ./SIGNING.md).
 */
export const SIGNING_DOMAIN = 'archipelago/signed-event/v1\n';

const IsoDate = z.iso.datetime({ offset: true });

export const SignedEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  kind: z.enum(Object.keys(EVENT_BODIES) as [EventKind, ...EventKind[]]),
  author: PublicKeyHex,
  at: IsoDate,
  body: z.unknown(),
  sig: SignatureHex,
});

export interface SignedEvent<K extends EventKind = EventKind> {
  v: 1;
  kind: K;
  author: string;
  at: string;
  body: EventBody<K>;
  sig: string;
}

export type Unsigned<K extends EventKind = EventKind> = Omit<SignedEvent<K>, 'sig'>;

export function signingBytes(e: Unsigned): Uint8Array {
  const payload = canonicalBytes({ v: e.v, kind: e.kind, author: e.author, at: e.at, body: e.body });
  const tag = new TextEncoder().encode(SIGNING_DOMAIN);
  const out = new Uint8Array(tag.length + payload.length);
  out.set(tag);
  out.set(payload, tag.length);
  return out;
}

/** Signs a body as `signer`. The body is validated first: nothing malformed is ever signed. */
export function signEvent<K extends EventKind>(signer: Signer, kind: K, body: EventBody<K>, at: string): SignedEvent<K> {
  const parsedBody = EVENT_BODIES[kind].parse(body) as EventBody<K>;
  const unsigned: Unsigned<K> = { v: 1, kind, author: signer.publicKey, at: IsoDate.parse(at), body: parsedBody };
  const sig = signer.sign(signingBytes(unsigned));
  return { ...unsigned, sig: Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('') };
}

/** A stable id for an event: SHA-256 of the canonical JSON of the whole signed event (signature included). */
export function eventDigest(e: SignedEvent): string {
  return sha256Hex(canonicalBytes(e));
}

export type VerifyStatus = 'valid' | 'tampered' | 'malformed';

export interface VerifiedEvent {
  status: VerifyStatus;
  /** Why it is not valid (empty when valid). */
  reason: string;
  /** Present when the envelope and body are well formed (also when the signature fails). */
  event?: SignedEvent;
}

/**
 * Verifies one event as read from a document or file. Never throws and never drops: a malformed event
 * and a bad signature each come back with a status and a reason, so the caller can show them.
 */
export function verifyEvent(raw: unknown): VerifiedEvent {
  const env = SignedEnvelopeSchema.safeParse(raw);
  if (!env.success) {
    const issue = env.error.issues[0];
    return { status: 'malformed', reason: `${jsonPath(issue.path)}: ${issue.message}` };
  }
  const body = EVENT_BODIES[env.data.kind].safeParse(env.data.body);
  if (!body.success) {
    const issue = body.error.issues[0];
    return { status: 'malformed', reason: `${jsonPath(['body', ...issue.path])}: ${issue.message}` };
  }
  // The signature is checked over the body exactly as read (the schemas never transform, but this
  // makes sure no parsing step could ever change what is verified).
  const event = env.data as SignedEvent;
  let message: Uint8Array;
  try {
    message = signingBytes(event);
  } catch (e) {
    return { status: 'malformed', reason: (e as Error).message };
  }
  if (!verifySignature(event.sig, message, event.author)) {
    return { status: 'tampered', reason: `the signature does not match the content signed by ${event.author.slice(0, 12)}…`, event };
  }
  return { status: 'valid', reason: '', event };
}

/** Verifies every event of a ledger in order; each keeps its index, nothing is dropped. */
export function verifyEvents(raws: readonly unknown[]): (VerifiedEvent & { index: number })[] {
  return raws.map((raw, index) => ({ index, ...verifyEvent(raw) }));
}

/** Used by tests and tools: whether a value would encode canonically without error. */
export function isCanonicallyEncodable(value: unknown): boolean {
  try {
    canonicalJson(value);
    return true;
  } catch {
    return false;
  }
}
