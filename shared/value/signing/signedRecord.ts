import { z } from 'zod';
import { canonicalBytes } from '../../identity/canonical';
import type { KeyStore } from '../../identity/keyStore';
import { bytesToHex, PublicKeyHex, SignatureHex, verifySignature, type Signer } from '../../identity/keys';

/**
 * The signature a money event (escrow ledger) or a dispute event (proposals, mediator choices, the
 * community panel's votes) carries INSIDE the project document, beside its fields:
 *
 *   { "id": "e1", "milestone": "m1", "type": "fund", "amount": 50000, "at": "…", "actor": "p1",
 *     "signed": { "author": "<Ed25519 public key, 64 hex>", "sig": "<128 hex>" } }
 *
 * Why an envelope of its own rather than the workspace ledger's `SignedEvent` (shared/identity): the
 * escrow is a CRDT whose state must stay a function of the SET of its events (DESIGN.md §3). Keeping
 * each event and its signature together in the one `escrowEvents` array keeps that true: the event is
 * still the same plain record the `archipelago ledger replay` contract reads (unsigned files of the
 * contract stay valid), and the signature is one more field that a verifier checks per event, with no
 * cross-document lookups and no dependence on arrival order.
 *
 * Signed message = the UTF-8 bytes of the domain tag (one per record family, so an escrow signature can
 * never be replayed as a dispute vote or as a workspace-ledger event) followed by the canonical JSON
 * (shared/identity/canonical.ts, RFC 8785 for our values) of `{ author, record }`, where `record` is the
 * event's validated fields WITHOUT `signed`. Fields a schema does not know are stripped before signing
 * and before verifying, so they are neither signed nor used. Verification is strict RFC 8032.
 */
export const ESCROW_DOMAIN = 'archipelago/escrow-event/v1\n';
export const DISPUTE_DOMAIN = 'archipelago/dispute-event/v1\n';
export const TRACK_RECORD_DOMAIN = 'archipelago/track-record/v1\n';

export const SignatureSchema = z.strictObject({ author: PublicKeyHex, sig: SignatureHex });
export type RecordSignature = z.infer<typeof SignatureSchema>;

const utf8 = new TextEncoder();

export function recordSigningBytes(domain: string, author: string, record: object): Uint8Array {
  const tag = utf8.encode(domain);
  const payload = canonicalBytes({ author, record: withoutSignature(record) });
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
export function signRecord<T extends object>(signer: Signer, domain: string, record: T): T & { signed: RecordSignature } {
  const bare = withoutSignature(record);
  const sig = signer.sign(recordSigningBytes(domain, signer.publicKey, bare));
  return { ...(bare as T), signed: { author: signer.publicKey, sig: bytesToHex(sig) } };
}

/** Signs with a key store (the app: the private key never leaves it). */
export async function signRecordWith<T extends object>(store: KeyStore, domain: string, record: T): Promise<T & { signed: RecordSignature }> {
  const bare = withoutSignature(record);
  const author = await store.publicKey();
  const sig = await store.sign(recordSigningBytes(domain, author, bare));
  return { ...(bare as T), signed: { author, sig: bytesToHex(sig) } };
}

/** Whether `signed` holds over `record` (its other fields). Never throws. */
export function signatureHolds(domain: string, record: object, signed: RecordSignature): boolean {
  try {
    return verifySignature(signed.sig, recordSigningBytes(domain, signed.author, record), signed.author);
  } catch {
    return false;
  }
}
