import { z } from 'zod';
import { PublicKeyHex } from '../identity/keys';
import { SignatureSchema } from './signing/signedRecord';

/**
 * The escrow ledger file (DESIGN.md §3, "The escrow ledger"), version 1. Amounts are integers in
 * minor units (cents) of the milestone's currency. The same schemas validate the CLI's input file
 * and every event a peer writes into a project document.
 */

const Id = z.string().min(1, 'must be a non-empty id').max(200);
/** A non-negative integer amount in minor units, small enough to add exactly in a double. */
export const MinorUnits = z.number().int('must be an integer (minor units)').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER);
export const IsoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-01-02T10:00:00Z' });

/**
 * `signed` is optional: the contract's files are unsigned and stay valid. When present it is the
 * actor's Ed25519 signature over the other fields (signing/signedRecord.ts); one that does not hold
 * makes the event rejected as tampered (and `ledger replay` exit 4).
 */
const base = { id: Id, milestone: Id, at: IsoInstant, actor: Id, signed: SignatureSchema.optional() };

export const FundEvent = z.object({ ...base, type: z.literal('fund'), amount: MinorUnits.min(1, 'must be at least 1 (minor units)') });
export const SubmitEvent = z.object({ ...base, type: z.literal('submit') });
export const ApproveEvent = z.object({ ...base, type: z.literal('approve') });
export const DisputeEvent = z.object({ ...base, type: z.literal('dispute') });
export const ResolveEvent = z.object({ ...base, type: z.literal('resolve'), release: MinorUnits, refund: MinorUnits });
export const CancelEvent = z.object({ ...base, type: z.literal('cancel') });

export const LedgerEventSchema = z.discriminatedUnion('type', [FundEvent, SubmitEvent, ApproveEvent, DisputeEvent, ResolveEvent, CancelEvent]);
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
export type LedgerEventType = LedgerEvent['type'];
export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = ['fund', 'submit', 'approve', 'dispute', 'resolve', 'cancel'];

export const DEFAULT_AUTO_RELEASE_DAYS = 14;

export const MilestoneTermsSchema = z
  .object({
    id: Id,
    payer: Id,
    payee: Id,
    /** Who may resolve a dispute. Optional until the parties accept one. */
    mediator: Id.optional(),
    /** Days after a submit with no dispute before what is held is released (Upwork uses 14). */
    autoReleaseDays: z.number().nonnegative().max(3650).default(DEFAULT_AUTO_RELEASE_DAYS),
    /** ISO 4217 code of the amounts' minor units; not part of the replay output. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
  })
  .superRefine((m, ctx) => {
    if (m.payer === m.payee) ctx.addIssue({ code: 'custom', path: ['payee'], message: 'must differ from the payer' });
    if (m.mediator !== undefined && (m.mediator === m.payer || m.mediator === m.payee))
      ctx.addIssue({ code: 'custom', path: ['mediator'], message: 'must be a party to neither side (not the payer or the payee)' });
  });
export type MilestoneTerms = z.infer<typeof MilestoneTermsSchema>;

export const LedgerFileSchema = z
  .object({
    version: z.literal(1),
    milestones: z.array(MilestoneTermsSchema),
    events: z.array(LedgerEventSchema),
    /**
     * Optional: person id → the public key their events must be signed with. An event whose actor
     * is listed here counts only when signed by that key; unlisted actors may still sign.
     */
    keys: z.record(Id, PublicKeyHex).optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.milestones.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'id'], message: `duplicate milestone id "${m.id}"` });
      seen.add(m.id);
    });
  });
export type LedgerFile = z.infer<typeof LedgerFileSchema>;
export type LedgerFileInput = z.input<typeof LedgerFileSchema>;
