import { z } from 'zod';
import { DigestHex, PublicKeyHex } from './keys';

/**
 * The bodies of the signed event kinds. Every object is strict: an unknown or renamed key is a
 * malformed event, never ignored "metadata".
 */
const Text = (max: number) => z.string().max(max);
const Id = z.string().min(1).max(200);
const IsoDate = z.iso.datetime({ offset: true });

/** The four dimensions every workspace has; a workspace may add its own (same name rules). */
export const STANDARD_DIMENSIONS = ['quality', 'communication', 'reliability', 'collaboration'] as const;
export const DimensionName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a dimension name (lowercase letters, digits, dashes)');

export const ScaleSchema = z.strictObject({ min: z.number().int(), max: z.number().int() }).refine((s) => s.max > s.min, 'scale max must exceed min');

export const DimensionScoreSchema = z
  .strictObject({ score: z.number().finite(), scale: ScaleSchema, comment: Text(2000) })
  .refine((d) => d.score >= d.scale.min && d.score <= d.scale.max, 'score outside its scale');

export const FeedbackContextSchema = z.strictObject({
  role: Text(200).min(1),
  projectType: Text(200).min(1),
  constraints: z.array(Text(200)).max(20),
});

export const FeedbackBodySchema = z.strictObject({
  subject: PublicKeyHex,
  engagement: z.strictObject({ project: Id, milestone: Id.nullable() }),
  context: FeedbackContextSchema,
  dimensions: z.record(DimensionName, DimensionScoreSchema).refine((d) => Object.keys(d).length > 0, 'at least one dimension'),
});

export const AttestationBodySchema = z.strictObject({
  subject: PublicKeyHex,
  claim: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('worked-with'), project: Id, role: Text(200), from: IsoDate, to: IsoDate.nullable() }),
    z.strictObject({ type: z.literal('skill'), skill: Id, level: z.number().min(0).max(1) }),
  ]),
  comment: Text(2000),
});

/** A party's signature over one exact version of an agreement (its canonical SHA-256 digest). */
export const AgreementSignatureBodySchema = z.strictObject({ agreement: Id, digest: DigestHex });

export const VoteBodySchema = z.strictObject({ proposal: Id, proposalDigest: DigestHex, choice: z.enum(['yes', 'no', 'abstain']) });

/**
 * A key rotation. Signed by the old key (`author === oldKey`), or, when the old key is lost, one
 * `key-rotation` per attesting member (`author` is that member) and the rotation holds once N distinct
 * members attest it. Signatures made by the old key before `at` stay valid as history.
 */
export const KeyRotationBodySchema = z
  .strictObject({ oldKey: PublicKeyHex, newKey: PublicKeyHex, reason: Text(500) })
  .refine((b) => b.oldKey !== b.newKey, 'the new key must differ from the old');

/**
 * The confirmation half of linking a person of the network to a member's key: signed by the key being
 * linked ("I, the holder of this key, am `person` in workspace `workspace`"). Anyone may *claim* an
 * entry for a member (an unsigned request in the workspace document); only this signature makes the
 * link hold. The workspace id keeps a confirmation from being replayed into another workspace.
 */
export const PersonLinkBodySchema = z.strictObject({ workspace: Id, person: Id });

export const SkillLevelSchema = z.strictObject({ skill: Id, level: z.number().min(0).max(1) });
export const WorkHistoryEntrySchema = z.strictObject({ project: Id, team: Id, role: Text(200), from: IsoDate, to: IsoDate.nullable() });

/** A person's own claims, signed by their key: name, skills, work history, and the digests of every item in the profile. */
export const ProfileBodySchema = z.strictObject({
  name: Text(200).min(1),
  skills: z.array(SkillLevelSchema).max(500),
  workHistory: z.array(WorkHistoryEntrySchema).max(500),
  items: z.array(DigestHex).max(10_000),
});

export const EVENT_BODIES = {
  feedback: FeedbackBodySchema,
  attestation: AttestationBodySchema,
  'agreement-signature': AgreementSignatureBodySchema,
  vote: VoteBodySchema,
  'key-rotation': KeyRotationBodySchema,
  profile: ProfileBodySchema,
  'person-link': PersonLinkBodySchema,
} as const;

export type EventKind = keyof typeof EVENT_BODIES;
export const EVENT_KINDS = Object.keys(EVENT_BODIES) as EventKind[];
export type EventBody<K extends EventKind> = z.infer<(typeof EVENT_BODIES)[K]>;
export type FeedbackBody = EventBody<'feedback'>;
export type AttestationBody = EventBody<'attestation'>;
export type ProfileBody = EventBody<'profile'>;
