import * as Y from 'yjs';
import { PersonSchema, TieSchema, type Person, type Tie } from '../network';
import { collate } from '../../util/collate';
import { quickPerson, quickTie } from '../quickValidate';
import type { NetworkSnapshot } from './networkDoc';

/** What changed since the last snapshot: person ids and tie keys (`from→to`). */
export interface NetworkChange {
  people: ReadonlySet<string>;
  ties: ReadonlySet<string>;
  /** People or ties were added or removed (not only edited). */
  membership: boolean;
}

const byName = (a: Person, b: Person) => collate(a.name, b.name) || collate(a.id, b.id);

/**
 * The ties in `byEnds` order (`collate(from) || collate(to)`), sorted by number: each person gets
 * their rank in collation order (people the collator holds equal share a rank), so 74k ties compare
 * ranks instead of strings. The order is the same as sorting with the string comparator.
 */
function sortTies(ties: Tie[], people: readonly Person[]): Tie[] {
  const ids = people.map((p) => p.id).sort(collate);
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i > 0 && collate(ids[i - 1], id) === 0 ? rank.get(ids[i - 1])! : i));
  // a stable counting sort by the `from` rank, then a stable insertion sort by the `to` rank within
  // each `from` (a handful of ties each): the same result as a stable sort by (from, to)
  const m = ties.length;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    a[e] = rank.get(ties[e].from)!;
    b[e] = rank.get(ties[e].to)!;
  }
  const start = new Int32Array(ids.length + 1);
  for (let e = 0; e < m; e++) start[a[e] + 1]++;
  for (let r = 0; r < ids.length; r++) start[r + 1] += start[r];
  const next = start.slice(0, ids.length);
  const order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[next[a[e]]++] = e;
  for (let r = 0; r < ids.length; r++) {
    for (let i = start[r] + 1; i < start[r + 1]; i++) {
      const e = order[i];
      let j = i - 1;
      for (; j >= start[r] && b[order[j]] > b[e]; j--) order[j + 1] = order[j];
      order[j + 1] = e;
    }
  }
  const out = new Array<Tie>(m);
  for (let i = 0; i < m; i++) out[i] = ties[order[i]];
  return out;
}

/**
 * A validated view of a network document that stays current incrementally: a Yjs event re-reads
 * and re-validates only the people and ties it touched, so one edit in a 10,000-person network costs
 * microseconds instead of a full `readNetwork` (DESIGN.md: read Yjs through small hooks). Snapshots
 * are immutable and equal to `readNetwork(doc)`; a new one is built only when asked for after a
 * change, reusing every unchanged record.
 */
export class NetworkView {
  private readonly people = new Map<string, Person>();
  private readonly ties = new Map<string, Tie>();
  private readonly invalidPeople = new Map<string, string>();
  private readonly invalidTies = new Map<string, string>();
  private cached: NetworkSnapshot | null = null;
  private pending = { people: new Set<string>(), ties: new Set<string>(), membership: false, names: false, invalid: false };
  private readonly listeners = new Set<(change: NetworkChange) => void>();
  private version = 0;

  constructor(private readonly doc: Y.Doc) {
    doc.getMap<Y.Map<unknown>>('people').forEach((value, id) => this.readPerson(id, value));
    doc.getMap<Tie>('ties').forEach((value, key) => this.readTie(key, value));
    doc.getMap('people').observeDeep(this.onPeople);
    doc.getMap<Tie>('ties').observe(this.onTies);
  }

  /** Increments with every change; a cheap key for "has the network changed". */
  get revision(): number {
    return this.version;
  }

  subscribe(listener: (change: NetworkChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.getMap('people').unobserveDeep(this.onPeople);
    this.doc.getMap<Tie>('ties').unobserve(this.onTies);
    this.listeners.clear();
  }

  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  /** A valid tie by its key (`from→to`). */
  tie(key: string): Tie | undefined {
    return this.ties.get(key);
  }

  snapshot = (): NetworkSnapshot => {
    if (this.cached && !this.pending.people.size && !this.pending.ties.size && !this.pending.membership && !this.pending.invalid) return this.cached;
    const prev = this.cached;
    const { people: changedPeople, membership, names } = this.pending;
    let people: Person[];
    if (!prev || membership || names) {
      people = [...this.people.values()].sort(byName);
    } else if (!changedPeople.size) {
      people = prev.people; // only ties or invalid records changed: the same array, so memos keyed on it hold
    } else {
      // same people in the same order: swap in the changed records
      people = prev.people.slice();
      for (let i = 0; i < people.length; i++) if (changedPeople.has(people[i].id)) people[i] = this.people.get(people[i].id)!;
    }
    let ties: Tie[];
    if (!prev || membership) {
      ties = sortTies(
        [...this.ties.values()].filter((t) => this.people.has(t.from) && this.people.has(t.to)),
        people,
      );
    } else if (this.pending.ties.size) {
      ties = prev.ties.map((t) => this.ties.get(`${t.from}→${t.to}`) ?? t);
    } else ties = prev.ties;
    const invalid = [...this.invalidPeople, ...this.invalidTies].map(([key, problem]) => ({ key, problem })).sort((a, b) => collate(a.key, b.key));
    this.cached = { people, ties, invalid: !invalid.length && prev && !prev.invalid.length ? prev.invalid : invalid };
    this.pending = { people: new Set(), ties: new Set(), membership: false, names: false, invalid: false };
    return this.cached;
  };

  private readPerson(id: string, value: unknown = this.doc.getMap<unknown>('people').get(id)): 'added' | 'removed' | 'renamed' | 'changed' | 'none' {
    const before = this.people.get(id);
    if (value === undefined) {
      if (this.invalidPeople.delete(id)) this.pending.invalid = true;
      return this.people.delete(id) ? 'removed' : 'none';
    }
    if (!(value instanceof Y.Map)) {
      this.people.delete(id);
      this.invalidPeople.set(id, 'not a person record');
      this.pending.invalid = true;
      return before ? 'removed' : 'none';
    }
    const raw = value.toJSON() as Record<string, unknown>;
    const skills = Object.entries((raw.skills as Record<string, number> | undefined) ?? {})
      .map(([skill, level]) => ({ skill, level }))
      .sort((x, y) => collate(x.skill, y.skill));
    const candidate = { ...raw, id, skills };
    const quick = quickPerson(candidate);
    const parsed = quick ? { success: true as const, data: quick } : PersonSchema.safeParse(candidate);
    if (!parsed.success) {
      this.people.delete(id);
      this.invalidPeople.set(id, parsed.error.issues[0].message);
      this.pending.invalid = true;
      return before ? 'removed' : 'none';
    }
    if (this.invalidPeople.delete(id)) this.pending.invalid = true;
    this.people.set(id, parsed.data);
    if (!before) return 'added';
    return before.name !== parsed.data.name ? 'renamed' : 'changed';
  }

  private readTie(key: string, value: unknown = this.doc.getMap<Tie>('ties').get(key)): 'added' | 'removed' | 'changed' | 'none' {
    const had = this.ties.has(key);
    if (value === undefined) {
      if (this.invalidTies.delete(key)) this.pending.invalid = true;
      return this.ties.delete(key) ? 'removed' : 'none';
    }
    const quick = quickTie(value);
    const parsed = quick ? { success: true as const, data: quick } : TieSchema.safeParse(value);
    if (!parsed.success) {
      this.ties.delete(key);
      this.invalidTies.set(key, parsed.error.issues[0].message);
      this.pending.invalid = true;
      return had ? 'removed' : 'none';
    }
    if (this.invalidTies.delete(key)) this.pending.invalid = true;
    this.ties.set(key, parsed.data);
    return had ? 'changed' : 'added';
  }

  private onPeople = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const e of events) {
      if (e.path.length === 0) for (const key of (e as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
      else touched.add(String(e.path[0]));
    }
    for (const id of touched) {
      const what = this.readPerson(id);
      if (what === 'none') continue;
      this.pending.people.add(id);
      if (what === 'added' || what === 'removed') this.pending.membership = true;
      if (what === 'renamed') this.pending.names = true;
    }
    this.emit();
  };

  private onTies = (e: Y.YMapEvent<Tie>) => {
    for (const key of e.keysChanged) {
      const what = this.readTie(key);
      if (what === 'none') continue;
      this.pending.ties.add(key);
      if (what !== 'changed') this.pending.membership = true;
    }
    this.emit();
  };

  private emit() {
    this.version++;
    const change: NetworkChange = { people: new Set(this.pending.people), ties: new Set(this.pending.ties), membership: this.pending.membership };
    for (const l of this.listeners) l(change);
  }
}
