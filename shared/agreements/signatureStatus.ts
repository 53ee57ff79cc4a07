import type { SignedEvent, VerifiedEvent } from '../identity/signedEvent';
import { agreementDigest, changedPaths, type Agreement } from './agreement';

export type PartySignatureState = 'signed' | 'stale' | 'unsigned' | 'tampered';

export interface PartySignature {
  key: string;
  name: string;
  state: PartySignatureState;
  signedAt?: string;
  /** For a stale signature: what changed since the version this party signed (JSON paths). */
  changes: string[];
  reason: string;
}

/**
 * Who has signed the current version. For each party, their latest valid `agreement-signature` for
 * this agreement decides: `signed` when its digest is the current one, `stale` when they signed an
 * earlier version (with the paths that changed since, when that version is known), `unsigned` when
 * they never signed. A tampered signature event by a party is shown as `tampered` unless a valid one
 * is current. `versions` maps digests to the versions the app has seen (the agreement's history).
 */
export function signatureStatus(agreement: Agreement, events: readonly VerifiedEvent[], versions: ReadonlyMap<string, Agreement>): PartySignature[] {
  const digest = agreementDigest(agreement);
  return agreement.parties.map((party) => {
    const mine = events.filter((v) => v.event?.kind === 'agreement-signature' && v.event.author === party.key && (v.event.body as { agreement?: string }).agreement === agreement.id);
    const valid = mine
      .filter((v) => v.status === 'valid')
      .map((v) => v.event as SignedEvent<'agreement-signature'>)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    const current = valid.find((e) => e.body.digest === digest);
    const base = { key: party.key, name: party.name };
    if (current) return { ...base, state: 'signed' as const, signedAt: current.at, changes: [], reason: '' };
    if (mine.some((v) => v.status !== 'valid') && valid.length === 0) return { ...base, state: 'tampered' as const, changes: [], reason: mine.find((v) => v.status !== 'valid')!.reason };
    const latest = valid[0];
    if (!latest) return { ...base, state: 'unsigned' as const, changes: [], reason: 'has not signed' };
    const old = versions.get(latest.body.digest);
    return {
      ...base,
      state: 'stale' as const,
      signedAt: latest.at,
      changes: old ? changedPaths(old, agreement) : [],
      reason: old ? 'the agreement changed after this signature' : 'signed a version this device has not seen',
    };
  });
}
