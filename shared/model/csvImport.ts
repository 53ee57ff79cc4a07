import Papa from 'papaparse';
import { CITIES } from '../demo/cities';
import { normalisePhrase, taxonomy } from '../taxonomy/skillTaxonomy';
import { PersonSchema, TieSchema, type NetworkFile, type Person, type Tie } from './network';
import { plainIssue } from './plainErrors';

/**
 * People and ties from a spreadsheet (CSV): read, map columns to fields, check each row, and turn
 * the good rows into a network file that goes through the same import preview as JSON files. Pure:
 * nothing is written here.
 */
export type CsvKind = 'people' | 'ties';
export const PEOPLE_FIELDS = ['id', 'name', 'skills', 'city', 'country', 'timezone', 'rate', 'currency', 'availability'] as const;
export const TIE_FIELDS = ['from', 'to', 'trust', 'kind'] as const;
export type CsvField = (typeof PEOPLE_FIELDS)[number] | (typeof TIE_FIELDS)[number];
/** Field → column index (or undefined: not in the file). */
export type ColumnMapping = Partial<Record<CsvField, number>>;

export interface CsvTable {
  headers: string[];
  rows: string[][];
}

export class CsvError extends Error {}

/** Parses CSV text (comma, semicolon or tab; quoted fields; a BOM is fine). The first row is the header. */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new CsvError(`row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const [headers, ...rows] = result.data;
  if (!headers || headers.every((h) => !h.trim())) throw new CsvError('the file is empty: a CSV needs a header row and at least one row');
  if (!rows.length) throw new CsvError('the file has a header row but no rows');
  return { headers: headers.map((h) => h.trim()), rows };
}

const ALIASES: Record<CsvField, string[]> = {
  id: ['id', 'person id', 'identifier'],
  name: ['name', 'full name', 'person', 'display name'],
  skills: ['skills', 'skill', 'capabilities', 'expertise'],
  city: ['city', 'town', 'location'],
  country: ['country', 'country code'],
  timezone: ['timezone', 'time zone', 'tz'],
  rate: ['rate', 'hourly rate', 'rate per hour', 'price'],
  currency: ['currency'],
  availability: ['availability', 'available'],
  from: ['from', 'source', 'truster', 'who trusts'],
  to: ['to', 'target', 'trustee', 'whom'],
  trust: ['trust', 'weight', 'strength'],
  kind: ['kind', 'type', 'relation', 'relationship'],
};

/** Which kind of file this looks like, and a first guess at the mapping from its headers. */
export function guessMapping(headers: readonly string[]): { kind: CsvKind; mapping: ColumnMapping } {
  const norm = headers.map((h) => h.trim().toLowerCase().replace(/[_-]+/g, ' '));
  const find = (field: CsvField) => {
    const i = norm.findIndex((h) => ALIASES[field].includes(h));
    return i >= 0 ? i : undefined;
  };
  const kind: CsvKind = find('from') !== undefined && find('to') !== undefined ? 'ties' : 'people';
  const mapping: ColumnMapping = {};
  for (const f of kind === 'people' ? PEOPLE_FIELDS : TIE_FIELDS) {
    const i = find(f);
    if (i !== undefined) mapping[f] = i;
  }
  return { kind, mapping };
}

export interface RowResult<T> {
  /** The row's line in the file (the header is line 1). */
  row: number;
  value?: T;
  /** Why the row cannot be imported. */
  errors: string[];
  /** What is imported differently from the file (the row still imports). */
  warnings: string[];
}

/** A number from a cell: `0.8`, `80%`, `0,8`; levels and trust above 1 are read as percentages. */
function fraction(cell: string): number {
  const t = cell.trim().replace(',', '.');
  const n = Number(t.replace(/%$/, ''));
  if (t.endsWith('%') || n > 1) return n / 100;
  return n;
}

/** `UI design 80; storytelling: 0.6` → skills; unknown skill names are errors. */
function readSkills(cell: string, errors: string[]) {
  const tax = taxonomy();
  const out = new Map<string, number>();
  for (const part of cell.split(/[;|]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.*?)[\s:=]+(\d+(?:[.,]\d+)?%?)$/.exec(part);
    const label = (m ? m[1] : part).trim();
    const level = m ? fraction(m[2]) : 0.6;
    const id = tax.has(label) ? label : tax.phrases.get(normalisePhrase(label))?.[0];
    if (!id) errors.push(`“${label}” is not a skill we know`);
    else if (!(level >= 0 && level <= 1)) errors.push(`the level of ${label} must be from 0 to 100`);
    else out.set(id, level);
  }
  return [...out].map(([skill, level]) => ({ skill, level }));
}

const cellOf = (row: string[], mapping: ColumnMapping, field: CsvField) => (mapping[field] === undefined ? '' : (row[mapping[field]!] ?? '').trim());
const slug = (name: string) => normalisePhrase(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'person';

/** People rows → people, each with its errors in plain words. Ids: the id column, else one made from the name. */
export function readPeopleRows(table: CsvTable, mapping: ColumnMapping): RowResult<Person>[] {
  if (mapping.name === undefined) throw new CsvError('choose the column that holds each person’s name');
  const used = new Set<string>();
  return table.rows.map((row, r) => {
    const errors: string[] = [];
    const cell = (f: CsvField) => cellOf(row, mapping, f);
    let id = cell('id') || slug(cell('name'));
    if (!cell('id')) for (let n = 2; used.has(id); n++) id = `${slug(cell('name'))}-${n}`;
    if (used.has(id)) errors.push(`the id ${id} is used by an earlier row`);
    used.add(id);
    const num = (f: CsvField, label: string, read = (s: string) => Number(s.replace(',', '.'))) => {
      const c = cell(f);
      if (!c) return undefined;
      const n = read(c);
      if (!Number.isFinite(n)) errors.push(`${label} “${c}” is not a number`);
      return Number.isFinite(n) ? n : undefined;
    };
    const person: Record<string, unknown> = {
      id,
      name: cell('name'),
      skills: cell('skills') ? readSkills(cell('skills'), errors) : [],
      timezone: cell('timezone') || undefined,
      rate: num('rate', 'Rate'),
      currency: cell('currency') ? cell('currency').toUpperCase() : undefined,
      availability: num('availability', 'Availability', fraction),
    };
    const warnings: string[] = [];
    if (cell('city')) {
      // a location needs coordinates: known cities have them
      const city = CITIES.find((c) => normalisePhrase(c.city) === normalisePhrase(cell('city')) && (!cell('country') || c.country.toLowerCase() === cell('country').toLowerCase()));
      if (city) {
        person.location = { city: city.city, country: city.country, lat: city.lat, lon: city.lon };
        person.timezone ??= city.timezone;
      } else warnings.push(`“${cell('city')}” is not a city we know: imported without a location`);
    }
    const parsed = PersonSchema.safeParse(person);
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push(plainIssue(issue, String(issue.path[0] ?? 'value')));
    return { row: r + 2, value: errors.length ? undefined : parsed.data, errors, warnings };
  });
}

/** Tie rows → ties; people may be named by id or by name (in the file or already in the network). */
export function readTieRows(table: CsvTable, mapping: ColumnMapping, known: readonly { id: string; name: string }[]): RowResult<Tie>[] {
  if (mapping.from === undefined || mapping.to === undefined) throw new CsvError('choose the columns for who trusts (from) and whom (to)');
  const byId = new Set(known.map((p) => p.id));
  const byName = new Map<string, string[]>();
  for (const p of known) byName.set(normalisePhrase(p.name), [...(byName.get(normalisePhrase(p.name)) ?? []), p.id]);
  const resolve = (text: string, label: string, errors: string[]) => {
    if (byId.has(text)) return text;
    const ids = byName.get(normalisePhrase(text)) ?? [];
    if (ids.length === 1) return ids[0];
    errors.push(ids.length > 1 ? `${label}: ${ids.length} people are called “${text}”; use their id` : `${label}: nobody called “${text}”`);
    return text;
  };
  return table.rows.map((row, r) => {
    const errors: string[] = [];
    const cell = (f: CsvField) => cellOf(row, mapping, f);
    const from = resolve(cell('from'), 'From', errors);
    const to = resolve(cell('to'), 'To', errors);
    const trust = cell('trust') ? fraction(cell('trust')) : 0.7;
    const parsed = TieSchema.safeParse({ from, to, trust, kind: cell('kind') || undefined });
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push(plainIssue(issue, issue.path[0] === 'trust' ? 'Trust' : String(issue.path[0])));
    if (from === to && !errors.length) errors.push('a tie needs two different people');
    return { row: r + 2, value: errors.length ? undefined : parsed.data, errors, warnings: [] };
  });
}

/**
 * The network file for the good rows: people rows become people; tie rows become ties among the
 * people already here (who are repeated in the file unchanged, so the preview shows them as such).
 */
export function networkFromRows(kind: CsvKind, rows: readonly RowResult<Person | Tie>[], existing: readonly Person[]): NetworkFile {
  const good = rows.flatMap((r) => (r.value ? [r.value] : []));
  if (!good.length) throw new CsvError('no row can be imported: fix the rows marked above');
  if (kind === 'people') return { version: 1, people: good as Person[], ties: [] };
  const ties = good as Tie[];
  const needed = new Set(ties.flatMap((t) => [t.from, t.to]));
  return { version: 1, people: existing.filter((p) => needed.has(p.id)), ties };
}
