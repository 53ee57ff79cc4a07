import type { DisputeEvent } from '../../../../shared/value/dispute/disputeSchema';
import type { LedgerEvent } from '../../../../shared/value/ledgerSchema';
import { CLAIM_KIND, type PersonClaim } from '../../../../shared/value/signing/personKeys';
import { DISPUTE_KIND, ESCROW_KIND, signRecordWith } from '../../../../shared/value/signing/signedRecord';
import { appKeyStore } from '../identity/keyStore';

/**
 * Signing for the value panel, with this device's key store (the private key never leaves it). Every
 * money event, dispute event and person claim this app writes goes through here.
 */
export const signEscrow = (e: LedgerEvent): Promise<LedgerEvent> => signRecordWith(appKeyStore(), ESCROW_KIND, e);
export const signDispute = (e: DisputeEvent): Promise<DisputeEvent> => signRecordWith(appKeyStore(), DISPUTE_KIND, e);
export const signClaim = (person: string): Promise<PersonClaim> => signRecordWith(appKeyStore(), CLAIM_KIND, { person, at: new Date().toISOString() });

/** A key for people: the member's name where the key is a known member, else its first hex digits. */
export function keyLabel(key: string, members: ReadonlyMap<string, string>): string {
  const name = members.get(key);
  return name ? `${name} (${key.slice(0, 8)}…)` : `${key.slice(0, 12)}…`;
}
