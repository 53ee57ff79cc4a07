import type { LedgerEvent } from '../ledgerSchema';
import type { Dispute } from './disputeSchema';
import type { DisputeState } from './replayDispute';

/**
 * The escrow ledger's resolve for a resolved dispute. Its id is derived from the dispute, so every
 * peer that sees the outcome writes the very same event, and the ledger counts it once. Its actor
 * is the outcome's resolver, who is the milestone's mediator for the ledger (milestoneTermsFor).
 */
export function resolutionEvent(d: Dispute, s: DisputeState): LedgerEvent | undefined {
  if (!s.outcome) return undefined;
  return { id: `${d.id}:resolve`, milestone: d.milestone, type: 'resolve', release: s.outcome.release, refund: s.outcome.refund, at: new Date(s.outcome.at).toISOString(), actor: s.outcome.resolver };
}
