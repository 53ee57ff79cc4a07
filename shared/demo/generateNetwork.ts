import type { NetworkFile, Person, Tie } from '../model/network';
import { NETWORK_FILE_VERSION } from '../model/network';
import { taxonomy, type Skill, type SkillCategory } from '../taxonomy/skillTaxonomy';
import { createRng, type Rng } from '../util/rng';
import { CITIES, type City } from './cities';
import { NAMES, regionOf } from './names';

export interface GenerateOptions {
  people: number;
  seed: number;
  /** Average number of outgoing ties per person (before reciprocation). Default 5. */
  tiesPerPerson?: number;
  /** People per community on average. Default 40. */
  communitySize?: number;
}

interface Community {
  /** The practice's skill categories, most important first. */
  readonly focus: readonly SkillCategory[];
  readonly cities: readonly City[];
  readonly members: number[];
}

/**
 * Project-shaped practices: communities form around work that combines categories, which is what
 * makes cross-disciplinary teams possible inside one trust neighbourhood.
 */
const PRACTICES: readonly (readonly SkillCategory[])[] = [
  ['design', 'engineering', 'marketing'],
  ['sustainability', 'design', 'operations'],
  ['sustainability', 'science', 'law'],
  ['data', 'engineering', 'science'],
  ['finance', 'law', 'operations'],
  ['storytelling', 'marketing', 'community'],
  ['health', 'science', 'data'],
  ['education', 'community', 'storytelling'],
  ['community', 'sustainability', 'finance'],
  ['engineering', 'operations', 'finance'],
  ['law', 'health', 'operations'],
  ['marketing', 'data', 'finance'],
];

const TIE_KINDS_BY_CLOSENESS = [
  ['worked-with', 'worked-with', 'vouched-for', 'mentored'],
  ['knows', 'introduced', 'worked-with'],
] as const;

/**
 * A deterministic synthetic network: real cities and time zones, skill clusters, community structure,
 * and trust ties that follow collaboration (denser and stronger inside a community and a city).
 * Same options, same output, on every platform.
 */
export function generateNetwork(options: GenerateOptions): NetworkFile {
  const { people: n, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('people must be a positive integer');
  const tiesPerPerson = options.tiesPerPerson ?? 5;
  const rng = createRng(seed);
  const tax = taxonomy();
  const byCategory = new Map<SkillCategory, Skill[]>();
  for (const s of tax.skills) pushTo(byCategory, s.category, s);

  const cityWeights = cumulative(CITIES.map((c) => c.weight));
  const pickCity = () => CITIES[weightedIndex(cityWeights, rng)];

  // At least one community per practice (when there are people enough), so small demos span the taxonomy.
  const communityCount = Math.max(1, Math.min(PRACTICES.length, Math.floor(n / 8)), Math.round(n / (options.communitySize ?? 40)));
  const communities: Community[] = [];
  for (let c = 0; c < communityCount; c++) {
    const hub = pickCity();
    const nearby = CITIES.filter((x) => x.timezone === hub.timezone || Math.abs(x.lat - hub.lat) + Math.abs(x.lon - hub.lon) < 25);
    communities.push({ focus: PRACTICES[(c + Math.floor(seed)) % PRACTICES.length], cities: [hub, ...nearby], members: [] });
  }

  const peopleOut: Person[] = new Array(n);
  const communityOf = new Int32Array(n);
  const cityOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(communityCount);
    communityOf[i] = c;
    const community = communities[c];
    community.members.push(i);
    const city = rng.next() < 0.75 ? rng.pick(community.cities) : pickCity();
    cityOf[i] = CITIES.indexOf(city);
    const skills = pickSkills(rng, community.focus, byCategory);
    const seniority = 0.7 + rng.next() * 0.9;
    const region = NAMES[regionOf(city.timezone)];
    peopleOut[i] = {
      id: `p${i + 1}`,
      name: `${rng.pick(region.given)} ${rng.pick(region.family)}`,
      skills,
      location: { city: city.city, country: city.country, lat: round(city.lat + rng.normal() * 0.05, 4), lon: round(city.lon + rng.normal() * 0.05, 4) },
      timezone: city.timezone,
      rate: Math.max(10, Math.round(city.rate * seniority * (0.8 + 0.4 * Math.max(...skills.map((s) => s.level))))),
      currency: 'EUR',
      availability: round(0.1 + 0.9 * rng.next(), 2),
    };
  }

  const byCity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) pushTo(byCity, cityOf[i], i);

  const ties: Tie[] = [];
  const seen = new Set<number>();
  const addTie = (a: number, b: number, trust: number, kind: string) => {
    if (a === b) return false;
    const key = a * n + b;
    if (seen.has(key)) return false;
    seen.add(key);
    ties.push({ from: peopleOut[a].id, to: peopleOut[b].id, trust: round(trust, 2), kind });
    return true;
  };
  for (let a = 0; a < n; a++) {
    const own = communities[communityOf[a]].members;
    const out = Math.max(1, Math.round(tiesPerPerson * (0.5 + rng.next())));
    for (let t = 0; t < out; t++) {
      const r = rng.next();
      let b: number;
      let close: 0 | 1;
      if (r < 0.75 && own.length > 1) {
        b = own[rng.int(own.length)];
        close = 0;
      } else if (r < 0.9) {
        const local = byCity.get(cityOf[a]) ?? [a];
        b = local[rng.int(local.length)];
        close = communityOf[b] === communityOf[a] ? 0 : 1;
      } else {
        b = rng.int(n);
        close = 1;
      }
      const base = close === 0 ? 0.55 + 0.4 * rng.next() : 0.2 + 0.45 * rng.next();
      const kind = rng.pick(TIE_KINDS_BY_CLOSENESS[close]);
      if (addTie(a, b, base, kind) && rng.next() < 0.6) {
        addTie(b, a, clamp(base + rng.normal() * 0.08, 0.05, 1), kind);
      }
    }
  }
  return { version: NETWORK_FILE_VERSION, people: peopleOut, ties };
}

function pickSkills(rng: Rng, focus: readonly SkillCategory[], byCategory: Map<SkillCategory, Skill[]>) {
  const count = 2 + rng.int(4);
  const chosen = new Map<string, number>();
  const tax = taxonomy();
  const all = tax.skills;
  while (chosen.size < count) {
    const r = rng.next();
    let skill: Skill;
    if (r < 0.55) skill = rng.pick(byCategory.get(focus[0]) ?? all);
    else if (r < 0.85) skill = rng.pick(byCategory.get(focus[1 + rng.int(focus.length - 1)] ?? focus[0]) ?? all);
    else if (chosen.size > 0) {
      // a related skill of one already held: skills cluster
      const held = tax.get(rng.pick([...chosen.keys()]));
      const rel = held?.related ?? [];
      skill = rel.length ? tax.get(rng.pick(rel))! : rng.pick(all);
    } else skill = rng.pick(all);
    if (!chosen.has(skill.id)) chosen.set(skill.id, round(clamp(0.35 + 0.55 * rng.next() + 0.1 * rng.normal(), 0.1, 1), 2));
  }
  return [...chosen].map(([skill, level]) => ({ skill, level }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function weightedIndex(cum: readonly number[], rng: Rng): number {
  const x = rng.next() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
