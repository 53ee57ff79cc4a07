import { describe, expect, it } from 'vitest';
import { NetworkFileSchema } from '../model/network';
import { taxonomy } from '../taxonomy/skillTaxonomy';
import { CITIES } from './cities';
import { generateNetwork } from './generateNetwork';

describe('generateNetwork', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = JSON.stringify(generateNetwork({ people: 150, seed: 42 }));
    expect(JSON.stringify(generateNetwork({ people: 150, seed: 42 }))).toBe(a);
    expect(JSON.stringify(generateNetwork({ people: 150, seed: 43 }))).not.toBe(a);
  });

  it('produces a valid version-1 network with real cities, IANA zones and taxonomy skills', () => {
    const net = generateNetwork({ people: 200, seed: 1 });
    expect(NetworkFileSchema.safeParse(net).success).toBe(true);
    const cities = new Map(CITIES.map((c) => [c.city, c]));
    const tax = taxonomy();
    for (const p of net.people) {
      const city = cities.get(p.location!.city)!;
      expect(city.timezone).toBe(p.timezone);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: p.timezone })).not.toThrow();
      expect(Math.abs(p.location!.lat - city.lat)).toBeLessThan(1);
      for (const s of p.skills) expect(tax.has(s.skill)).toBe(true);
    }
    // ties are unique and never self-loops
    const keys = new Set(net.ties.map((t) => `${t.from}>${t.to}`));
    expect(keys.size).toBe(net.ties.length);
    expect(net.ties.every((t) => t.from !== t.to)).toBe(true);
  });

  it('has community structure: skills cluster along ties', () => {
    const net = generateNetwork({ people: 400, seed: 9 });
    const cat = new Map(taxonomy().skills.map((s) => [s.id, s.category]));
    const cats = new Map(net.people.map((p) => [p.id, new Set(p.skills.map((s) => cat.get(s.skill)))]));
    const share = (pairs: [string, string][]) =>
      pairs.filter(([a, b]) => [...cats.get(a)!].some((c) => cats.get(b)!.has(c))).length / pairs.length;
    const tied = share(net.ties.map((t) => [t.from, t.to]));
    const ids = net.people.map((p) => p.id);
    const random = share(net.ties.map((_, i) => [ids[(i * 7919) % ids.length], ids[(i * 104729 + 13) % ids.length]]));
    expect(tied).toBeGreaterThan(random + 0.1);
  });

  it('rejects a non-positive size', () => {
    expect(() => generateNetwork({ people: 0, seed: 1 })).toThrow(RangeError);
  });
});
