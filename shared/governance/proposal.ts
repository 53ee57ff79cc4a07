import { z } from 'zod';
import { canonicalBytes } from '../identity/canonical';
import { PublicKeyHex, sha256Hex } from '../identity/keys';

/**
 * A proposal to change the weights of the assembly objective (shared/assembly/objective.ts). Votes
 * are signed events that name the proposal's digest (SHA-256 of its canonical JSON), so a vote counts
 * only for the exact proposal its voter saw: an edited proposal is a different proposal.
 */
const Weight = z.number().min(0).max(10);
export const WeightsSchema = z.strictObject({ coverage: Weight, trust: Weight, timezone: Weight, cost: Weight, availability: Weight });

export const ProposalSchema = z
  .strictObject({
    id: z.string().min(1).max(200),
    title: z.string().min(1).max(300),
    rationale: z.string().max(4000),
    proposer: PublicKeyHex,
    weights: WeightsSchema,
    /** How many distinct members must vote (yes, no or abstain) for the result to count. */
    quorum: z.number().int().min(1),
    createdAt: z.iso.datetime({ offset: true }),
    deadline: z.iso.datetime({ offset: true }),
  })
  .refine((p) => Date.parse(p.deadline) > Date.parse(p.createdAt), 'the deadline must be after creation');

export type Proposal = z.infer<typeof ProposalSchema>;

export function proposalDigest(p: Proposal): string {
  return sha256Hex(canonicalBytes(ProposalSchema.parse(p)));
}
