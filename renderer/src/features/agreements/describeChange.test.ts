import { describe, expect, it } from 'vitest';
import { changedPaths, type Agreement } from '../../../../shared/agreements/agreement';
import { protocolFromTemplate } from '../../../../shared/agreements/templates';
import { describeChange } from './describeChange';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const v1: Agreement = {
  id: 'x',
  project: 'p',
  title: 'T',
  parties: [
    { key: A, name: 'Ana', timezone: 'UTC', scope: 'Design' },
    { key: B, name: 'Kofi', timezone: 'UTC', scope: 'Build' },
  ],
  milestones: [{ id: 'm1', title: 'Prototype', amount: 100, currency: 'EUR', due: '2026-01-01' }],
  paymentSplit: { [A]: 0.5, [B]: 0.5 },
  disputeProcedure: 'Talk',
  protocol: protocolFromTemplate('async-first-global'),
};

describe('describeChange', () => {
  it('names what changed in words', () => {
    const v2 = structuredClone(v1);
    v2.parties[1].scope = 'Build and host';
    v2.milestones[0].amount = 200;
    v2.paymentSplit = { [A]: 0.4, [B]: 0.6 };
    v2.protocol.responseTimeHours = 4;
    const words = changedPaths(v1, v2).map((p) => describeChange(p, v1, v2));
    expect(words).toEqual(['Amount of milestone “Prototype”', 'Scope of Kofi', 'Payment share of Ana', 'Payment share of Kofi', 'Cultural protocol: response time']);
  });
  it('keeps an unknown path as it is', () => {
    expect(describeChange('$.zzz', v1, v1)).toBe('$.zzz');
  });
});
