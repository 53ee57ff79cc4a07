import { describe, expect, it } from 'vitest';
import { estimateTax } from './estimateTax';
import { TAX_TABLE, taxFor } from './taxTable';

describe('tax table', () => {
  it('documents at least 15 countries, each rate with a source and a date', () => {
    expect(TAX_TABLE.length).toBeGreaterThanOrEqual(15);
    expect(new Set(TAX_TABLE.map((c) => c.country)).size).toBe(TAX_TABLE.length);
    for (const c of TAX_TABLE) {
      for (const r of [c.vat, c.nonResidentWithholding, c.residentWithholding, c.taxForm?.withoutForm]) {
        if (!r) continue;
        expect(r.rate).toBeGreaterThan(0);
        expect(r.rate).toBeLessThan(1);
        expect(r.source).toMatch(/^https:\/\//);
        expect(r.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(r.since))).toBe(false);
      }
    }
  });
  it('looks up by country code, case-insensitively', () => {
    expect(taxFor('pt')?.vat?.rate).toBe(0.23);
    expect(taxFor('SG')?.vat?.label).toBe('GST');
    expect(taxFor('XX')).toBeUndefined();
    expect(taxFor(undefined)).toBeUndefined();
  });
});

describe('tax estimates', () => {
  it('domestic: resident withholding and the member charges VAT', () => {
    const e = estimateTax({ amount: 100_000, payerCountry: 'ES', memberCountry: 'ES' });
    expect(e.estimate).toBe(true);
    expect(e.withholding).toMatchObject({ rate: 0.15, amount: 15_000, by: 'payer withholds' });
    expect(e.vat).toMatchObject({ rate: 0.21, amount: 21_000, by: 'member charges', label: 'VAT' });
    expect(e.net).toBe(85_000);
    expect(e.flags).toEqual([]);
  });
  it('cross-border: the payer country’s non-resident rate, reverse-charged VAT, and a flag', () => {
    const e = estimateTax({ amount: 100_000, payerCountry: 'FR', memberCountry: 'KE' });
    expect(e.withholding).toMatchObject({ rate: 0.25, amount: 25_000 });
    expect(e.vat).toMatchObject({ rate: 0.2, by: 'payer reverse-charges' });
    expect(e.flags.map((f) => f.code)).toEqual(['cross-border']);
  });
  it('a missing tax form raises the withholding and is flagged', () => {
    const without = estimateTax({ amount: 10_000, payerCountry: 'AU', memberCountry: 'AU' });
    expect(without.flags.map((f) => f.code)).toEqual(['missing-tax-form']);
    expect(without.withholding).toMatchObject({ rate: 0.47, amount: 4_700 });
    const withAbn = estimateTax({ amount: 10_000, payerCountry: 'AU', memberCountry: 'AU', forms: ['ABN'] });
    expect(withAbn.flags).toEqual([]);
    expect(withAbn.withholding).toBeNull();
    expect(withAbn.vat?.amount).toBe(1_000);
    const us = estimateTax({ amount: 10_000, payerCountry: 'US', memberCountry: 'US', forms: ['W-9'] });
    expect(us.flags).toEqual([]);
    expect(us.vat).toBeNull();
  });
  it('an unknown country is flagged, never guessed', () => {
    const e = estimateTax({ amount: 10_000, payerCountry: 'PT', memberCountry: 'AQ' });
    expect(e.flags.map((f) => f.code).sort()).toEqual(['cross-border', 'unknown-rate']);
    const none = estimateTax({ amount: 10_000, payerCountry: undefined, memberCountry: undefined });
    expect(none.flags.filter((f) => f.code === 'unknown-rate')).toHaveLength(2);
    expect(none.withholding).toBeNull();
    expect(() => estimateTax({ amount: -1, payerCountry: 'PT', memberCountry: 'PT' })).toThrow(RangeError);
  });
});
