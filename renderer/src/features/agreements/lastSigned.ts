import type { Agreement } from '../../../../shared/agreements/agreement';
import type { SignedEvent, VerifiedEvent } from '../../../../shared/identity/signedEvent';

/** The version a party last validly signed (for naming what changed since), when this device has it. */
export function lastSignedVersion(events: readonly VerifiedEvent[], agreementId: string, key: string, versions: ReadonlyMap<string, Agreement>): Agreement | undefined {
  const mine = events
    .filter((v) => v.status === 'valid' && v.event?.kind === 'agreement-signature' && v.event.author === key)
    .map((v) => v.event as SignedEvent<'agreement-signature'>)
    .filter((e) => e.body.agreement === agreementId)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return mine[0] ? versions.get(mine[0].body.digest) : undefined;
}

/** Signature events for this agreement in a party's name that do not verify (shown, never counted). */
export function tamperedSignatures(events: readonly VerifiedEvent[], agreementId: string, key: string): VerifiedEvent[] {
  return events.filter((v) => v.status !== 'valid' && v.event?.kind === 'agreement-signature' && v.event.author === key && (v.event.body as { agreement?: string }).agreement === agreementId);
}
