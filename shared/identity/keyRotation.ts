import { eventDigest, type SignedEvent, type VerifiedEvent } from './signedEvent';

/**
 * Key rotation. A member moves from `oldKey` to `newKey` in one of two ways:
 * - **self-signed**: a `key-rotation` event signed by the old key itself;
 * - **attested** (the old key is lost): `key-rotation` events with the same old and new key, signed
 *   by at least `attestationsRequired` distinct *other* members (neither key counts).
 * The rotation takes effect at its `at` (for an attested one, at the N-th attestation's `at`).
 * Signatures the old key made before that stay valid as history; events it signs afterwards are
 * reported as made with a retired key. A key rotates at most once: the earliest rotation that holds
 * wins (ties by event digest), so two conflicting rotations resolve the same way on every peer.
 */
export interface RotationOptions {
  /** Public keys of the workspace's members (at any point); only they can attest a rotation. */
  members: ReadonlySet<string>;
  /** How many distinct other members must attest a rotation that the old key did not sign. Default 2. */
  attestationsRequired?: number;
}

export interface Rotation {
  oldKey: string;
  newKey: string;
  /** When the old key was retired. */
  at: string;
  via: 'old-key' | 'attested';
  /** Who signed it: the old key, or the attesting members. */
  signers: string[];
  /** Digests of the events it rests on. */
  evidence: string[];
}

export interface KeyHistory {
  rotations: Rotation[];
  /** The key a (possibly old) key has rotated to, following the chain to its end. */
  currentKey(key: string): string;
  /** When a key was retired, if it was. */
  retiredAt(key: string): string | undefined;
  /** Whether an event is signed by a key that was still current at the event's time. */
  signedWhileCurrent(event: Pick<SignedEvent, 'author' | 'at'>): boolean;
}

export function keyHistory(verified: readonly VerifiedEvent[], options: RotationOptions): KeyHistory {
  const n = options.attestationsRequired ?? 2;
  const rotations = verified
    .filter((v): v is VerifiedEvent & { event: SignedEvent<'key-rotation'> } => v.status === 'valid' && v.event?.kind === 'key-rotation')
    .map((v) => v.event);

  const candidates: Rotation[] = [];
  const attested = new Map<string, SignedEvent<'key-rotation'>[]>();
  for (const e of rotations) {
    const { oldKey, newKey } = e.body;
    if (e.author === oldKey) {
      candidates.push({ oldKey, newKey, at: e.at, via: 'old-key', signers: [oldKey], evidence: [eventDigest(e)] });
    } else if (options.members.has(e.author) && e.author !== newKey) {
      const k = `${oldKey}>${newKey}`;
      attested.set(k, [...(attested.get(k) ?? []), e]);
    }
  }
  for (const list of attested.values()) {
    const firstPerMember = new Map<string, SignedEvent<'key-rotation'>>();
    for (const e of [...list].sort(byTimeThenDigest)) if (!firstPerMember.has(e.author)) firstPerMember.set(e.author, e);
    const ordered = [...firstPerMember.values()].sort(byTimeThenDigest);
    if (ordered.length < n) continue;
    const quorum = ordered.slice(0, n);
    candidates.push({
      oldKey: quorum[0].body.oldKey,
      newKey: quorum[0].body.newKey,
      at: quorum[n - 1].at,
      via: 'attested',
      signers: quorum.map((e) => e.author),
      evidence: quorum.map(eventDigest),
    });
  }
  candidates.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.evidence[0] < b.evidence[0] ? -1 : 1));
  const byOld = new Map<string, Rotation>();
  for (const r of candidates) if (!byOld.has(r.oldKey)) byOld.set(r.oldKey, r);

  const currentKey = (key: string) => {
    const seen = new Set<string>();
    let k = key;
    while (byOld.has(k) && !seen.has(k)) {
      seen.add(k);
      k = byOld.get(k)!.newKey;
    }
    return k;
  };
  const retiredAt = (key: string) => byOld.get(key)?.at;
  return {
    rotations: [...byOld.values()],
    currentKey,
    retiredAt,
    signedWhileCurrent: (e) => {
      const retired = retiredAt(e.author);
      return retired === undefined || Date.parse(e.at) < Date.parse(retired);
    },
  };
}

function byTimeThenDigest(a: SignedEvent, b: SignedEvent): number {
  if (a.at !== b.at) return Date.parse(a.at) - Date.parse(b.at);
  return eventDigest(a) < eventDigest(b) ? -1 : 1;
}
