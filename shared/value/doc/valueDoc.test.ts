import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NewerDocumentError } from '../../model/docs/docVersion';
import { appendDisputeEvent, appendEscrowEvent, EMPTY_VALUE, markAlert, markRead, openValueSection, postMessage, putDispute, putMilestone, putThread, readValue, unreadFor, valueSectionVersion } from './valueDoc';
import { escrowActions, ledgerCsv, projectLedger } from './projectLedger';
import { demoKeyPair } from '../../identity/keys';
import type { DisputeEvent } from '../dispute/disputeSchema';
import type { LedgerEvent } from '../ledgerSchema';
import { CLAIM_KIND } from '../signing/personKeys';
import { DISPUTE_KIND, ESCROW_KIND, signRecord } from '../signing/signedRecord';
import { appendPersonClaim } from './valueDoc';

const O = 'test';
const key = (person: string) => demoKeyPair(`value-test/${person}`);
const S = (e: LedgerEvent) => signRecord(key(e.actor), ESCROW_KIND, e);
const D = (e: DisputeEvent) => signRecord(key(e.actor), DISPUTE_KIND, e);
const iso = (h: number) => new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString();
const milestone = { id: 'm1', title: 'Prototype', payer: 'ana', payee: 'ben', currency: 'EUR', budget: 50_000, due: iso(200), createdAt: iso(0) };
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('value section of the project document', () => {
  it('migrates to its version once, and refuses a newer one', () => {
    const doc = new Y.Doc();
    expect(openValueSection(doc, O)).toEqual([1, 2]);
    expect(openValueSection(doc, O)).toEqual([]);
    expect(valueSectionVersion(doc)).toBe(2);
    expect(readValue(doc)).toEqual(EMPTY_VALUE);
    doc.getMap('meta').set('valueVersion', 9);
    expect(() => openValueSection(doc, O)).toThrow(NewerDocumentError);
  });

  it('validates writes naming the field, and reports what a peer wrote wrong instead of dropping it', () => {
    const doc = new Y.Doc();
    openValueSection(doc, O);
    expect(() => putMilestone(doc, { ...milestone, payee: 'ana' }, O)).toThrow(/payee/);
    expect(() => appendEscrowEvent(doc, S({ id: 'e', milestone: 'm1', type: 'fund', amount: -5, at: iso(1), actor: 'ana' }), O)).toThrow(/\$\.amount/);
    doc.getArray('escrowEvents').push([{ id: 'bad', type: 'fund', amount: 'lots' }]);
    const v = readValue(doc);
    expect(v.escrowEvents).toEqual([]);
    expect(v.invalid).toHaveLength(1);
    expect(v.invalid[0].where).toMatch(/^escrowEvents\[0\]/);
  });

  it('two peers offline: one approves while the other disputes; both converge on the earlier action', () => {
    const a = new Y.Doc();
    openValueSection(a, O);
    putMilestone(a, milestone, O);
    appendEscrowEvent(a, S({ id: 'f', milestone: 'm1', type: 'fund', amount: 50_000, at: iso(1), actor: 'ana' }), O);
    appendEscrowEvent(a, S({ id: 's', milestone: 'm1', type: 'submit', at: iso(2), actor: 'ben' }), O);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    openValueSection(b, O);
    // offline: Ana approves at 10:00, Ben disputes at 10:05 and opens the dispute record
    appendEscrowEvent(a, S({ id: 'ap', milestone: 'm1', type: 'approve', at: iso(3), actor: 'ana' }), O);
    appendEscrowEvent(b, S({ id: 'd1:open', milestone: 'm1', type: 'dispute', at: iso(3.1), actor: 'ben' }), O);
    putDispute(b, { id: 'd1', milestone: 'm1', payer: 'ana', payee: 'ben', openedBy: 'ben', openedAt: iso(3.1), held: 50_000 }, O);
    sync(a, b);
    const now = Date.parse(iso(10));
    const la = projectLedger(readValue(a), now);
    const lb = projectLedger(readValue(b), now);
    expect(JSON.stringify(lb)).toBe(JSON.stringify(la));
    expect(la.replay.milestones[0]).toMatchObject({ state: 'approved', released: 50_000, held: 0 });
    expect(la.disputes[0].ledgerReason).toBe('cannot dispute: it is already approved and released');
    expect(escrowActions(readValue(a).milestones[0], la.replay.milestones[0].state, 'ana')).toEqual([]);
    const csv = ledgerCsv(la.replay, readValue(a).milestones, la.signers);
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`,applied,,50000,0,0,${key('ana').publicKey}$`));
    expect(csv.split('\r\n')[0]).toMatch(/^milestone,title,currency,event,type,at,actor,amount/);
    expect(csv).toContain('d1:open,dispute');
    expect(csv).toContain('rejected,cannot dispute: it is already approved and released');
  });

  it('a resolved dispute gives one resolve event, and its resolver is the mediator for the ledger', () => {
    const doc = new Y.Doc();
    openValueSection(doc, O);
    putMilestone(doc, milestone, O);
    appendEscrowEvent(doc, S({ id: 'f', milestone: 'm1', type: 'fund', amount: 1000, at: iso(1), actor: 'ana' }), O);
    appendEscrowEvent(doc, S({ id: 'd1:open', milestone: 'm1', type: 'dispute', at: iso(2), actor: 'ben' }), O);
    putDispute(doc, { id: 'd1', milestone: 'm1', payer: 'ana', payee: 'ben', openedBy: 'ben', openedAt: iso(2), held: 1000, mediatorCandidates: ['cy'] }, O);
    for (const e of [
      { id: 'x1', type: 'escalate', actor: 'ana', at: iso(3) },
      { id: 'x2', type: 'nominate', actor: 'ana', mediator: 'cy', at: iso(4) },
      { id: 'x3', type: 'accept-mediator', actor: 'ben', mediator: 'cy', at: iso(5) },
      { id: 'x4', type: 'decide', actor: 'cy', release: 300, refund: 700, at: iso(6) },
    ] as const)
      appendDisputeEvent(doc, D({ ...e, dispute: 'd1' }), O);
    const before = projectLedger(readValue(doc), Date.parse(iso(7)));
    expect(before.disputes[0].pendingResolve).toMatchObject({ id: 'd1:resolve', actor: 'cy', release: 300 });
    appendEscrowEvent(doc, signRecord(key('ana'), ESCROW_KIND, before.disputes[0].pendingResolve!), O);
    appendEscrowEvent(doc, signRecord(key('ben'), ESCROW_KIND, before.disputes[0].pendingResolve!), O); // another peer did too, signed by them
    const after = projectLedger(readValue(doc), Date.parse(iso(7)));
    expect(after.disputes[0].pendingResolve).toBeUndefined();
    expect(after.replay.milestones[0]).toMatchObject({ state: 'resolved', released: 300, refunded: 700 });
  });

  it('threads with mentions and unread markers; alert marks are shared', () => {
    const a = new Y.Doc();
    openValueSection(a, O);
    const people = [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }];
    putThread(a, { id: 't', title: 'Prototype', milestone: 'm1', createdAt: iso(0) }, O);
    postMessage(a, { id: 'q', thread: 't', author: 'ana', at: iso(1), text: 'Can you look, @Ben?' }, people, O);
    postMessage(a, { id: 'r', thread: 't', author: 'ana', at: iso(2), text: 'And the colours' }, people, O);
    expect(readValue(a).messages[0].mentions).toEqual(['ben']);
    expect(unreadFor(readValue(a), 'ben')).toEqual({ t: { unread: 2, mentions: 1 } });
    markRead(a, 'ben', 't', Date.parse(iso(1)), O);
    expect(unreadFor(readValue(a), 'ben')).toEqual({ t: { unread: 1, mentions: 0 } });
    const b = new Y.Doc();
    markAlert(a, 'silence:team', { ack: true, by: 'ana', at: iso(3) }, O);
    sync(a, b);
    expect(readValue(b).alertMarks['silence:team'].ack).toBe(true);
  });

  it('signatures: a tampered, unsigned or wrong-key event moves no money and is listed with why; claims bind people to keys', () => {
    const doc = new Y.Doc();
    openValueSection(doc, O);
    putMilestone(doc, milestone, O);
    const claim = (person: string, by: string, h: number) => appendPersonClaim(doc, signRecord(key(by), CLAIM_KIND, { person, at: iso(h) }), O);
    claim('ana', 'ana', 0);
    claim('ben', 'ben', 0);
    claim('ana', 'mallory', 0.5); // later: contested, not bound
    const fund = S({ id: 'f', milestone: 'm1', type: 'fund', amount: 50_000, at: iso(1), actor: 'ana' });
    appendEscrowEvent(doc, fund, O);
    // the same fund id, amount changed after signing: cannot block the valid one, listed as tampered
    doc.getArray('escrowEvents').push([{ ...fund, amount: 1 }]);
    // a changed submit: the only copy, so the id is rejected as tampered
    const submit = S({ id: 's', milestone: 'm1', type: 'submit', at: iso(2), actor: 'ben' });
    doc.getArray('escrowEvents').push([{ ...submit, at: iso(2.5) }]);
    appendEscrowEvent(doc, { id: 'u', milestone: 'm1', type: 'cancel', at: iso(3), actor: 'ana' }, O); // unsigned
    appendEscrowEvent(doc, signRecord(key('mallory'), ESCROW_KIND, { id: 'w', milestone: 'm1', type: 'cancel', at: iso(3), actor: 'ana' } as LedgerEvent), O);
    const l = projectLedger(readValue(doc), Date.parse(iso(10)));
    expect(l.replay.milestones[0]).toMatchObject({ state: 'funded', funded: 50_000, held: 50_000 });
    expect(l.bindings.keys.get('ana')).toBe(key('ana').publicKey);
    expect(l.bindings.contested).toHaveLength(1);
    expect(l.replay.untrusted.map((u) => [u.event.id, u.status])).toEqual([['f', 'tampered'], ['s', 'tampered'], ['u', 'unauthorised'], ['w', 'unauthorised']]);
    expect(l.replay.tampered).toBe(2);
    const reasons = Object.fromEntries(l.replay.rejected.map((r) => [r.id, r.reason]));
    expect(reasons.s).toMatch(/^tampered: the signature of .* does not hold/);
    expect(reasons.u).toMatch(/unsigned, but ana's events must be signed/);
    expect(reasons.w).toMatch(/must be signed with their key/);
    expect(l.replay.applied).toEqual(['f']);
    expect(l.signers.get('f')).toBe(key('ana').publicKey);
  });

  it('a panel vote changed after signing is not counted', () => {
    const doc = new Y.Doc();
    openValueSection(doc, O);
    putMilestone(doc, milestone, O);
    appendEscrowEvent(doc, S({ id: 'f', milestone: 'm1', type: 'fund', amount: 1000, at: iso(1), actor: 'ana' }), O);
    appendEscrowEvent(doc, S({ id: 'd1:open', milestone: 'm1', type: 'dispute', at: iso(2), actor: 'ben' }), O);
    putDispute(doc, { id: 'd1', milestone: 'm1', payer: 'ana', payee: 'ben', openedBy: 'ben', openedAt: iso(2), held: 1000, panel: ['v1', 'v2', 'v3'] }, O);
    appendDisputeEvent(doc, D({ id: 'x1', dispute: 'd1', type: 'escalate', actor: 'ana', at: iso(3) }), O);
    appendDisputeEvent(doc, D({ id: 'x2', dispute: 'd1', type: 'escalate', actor: 'ben', at: iso(4) }), O);
    appendDisputeEvent(doc, D({ id: 'v1', dispute: 'd1', type: 'vote', actor: 'v1', release: 1000, refund: 0, at: iso(5) }), O);
    const v2 = D({ id: 'v2', dispute: 'd1', type: 'vote', actor: 'v2', release: 0, refund: 1000, at: iso(6) });
    doc.getArray('disputeEvents').push([{ ...v2, release: 1000, refund: 0 }]); // flipped after signing
    const l = projectLedger(readValue(doc), Date.parse(iso(7)));
    expect(l.disputes[0].state.stage).toBe('panel');
    expect(Object.keys(l.disputes[0].state.votes)).toEqual(['v1']);
    expect(l.disputes[0].untrusted.map((u) => [u.event.id, u.status])).toEqual([['v2', 'tampered']]);
  });
});
