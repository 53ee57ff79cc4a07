import { z } from 'zod';
import { IsoInstant } from '../ledgerSchema';
import { signatureHolds, SignatureSchema } from './signedRecord';

/**
 * Which key acts for which person of a project (payer, payee, mediator, panelist). A member claims a
 * person by signing `{ person, at }` with their key when they first act as that person; the claim is
 * stored in the project document (`personClaims`). Trust on first use, decided as a function of the
 * SET of claims: the earliest valid claim (by `at`, then by key) binds the person, so two members who
 * claim one person at once, offline, converge on the same binding, and every later claim is shown as
 * contested. From then on the person's money events and votes count only when signed by that key.
 */
export const CLAIM_KIND = 'person-claim';

export const PersonClaimSchema = z.object({ person: z.string().min(1).max(200), at: IsoInstant, signed: SignatureSchema });
export type PersonClaim = z.infer<typeof PersonClaimSchema>;

export interface PersonKeys {
  /** person id → bound public key */
  keys: Map<string, string>;
  /** claims that lost to an earlier one, or whose signature does not hold */
  contested: { claim: PersonClaim; reason: string }[];
}

/**
 * `linked` (person id → key) are the workspace's identity links (shared/identity/personLinks.ts: a
 * person confirmed by their own key's signature). They take precedence over project claims: a linked
 * person is bound to their linked key, and any claim of them by another key is contested.
 */
export function personKeys(claims: readonly PersonClaim[], linked: ReadonlyMap<string, string> = new Map()): PersonKeys {
  const keys = new Map<string, string>(linked);
  const contested: PersonKeys['contested'] = [];
  const valid = claims.filter((c) => {
    const ok = signatureHolds(CLAIM_KIND, { person: c.person, at: c.at }, c.signed);
    if (!ok) contested.push({ claim: c, reason: 'tampered: the claim’s signature does not hold' });
    return ok;
  });
  valid.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.signed.author < b.signed.author ? -1 : a.signed.author > b.signed.author ? 1 : 0));
  for (const c of valid) {
    const bound = keys.get(c.person);
    if (bound === undefined) keys.set(c.person, c.signed.author);
    else if (bound !== c.signed.author)
      contested.push({ claim: c, reason: linked.has(c.person) ? `${c.person} is linked to the key ${bound.slice(0, 12)}… in this workspace` : `${c.person} was already claimed by ${bound.slice(0, 12)}…` });
  }
  return { keys, contested };
}
