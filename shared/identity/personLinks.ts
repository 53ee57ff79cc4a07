import { eventDigest, type SignedEvent, type VerifiedEvent } from './signedEvent';
import type { KeyHistory } from './keyRotation';

/**
 * Which person of the network each member key is, from the `person-link` events of the ledger. A link
 * holds only when it is signed by the key itself (the event's author), for this workspace. Conflicts
 * resolve the same way on every peer: the earliest valid confirmation wins (by `at`, then digest),
 * both per person and per key. A linked key's later keys (its rotations) stay linked to the person.
 */
export interface PersonLink {
  person: string;
  /** The key that signed the confirmation. */
  key: string;
  at: string;
  /** Digest of the confirming event. */
  evidence: string;
}

export interface PersonLinks {
  links: PersonLink[];
  personOfKey(key: string): string | undefined;
  /** The person's current key (after rotations), if they are linked. */
  keyOfPerson(person: string): string | undefined;
}

export function personLinks(verified: readonly VerifiedEvent[], options: { workspace: string; history?: KeyHistory }): PersonLinks {
  const confirmations = verified
    .filter((v): v is VerifiedEvent & { event: SignedEvent<'person-link'> } => v.status === 'valid' && v.event?.kind === 'person-link')
    .map((v) => v.event)
    .filter((e) => e.body.workspace === options.workspace)
    .map((e) => ({ e, digest: eventDigest(e) }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || (a.digest < b.digest ? -1 : 1));
  const byPerson = new Map<string, PersonLink>();
  const byKey = new Map<string, string>();
  for (const { e, digest } of confirmations) {
    if (byPerson.has(e.body.person) || byKey.has(e.author)) continue;
    byPerson.set(e.body.person, { person: e.body.person, key: e.author, at: e.at, evidence: digest });
    byKey.set(e.author, e.body.person);
  }
  const current = options.history?.currentKey ?? ((k: string) => k);
  // the keys a linked key rotated to are the same person (unless that key confirmed a link itself)
  for (const link of byPerson.values()) {
    const next = current(link.key);
    if (next !== link.key && !byKey.has(next)) byKey.set(next, link.person);
  }
  return {
    links: [...byPerson.values()],
    personOfKey: (key) => byKey.get(key) ?? byKey.get(current(key)),
    keyOfPerson: (person) => {
      const link = byPerson.get(person);
      return link ? current(link.key) : undefined;
    },
  };
}
