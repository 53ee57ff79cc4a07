import { describe, expect, it } from 'vitest';
import { ValidationError } from '../model/validate';
import { parseLedgerFile, replayLedgerJson } from './ledger';
import type { LedgerFileInput } from './ledgerSchema';

const terms = { id: 'm1', payer: 'p1', payee: 'p2', mediator: 'p3', autoReleaseDays: 14 };
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
const file = (events: LedgerFileInput['events'], milestones: LedgerFileInput['milestones'] = [terms]): LedgerFileInput => ({ version: 1, milestones, events });
const fund = (id: string, amount: number, day = 1, actor = 'p1') => ({ id, milestone: 'm1', type: 'fund' as const, amount, at: at(day), actor });
const ev = (id: string, type: 'submit' | 'approve' | 'dispute' | 'cancel', actor: string, day: number, hour = 10) => ({ id, milestone: 'm1', type, at: at(day, hour), actor });
const resolve = (id: string, release: number, refund: number, actor = 'p3', day = 9) => ({ id, milestone: 'm1', type: 'resolve' as const, release, refund, at: at(day), actor });

describe('escrow ledger replay', () => {
  it('funded → submitted → approved releases everything held', () => {
    const out = replayLedgerJson(file([fund('e1', 50_000), fund('e2', 10_000, 2), ev('e3', 'submit', 'p2', 3), ev('e4', 'approve', 'p1', 4)]));
    expect(out).toEqual({ milestones: [{ id: 'm1', state: 'approved', funded: 60_000, released: 60_000, refunded: 0, held: 0 }], applied: ['e1', 'e2', 'e3', 'e4'], rejected: [] });
  });

  it('dispute → resolve with a partial release refunds the rest', () => {
    const out = replayLedgerJson(file([fund('e1', 50_000), ev('e2', 'submit', 'p2', 2), ev('e3', 'dispute', 'p1', 3), resolve('e4', 30_000, 20_000)]));
    expect(out.milestones[0]).toEqual({ id: 'm1', state: 'resolved', funded: 50_000, released: 30_000, refunded: 20_000, held: 0 });
  });

  it('rejects rule-breaking events with a reason, not an error', () => {
    const out = replayLedgerJson(
      file([
        fund('e1', 50_000),
        ev('e2', 'approve', 'p2', 2), // a payee approving
        ev('e3', 'submit', 'p2', 3),
        ev('e4', 'cancel', 'p1', 4), // cancel after a submit
        ev('e5', 'dispute', 'p3', 5), // the mediator is not a party
        ev('e6', 'dispute', 'p2', 6),
        resolve('e7', 60_000, 0, 'p3', 7), // more than is held
        resolve('e8', 10_000, 10_000, 'p3', 8), // leaves some held
        resolve('e9', 50_000, 0, 'p1', 9), // not the mediator
        { ...fund('e10', 5, 10), milestone: 'nope' },
      ]),
    );
    const reasons = Object.fromEntries(out.rejected.map((r) => [r.id, r.reason]));
    expect(reasons.e2).toMatch(/only the payer \(p1\) may approve; p2 may not/);
    expect(reasons.e4).toMatch(/cannot cancel: it is already submitted/);
    expect(reasons.e5).toMatch(/only the payer \(p1\) or the payee \(p2\) may dispute/);
    expect(reasons.e7).toMatch(/release 60000 \+ refund 0 is more than the 50000 held/);
    expect(reasons.e8).toMatch(/leaves 30000 of the 50000 held unsettled/);
    expect(reasons.e9).toMatch(/only the mediator/);
    expect(reasons.e10).toMatch(/unknown milestone "nope"/);
    expect(out.applied).toEqual(['e1', 'e3', 'e6']);
    expect(out.milestones[0]).toMatchObject({ state: 'disputed', held: 50_000 });
  });

  it('cancel before a submit refunds; nothing can follow', () => {
    const out = replayLedgerJson(file([fund('e1', 700), ev('e2', 'cancel', 'p1', 2), ev('e3', 'submit', 'p2', 3)]));
    expect(out.milestones[0]).toMatchObject({ state: 'cancelled', refunded: 700, held: 0 });
    expect(out.rejected).toEqual([{ id: 'e3', reason: 'cannot submit: it is cancelled' }]);
  });

  it('auto-release is a state with --now, not an event, and it is before later events', () => {
    const events = [fund('e1', 1000), ev('e2', 'submit', 'p2', 2), ev('e3', 'dispute', 'p1', 20)];
    // without now, nothing auto-releases and the late dispute applies
    expect(replayLedgerJson(file(events)).milestones[0].state).toBe('disputed');
    const out = replayLedgerJson(file(events), Date.parse(at(25)));
    expect(out.milestones[0]).toMatchObject({ state: 'auto-released', released: 1000, held: 0 });
    expect(out.applied).toEqual(['e1', 'e2']);
    expect(out.rejected).toEqual([{ id: 'e3', reason: 'cannot dispute: it was already auto-released' }]);
    // a now before the deadline leaves it submitted; a dispute in time blocks the auto-release
    expect(replayLedgerJson(file(events.slice(0, 2)), Date.parse(at(15, 9))).milestones[0].state).toBe('submitted');
    expect(replayLedgerJson(file(events.slice(0, 2)), Date.parse(at(16, 10))).milestones[0].state).toBe('auto-released');
    expect(replayLedgerJson(file([...events.slice(0, 2), ev('e4', 'dispute', 'p2', 10)]), Date.parse(at(40))).milestones[0].state).toBe('disputed');
  });

  it('approve and dispute made offline at once: the earlier wins, the other is rejected with why', () => {
    const base = [fund('e1', 1000), ev('e2', 'submit', 'p2', 2)];
    const approveFirst = replayLedgerJson(file([...base, ev('dispute-b', 'dispute', 'p2', 3, 11), ev('approve-a', 'approve', 'p1', 3, 10)]));
    expect(approveFirst.milestones[0].state).toBe('approved');
    expect(approveFirst.rejected).toEqual([{ id: 'dispute-b', reason: 'cannot dispute: it is already approved and released' }]);
    const disputeFirst = replayLedgerJson(file([...base, ev('dispute-b', 'dispute', 'p2', 3, 9), ev('approve-a', 'approve', 'p1', 3, 10)]));
    expect(disputeFirst.milestones[0].state).toBe('disputed');
    expect(disputeFirst.rejected[0].reason).toMatch(/the milestone is disputed/);
    // the very same instant: the dispute ranks first
    const tie = replayLedgerJson(file([...base, ev('zz', 'dispute', 'p2', 3), ev('aa', 'approve', 'p1', 3)]));
    expect(tie.milestones[0].state).toBe('disputed');
  });

  it('a duplicate counts once; two contents under one id are both refused, once', () => {
    const e1 = fund('e1', 1000);
    const dup = replayLedgerJson(file([e1, { ...e1 }, e1]));
    expect(dup.applied).toEqual(['e1']);
    expect(dup.milestones[0].funded).toBe(1000);
    const clash = replayLedgerJson(file([e1, { ...e1, amount: 9999 }, e1]));
    expect(clash.applied).toEqual([]);
    expect(clash.rejected).toHaveLength(1);
    expect(clash.rejected[0].reason).toMatch(/conflicting versions of event e1/);
  });

  it('instants in different offsets order by the instant itself', () => {
    const out = replayLedgerJson(file([fund('e1', 10), { ...ev('e2', 'submit', 'p2', 2), at: '2026-01-02T12:00:00+02:00' }, ev('e3', 'approve', 'p1', 2, 10)]));
    // 12:00+02:00 is 10:00Z: a tie with the approve, and submit ranks first
    expect(out.applied).toEqual(['e1', 'e2', 'e3']);
  });

  it('schema errors name the field', () => {
    const bad = (value: unknown, path: string) => {
      try {
        parseLedgerFile(value);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).path).toBe(path);
      }
    };
    bad(file([fund('e1', 10), fund('e2', 10), fund('e3', 10), fund('e4', -5)]), '$.events[3].amount');
    bad(file([fund('e1', 10.5)]), '$.events[0].amount');
    bad(file([{ ...fund('e1', 10), type: 'steal' }] as never), '$.events[0].type');
    bad(file([{ ...fund('e1', 10), at: 'yesterday' }]), '$.events[0].at');
    bad(file([resolve('e1', 1, -1)]), '$.events[0].refund');
    bad(file([], [terms, terms]), '$.milestones[1].id');
    bad(file([], [{ ...terms, mediator: 'p1' }]), '$.milestones[0].mediator');
    bad({ version: 2, milestones: [], events: [] }, '$.version');
  });
});
