import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../identity/keys';
import { signEvent, verifyEvents } from '../identity/signedEvent';
import { agreementDigest, AgreementSchema, changedPaths, type Agreement } from './agreement';
import { agreementHtml } from './exportHtml';
import { overlapWindows } from './overlapWindow';
import { signatureStatus } from './signatureStatus';
import { PROTOCOL_TEMPLATES, protocolFromTemplate } from './templates';

const ana = demoKeyPair('agr/ana');
const kofi = demoKeyPair('agr/kofi');
const base: Agreement = {
  id: 'a1',
  project: 'p1',
  title: 'Website <relaunch>',
  parties: [
    { key: ana.publicKey, name: 'Ana', timezone: 'Europe/Lisbon', scope: 'Design' },
    { key: kofi.publicKey, name: 'Kofi', timezone: 'Africa/Accra', scope: 'Build' },
  ],
  milestones: [{ id: 'm1', title: 'Prototype', amount: 150000, currency: 'EUR', due: '2026-03-01' }],
  paymentSplit: { [ana.publicKey]: 0.5, [kofi.publicKey]: 0.5 },
  disputeProcedure: 'Talk first, then a mediator both choose.',
  protocol: protocolFromTemplate('async-first-global'),
};
const sign = (k: typeof ana, a: Agreement, at: string) => signEvent(k, 'agreement-signature', { agreement: a.id, digest: agreementDigest(a) }, at);

describe('agreements', () => {
  it('has at least four complete templates', () => {
    expect(PROTOCOL_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    for (const t of PROTOCOL_TEMPLATES) expect(AgreementSchema.safeParse({ ...base, protocol: protocolFromTemplate(t.template) }).success).toBe(true);
    expect(() => protocolFromTemplate('nope')).toThrow(/unknown/);
  });

  it('validates the payment split and the parties', () => {
    expect(AgreementSchema.safeParse({ ...base, paymentSplit: { [ana.publicKey]: 0.6, [kofi.publicKey]: 0.5 } }).success).toBe(false);
    expect(AgreementSchema.safeParse({ ...base, parties: [base.parties[0], base.parties[0]] }).success).toBe(false);
  });

  it('both sign; a change of scope makes both signatures stale and names what changed; signing again restores', () => {
    const events = [sign(ana, base, '2026-01-01T10:00:00Z'), sign(kofi, base, '2026-01-01T11:00:00Z')];
    const versions = new Map([[agreementDigest(base), base]]);
    expect(signatureStatus(base, verifyEvents(events), versions).map((s) => s.state)).toEqual(['signed', 'signed']);
    const changed = structuredClone(base);
    changed.parties[1].scope = 'Build and host';
    const status = signatureStatus(changed, verifyEvents(events), versions);
    expect(status.map((s) => s.state)).toEqual(['stale', 'stale']);
    expect(status[0].changes).toEqual(['$.parties[1].scope']);
    const again = signatureStatus(changed, verifyEvents([...events, sign(ana, changed, '2026-01-02T10:00:00Z')]), versions);
    expect(again.map((s) => s.state)).toEqual(['signed', 'stale']);
  });

  it('a tampered signature is shown as tampered, an absent one as unsigned', () => {
    const e = sign(ana, base, '2026-01-01T10:00:00Z');
    const status = signatureStatus(base, verifyEvents([{ ...e, at: '2026-01-01T10:00:01Z' }]), new Map());
    expect(status.map((s) => s.state)).toEqual(['tampered', 'unsigned']);
  });

  it('computes the overlap window from time zones', () => {
    expect(overlapWindows(['Europe/Lisbon', 'Africa/Accra'], { start: 9, end: 17 })).toEqual({ windows: [{ startUtc: 9, endUtc: 17 }], hours: 8 });
    expect(overlapWindows(['Europe/Berlin', 'Asia/Tokyo'], { start: 9, end: 17 })).toEqual({ windows: [], hours: 0 });
    const ny = overlapWindows(['Europe/Lisbon', 'America/New_York'], { start: 9, end: 17 });
    expect(ny).toEqual({ windows: [{ startUtc: 14, endUtc: 17 }], hours: 3 });
    const wrap = overlapWindows(['Asia/Tokyo'], { start: 8, end: 12 });
    expect(wrap).toEqual({ windows: [{ startUtc: 23, endUtc: 3 }], hours: 4 });
  });

  it('diffs versions by path', () => {
    expect(changedPaths({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3], c: 0 })).toEqual(['$.b[1]', '$.c']);
  });

  it('exports readable HTML with the signature status, escaped', () => {
    const changed = { ...base, disputeProcedure: 'Arbitration' };
    const status = signatureStatus(changed, verifyEvents([sign(ana, base, '2026-01-01T10:00:00Z')]), new Map([[agreementDigest(base), base]]));
    const html = agreementHtml(changed, status, agreementDigest(changed));
    expect(html).toContain('Website &lt;relaunch&gt;');
    expect(html).not.toContain('<relaunch>');
    expect(html).toContain('Signature invalid: changed since signing');
    expect(html).toContain('<code>$.disputeProcedure</code>');
    expect(html).toContain('Not signed');
    expect(html).toContain('09:00–17:00 UTC (8 h a day)');
    expect(html).not.toMatch(/<script/i);
  });
});
