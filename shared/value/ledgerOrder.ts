import type { LedgerEvent, LedgerEventType } from './ledgerSchema';

/**
 * The ledger is a CRDT of the simplest kind: a grow-only SET of events, and a state computed by
 * replaying that set in one deterministic total order. Every peer that holds the same set computes
 * the same state, whatever order the events arrived in and however often each was delivered.
 *
 * THE ORDER (compare in this sequence):
 *  1. `at`, the instant the author made the event (parsed, so `10:00Z` and `11:00+01:00` tie);
 *  2. on an exact tie of instants, the type rank below;
 *  3. then the event id (UTF-16 code units), unique by construction.
 *
 * HOW CONFLICTS RESOLVE: the earlier event wins and a later event that the rules no longer allow is
 * REJECTED with a reason, never dropped silently and never applied twice. For example, after a
 * submit, the payer approves offline at 10:00 while the payee disputes offline at 10:05. When the
 * peers reconnect, both replay approve (10:00) before dispute (10:05): the money is released, and
 * the dispute is rejected ("already approved…"). Had the dispute been made first, the approve would
 * be rejected ("the milestone is disputed…") and the money waits for the mediator's resolve.
 *
 * TYPE RANK on an exact tie: a fund comes first (money in before anything acts on it); a submit
 * before a cancel (the work delivered in the same instant wins over withdrawing the offer); a
 * dispute before an approve (when one party is unhappy in the same instant, money waits for a
 * resolution rather than moving); a resolve last.
 *
 * The `at` instants are the authors' own clocks. A peer with a wrong clock can order its own events
 * early or late; that is visible in the history (each event shows its instant), and signing (the
 * trust-scaffolding issue) will make every event attributable.
 */
export const TYPE_RANK: Readonly<Record<LedgerEventType, number>> = { fund: 0, submit: 1, dispute: 2, approve: 3, cancel: 4, resolve: 5 };

/** An event with its instant parsed once, ready to sort. */
export interface TimedEvent {
  readonly event: LedgerEvent;
  readonly ms: number;
}

export function compareTimed(a: TimedEvent, b: TimedEvent): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  const r = TYPE_RANK[a.event.type] - TYPE_RANK[b.event.type];
  if (r !== 0) return r;
  const x = a.event.id;
  const y = b.event.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The exact content of an event, independent of key order and of extra fields, so that two
 * deliveries of one event are recognised as the same and two different events that reuse an id are
 * recognised as a conflict.
 */
export function canonicalEvent(e: LedgerEvent): string {
  const parts: unknown[] = [e.id, e.milestone, e.type, e.at, e.actor];
  if (e.type === 'fund') parts.push(e.amount);
  if (e.type === 'resolve') parts.push(e.release, e.refund);
  return JSON.stringify(parts);
}

/** Whether two deliveries carry the same event (what canonicalEvent compares, without building strings). */
export function sameEvent(a: LedgerEvent, b: LedgerEvent): boolean {
  if (a.id !== b.id || a.milestone !== b.milestone || a.type !== b.type || a.at !== b.at || a.actor !== b.actor) return false;
  if (a.type === 'fund') return b.type === 'fund' && a.amount === b.amount;
  if (a.type === 'resolve') return b.type === 'resolve' && a.release === b.release && a.refund === b.refund;
  return true;
}
