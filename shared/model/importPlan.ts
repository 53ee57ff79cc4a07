import * as Y from 'yjs';
import { NetworkFileSchema, type NetworkFile, type Person, type Tie } from './network';
import { readNetwork, tieKey, writePersonRecord } from './docs/networkDoc';
import { parseOrThrow } from './validate';

/**
 * Importing a network file into a network that already has people: first a plan (what would be
 * added, what would change field by field, and which ids collide with somebody else), then an apply
 * with the user's choice. Nothing is written before the apply, and the apply is one transaction (one
 * undo step).
 *
 * A person in the file whose id exists here is either
 * - an **update** of the same person (same name, case and accents aside): some fields differ, or
 * - a **conflict**: the id belongs to somebody else here (a different name). Files made elsewhere
 *   reuse short ids like `p90`, so this is common and must never overwrite silently.
 */
export type PersonField = 'name' | 'skills' | 'location' | 'timezone' | 'rate' | 'currency' | 'availability';
const FIELDS: PersonField[] = ['name', 'skills', 'location', 'timezone', 'rate', 'currency', 'availability'];

export interface FieldChange {
  field: PersonField;
  from: unknown;
  to: unknown;
}

export interface PersonMatch {
  existing: Person;
  incoming: Person;
  changes: FieldChange[];
}

export interface ImportPlan {
  file: NetworkFile;
  added: Person[];
  updates: PersonMatch[];
  conflicts: PersonMatch[];
  unchanged: Person[];
  ties: { added: number; changed: number; unchanged: number };
}

/** What to do with people whose id is already here: overwrite the fields the file has, keep ours, or add theirs as new people. */
export type MatchChoice = 'merge' | 'skip' | 'new';

export interface ImportChoices {
  updates: MatchChoice;
  conflicts: MatchChoice;
}

/** The safe defaults: a changed record of the same person is merged, a collision is imported as a new person. */
export const DEFAULT_CHOICES: ImportChoices = { updates: 'merge', conflicts: 'new' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
const skillMap = (p: Person) => Object.fromEntries([...p.skills].sort((a, b) => a.skill.localeCompare(b.skill)).map((s) => [s.skill, s.level]));
const fieldValue = (p: Person, f: PersonField): unknown => (f === 'skills' ? skillMap(p) : p[f]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that the incoming record would change (a field the file leaves out changes nothing). */
export function personChanges(existing: Person, incoming: Person): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of FIELDS) {
    const to = fieldValue(incoming, field);
    if (to === undefined) continue;
    const from = fieldValue(existing, field);
    if (!same(from, to)) out.push({ field, from, to });
  }
  return out;
}

/** Validates the file (throwing a ValidationError naming the field) and plans its import. Writes nothing. */
export function planImport(doc: Y.Doc, input: unknown): ImportPlan {
  const file = parseOrThrow(NetworkFileSchema, input, 'network file');
  const here = readNetwork(doc);
  const byId = new Map(here.people.map((p) => [p.id, p]));
  const plan: ImportPlan = { file, added: [], updates: [], conflicts: [], unchanged: [], ties: { added: 0, changed: 0, unchanged: 0 } };
  for (const incoming of file.people) {
    const existing = byId.get(incoming.id);
    if (!existing) {
      plan.added.push(incoming);
      continue;
    }
    const changes = personChanges(existing, incoming);
    if (fold(existing.name) !== fold(incoming.name)) plan.conflicts.push({ existing, incoming, changes });
    else if (changes.length) plan.updates.push({ existing, incoming, changes });
    else plan.unchanged.push(existing);
  }
  const ties = doc.getMap<Tie>('ties');
  for (const t of file.ties) {
    const current = ties.get(tieKey(t.from, t.to));
    if (!current) plan.ties.added++;
    else if (same(current, t)) plan.ties.unchanged++;
    else plan.ties.changed++;
  }
  return plan;
}

/** A new id for an imported person whose id is taken: `p90` → `p90-2`, `p90-3`… */
function freshId(id: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface ImportResult {
  added: number;
  merged: number;
  skipped: number;
  renamed: { from: string; to: string }[];
  ties: number;
}

/**
 * Applies a plan with the user's choices, in one transaction. Ties follow the people: a tie that names
 * a person imported under a new id is re-pointed to it; a tie that names a skipped conflicting person
 * (somebody else here) is left out, since it would attach to the wrong person.
 */
export function applyImport(doc: Y.Doc, plan: ImportPlan, choices: ImportChoices, origin: unknown): ImportResult {
  const people = doc.getMap<Y.Map<unknown>>('people');
  const ties = doc.getMap<Tie>('ties');
  const taken = new Set<string>([...people.keys(), ...plan.file.people.map((p) => p.id)]);
  const remap = new Map<string, string>();
  const dropped = new Set<string>();
  const result: ImportResult = { added: 0, merged: 0, skipped: 0, renamed: [], ties: 0 };
  const addAsNew = (p: Person) => {
    const id = freshId(p.id, taken);
    taken.add(id);
    remap.set(p.id, id);
    result.renamed.push({ from: p.id, to: id });
    return { ...p, id };
  };
  doc.transact(() => {
    for (const p of plan.added) {
      writePersonRecord(doc, p);
      result.added++;
    }
    const handle = (m: PersonMatch, choice: MatchChoice, conflict: boolean) => {
      if (choice === 'merge') {
        const map = people.get(m.existing.id);
        if (!map) return writePersonRecord(doc, m.incoming);
        for (const c of m.changes) {
          if (c.field === 'skills') {
            let skills = map.get('skills');
            if (!(skills instanceof Y.Map)) map.set('skills', (skills = new Y.Map<number>()));
            for (const [skill, level] of Object.entries(c.to as Record<string, number>)) (skills as Y.Map<number>).set(skill, level);
          } else map.set(c.field, c.to);
        }
        result.merged++;
      } else if (choice === 'new') {
        writePersonRecord(doc, addAsNew(m.incoming));
        result.added++;
      } else {
        result.skipped++;
        if (conflict) dropped.add(m.incoming.id);
      }
    };
    for (const m of plan.updates) handle(m, choices.updates, false);
    for (const m of plan.conflicts) handle(m, choices.conflicts, true);
    for (const t of plan.file.ties) {
      if (dropped.has(t.from) || dropped.has(t.to)) continue;
      const tie = { ...t, from: remap.get(t.from) ?? t.from, to: remap.get(t.to) ?? t.to };
      const key = tieKey(tie.from, tie.to);
      if (!same(ties.get(key), tie)) {
        ties.set(key, tie);
        result.ties++;
      }
    }
  }, origin);
  return result;
}
