import type * as Y from 'yjs';
import { SignedEnvelopeSchema, verifyEvent, type SignedEvent, type VerifiedEvent } from '../../identity/signedEvent';
import { EVENT_BODIES } from '../../identity/eventKinds';
import { parseOrThrow } from '../validate';
import { migrate, type Migration } from './docVersion';

/**
 * The `ledger` document (DESIGN.md §2): an append-only `Y.Array` of signed events (feedback,
 * attestations, agreement signatures, votes, key rotations). Nothing in it is trusted as stored: every
 * read verifies every event, and one that fails comes back with its status and reason, never dropped.
 * Events are plain JSON (never Y types), so what was signed is exactly what is stored.
 */
export const LEDGER_DOC_VERSION = 1;

const migrations: Migration[] = [{ to: 1, run: (doc) => void doc.getArray('events') }];

export function openLedgerDoc(doc: Y.Doc, origin: unknown): void {
  migrate(doc, 'ledger', LEDGER_DOC_VERSION, migrations, origin);
}

export function ledgerEvents(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray('events');
}

/**
 * Appends one signed event. Its shape is checked first (a malformed event is refused with the reason,
 * and nothing is written); its signature is checked too, so this app never writes a tampered event.
 */
export function appendSignedEvent(doc: Y.Doc, event: SignedEvent, origin: unknown): void {
  const envelope = parseOrThrow(SignedEnvelopeSchema, event, 'signed event');
  parseOrThrow(EVENT_BODIES[envelope.kind], envelope.body, `${envelope.kind} event`);
  const checked = verifyEvent(event);
  if (checked.status !== 'valid') throw new Error(`refusing to append a ${checked.status} event: ${checked.reason}`);
  doc.transact(() => ledgerEvents(doc).push([JSON.parse(JSON.stringify(event)) as unknown]), origin);
}

export type LedgerEntry = VerifiedEvent & { index: number };

/**
 * Verifies ledger entries, remembering results by the entry's exact JSON so that a re-read after an
 * append verifies only the new events (Ed25519 verification is the expensive part). A changed entry
 * has different JSON, so it is verified again: the cache can never vouch for different bytes.
 */
export class LedgerVerifier {
  private readonly cache = new Map<string, VerifiedEvent>();

  read(doc: Y.Doc): LedgerEntry[] {
    const raws = ledgerEvents(doc).toArray();
    const seen = new Set<string>();
    const out = raws.map((raw, index) => {
      const key = JSON.stringify(raw);
      seen.add(key);
      let result = this.cache.get(key);
      if (!result) {
        result = verifyEvent(raw);
        this.cache.set(key, result);
      }
      return { index, ...result };
    });
    if (this.cache.size > seen.size * 2 + 64) for (const k of this.cache.keys()) if (!seen.has(k)) this.cache.delete(k);
    return out;
  }
}

/** Verifies every event of the ledger (no cache). */
export function readLedger(doc: Y.Doc): LedgerEntry[] {
  return new LedgerVerifier().read(doc);
}
