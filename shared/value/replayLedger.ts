import { canonicalEvent, sameEvent, TYPE_RANK } from './ledgerOrder';
import { parseInstant } from './isoInstant';
import { applyEvent, settleAutoRelease, whyRejected, type EscrowBalance, type MilestoneState, type RuleEvent } from './ledgerRules';
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
 * `applied` and `rejected` list ids milestone by milestone (in the order of `milestones`), each
 * milestone's in the ledger order, then events of unknown milestones; conflicting ids come first.
 * - A duplicate delivery of an event counts once.
 * - Two different events under one id are both refused, with one rejection for that id: neither
 *   peer's version may win by arrival order.
 * - An event for a milestone that is not defined is rejected.
 * - An auto-release is a state, not an event: it happens at `submit.at + autoReleaseDays`, if that
 *   instant is not after `now`. Events at or after that instant see the milestone released.
 */
export function replayLedger(milestones: readonly MilestoneTerms[], events: readonly LedgerEvent[], options: ReplayOptions = {}): LedgerReplay {
  // Duplicates: one hash operation per event finds the ids seen more than once (most ids are not);
  // only the versions of those ids are then compared.
  const seen = new Set<string>();
  let repeated: Set<string> | undefined;
  for (let i = 0; i < events.length; i++) {
    const id = events[i].id;
    const size = seen.size;
    seen.add(id);
    if (seen.size === size) (repeated ??= new Set()).add(id);
  }
  const unique: LedgerEvent[] = repeated === undefined ? events.slice() : [];
  const orphans: HistoryEntry[] = [];
  const rejected: { id: string; reason: string }[] = [];
  if (repeated !== undefined) {
    const kept = new Map<string, LedgerEvent>();
    const conflicting = new Set<string>();
    for (const e of events) {
      if (!repeated.has(e.id)) {
        unique.push(e);
        continue;
      }
      const prior = kept.get(e.id);
      if (prior === undefined) kept.set(e.id, e);
      else if (prior !== e && !sameEvent(prior, e)) {
        conflicting.add(e.id);
        if (canonicalEvent(e) < canonicalEvent(prior)) kept.set(e.id, e); // keep one version by content, not by arrival, for the history
      }
    }
    for (const id of [...conflicting].sort()) {
      const event = kept.get(id)!;
      const reason = `conflicting versions of event ${id}: the same id with different contents, so neither is applied`;
      orphans.push({ event, ms: Date.parse(event.at), applied: false, reason, state: undefined, held: 0, released: 0, refunded: 0 });
      rejected.push({ id, reason });
    }
    for (const [id, event] of kept) if (!conflicting.has(id)) unique.push(event);
  }
  const state = new Map<string, number>();
  const out: MilestoneReplay[] = [];
  const keepHistory = options.history !== false;
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
    state.set(terms.id, out.length);
    out.push(m);
  }
  // One sequential pass over the events in arrival order: their instants, their milestones and what
  // the rules read, into flat arrays (events arrive in many object shapes; reading them once here
  // keeps the hot loops below monomorphic and free of allocation).
  const n = unique.length;
  const M = out.length;
  const instants = new Float64Array(n);
  const ranks = new Uint8Array(n);
  const amounts = new Float64Array(n);
  const releases = new Float64Array(n);
  const refunds = new Float64Array(n);
  const owner = new Int32Array(n);
  const types: LedgerEvent['type'][] = new Array(n);
  const actors: string[] = new Array(n);
  const ids: string[] = new Array(n);
  const counts = new Uint32Array(M + 2);
  for (let i = 0; i < n; i++) {
    const e = unique[i];
    instants[i] = parseInstant(e.at);
    const o = state.get(e.milestone);
    owner[i] = o === undefined ? M : o; // M: the bucket of unknown milestones
    counts[owner[i] + 1]++;
    ids[i] = e.id;
    actors[i] = e.actor;
    types[i] = e.type;
    ranks[i] = TYPE_RANK[e.type];
    if (e.type === 'fund') amounts[i] = e.amount;
    else if (e.type === 'resolve') {
      releases[i] = e.release;
      refunds[i] = e.refund;
    }
  }
  // Milestones are independent, so each needs its events in the ledger order only among themselves
  // (ledgerOrder.ts: instant, type rank, id). A counting sort puts every event in its milestone's
  // bucket; each bucket (a handful of events) is then sorted by insertion. This is the same state as
  // one global order, without sorting 100,000 events together.
  for (let b = 1; b <= M + 1; b++) counts[b] += counts[b - 1];
  const order = new Uint32Array(n);
  const fill = counts.slice(0, M + 1);
  for (let i = 0; i < n; i++) order[fill[owner[i]]++] = i;
  for (let b = 0; b <= M; b++) {
    const lo = counts[b];
    const hi = counts[b + 1];
    for (let k = lo + 1; k < hi; k++) {
      const x = order[k];
      let j = k - 1;
      while (j >= lo && before(x, order[j], instants, ranks, ids)) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }

  const applied: string[] = [];
  const now = options.now;
  // the rules read one scratch object of one shape, refilled per event (no allocation, monomorphic)
  const rule: RuleEvent = { type: 'fund', actor: '', amount: 0, release: 0, refund: 0 };
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const ms = instants[i];
    const m = owner[i] < M ? out[owner[i]] : undefined;
    rule.type = types[i];
    rule.actor = actors[i];
    rule.amount = amounts[i];
    rule.release = releases[i];
    rule.refund = refunds[i];
    let reason: string | undefined;
    if (m === undefined) reason = `unknown milestone "${unique[i].milestone}"`;
    else {
      if (now !== undefined && m.state === 'submitted') settleAutoRelease(m, m.terms, Math.min(ms, now));
      reason = whyRejected(m, m.terms, rule);
      if (reason === undefined) applyEvent(m, rule, ms);
    }
    if (reason === undefined) applied.push(ids[i]);
    else rejected.push({ id: ids[i], reason });
    if (!keepHistory) continue;
    const event = unique[i];
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

/** Whether event a comes before event b in the ledger order (ledgerOrder.ts: instant, type rank, id). */
function before(a: number, b: number, instants: Float64Array, ranks: Uint8Array, ids: readonly string[]): boolean {
  if (instants[a] !== instants[b]) return instants[a] < instants[b];
  if (ranks[a] !== ranks[b]) return ranks[a] < ranks[b];
  return ids[a] < ids[b];
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
