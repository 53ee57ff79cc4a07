import type { LedgerEvent, LedgerEventType, MilestoneTerms } from './ledgerSchema';

/**
 * The state machine of one milestone's escrow, and who may do what:
 *
 *   open ──fund──▶ funded ──submit──▶ submitted ──approve──▶ approved
 *     │   (more funds) │                  │  └── no dispute for autoReleaseDays ──▶ auto-released
 *     │              cancel             dispute
 *     │                ▼                  ▼
 *     └──cancel──▶ cancelled          disputed ──resolve(release, refund)──▶ resolved
 *                           (a funded milestone may also be disputed before a submit)
 *
 * - fund: the payer, while open or funded; adds to what is held.
 * - submit: the payee, once something is held.
 * - approve: the payer, after a submit; releases everything held.
 * - dispute: the payer or the payee, while funded or submitted.
 * - resolve: the mediator, while disputed; `release + refund` must settle exactly what is held
 *   (a partial release is a release with the rest refunded).
 * - cancel: the payer, before a submit; refunds everything held.
 *
 * Invariant, kept by every transition: funded = released + refunded + held, all ≥ 0.
 */
export type MilestoneState = 'open' | 'funded' | 'submitted' | 'disputed' | 'approved' | 'auto-released' | 'resolved' | 'cancelled';

export interface EscrowBalance {
  state: MilestoneState;
  funded: number;
  released: number;
  refunded: number;
  held: number;
  /** Instant (ms) of the applied submit, for the auto-release. */
  submittedAt: number | undefined;
  /** Instant (ms) at which the milestone was auto-released, when it was. */
  autoReleasedAt: number | undefined;
}

/**
 * What the rules read of an event, in ONE object shape for every type (absent amounts are 0). Events
 * arrive from JSON with many shapes (key order, per-type fields), and reading them directly in the
 * replay's hot loop made every property access megamorphic; the replay copies each event once into
 * this shape (ruleEvent) and the rules read only that.
 */
export interface RuleEvent {
  type: LedgerEventType;
  actor: string;
  amount: number;
  release: number;
  refund: number;
}

export function ruleEvent(e: LedgerEvent): RuleEvent {
  return { type: e.type, actor: e.actor, amount: e.type === 'fund' ? e.amount : 0, release: e.type === 'resolve' ? e.release : 0, refund: e.type === 'resolve' ? e.refund : 0 };
}

export const SETTLED: ReadonlySet<MilestoneState> = new Set(['approved', 'auto-released', 'resolved', 'cancelled']);

export function openBalance(): EscrowBalance {
  return { state: 'open', funded: 0, released: 0, refunded: 0, held: 0, submittedAt: undefined, autoReleasedAt: undefined };
}

/** The instant a submitted milestone releases itself, or undefined when it is not waiting for that. */
export function autoReleaseAt(b: EscrowBalance, m: MilestoneTerms): number | undefined {
  if (b.state !== 'submitted' || b.submittedAt === undefined) return undefined;
  return b.submittedAt + m.autoReleaseDays * 86_400_000;
}

/** Releases what is held if the auto-release instant is at or before `ms`. Mutates `b`. */
export function settleAutoRelease(b: EscrowBalance, m: MilestoneTerms, ms: number): void {
  const due = autoReleaseAt(b, m);
  if (due === undefined || due > ms) return;
  b.released += b.held;
  b.held = 0;
  b.state = 'auto-released';
  b.autoReleasedAt = due;
}

const stateWords: Record<MilestoneState, string> = {
  open: 'nothing is funded yet',
  funded: 'it is funded but not submitted',
  submitted: 'it is already submitted',
  disputed: 'the milestone is disputed: only the mediator’s resolve can move the money',
  approved: 'it is already approved and released',
  'auto-released': 'it was already auto-released',
  resolved: 'its dispute is already resolved',
  cancelled: 'it is cancelled',
};

function onlyBy(role: string, id: string | undefined, e: RuleEvent): string | undefined {
  return e.actor === id ? undefined : `only the ${role} (${id ?? 'none set'}) may ${e.type}; ${e.actor} may not`;
}

function inState(b: EscrowBalance, e: RuleEvent, a: MilestoneState, c?: MilestoneState): string | undefined {
  return b.state === a || b.state === c ? undefined : `cannot ${e.type}: ${stateWords[b.state]}`;
}

/** Why `event` may not happen now, or undefined when it may. Pure: reads, never writes. */
export function whyRejected(b: EscrowBalance, m: MilestoneTerms, e: RuleEvent): string | undefined {
  switch (e.type) {
    case 'fund':
      return (
        onlyBy('payer', m.payer, e) ??
        inState(b, e, 'open', 'funded') ??
        (b.funded + e.amount > Number.MAX_SAFE_INTEGER ? 'cannot fund: the total would exceed the largest exact amount' : undefined)
      );
    case 'submit':
      return onlyBy('payee', m.payee, e) ?? inState(b, e, 'funded');
    case 'approve':
      return onlyBy('payer', m.payer, e) ?? inState(b, e, 'submitted');
    case 'dispute':
      return (e.actor === m.payer || e.actor === m.payee ? undefined : `only the payer (${m.payer}) or the payee (${m.payee}) may dispute; ${e.actor} may not`) ?? inState(b, e, 'funded', 'submitted');
    case 'resolve': {
      if (m.mediator === undefined) return 'cannot resolve: the milestone has no mediator';
      const bad = onlyBy('mediator', m.mediator, e) ?? inState(b, e, 'disputed');
      if (bad) return bad;
      const total = e.release + e.refund;
      if (total > b.held) return `release ${e.release} + refund ${e.refund} is more than the ${b.held} held`;
      if (total < b.held) return `release ${e.release} + refund ${e.refund} leaves ${b.held - total} of the ${b.held} held unsettled`;
      return undefined;
    }
    case 'cancel':
      return onlyBy('payer', m.payer, e) ?? inState(b, e, 'open', 'funded');
  }
}

/** Applies an allowed event. Mutates `b`; call only when whyRejected gave undefined. */
export function applyEvent(b: EscrowBalance, e: RuleEvent, ms: number): void {
  switch (e.type) {
    case 'fund':
      b.funded += e.amount;
      b.held += e.amount;
      b.state = 'funded';
      return;
    case 'submit':
      b.state = 'submitted';
      b.submittedAt = ms;
      return;
    case 'approve':
      b.released += b.held;
      b.held = 0;
      b.state = 'approved';
      return;
    case 'dispute':
      b.state = 'disputed';
      return;
    case 'resolve':
      b.released += e.release;
      b.refunded += e.refund;
      b.held = 0;
      b.state = 'resolved';
      return;
    case 'cancel':
      b.refunded += b.held;
      b.held = 0;
      b.state = 'cancelled';
      return;
  }
}
