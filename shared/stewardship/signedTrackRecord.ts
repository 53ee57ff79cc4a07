import { z } from 'zod';
import type { KeyStore } from '../identity/keyStore';
import type { Signer } from '../identity/keys';
import { jsonPath } from '../model/validate';
import { signatureHolds, signRecord, signRecordWith, SignatureSchema, TRACK_RECORD_KIND, type RecordSignature } from '../value/signing/signedRecord';
import type { TrackRecord } from './trackRecord';

/**
 * The exported track record: `{ kind, record, signed: { author, sig } }`, the signature over the
 * signed-event message of kind `track-record` over `{ kind, record }`
 * (value/signing/signedRecord.ts). Every value of the summary is inside what is signed.
 */
export interface SignedTrackRecord {
  kind: 'archipelago-signed-track-record';
  record: TrackRecord;
  signed: RecordSignature;
}

const KIND = 'archipelago-signed-track-record' as const;

/** Exactly what the file will hold (absent values, such as an unknown mean, are left out as JSON leaves them out). */
const asJson = (record: TrackRecord): TrackRecord => JSON.parse(JSON.stringify(record)) as TrackRecord;

export function signTrackRecord(signer: Signer, record: TrackRecord): SignedTrackRecord {
  return signRecord(signer, TRACK_RECORD_KIND, { kind: KIND, record: asJson(record) });
}

export function signTrackRecordWith(store: KeyStore, record: TrackRecord): Promise<SignedTrackRecord> {
  return signRecordWith(store, TRACK_RECORD_KIND, { kind: KIND, record: asJson(record) });
}

const EnvelopeSchema = z.strictObject({ kind: z.literal(KIND), record: z.record(z.string(), z.unknown()), signed: SignatureSchema });

/** Whether an exported track record is intact, and whose it is. Never throws. */
export function verifyTrackRecord(value: unknown): { valid: boolean; author: string | undefined; reason: string } {
  const env = EnvelopeSchema.safeParse(value);
  if (!env.success) return { valid: false, author: undefined, reason: `${jsonPath(env.error.issues[0].path)}: ${env.error.issues[0].message}` };
  const { signed, ...rest } = env.data;
  if (!signatureHolds(TRACK_RECORD_KIND, rest, signed)) return { valid: false, author: signed.author, reason: `the signature of ${signed.author.slice(0, 12)}… does not hold: the file was changed after it was signed` };
  return { valid: true, author: signed.author, reason: '' };
}
