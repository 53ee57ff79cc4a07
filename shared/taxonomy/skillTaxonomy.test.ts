import { describe, expect, it } from 'vitest';
import { buildTaxonomy, normalisePhrase, taxonomy } from './skillTaxonomy';

describe('skill taxonomy', () => {
  const tax = taxonomy();

  it('has at least 300 skills with unique ids, labels, categories', () => {
    expect(tax.skills.length).toBeGreaterThanOrEqual(300);
    expect(new Set(tax.skills.map((s) => s.id)).size).toBe(tax.skills.length);
    for (const s of tax.skills) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.label.length).toBeGreaterThan(1);
      expect(tax.categories).toContain(s.category);
    }
  });

  it('spans every field the product serves', () => {
    for (const c of ['design', 'engineering', 'data', 'science', 'law', 'finance', 'operations', 'marketing', 'storytelling', 'sustainability', 'health', 'education', 'community']) {
      expect(tax.skills.filter((s) => s.category === c).length, c).toBeGreaterThanOrEqual(15);
    }
  });

  it('relations are symmetric and point at real skills', () => {
    for (const s of tax.skills) {
      expect(s.related.length, s.id).toBeGreaterThan(0);
      for (const r of s.related) expect(tax.get(r)?.related, `${s.id} -> ${r}`).toContain(s.id);
    }
  });

  it.each([
    ['UI designer', 'ui-design'],
    ['regulatory expert', 'regulatory-affairs'],
    ['storyteller', 'storytelling'],
    ['circular design thinker', 'circular-design'],
    ['lifecycle assessment analyst', 'lifecycle-assessment'],
    ['regenerative supply chain coordinator', 'regenerative-supply-chain'],
  ])('expresses the seed example "%s"', (phrase, id) => {
    expect(tax.phrases.get(normalisePhrase(phrase))).toContain(id);
  });

  it('rejects a dangling relation and a duplicate id', () => {
    expect(() => buildTaxonomy({ design: 'a | A | | b' })).toThrow(/unknown "b"/);
    expect(() => buildTaxonomy({ design: 'a | A | | \na | A2 | |' })).toThrow(/duplicate/);
  });
});
