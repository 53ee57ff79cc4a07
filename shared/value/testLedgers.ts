import { createRng } from '../util/rng';
import type { LedgerEvent, LedgerFile, MilestoneTerms } from './ledgerSchema';

/**
 * Seeded synthetic ledgers for property tests and the benchmark: mostly plausible histories
 * (fund, submit, approve or dispute then resolve), salted with events that break the rules
 * (wrong actors, over-releases, late funds, cancels after a submit).
 */
export function randomLedger(options: { seed: number; milestones: number; events: number; start?: number }): LedgerFile {
  const rng = createRng(options.seed);
  const people = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const milestones: MilestoneTerms[] = [];
  for (let i = 0; i < options.milestones; i++) {
    milestones.push({ id: `m${i}`, payer: 'p1', payee: people[1 + (i % 3)], mediator: 'p5', autoReleaseDays: 1 + rng.int(14), currency: i % 4 === 0 ? 'USD' : 'EUR' });
  }
  const start = options.start ?? Date.UTC(2026, 0, 1);
  const events: LedgerEvent[] = [];
  const types = ['fund', 'fund', 'fund', 'submit', 'submit', 'approve', 'dispute', 'resolve', 'cancel'] as const;
  for (let i = 0; i < options.events; i++) {
    const m = milestones[rng.int(milestones.length)];
    const type = types[rng.int(types.length)];
    const honest = rng.next() < 0.85;
    const actor = honest ? (type === 'fund' || type === 'approve' || type === 'cancel' ? m.payer : type === 'submit' ? m.payee : type === 'resolve' ? m.mediator! : rng.pick([m.payer, m.payee])) : rng.pick(people);
    // a coarse clock (hours) so that ties of instants happen and the tie rules are exercised
    const at = new Date(start + rng.int(Math.max(24, options.events)) * 3_600_000).toISOString();
    const base = { id: `e${i}`, milestone: rng.next() < 0.02 ? 'ghost' : m.id, at, actor };
    if (type === 'fund') events.push({ ...base, type, amount: 1 + rng.int(100_000) });
    else if (type === 'resolve') {
      const release = rng.int(150_000);
      events.push({ ...base, type, release, refund: rng.int(150_000) });
    } else events.push({ ...base, type });
  }
  return { version: 1, milestones, events };
}

/**
 * A realistic ledger: each milestone lives a whole life (one or two funds, a submit, then mostly an
 * approve, sometimes a dispute and a mediator's resolve, a cancel, or an open submit waiting for
 * its auto-release), over a year, with about 3% of events breaking a rule (a payee approving, a
 * second approve). Used by the benchmark, where a ledger of 100,000 events should look like one.
 */
export function plausibleLedger(options: { seed: number; events: number; start?: number }): LedgerFile {
  const rng = createRng(options.seed);
  const start = options.start ?? Date.UTC(2026, 0, 1);
  const milestones: MilestoneTerms[] = [];
  const events: LedgerEvent[] = [];
  const hour = 3_600_000;
  while (events.length < options.events) {
    const i = milestones.length;
    const m: MilestoneTerms = { id: `m${i}`, payer: `p${rng.int(200)}`, payee: `q${rng.int(200)}`, mediator: `r${rng.int(20)}`, autoReleaseDays: 14, currency: i % 3 ? 'EUR' : 'USD' };
    milestones.push(m);
    let t = start + rng.int(365 * 24) * hour + rng.int(hour);
    const push = (type: LedgerEvent['type'], actor: string, extra: Record<string, number> = {}) => {
      t += 1 + rng.int(72 * hour);
      events.push({ id: `${m.id}-${events.length}`, milestone: m.id, type, actor, at: new Date(t).toISOString(), ...extra } as LedgerEvent);
    };
    const amount = 10_000 + rng.int(500_000);
    push('fund', m.payer, { amount });
    let held = amount;
    if (rng.next() < 0.3) {
      const more = 1 + rng.int(50_000);
      held += more;
      push('fund', m.payer, { amount: more });
    }
    const fate = rng.next();
    if (fate < 0.05) {
      push('cancel', m.payer);
      continue;
    }
    if (rng.next() < 0.03) push('approve', m.payee); // rule-breaking: a payee approving
    push('submit', m.payee);
    if (fate < 0.75) {
      push('approve', m.payer);
      if (rng.next() < 0.03) push('approve', m.payer); // rule-breaking: a second approve
    } else if (fate < 0.9) {
      push('dispute', rng.next() < 0.5 ? m.payer : m.payee);
      // the mediator settles what is held; a wrong total is rejected, and then settled right
      if (rng.next() < 0.03) push('resolve', m.mediator!, { release: held * 3, refund: 0 });
      const release = rng.int(held + 1);
      push('resolve', m.mediator!, { release, refund: held - release });
    }
  }
  return { version: 1, milestones, events: events.slice(0, options.events) };
}
