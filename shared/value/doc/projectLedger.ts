import { replayDispute, type DisputeState } from '../dispute/replayDispute';
import { resolutionEvent } from '../dispute/resolution';
import type { Dispute } from '../dispute/disputeSchema';
import { SETTLED, type MilestoneState } from '../ledgerRules';
import type { LedgerEvent, MilestoneTerms } from '../ledgerSchema';
import { replayLedger, type LedgerReplay } from '../replayLedger';
import type { MilestoneRecord, ValueSnapshot } from './valueDoc';

/**
 * The app's view of a project's escrow: the SAME replay as `archipelago ledger replay`, fed from
 * the project document. A milestone's mediator for the ledger is the resolver of its dispute once
 * that dispute is resolved (the accepted mediator, `agreement:<id>` or `panel:<id>`), otherwise the
 * mediator named in the agreement.
 */
export interface ProjectLedger {
  replay: LedgerReplay;
  disputes: { dispute: Dispute; state: DisputeState; ledgerReason: string | undefined; pendingResolve: LedgerEvent | undefined }[];
}

export function projectLedger(v: Pick<ValueSnapshot, 'milestones' | 'escrowEvents' | 'disputes' | 'disputeEvents'>, now: number): ProjectLedger {
  const states = v.disputes.map((dispute) => ({ dispute, state: replayDispute(dispute, v.disputeEvents, { now }) }));
  const resolverOf = new Map<string, string>();
  for (const { dispute, state } of states) if (state.outcome) resolverOf.set(dispute.milestone, state.outcome.resolver);
  const terms: MilestoneTerms[] = v.milestones.map((m) => toTerms(m, resolverOf.get(m.id)));
  const replay = replayLedger(terms, v.escrowEvents, { now });
  const ids = new Set(v.escrowEvents.map((e) => e.id));
  return {
    replay,
    disputes: states.map(({ dispute, state }) => {
      // the ledger's own dispute event for this dispute: was it applied?
      const opened = replay.milestones.find((m) => m.id === dispute.milestone)?.history.find((h) => h.event.id === `${dispute.id}:open`);
      const pending = resolutionEvent(dispute, state);
      return { dispute, state, ledgerReason: opened?.reason, pendingResolve: pending && !ids.has(pending.id) ? pending : undefined };
    }),
  };
}

function toTerms(m: MilestoneRecord, resolver: string | undefined): MilestoneTerms {
  return { id: m.id, payer: m.payer, payee: m.payee, mediator: resolver ?? m.mediator, autoReleaseDays: m.autoReleaseDays, currency: m.currency };
}

export type EscrowAction = 'fund' | 'submit' | 'approve' | 'dispute' | 'cancel';

/** What `person` may do on a milestone now (forbidden actions are not offered). Resolve comes from a dispute. */
export function escrowActions(m: MilestoneRecord, state: MilestoneState, person: string): EscrowAction[] {
  if (SETTLED.has(state)) return [];
  const out: EscrowAction[] = [];
  const payer = person === m.payer;
  const payee = person === m.payee;
  if (payer && (state === 'open' || state === 'funded')) out.push('fund');
  if (payee && state === 'funded') out.push('submit');
  if (payer && state === 'submitted') out.push('approve');
  if ((payer || payee) && (state === 'funded' || state === 'submitted')) out.push('dispute');
  if (payer && (state === 'open' || state === 'funded')) out.push('cancel');
  return out;
}

/** Who is waiting on whom, in words. */
export function nextActor(m: MilestoneRecord, state: MilestoneState): string {
  switch (state) {
    case 'open':
      return `${m.payer} (payer) to fund`;
    case 'funded':
      return `${m.payee} (payee) to submit`;
    case 'submitted':
      return `${m.payer} (payer) to approve, or either party to dispute; released by itself after ${m.autoReleaseDays} days`;
    case 'disputed':
      return 'the dispute’s next step';
    default:
      return 'no one: settled';
  }
}

/** The ledger as CSV for accounting: one row per event, in the ledger's order, with its fate. */
export function ledgerCsv(replay: LedgerReplay, milestones: readonly MilestoneRecord[]): string {
  const title = new Map(milestones.map((m) => [m.id, m]));
  const esc = (s: string | number | undefined) => {
    const t = s === undefined ? '' : String(s);
    return /[",\n\r]/.test(t) || /^[=+\-@]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const rows = [['milestone', 'title', 'currency', 'event', 'type', 'at', 'actor', 'amount', 'release', 'refund', 'status', 'reason', 'held_after', 'released_after', 'refunded_after']];
  for (const m of replay.milestones) {
    for (const h of m.history) {
      const e = h.event;
      rows.push([m.id, title.get(m.id)?.title ?? '', title.get(m.id)?.currency ?? '', e.id, e.type, e.at, e.actor, e.type === 'fund' ? String(e.amount) : '', e.type === 'resolve' ? String(e.release) : '', e.type === 'resolve' ? String(e.refund) : '', h.applied ? 'applied' : 'rejected', h.reason ?? '', String(h.held), String(h.released), String(h.refunded)]);
    }
  }
  return `${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
