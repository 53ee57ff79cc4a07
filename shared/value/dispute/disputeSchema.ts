import { z } from 'zod';
import { IsoInstant, MinorUnits } from '../ledgerSchema';
import { SignatureSchema } from '../signing/signedRecord';

const Id = z.string().min(1).max(200);

/**
 * A dispute on a milestone, as stored in the project document. The trust calculus's suggestions
 * are snapshotted when it is opened, so every peer replays the same rules from the same record.
 */
export const DisputeSchema = z
  .object({
    id: Id,
    milestone: Id,
    payer: Id,
    payee: Id,
    openedBy: Id,
    openedAt: IsoInstant,
    /** What the escrow held when it was opened: every split must settle exactly this. */
    held: MinorUnits,
    negotiationDays: z.number().positive().max(365).default(7),
    mediationDays: z.number().positive().max(365).default(7),
    panelDays: z.number().positive().max(365).default(7),
    /** Trusted by both parties, a party to neither, best first (suggestMediators). */
    mediatorCandidates: z.array(Id).default([]),
    /** N trusted non-parties, disjoint from the mediator candidates. */
    panel: z.array(Id).default([]),
    reason: z.string().max(2000).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.openedBy !== d.payer && d.openedBy !== d.payee) ctx.addIssue({ code: 'custom', path: ['openedBy'], message: 'only a party may open a dispute' });
    for (const [key, list] of [['mediatorCandidates', d.mediatorCandidates], ['panel', d.panel]] as const)
      list.forEach((p, i) => {
        if (p === d.payer || p === d.payee) ctx.addIssue({ code: 'custom', path: [key, i], message: 'must not be a party' });
      });
  });
export type Dispute = z.infer<typeof DisputeSchema>;
export type DisputeInput = z.input<typeof DisputeSchema>;

/** `signed`: the actor's signature over the other fields (signing/signedRecord.ts, DISPUTE_KIND). */
const base = { id: Id, dispute: Id, actor: Id, at: IsoInstant, signed: SignatureSchema.optional() };
const split = { release: MinorUnits, refund: MinorUnits };

export const DisputeEventSchema = z.discriminatedUnion('type', [
  /** A party proposes a split (negotiation). */
  z.object({ ...base, type: z.literal('propose'), ...split }),
  /** The other party accepts a proposal by its event id (negotiation). */
  z.object({ ...base, type: z.literal('accept'), proposal: Id }),
  /** A party moves the dispute to the next step before its deadline. */
  z.object({ ...base, type: z.literal('escalate') }),
  /** A party nominates a mediator from the candidates; nominating is also accepting. */
  z.object({ ...base, type: z.literal('nominate'), mediator: Id }),
  /** A party accepts a nominated mediator. */
  z.object({ ...base, type: z.literal('accept-mediator'), mediator: Id }),
  /** The accepted mediator decides the split. */
  z.object({ ...base, type: z.literal('decide'), ...split }),
  /** A panelist votes for a split. */
  z.object({ ...base, type: z.literal('vote'), ...split }),
]);
export type DisputeEvent = z.infer<typeof DisputeEventSchema>;
export type DisputeEventType = DisputeEvent['type'];
