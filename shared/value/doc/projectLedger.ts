import { replayDispute, type DisputeState } from '../dispute/replayDispute';
import { resolutionEvent } from '../dispute/resolution';
import type { Dispute, DisputeEvent } from '../dispute/disputeSchema';
import { sameEvent } from '../ledgerOrder';
import { SETTLED, type MilestoneState } from '../ledgerRules';
import type { LedgerEvent, MilestoneTerms } from '../ledgerSchema';
import type { LedgerReplay } from '../replayLedger';
import { personKeys, type PersonKeys } from '../signing/personKeys';
import { replaySignedLedger, type SignedLedgerReplay } from '../signing/replaySigned';
import { screenEvent, screenEvents, type Screened } from '../signing/screenSigned';
import { DISPUTE_KIND, ESCROW_KIND } from '../signing/signedRecord';
import type { MilestoneRecord, ValueSnapshot } from './valueDoc';

/**
 * The app's view of a project's escrow: the SAME replay as `archipelago ledger replay`, fed from
 * the project document. A milestone's mediator for the ledger is the resolver of its dispute once
 * that dispute is resolved (the accepted mediator, `agreement:<id>` or `panel:<id>`), otherwise the
 * mediator named in the agreement.
 *
 * SIGNATURES (signing/): in the app every money event and every dispute event (proposals, mediator
 * choices, decisions, the community panel's votes) must be signed, and a person bound to a key by
 * their claim (signing/personKeys.ts) acts only through that key. Each event is judged on its own,
 * before the replay, so the state is still a function of the set of events: a tampered or
 * unauthorised event moves no money and casts no vote, and it is listed with its reason (never
 * dropped). The one exception to "signed by the actor" is a dispute's resolve (`<dispute>:resolve`):
 * any member who sees the outcome may write it, so it counts only when its content is exactly the
 * outcome replayed from the dispute's own (signed) events.
 */
export interface ProjectLedger {
  replay: SignedLedgerReplay;
  disputes: {
    dispute: Dispute;
    state: DisputeState;
    ledgerReason: string | undefined;
    pendingResolve: LedgerEvent | undefined;
    /** This dispute's events that do not count, with why. */
    untrusted: Screened<DisputeEvent>[];
  }[];
  bindings: PersonKeys;
  /** Who signed each trusted event (escrow and dispute), by event id. */
  signers: Map<string, string>;
}

export interface ProjectLedgerOptions {
  /** Refuse unsigned events (default true: the app signs everything it writes). */
  requireSigned?: boolean;
  /** A verification cache kept between re-reads (by the event's exact JSON). */
  cache?: Map<string, boolean>;
  /** The workspace's identity links (person id → key); they bind before any project claim. */
  linked?: ReadonlyMap<string, string>;
}

export function projectLedger(v: Pick<ValueSnapshot, 'milestones' | 'escrowEvents' | 'disputes' | 'disputeEvents' | 'personClaims'>, now: number, options: ProjectLedgerOptions = {}): ProjectLedger {
  const requireSigned = options.requireSigned ?? true;
  const bindings = personKeys(v.personClaims, options.linked);
  const keys = bindings.keys;
  const signers = new Map<string, string>();
  const screenedDisputes = screenEvents(v.disputeEvents, { kind: DISPUTE_KIND, keys, requireSigned, cache: options.cache });
  for (const e of screenedDisputes.trusted) if (e.signed) signers.set(e.id, e.signed.author);
  const states = v.disputes.map((dispute) => ({ dispute, state: replayDispute(dispute, screenedDisputes.trusted, { now }) }));
  const resolverOf = new Map<string, string>();
  const outcomes = new Map<string, LedgerEvent>();
  for (const { dispute, state } of states) {
    if (!state.outcome) continue;
    resolverOf.set(dispute.milestone, state.outcome.resolver);
    outcomes.set(`${dispute.id}:resolve`, resolutionEvent(dispute, state)!);
  }
  const terms: MilestoneTerms[] = v.milestones.map((m) => toTerms(m, resolverOf.get(m.id)));
  const screen = (e: LedgerEvent): Screened<LedgerEvent> => {
    const outcome = outcomes.get(e.id);
    if (!outcome) return screenEvent(e, { kind: ESCROW_KIND, keys, requireSigned, cache: options.cache });
    const s = screenEvent(e, { kind: ESCROW_KIND, requireSigned, cache: options.cache });
    if (s.status === 'valid' && !sameEvent(e, outcome)) return { ...s, status: 'unauthorised', reason: `does not match the outcome of dispute ${e.id.slice(0, -':resolve'.length)}` };
    return s;
  };
  const replay = replaySignedLedger(terms, v.escrowEvents, { now, requireSigned, keys, cache: options.cache, screen });
  const untrusted = new Set<LedgerEvent>(replay.untrusted.map((u) => u.event));
  for (const e of v.escrowEvents) if (e.signed && !untrusted.has(e)) signers.set(e.id, e.signed.author);
  const ids = new Set(v.escrowEvents.filter((e) => !untrusted.has(e)).map((e) => e.id));
  return {
    replay,
    bindings,
    signers,
    disputes: states.map(({ dispute, state }) => {
      // the ledger's own dispute event for this dispute: was it applied?
      const opened = replay.milestones.find((m) => m.id === dispute.milestone)?.history.find((h) => h.event.id === `${dispute.id}:open`);
      const openedUntrusted = replay.untrusted.find((u) => u.event.id === `${dispute.id}:open`);
      const pending = resolutionEvent(dispute, state);
      return {
        dispute,
        state,
        ledgerReason: opened?.reason ?? (opened ? undefined : openedUntrusted?.reason),
        pendingResolve: pending && !ids.has(pending.id) ? pending : undefined,
        untrusted: screenedDisputes.untrusted.filter((u) => u.event.dispute === dispute.id),
      };
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

/**
 * The ledger as CSV for accounting: one row per event, in each milestone's ledger order, with its
 * fate and the balance after it, and who signed it (`signed_by`, a public key). Events that move no
 * money because of their signature (tampered, unsigned, not the actor's key) follow their
 * milestone's rows with that status and the reason, so nothing is left out of the export.
 */
export function ledgerCsv(replay: LedgerReplay & { untrusted?: SignedLedgerReplay['untrusted'] }, milestones: readonly MilestoneRecord[], signers: ReadonlyMap<string, string> = new Map()): string {
  const title = new Map(milestones.map((m) => [m.id, m]));
  const esc = (s: string | number | undefined) => {
    const t = s === undefined ? '' : String(s);
    return /[",\n\r]/.test(t) || /^[=+\-@]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const rows = [['milestone', 'title', 'currency', 'event', 'type', 'at', 'actor', 'amount', 'release', 'refund', 'status', 'reason', 'held_after', 'released_after', 'refunded_after', 'signed_by']];
  const fields = (e: LedgerEvent) => [e.id, e.type, e.at, e.actor, e.type === 'fund' ? String(e.amount) : '', e.type === 'resolve' ? String(e.release) : '', e.type === 'resolve' ? String(e.refund) : ''];
  for (const m of replay.milestones) {
    const head = [m.id, title.get(m.id)?.title ?? '', title.get(m.id)?.currency ?? ''];
    for (const h of m.history) rows.push([...head, ...fields(h.event), h.applied ? 'applied' : 'rejected', h.reason ?? '', String(h.held), String(h.released), String(h.refunded), signers.get(h.event.id) ?? '']);
    for (const u of replay.untrusted ?? []) if (u.event.milestone === m.id) rows.push([...head, ...fields(u.event), u.status, u.reason, '', '', '', u.author ?? '']);
  }
  return `${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
