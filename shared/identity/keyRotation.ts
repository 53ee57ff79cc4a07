import { eventDigest, type SignedEvent, type VerifiedEvent } from './signedEvent';

/**
 * Key rotation. A member moves from `oldKey` to `newKey` in one of two ways:
 * - **self-signed**: a `key-rotation` event signed by the old key itself;
 * - **attested** (the old key is lost): `key-rotation` events with the same old and new key, signed
 *   by at least `attestationsRequired` distinct *other* members (neither key counts).
 * Either way the **new key must accept**: a `key-rotation` event with the same old and new key,
 * signed by the new key itself (proof that its holder consents). Without it a member could rotate into
 * another member's key and merge the two into one voter, or take over their links.
 * The rotation takes effect when both hold: at the later of the authorisation (the old key's `at`, or
 * the N-th attestation's `at`) and the acceptance.
 * Signatures the old key made before that stay valid as history; events it signs afterwards are
 * reported as made with a retired key. A key rotates at most once: the earliest rotation that holds
 * wins (ties by event digest), so two conflicting rotations resolve the same way on every peer.
 */
/** How many distinct other members must attest a rotation the old key did not sign, unless told otherwise. */
export const DEFAULT_ROTATION_ATTESTATIONS = 2;

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
  /** Rotations authorised (by the old key or by attestation) that the new key has not accepted yet. */
  pending: Rotation[];
  /** The key a (possibly old) key has rotated to, following the chain to its end. */
  currentKey(key: string): string;
  /** When a key was retired, if it was. */
  retiredAt(key: string): string | undefined;
  /** Whether an event is signed by a key that was still current at the event's time. */
  signedWhileCurrent(event: Pick<SignedEvent, 'author' | 'at'>): boolean;
}

export function keyHistory(verified: readonly VerifiedEvent[], options: RotationOptions): KeyHistory {
  const n = options.attestationsRequired ?? DEFAULT_ROTATION_ATTESTATIONS;
  const rotations = verified
    .filter((v): v is VerifiedEvent & { event: SignedEvent<'key-rotation'> } => v.status === 'valid' && v.event?.kind === 'key-rotation')
    .map((v) => v.event);

  const authorised: Rotation[] = [];
  const attested = new Map<string, SignedEvent<'key-rotation'>[]>();
  const acceptances = new Map<string, SignedEvent<'key-rotation'>>();
  for (const e of rotations) {
    const { oldKey, newKey } = e.body;
    if (oldKey === newKey) continue;
    if (e.author === newKey) {
      const k = `${oldKey}>${newKey}`;
      const seen = acceptances.get(k);
      if (!seen || byTimeThenDigest(e, seen) < 0) acceptances.set(k, e);
    } else if (e.author === oldKey) {
      authorised.push({ oldKey, newKey, at: e.at, via: 'old-key', signers: [oldKey], evidence: [eventDigest(e)] });
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
    authorised.push({
      oldKey: quorum[0].body.oldKey,
      newKey: quorum[0].body.newKey,
      at: quorum[n - 1].at,
      via: 'attested',
      signers: quorum.map((e) => e.author),
      evidence: quorum.map(eventDigest),
    });
  }
  const candidates: Rotation[] = [];
  const pending: Rotation[] = [];
  for (const r of authorised) {
    const accepted = acceptances.get(`${r.oldKey}>${r.newKey}`);
    if (!accepted) pending.push(r);
    else candidates.push({ ...r, at: Date.parse(accepted.at) > Date.parse(r.at) ? accepted.at : r.at, evidence: [...r.evidence, eventDigest(accepted)] });
  }
  candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.evidence[0] < b.evidence[0] ? -1 : 1));
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
    // still waiting for the new key, and not overtaken by a rotation of the same old key that holds
    pending: pending.filter((r) => !byOld.has(r.oldKey)),
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

/** The voting members of a workspace once key rotations are taken into account (keyRotation.ts `memberIdentities`). */
export interface MemberIdentities {
  /**
   * The member a key belongs to, named by that member's earliest member key, or undefined when the key
   * is no member's. Every key of one rotation chain (old → new → newer) belongs to the same member.
   */
  memberOf(key: string): string | undefined;
  /** One entry per member: a member who rotated and joined again with the new key counts once. */
  members: string[];
}

/**
 * Groups member keys by rotation chain, so that a member's rotated (new) key speaks as that member
 * and a member counts once however many times they rotated. A chain is followed backwards from any key
 * to its first key (the key nothing rotated into); in a cycle, the smallest key of the cycle stands for it.
 *
 * A rotation holds only when the new key accepted it (keyRotation above), so two members are merged
 * into one here only when the holders of both keys signed for it.
 */
export function memberIdentities(history: Pick<KeyHistory, 'rotations'>, memberKeys: Iterable<string>): MemberIdentities {
  const previous = new Map<string, string>();
  for (const r of history.rotations) if (!previous.has(r.newKey)) previous.set(r.newKey, r.oldKey);
  const walkBack = (key: string): { root: string; depth: number } => {
    const seen: string[] = [];
    let k = key;
    while (previous.has(k) && !seen.includes(k)) {
      seen.push(k);
      k = previous.get(k)!;
    }
    if (!seen.includes(k)) return { root: k, depth: seen.length };
    // a cycle: the smallest key of the ring stands for the chain, whichever key we started from
    const ring = seen.slice(seen.indexOf(k));
    const root = ring.reduce((a, b) => (a < b ? a : b));
    return { root, depth: seen.indexOf(root) };
  };
  // the member key nearest the chain's start names the member
  const named = new Map<string, { key: string; depth: number }>();
  for (const m of memberKeys) {
    const { root, depth } = walkBack(m);
    const best = named.get(root);
    if (!best || depth < best.depth || (depth === best.depth && m < best.key)) named.set(root, { key: m, depth });
  }
  return {
    memberOf: (key) => named.get(walkBack(key).root)?.key,
    members: [...named.values()].map((n) => n.key).sort(),
  };
}
