import * as Y from 'yjs';
import { z } from 'zod';
import { NetworkFileSchema, PersonSchema, TieSchema, type NetworkFile, type Person, type Tie } from '../network';
import { parseOrThrow } from '../validate';
import { collate } from '../../util/collate';
import { migrate, type Migration } from './docVersion';

/**
 * The `network` document: people (`Y.Map` by id, each a `Y.Map` of fields with `skills` as a nested
 * `Y.Map` skill → level, so two people editing different skills of one person both win) and ties
 * (`Y.Map` keyed `from→to`, values are plain records replaced whole).
 */
export const NETWORK_DOC_VERSION = 1;

const migrations: Migration[] = [
  {
    to: 1,
    run: (doc) => {
      doc.getMap('people');
      doc.getMap('ties');
    },
  },
];

export const tieKey = (from: string, to: string) => `${from}→${to}`;

export function openNetworkDoc(doc: Y.Doc, origin: unknown): void {
  migrate(doc, 'network', NETWORK_DOC_VERSION, migrations, origin);
}

const people = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('people');
const ties = (doc: Y.Doc) => doc.getMap<Tie>('ties');

const PersonFieldsSchema = PersonSchema.omit({ skills: true, id: true }).partial();
export type PersonFields = z.infer<typeof PersonFieldsSchema>;

export interface NetworkSnapshot {
  people: Person[];
  ties: Tie[];
  /** Records a peer wrote that do not pass validation: shown, never silently dropped. */
  invalid: { key: string; problem: string }[];
}

/** Reads and validates the whole network. */
export function readNetwork(doc: Y.Doc): NetworkSnapshot {
  const invalid: NetworkSnapshot['invalid'] = [];
  const out: Person[] = [];
  people(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) {
      invalid.push({ key: id, problem: 'not a person record' });
      return;
    }
    const raw = value.toJSON() as Record<string, unknown>;
    // sorted: Y.Map key order depends on how updates were integrated, and replicas must render alike
    const skills = Object.entries((raw.skills as Record<string, number> | undefined) ?? {})
      .map(([skill, level]) => ({ skill, level }))
      .sort((x, y) => collate(x.skill, y.skill));
    const parsed = PersonSchema.safeParse({ ...raw, id, skills });
    if (parsed.success) out.push(parsed.data);
    else invalid.push({ key: id, problem: parsed.error.issues[0].message });
  });
  out.sort((a, b) => collate(a.name, b.name) || collate(a.id, b.id));
  const known = new Set(out.map((p) => p.id));
  const tieList: Tie[] = [];
  ties(doc).forEach((value, key) => {
    const parsed = TieSchema.safeParse(value);
    if (!parsed.success) invalid.push({ key, problem: parsed.error.issues[0].message });
    else if (known.has(parsed.data.from) && known.has(parsed.data.to)) tieList.push(parsed.data);
  });
  tieList.sort((x, y) => collate(x.from, y.from) || collate(x.to, y.to));
  invalid.sort((a, b) => collate(a.key, b.key));
  return { people: out, ties: tieList, invalid };
}

/** Writes a whole, already validated person record (replacing any record with that id). */
export function writePersonRecord(doc: Y.Doc, person: Person) {
  const map = new Y.Map<unknown>();
  people(doc).set(person.id, map);
  const { id: _id, skills, ...fields } = person;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  const s = new Y.Map<number>();
  map.set('skills', s);
  for (const { skill, level } of skills) s.set(skill, level);
}

export function addPerson(doc: Y.Doc, person: Person, origin: unknown): void {
  const valid = parseOrThrow(PersonSchema, person, 'person');
  if (people(doc).has(valid.id)) throw new Error(`a person with id ${valid.id} already exists`);
  doc.transact(() => writePersonRecord(doc, valid), origin);
}

export function updatePerson(doc: Y.Doc, id: string, fields: PersonFields, origin: unknown): void {
  const valid = parseOrThrow(PersonFieldsSchema, fields, 'person');
  const map = people(doc).get(id);
  if (!map) throw new Error(`no person ${id}`);
  doc.transact(() => {
    for (const [k, v] of Object.entries(valid)) {
      if (v === undefined) map.delete(k);
      else if (JSON.stringify(map.get(k)) !== JSON.stringify(v)) map.set(k, v);
    }
  }, origin);
}

export function setSkill(doc: Y.Doc, id: string, skill: string, level: number | null, origin: unknown): void {
  if (level !== null) parseOrThrow(z.object({ skill: z.string().min(1), level: z.number().min(0).max(1) }), { skill, level }, 'skill');
  const map = people(doc).get(id);
  if (!map) throw new Error(`no person ${id}`);
  doc.transact(() => {
    let skills = map.get('skills') as Y.Map<number> | undefined;
    if (!(skills instanceof Y.Map)) {
      skills = new Y.Map<number>();
      map.set('skills', skills);
    }
    if (level === null) skills.delete(skill);
    else skills.set(skill, level);
  }, origin);
}

/** Deletes a person and every tie that names them. */
export function deletePerson(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => {
    people(doc).delete(id);
    for (const [key, t] of ties(doc).entries()) if (t.from === id || t.to === id) ties(doc).delete(key);
  }, origin);
}

export function setTie(doc: Y.Doc, tie: Tie, origin: unknown): void {
  const valid = parseOrThrow(TieSchema, tie, 'tie');
  if (valid.from === valid.to) throw new Error('a tie needs two different people');
  for (const id of [valid.from, valid.to]) if (!people(doc).has(id)) throw new Error(`no person ${id}`);
  doc.transact(() => ties(doc).set(tieKey(valid.from, valid.to), valid), origin);
}

/**
 * Changes one field of a tie as it is in the document now, not as a screen last read it, so a
 * collaborator's concurrent change to another field (its kind) is not reverted.
 */
export function updateTie(doc: Y.Doc, from: string, to: string, fields: Partial<Pick<Tie, 'trust' | 'kind'>>, origin: unknown): void {
  const current = ties(doc).get(tieKey(from, to));
  if (!current) throw new Error(`no tie ${from} → ${to}`);
  const next = parseOrThrow(TieSchema, { ...current, ...fields }, 'tie');
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  doc.transact(() => ties(doc).set(tieKey(from, to), next), origin);
}

export function deleteTie(doc: Y.Doc, from: string, to: string, origin: unknown): void {
  doc.transact(() => ties(doc).delete(tieKey(from, to)), origin);
}

/**
 * Loads a network file into a network that has none of its ids (the demo generator's fill, a fresh
 * workspace): validated whole first, then written in one transaction. It never overwrites anybody:
 * a file whose ids exist here goes through the import preview (`planImport` / `applyImport`).
 */
export function importNetwork(doc: Y.Doc, file: unknown, origin: unknown): { people: number; ties: number } {
  const net = parseOrThrow(NetworkFileSchema, file, 'network file');
  const clash = net.people.find((p) => people(doc).has(p.id));
  if (clash) throw new Error(`person ${clash.id} already exists here: use the import preview to merge, skip or add as new`);
  doc.transact(() => {
    for (const p of net.people) writePersonRecord(doc, p);
    for (const t of net.ties) ties(doc).set(tieKey(t.from, t.to), t);
  }, origin);
  return { people: net.people.length, ties: net.ties.length };
}

export function exportNetwork(doc: Y.Doc): NetworkFile {
  const { people: p, ties: t } = readNetwork(doc);
  return { version: 1, people: p, ties: t };
}
