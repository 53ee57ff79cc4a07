import { z } from 'zod';
import { SignedEnvelopeSchema, eventDigest, verifyEvent, signEvent, type SignedEvent } from './signedEvent';
import type { AttestationBody, FeedbackBody, ProfileBody } from './eventKinds';
import type { Signer } from './keys';

/**
 * The portable profile ("Unified Self"): one file, every value in it signed.
 *
 * ```
 * { "format": "archipelago-profile", "version": 1,
 *   "profile": <profile event signed by the subject: name, skills, work history, digests of the items>,
 *   "items": [<feedback and attestation events about the subject, each signed by its author>] }
 * ```
 * `format` and `version` are fixed literals (a change makes the file malformed). The subject's profile
 * event lists the SHA-256 digest of every item, so an item that is changed, swapped or added fails,
 * and one that is removed makes the profile event report it missing.
 */
export const PROFILE_FORMAT = 'archipelago-profile';

export const ProfileFileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(1),
  profile: SignedEnvelopeSchema,
  items: z.array(SignedEnvelopeSchema).max(10_000),
});
export type ProfileFile = { format: typeof PROFILE_FORMAT; version: 1; profile: SignedEvent<'profile'>; items: SignedEvent<'feedback' | 'attestation'>[] };

export interface ProfileItemReport {
  path: string;
  kind: string;
  signer: string;
  valid: boolean;
  reason: string;
}

export interface ProfileReport {
  valid: boolean;
  subject: string;
  name: string;
  items: ProfileItemReport[];
}

/** Builds and signs a profile file. The subject signs last, over the digests of the given items. */
export function signProfile(subject: Signer, claims: Omit<ProfileBody, 'items'>, items: SignedEvent<'feedback' | 'attestation'>[], at: string): ProfileFile {
  for (const item of items) {
    if ((item.body as FeedbackBody | AttestationBody).subject !== subject.publicKey) throw new RangeError('every item in a profile must be about its subject');
  }
  const profile = signEvent(subject, 'profile', { ...claims, items: items.map(eventDigest) }, at);
  return { format: PROFILE_FORMAT, version: 1, profile, items };
}

/**
 * Verifies a profile file whose shape `ProfileFileSchema` has accepted. Every item gets a verdict:
 * its signature, its kind (feedback or attestation), that it is about the subject, and that the
 * subject's signed list of digests includes it. The profile event also fails if an item it lists is
 * missing. An event whose body is malformed is reported as an invalid item, never dropped.
 */
export function verifyProfile(file: z.infer<typeof ProfileFileSchema>): ProfileReport {
  const items: ProfileItemReport[] = [];
  const head = verifyEvent(file.profile);
  const subject = file.profile.author;
  const profileBody = head.event?.kind === 'profile' ? (head.event.body as ProfileBody) : undefined;
  const listed = new Set(profileBody?.items ?? []);
  const present = new Set<string>();

  const itemReports = file.items.map((raw, i): ProfileItemReport => {
    const path = `$.items[${i}]`;
    const v = verifyEvent(raw);
    const base = { path, kind: raw.kind, signer: raw.author };
    if (v.status !== 'valid' || !v.event) return { ...base, valid: false, reason: v.status === 'tampered' ? `tampered: ${v.reason}` : `malformed: ${v.reason}` };
    const e = v.event;
    if (e.kind !== 'feedback' && e.kind !== 'attestation') return { ...base, valid: false, reason: `a profile holds feedback and attestations, not ${e.kind}` };
    if ((e.body as FeedbackBody | AttestationBody).subject !== subject) return { ...base, valid: false, reason: 'it is about someone else than the profile subject' };
    const digest = eventDigest(e);
    if (present.has(digest)) return { ...base, valid: false, reason: 'a duplicate of an earlier item' };
    present.add(digest);
    if (!listed.has(digest)) return { ...base, valid: false, reason: "not in the subject's signed list of items" };
    return { ...base, valid: true, reason: '' };
  });

  let headReason = '';
  if (head.status !== 'valid') headReason = head.status === 'tampered' ? `tampered: ${head.reason}` : `malformed: ${head.reason}`;
  else if (head.event?.kind !== 'profile') headReason = `the profile event must be of kind profile, not ${head.event?.kind}`;
  else {
    // An invalid item in the file is blamed on itself; only digests that no item slot could account
    // for (the file has fewer items than the subject signed) make the profile event fail.
    const missing = [...listed].filter((d) => !present.has(d));
    const unaccounted = file.items.length - present.size;
    if (missing.length > unaccounted) headReason = `${missing.length} signed item(s) missing from the file, first ${missing[0].slice(0, 12)}…`;
    else if (listed.size !== (profileBody?.items.length ?? 0)) headReason = 'the signed list of items repeats a digest';
  }
  items.push({ path: '$.profile', kind: file.profile.kind, signer: subject, valid: headReason === '', reason: headReason }, ...itemReports);
  return { valid: items.every((x) => x.valid), subject, name: profileBody?.name ?? '', items };
}
