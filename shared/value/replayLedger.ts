import { canonicalEvent, ledgerOrder, sameEvent } from './ledgerOrder';
import { applyEvent, settleAutoRelease, whyRejected, type EscrowBalance, type MilestoneState } from './ledgerRules';
import type { LedgerEvent, MilestoneTerms } from './ledgerSchema';

/** One event's fate in the replay, in the ledger's total order. */
export interface HistoryEntry {
  event: LedgerEvent;
  ms: number;
  applied: boolean;
  reason: string | undefined;
  /** The milestone's state and balance right after this event (unchanged when rejected); no state for an unknown milestone. */
  state: MilestoneState | undefined;
  held: number;
  released: number;
  refunded: number;
}

export interface MilestoneReplay extends EscrowBalance {
  id: string;
  terms: MilestoneTerms;
  history: HistoryEntry[];
}

export interface LedgerReplay {
  milestones: MilestoneReplay[];
  /** Events that belong to no milestone's history: conflicting ids and unknown milestones. */
  orphans: HistoryEntry[];
  applied: string[];
  rejected: { id: string; reason: string }[];
}

export interface ReplayOptions {
  /** With a `now` (ms since the epoch), submitted milestones past their auto-release are released. */
  now?: number;
  /** Keep each milestone's history (the app shows it); the CLI's output does not need it. Default true. */
  history?: boolean;
}

/**
 * Replays a SET of events (see ledgerOrder.ts for the order and how conflicts resolve).
 * - A duplicate delivery of an event counts once.
 * - Two different events under one id are both refused, with one rejection for that id: neither
 *   peer's version may win by arrival order.
 * - An event for a milestone that is not defined is rejected.
 * - An auto-release is a state, not an event: it happens at `submit.at + autoReleaseDays`, if that
 *   instant is not after `now`. Events at or after that instant see the milestone released.
 */
export function replayLedger(milestones: readonly MilestoneTerms[], events: readonly LedgerEvent[], options: ReplayOptions = {}): LedgerReplay {
  const byId = new Map<string, LedgerEvent>();
  const conflicting = new Set<string>();
  for (const e of events) {
    const prior = byId.get(e.id);
    if (prior === undefined) byId.set(e.id, e);
    else if (prior !== e && !sameEvent(prior, e)) {
      const a = canonicalEvent(prior);
      const b = canonicalEvent(e);
      conflicting.add(e.id);
      if (b < a) byId.set(e.id, e); // keep one version by content, not by arrival, for the history
    }
  }
  const unique: LedgerEvent[] = [];
  const orphans: HistoryEntry[] = [];
  const rejected: { id: string; reason: string }[] = [];
  for (const id of [...conflicting].sort()) {
    const event = byId.get(id)!;
    const reason = `conflicting versions of event ${id}: the same id with different contents, so neither is applied`;
    orphans.push({ event, ms: Date.parse(event.at), applied: false, reason, state: undefined, held: 0, released: 0, refunded: 0 });
    rejected.push({ id, reason });
  }
  for (const [id, event] of byId) if (!conflicting.has(id)) unique.push(event);
  const state = new Map<string, MilestoneReplay>();
  const out: MilestoneReplay[] = [];
  for (const terms of milestones) {
    const m: MilestoneReplay = {
      id: terms.id,
      terms,
      history: [],
      state: 'open',
      funded: 0,
      released: 0,
      refunded: 0,
      held: 0,
      submittedAt: undefined,
      autoReleasedAt: undefined,
    };
    state.set(terms.id, m);
    out.push(m);
  }
  // one sequential pass over the events in arrival order: their instants and their milestones
  const instants = new Float64Array(unique.length);
  const owners: (MilestoneReplay | undefined)[] = new Array(unique.length);
  for (let i = 0; i < unique.length; i++) {
    instants[i] = Date.parse(unique[i].at);
    owners[i] = state.get(unique[i].milestone);
  }
  const order = ledgerOrder(unique, instants);

  const applied: string[] = [];
  const now = options.now;
  const keepHistory = options.history !== false;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const event = unique[i];
    const ms = instants[i];
    const m = owners[i];
    let reason: string | undefined;
    if (m === undefined) reason = `unknown milestone "${event.milestone}"`;
    else {
      if (now !== undefined && m.state === 'submitted') settleAutoRelease(m, m.terms, Math.min(ms, now));
      reason = whyRejected(m, m.terms, event);
      if (reason === undefined) applyEvent(m, event, ms);
    }
    if (reason === undefined) applied.push(event.id);
    else rejected.push({ id: event.id, reason });
    if (!keepHistory) continue;
    const entry: HistoryEntry =
      m === undefined
        ? { event, ms, applied: false, reason, state: undefined, held: 0, released: 0, refunded: 0 }
        : { event, ms, applied: reason === undefined, reason, state: m.state, held: m.held, released: m.released, refunded: m.refunded };
    if (m !== undefined) m.history.push(entry);
    else orphans.push(entry);
  }
  if (now !== undefined) for (const m of out) settleAutoRelease(m, m.terms, now);
  return { milestones: out, orphans, applied, rejected };
}

/** The contract's output (DESIGN.md §3), exactly these keys. */
export interface LedgerReplayOutput {
  milestones: { id: string; state: MilestoneState; funded: number; released: number; refunded: number; held: number }[];
  applied: string[];
  rejected: { id: string; reason: string }[];
}

export function replayOutput(r: LedgerReplay): LedgerReplayOutput {
  return {
    milestones: r.milestones.map((m) => ({ id: m.id, state: m.state, funded: m.funded, released: m.released, refunded: m.refunded, held: m.held })),
    applied: r.applied,
    rejected: r.rejected,
  };
}
