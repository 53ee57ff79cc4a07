import { SKILL_CATEGORIES } from './skills.data';

export type SkillCategory = keyof typeof SKILL_CATEGORIES;

export interface Skill {
  readonly id: string;
  readonly label: string;
  readonly category: SkillCategory;
  readonly synonyms: readonly string[];
  /** Adjacent skills, symmetric: if a lists b, b lists a. */
  readonly related: readonly string[];
}

export interface SkillTaxonomy {
  readonly skills: readonly Skill[];
  readonly categories: readonly SkillCategory[];
  get(id: string): Skill | undefined;
  has(id: string): boolean;
  /** Lower-case phrases (label and synonyms) to the skill ids they name. */
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** The same phrases, each word stemmed (`stemPhrase`): "translate" finds "translation". */
  readonly stems: ReadonlyMap<string, readonly string[]>;
}

function splitList(field: string | undefined): string[] {
  return (field ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses the data file and makes relations symmetric. Throws on a dangling relation or duplicate id. */
export function buildTaxonomy(source: Record<string, string> = SKILL_CATEGORIES): SkillTaxonomy {
  const raw: { id: string; label: string; category: SkillCategory; synonyms: string[]; related: Set<string> }[] = [];
  const byId = new Map<string, (typeof raw)[number]>();
  for (const [category, block] of Object.entries(source)) {
    for (const line of block.split('\n')) {
      if (!line.trim()) continue;
      const [id, label, syn, rel] = line.split('|').map((s) => s.trim());
      if (!id || !label) throw new Error(`taxonomy: malformed line "${line}"`);
      if (byId.has(id)) throw new Error(`taxonomy: duplicate skill id "${id}"`);
      const entry = { id, label, category: category as SkillCategory, synonyms: splitList(syn), related: new Set(splitList(rel)) };
      raw.push(entry);
      byId.set(id, entry);
    }
  }
  for (const entry of raw) {
    for (const r of entry.related) {
      const other = byId.get(r);
      if (!other) throw new Error(`taxonomy: skill "${entry.id}" relates to unknown "${r}"`);
      if (r === entry.id) throw new Error(`taxonomy: skill "${entry.id}" relates to itself`);
      other.related.add(entry.id);
    }
  }
  const skills: Skill[] = raw.map((e) => Object.freeze({ ...e, related: Object.freeze([...e.related].sort()) }));
  const index = new Map(skills.map((s) => [s.id, s]));
  const phrases = new Map<string, string[]>();
  const stems = new Map<string, string[]>();
  const put = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  const addPhrase = (phrase: string, id: string) => {
    const key = normalisePhrase(phrase);
    if (!key) return;
    put(phrases, key, id);
    put(stems, stemPhrase(key), id);
  };
  for (const s of skills) {
    addPhrase(s.label, s.id);
    addPhrase(s.id.replace(/-/g, ' '), s.id);
    for (const syn of s.synonyms) addPhrase(syn, s.id);
  }
  return {
    skills,
    categories: Object.keys(source) as SkillCategory[],
    get: (id) => index.get(id),
    has: (id) => index.has(id),
    phrases,
    stems,
  };
}

/**
 * A deliberately light stemmer for matching objective words to skill names: it folds the endings that
 * turn a verb or a person into the name of a practice ("translate", "translator", "translators" and
 * "translation" all become "translat"). It leaves "-ing" alone, so "market" and "marketing" stay apart,
 * and never cuts a word below 5 letters (3 for a plain plural).
 */
export function stem(word: string): string {
  for (const suffix of STEM_SUFFIXES) {
    if (suffix === 's' && word.endsWith('ss')) continue; // "process" is not a plural
    if (word.endsWith(suffix) && word.length - suffix.length >= 5) return word.slice(0, -suffix.length);
  }
  // a plain plural of a short word: "apps" is "app"
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
const STEM_SUFFIXES = ['ions', 'ion', 'ists', 'ist', 'ors', 'ers', 'or', 'er', 'es', 's', 'e'] as const;

export const stemPhrase = (normalised: string) => normalised.split(' ').map(stem).join(' ');

/** Lower-case, punctuation folded to spaces, single-spaced. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9+&/#]+/g, ' ')
    .trim();
}

let cached: SkillTaxonomy | undefined;
/** The built-in taxonomy, parsed once. */
export function taxonomy(): SkillTaxonomy {
  cached ??= buildTaxonomy();
  return cached;
}
