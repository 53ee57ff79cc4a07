import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoKeyPair } from '../identity/keys';
import { agreementDigest, type Agreement } from './agreement';
import { createAgreement, equalSplit, openAgreementsSection, readAgreements, recordSignedVersion, updateAgreement } from './agreementDoc';
import { protocolFromTemplate } from './templates';

const ana = demoKeyPair('doc/ana').publicKey;
const kofi = demoKeyPair('doc/kofi').publicKey;
const lin = demoKeyPair('doc/lin').publicKey;
const base: Agreement = {
  id: 'a1',
  project: 'p1',
  title: 'Relaunch',
  parties: [
    { key: ana, name: 'Ana', timezone: 'Europe/Lisbon', scope: 'Design' },
    { key: kofi, name: 'Kofi', timezone: 'Africa/Accra', scope: 'Build' },
  ],
  milestones: [],
  paymentSplit: equalSplit([ana, kofi]),
  disputeProcedure: 'Talk first.',
  protocol: protocolFromTemplate('research-collaboration'),
};

function fresh(clientID?: number) {
  const doc = new Y.Doc();
  if (clientID) doc.clientID = clientID;
  openAgreementsSection(doc, 'test');
  createAgreement(doc, base, 1, 'test');
  return doc;
}

describe('agreements in the project document', () => {
  it('round-trips an agreement and its digest', () => {
    const doc = fresh();
    const snap = readAgreements(doc, 'p1');
    expect(snap.agreements).toHaveLength(1);
    expect(snap.agreements[0].problem).toBeNull();
    expect(agreementDigest(snap.agreements[0].agreement)).toBe(agreementDigest(base));
    doc.destroy();
  });

  it('refuses a change that would break a valid agreement, and writes nothing', () => {
    const doc = fresh();
    expect(() => updateAgreement(doc, 'p1', 'a1', { paymentSplit: { [ana]: 0.7, [kofi]: 0.7 } }, 'test')).toThrow(/add up to 1.4/);
    expect(() => updateAgreement(doc, 'p1', 'a1', { title: '' }, 'test')).toThrow(/\$\.title/);
    expect(readAgreements(doc, 'p1').agreements[0].agreement.paymentSplit).toEqual(base.paymentSplit);
    updateAgreement(doc, 'p1', 'a1', { parties: [...base.parties, { key: lin, name: 'Lin', timezone: 'Asia/Tokyo', scope: '' }], paymentSplit: equalSplit([ana, kofi, lin]) }, 'test');
    expect(readAgreements(doc, 'p1').agreements[0].agreement.parties).toHaveLength(3);
    doc.destroy();
  });

  it('concurrent edits of different fields both survive; a merge that breaks the whole is shown with its problem', () => {
    const a = fresh(1);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateAgreement(a, 'p1', 'a1', { disputeProcedure: 'Mediator.' }, 'a');
    updateAgreement(b, 'p1', 'a1', { parties: [base.parties[0], { ...base.parties[1], scope: 'Build and host' }] }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const merged = readAgreements(a, 'p1').agreements[0].agreement;
    expect(merged.disputeProcedure).toBe('Mediator.');
    expect(merged.parties[1].scope).toBe('Build and host');
    // one removes a party while the other gives that party a share: the merge is flagged, not dropped
    updateAgreement(a, 'p1', 'a1', { parties: [...merged.parties, { key: lin, name: 'Lin', timezone: 'UTC', scope: '' }], paymentSplit: equalSplit([ana, kofi, lin]) }, 'a');
    const c = new Y.Doc();
    c.clientID = 2 ** 31;
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    updateAgreement(a, 'p1', 'a1', { parties: merged.parties, paymentSplit: equalSplit([ana, kofi]) }, 'a');
    updateAgreement(c, 'p1', 'a1', { paymentSplit: { [ana]: 0.2, [kofi]: 0.2, [lin]: 0.6 } }, 'c');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c));
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    const ra = readAgreements(a, 'p1').agreements[0];
    expect(ra).toEqual(readAgreements(c, 'p1').agreements[0]);
    expect(ra.agreement.parties).toHaveLength(2);
    expect(ra.agreement.paymentSplit[lin]).toBe(0.6);
    expect(ra.problem).toMatch(/paymentSplit.*not a party/);
    // the fix is allowed on an invalid agreement
    updateAgreement(a, 'p1', 'a1', { paymentSplit: equalSplit([ana, kofi]) }, 'a');
    expect(readAgreements(a, 'p1').agreements[0].problem).toBeNull();
    for (const d of [a, b, c]) d.destroy();
  });

  it('keeps signed versions, and ignores one whose content does not match its digest', () => {
    const doc = fresh();
    const digest = recordSignedVersion(doc, base, 'test');
    expect(readAgreements(doc, 'p1').versions.get(digest)).toEqual(base);
    doc.getMap('agreementVersions').set(`a1@${digest}`, { ...base, title: 'Forged' });
    expect(readAgreements(doc, 'p1').versions.size).toBe(0);
    doc.destroy();
  });

  it('shows a record a peer broke as invalid, with the reason', () => {
    const doc = fresh();
    (doc.getMap('agreements').get('a1') as Y.Map<unknown>).set('parties', [{ key: 'nope' }]);
    const snap = readAgreements(doc, 'p1');
    expect(snap.agreements).toHaveLength(0);
    expect(snap.invalid[0].problem).toMatch(/^parties: /);
    doc.destroy();
  });
});
