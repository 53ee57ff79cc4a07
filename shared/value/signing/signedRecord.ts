import { z } from 'zod';
import { canonicalBytes } from '../../identity/canonical';
import { SIGNING_DOMAIN } from '../../identity/signedEvent';
import type { KeyStore } from '../../identity/keyStore';
import { bytesToHex, PublicKeyHex, SignatureHex, verifySignature, type Signer } from '../../identity/keys';

/**
 * The signature a money event (escrow ledger) or a dispute event (proposals, mediator choices, the
 * community panel's votes) carries INSIDE the project document, beside its fields:
 *
 *   { "id": "e1", "milestone": "m1", "type": "fund", "amount": 50000, "at": "…", "actor": "p1",
 *     "signed": { "author": "<Ed25519 public key, 64 hex>", "sig": "<128 hex>" } }
 *
 * Why the signature sits inside the event rather than the event going into the workspace ledger as a
 * separate `SignedEvent` (shared/identity): the escrow is a CRDT whose state must stay a function of
 * the SET of its events (DESIGN.md §3). Keeping each event and its signature together in the one
 * `escrowEvents` array keeps that true: the event is still the same plain record the `archipelago
 * ledger replay` contract reads (unsigned files of the contract stay valid), and the signature is one
 * more field that a verifier checks per event, with no cross-document lookups and no dependence on
 * arrival order.
 *
 * The signed message is exactly an Archipelago signed-event message (shared/identity/SIGNING.md): the
 * domain tag `archipelago/signed-event/v1\n` followed by the canonical JSON of
 * `{ v: 1, kind, author, at, body }`, where
 * - `kind` is one of the kinds below. They are NOT workspace-ledger kinds (verifyEvent would call such
 *   an event malformed), so a signature made for one family can never pass as another's, nor as a
 *   feedback, vote or key rotation of the workspace ledger;
 * - `at` is the record's own `at` (escrow, dispute and claim records have one), or the epoch for a
 *   record without one (the track record carries its `generatedAt` inside the body);
 * - `body` is the record WITHOUT `signed`. Fields a schema does not know are stripped before signing
 *   and before verifying, so they are neither signed nor used.
 * Using the one signed-event message format means every key store signs these (the desktop store
 * refuses to sign anything else). Verification is strict RFC 8032.
 */
export const ESCROW_KIND = 'escrow-event';
export const DISPUTE_KIND = 'dispute-event';
export const TRACK_RECORD_KIND = 'track-record';

export const SignatureSchema = z.strictObject({ author: PublicKeyHex, sig: SignatureHex });
export type RecordSignature = z.infer<typeof SignatureSchema>;

const utf8 = new TextEncoder();

const EPOCH = '1970-01-01T00:00:00Z';

export function recordSigningBytes(kind: string, author: string, record: object): Uint8Array {
  const body = withoutSignature(record);
  const at = typeof (body as { at?: unknown }).at === 'string' ? (body as { at: string }).at : EPOCH;
  const tag = utf8.encode(SIGNING_DOMAIN);
  const payload = canonicalBytes({ v: 1, kind, author, at, body });
  const out = new Uint8Array(tag.length + payload.length);
  out.set(tag);
  out.set(payload, tag.length);
  return out;
}

export function withoutSignature<T extends object>(record: T): Omit<T, 'signed'> {
  if (!('signed' in record)) return record;
  const { signed: _drop, ...rest } = record as T & { signed?: unknown };
  return rest as Omit<T, 'signed'>;
}

/** Signs with an in-memory signer (tests, the CLI's demo, the sample history). */
export function signRecord<T extends object>(signer: Signer, kind: string, record: T): T & { signed: RecordSignature } {
  const bare = withoutSignature(record);
  const sig = signer.sign(recordSigningBytes(kind, signer.publicKey, bare));
  return { ...(bare as T), signed: { author: signer.publicKey, sig: bytesToHex(sig) } };
}

/** Signs with a key store (the app: the private key never leaves it). */
export async function signRecordWith<T extends object>(store: KeyStore, kind: string, record: T): Promise<T & { signed: RecordSignature }> {
  const bare = withoutSignature(record);
  const author = await store.publicKey();
  const sig = await store.sign(recordSigningBytes(kind, author, bare));
  return { ...(bare as T), signed: { author, sig: bytesToHex(sig) } };
}

/** Whether `signed` holds over `record` (its other fields). Never throws. */
export function signatureHolds(kind: string, record: object, signed: RecordSignature): boolean {
  try {
    return verifySignature(signed.sig, recordSigningBytes(kind, signed.author, record), signed.author);
  } catch {
    return false;
  }
}
