import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrustGraph } from '../../graph/trustGraph';
import { replayLedger } from '../replayLedger';
import { DisputeSchema, type DisputeEvent } from './disputeSchema';
import { disputeActions, replayDispute } from './replayDispute';
import { resolutionEvent } from './resolution';
import { suggestMediators } from './suggestMediators';

const t0 = Date.UTC(2026, 0, 10);
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();
const dispute = DisputeSchema.parse({ id: 'd1', milestone: 'm1', payer: 'p1', payee: 'p2', openedBy: 'p2', openedAt: at(0), held: 1000, mediatorCandidates: ['med', 'med2'], panel: ['a', 'b', 'c'] });
let k = 0;
const ev = (hours: number, e: Record<string, unknown>) => ({ id: `x${k++}`, dispute: 'd1', at: at(hours), ...e }) as DisputeEvent;

describe('dispute escalation', () => {
  it('negotiation: the other party accepts a proposed split', () => {
    const p = ev(1, { type: 'propose', actor: 'p1', release: 600, refund: 400 });
    const s = replayDispute(dispute, [p, ev(2, { type: 'accept', actor: 'p2', proposal: p.id })]);
    expect(s.stage).toBe('resolved');
    expect(s.outcome).toMatchObject({ release: 600, refund: 400, by: 'agreement', resolver: 'agreement:d1' });
  });

  it('rejects with reasons: own proposal, a split that does not settle, a stranger', () => {
    const p = ev(1, { type: 'propose', actor: 'p1', release: 600, refund: 400 });
    const s = replayDispute(dispute, [p, ev(2, { type: 'accept', actor: 'p1', proposal: p.id }), ev(3, { type: 'propose', actor: 'p2', release: 600, refund: 0 }), ev(4, { type: 'propose', actor: 'zed', release: 1000, refund: 0 })]);
    expect(s.stage).toBe('negotiation');
    expect(s.history.map((h) => h.reason)).toEqual([undefined, 'a party cannot accept their own proposal', 'release 600 + refund 0 must settle exactly the 1000 held', 'only a party may propose a split; zed is not one']);
  });

  it('mediation: both accept one mediator from the trusted candidates, who decides', () => {
    const s = replayDispute(dispute, [
      ev(1, { type: 'escalate', actor: 'p1' }),
      ev(2, { type: 'nominate', actor: 'p1', mediator: 'stranger' }),
      ev(3, { type: 'nominate', actor: 'p1', mediator: 'med' }),
      ev(4, { type: 'decide', actor: 'med', release: 500, refund: 500 }),
      ev(5, { type: 'accept-mediator', actor: 'p2', mediator: 'med' }),
      ev(6, { type: 'decide', actor: 'med', release: 700, refund: 300 }),
    ]);
    expect(s.history.map((h) => h.applied)).toEqual([true, false, true, false, true, true]);
    expect(s.history[1].reason).toMatch(/not trusted by both parties/);
    expect(s.history[3].reason).toBe('no mediator has been accepted by both parties yet');
    expect(s.outcome).toMatchObject({ release: 700, refund: 300, by: 'mediator', resolver: 'med' });
  });

  it('community panel: a strict majority of N decides; one vote each; non-panelists cannot vote', () => {
    const s = replayDispute(dispute, [
      ev(1, { type: 'escalate', actor: 'p1' }),
      ev(2, { type: 'escalate', actor: 'p2' }),
      ev(3, { type: 'vote', actor: 'a', release: 1000, refund: 0 }),
      ev(4, { type: 'vote', actor: 'a', release: 0, refund: 1000 }),
      ev(5, { type: 'vote', actor: 'med', release: 1000, refund: 0 }),
      ev(6, { type: 'vote', actor: 'b', release: 0, refund: 1000 }),
      ev(7, { type: 'vote', actor: 'c', release: 1000, refund: 0 }),
    ]);
    expect(s.history.map((h) => h.reason)).toEqual([undefined, undefined, undefined, 'a has already voted', 'med is not on the panel', undefined, undefined]);
    expect(s.outcome).toMatchObject({ release: 1000, refund: 0, by: 'panel', resolver: 'panel:d1' });
  });

  it('each step has a deadline: with now, time moves it on; the panel deadline splits a tie equally', () => {
    const day = 24;
    expect(replayDispute(dispute, [], { now: t0 + 6 * 86_400_000 }).stage).toBe('negotiation');
    const m = replayDispute(dispute, [], { now: t0 + 8 * 86_400_000 });
    expect(m.stage).toBe('mediation');
    expect(m.deadline).toBe(t0 + 14 * 86_400_000);
    // a proposal after the negotiation deadline is too late
    const late = replayDispute(dispute, [ev(7.5 * day, { type: 'propose', actor: 'p1', release: 1, refund: 999 })], { now: t0 + 8 * 86_400_000 });
    expect(late.history[0].reason).toMatch(/in mediation/);
    const tie = replayDispute(dispute, [ev(15 * day, { type: 'vote', actor: 'a', release: 1000, refund: 0 }), ev(15 * day, { type: 'vote', actor: 'b', release: 0, refund: 1000 })], { now: t0 + 30 * 86_400_000 });
    expect(tie.deadlinesPassed.map((x) => x.stage)).toEqual(['negotiation', 'mediation', 'panel']);
    expect(tie.outcome).toMatchObject({ by: 'panel-deadline', release: 500, refund: 500 });
  });

  it('who may act next', () => {
    const s = replayDispute(dispute, [ev(1, { type: 'escalate', actor: 'p1' })]);
    expect(disputeActions(dispute, s, 'p1')).toEqual(['nominate', 'accept-mediator', 'escalate']);
    expect(disputeActions(dispute, s, 'a')).toEqual([]);
  });

  it('is a function of the set of events (order and duplicates)', () => {
    const p = ev(1, { type: 'propose', actor: 'p1', release: 600, refund: 400 });
    const events = [p, ev(1, { type: 'propose', actor: 'p2', release: 100, refund: 900 }), ev(2, { type: 'escalate', actor: 'p2' }), ev(2, { type: 'accept', actor: 'p2', proposal: p.id }), ev(3, { type: 'nominate', actor: 'p2', mediator: 'med2' }), ev(4, { type: 'accept-mediator', actor: 'p1', mediator: 'med2' }), ev(5, { type: 'decide', actor: 'med2', release: 200, refund: 800 })];
    const expected = JSON.stringify(replayDispute(dispute, events));
    fc.assert(fc.property(fc.shuffledSubarray(events, { minLength: events.length }), fc.array(fc.nat(events.length - 1), { maxLength: 5 }), (order, dups) => {
      expect(JSON.stringify(replayDispute(dispute, [...order, ...dups.map((i) => ({ ...events[i] }))]))).toBe(expected);
    }));
  });

  it('the outcome drives the escrow ledger through one deterministic resolve', () => {
    const p = ev(1, { type: 'propose', actor: 'p1', release: 600, refund: 400 });
    const s = replayDispute(dispute, [p, ev(2, { type: 'accept', actor: 'p2', proposal: p.id })]);
    const resolve = resolutionEvent(dispute, s)!;
    const terms = { id: 'm1', payer: 'p1', payee: 'p2', mediator: s.outcome!.resolver, autoReleaseDays: 14 };
    const ledger = replayLedger([terms], [
      { id: 'f', milestone: 'm1', type: 'fund', amount: 1000, at: at(-5), actor: 'p1' },
      { id: 'd', milestone: 'm1', type: 'dispute', at: at(0), actor: 'p2' },
      resolve,
      { ...resolutionEvent(dispute, s)! }, // a second peer writes the same resolve
    ]);
    expect(ledger.milestones[0]).toMatchObject({ state: 'resolved', released: 600, refunded: 400, held: 0 });
    expect(ledger.applied).toEqual(['f', 'd', 'd1:resolve']);
  });
});

describe('mediator suggestions from the trust calculus', () => {
  it('trusted by both, a party to neither; the panel is disjoint from the mediators', () => {
    const person = (id: string) => ({ id, name: id, skills: [] });
    const graph = buildTrustGraph({
      people: ['p1', 'p2', 'both', 'both2', 'onlyA', 'onlyB', 'x', 'y'].map(person),
      ties: [
        { from: 'p1', to: 'both', trust: 0.9 },
        { from: 'p2', to: 'both', trust: 0.8 },
        { from: 'p1', to: 'both2', trust: 0.5 },
        { from: 'p2', to: 'both2', trust: 0.6 },
        { from: 'p1', to: 'onlyA', trust: 0.9 },
        { from: 'p2', to: 'onlyB', trust: 0.9 },
        { from: 'p1', to: 'p2', trust: 0.9 },
        { from: 'x', to: 'y', trust: 0.9 },
      ],
    });
    const s = suggestMediators(graph, 'p1', 'p2', { mediators: 1, panel: 3 });
    expect(s.mediators.map((m) => m.personId)).toEqual(['both']);
    // both2 is trusted by both; onlyB is reached by the payer's trust only through the payee: a panelist, never a mediator
    expect(s.panel.map((m) => m.personId)).toEqual(['both2', 'onlyB']);
    for (const m of s.mediators) expect(['p1', 'p2', 'onlyA', 'onlyB', 'x', 'y']).not.toContain(m.personId);
    for (const m of s.panel) expect(['p1', 'p2', 'both', 'onlyA', 'x', 'y']).not.toContain(m.personId);
  });
});
