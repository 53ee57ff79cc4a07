import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../../identity/keys';
import { SIGNING_DOMAIN, verifyEvent } from '../../identity/signedEvent';
import { DISPUTE_KIND, ESCROW_KIND, recordSigningBytes, signatureHolds, signRecord } from './signedRecord';

const fund = { id: 'e1', milestone: 'm1', type: 'fund' as const, amount: 50_000, at: '2026-01-02T10:00:00Z', actor: 'p1' };

describe('signatures on escrow and dispute records', () => {
  it('signs an Archipelago signed-event message (so every key store, the desktop one included, signs it)', () => {
    const key = demoKeyPair('record-test');
    const bytes = new TextDecoder().decode(recordSigningBytes(ESCROW_KIND, key.publicKey, fund));
    expect(bytes.startsWith(SIGNING_DOMAIN)).toBe(true);
    expect(JSON.parse(bytes.slice(SIGNING_DOMAIN.length))).toEqual({ v: 1, kind: 'escrow-event', author: key.publicKey, at: fund.at, body: fund });
  });

  it('holds for the record as signed, and for nothing else: a changed field, another family, another key', () => {
    const key = demoKeyPair('record-test');
    const signed = signRecord(key, ESCROW_KIND, fund);
    expect(signatureHolds(ESCROW_KIND, signed, signed.signed)).toBe(true);
    expect(signatureHolds(ESCROW_KIND, { ...signed, amount: 50_001 }, signed.signed)).toBe(false);
    expect(signatureHolds(ESCROW_KIND, { ...signed, actor: 'p2' }, signed.signed)).toBe(false);
    expect(signatureHolds(DISPUTE_KIND, signed, signed.signed)).toBe(false);
    expect(signatureHolds(ESCROW_KIND, signed, { ...signed.signed, author: demoKeyPair('other').publicKey })).toBe(false);
    // re-signing an already signed record signs its content, not the old signature
    expect(signRecord(key, ESCROW_KIND, signed)).toEqual(signed);
  });

  it('cannot pass as an event of the workspace ledger', () => {
    const key = demoKeyPair('record-test');
    const signed = signRecord(key, ESCROW_KIND, fund);
    const asEvent = { v: 1, kind: ESCROW_KIND, author: key.publicKey, at: fund.at, body: fund, sig: signed.signed.sig };
    expect(verifyEvent(asEvent).status).toBe('malformed');
  });
});
