import type { Location, Person, SkillLevel, Tie } from './network';

/**
 * A fast path in front of the zod schemas (network.ts) for the records a network document holds.
 * Opening a 10k-person workspace validates 10k people and 74k ties; zod's general machinery (without
 * its JIT, which the app's CSP forbids) made that a few hundred milliseconds on the UI thread.
 *
 * `quickPerson` and `quickTie` accept only the plain shape the app's own writers produce, with every
 * rule of the schema checked, and return exactly what the schema's parse returns (the same keys in
 * the same order). Anything else (a missing or extra field, a wrong type, a value out of range)
 * gives `undefined`, and the caller asks zod, which stays the authority and names the problem.
 * quickValidate.test.ts checks, over random records, that the fast path never accepts what zod
 * rejects and never returns anything but zod's output.
 */

const PERSON_KEYS = new Set(['id', 'name', 'skills', 'location', 'timezone', 'rate', 'currency', 'availability']);
const LOCATION_KEYS = ['city', 'country', 'lat', 'lon'];
const TIE_KEYS = new Set(['from', 'to', 'trust', 'kind']);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const text = (v: unknown, min: number, max = Infinity): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const num = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

function quickLocation(v: unknown): Location | undefined {
  if (!isPlain(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 4 || !LOCATION_KEYS.every((k) => k in v)) return undefined;
  const { city, country, lat, lon } = v;
  if (!text(city, 1) || !text(country, 2, 3) || !num(lat, -90, 90) || !num(lon, -180, 180)) return undefined;
  return { city, country, lat, lon };
}

function quickSkills(v: unknown): SkillLevel[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: SkillLevel[] = [];
  for (const s of v) {
    if (!isPlain(s)) return undefined;
    const keys = Object.keys(s);
    if (keys.length !== 2 || !text(s.skill, 1) || !num(s.level, 0, 1)) return undefined;
    out.push({ skill: s.skill, level: s.level });
  }
  return out;
}

/** The person `PersonSchema.parse(v)` would return, or undefined: then ask zod. */
export function quickPerson(v: unknown): Person | undefined {
  if (!isPlain(v)) return undefined;
  for (const k of Object.keys(v)) if (!PERSON_KEYS.has(k) || v[k] === undefined) return undefined;
  if (!text(v.id, 1) || !text(v.name, 1)) return undefined;
  const skills = quickSkills(v.skills);
  if (!skills) return undefined;
  const out: Person = { id: v.id, name: v.name, skills };
  if ('location' in v) {
    const location = quickLocation(v.location);
    if (!location) return undefined;
    out.location = location;
  }
  if ('timezone' in v) {
    if (!text(v.timezone, 1)) return undefined;
    out.timezone = v.timezone;
  }
  if ('rate' in v) {
    if (!num(v.rate, 0, Infinity)) return undefined;
    out.rate = v.rate;
  }
  if ('currency' in v) {
    if (!text(v.currency, 3, 3)) return undefined;
    out.currency = v.currency;
  }
  if ('availability' in v) {
    if (!num(v.availability, 0, 1)) return undefined;
    out.availability = v.availability;
  }
  return out;
}

/** The tie `TieSchema.parse(v)` would return, or undefined: then ask zod. */
export function quickTie(v: unknown): Tie | undefined {
  if (!isPlain(v)) return undefined;
  for (const k of Object.keys(v)) if (!TIE_KEYS.has(k) || v[k] === undefined) return undefined;
  const { from, to, trust } = v;
  if (!text(from, 1) || !text(to, 1) || !num(trust, 0, 1) || trust === 0) return undefined;
  const out: Tie = { from, to, trust };
  if ('kind' in v) {
    if (!text(v.kind, 1)) return undefined;
    out.kind = v.kind;
  }
  return out;
}
