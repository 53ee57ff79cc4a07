import Fuse from 'fuse.js';

export interface PersonRef {
  id: string;
  name: string;
  city?: string;
}

/** Fuzzy search over people by name (and city), best first; accent- and case-insensitive. */
export function personIndex(people: readonly PersonRef[]) {
  const fuse = new Fuse(people as PersonRef[], { keys: [{ name: 'name', weight: 3 }, 'city', 'id'], threshold: 0.35, ignoreDiacritics: true, ignoreLocation: true });
  return (query: string, limit = 8): PersonRef[] => (query.trim() ? fuse.search(query.trim(), { limit }).map((r) => r.item) : []);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * What typed text means as one person: their id, "Name (id)", or a name (case and accents aside) that
 * exactly one person has. Otherwise says why not, in words.
 */
export function resolvePerson(people: readonly PersonRef[], text: string): { ok: true; person: PersonRef } | { ok: false; reason: string } {
  const t = text.trim();
  if (!t) return { ok: false, reason: 'Pick a person.' };
  const byId = people.find((p) => p.id === t) ?? people.find((p) => `${p.name} (${p.id})` === t);
  if (byId) return { ok: true, person: byId };
  const named = people.filter((p) => fold(p.name) === fold(t));
  if (named.length === 1) return { ok: true, person: named[0] };
  if (named.length > 1) return { ok: false, reason: `${named.length} people are called “${t}”: pick one from the list.` };
  return { ok: false, reason: `No one called “${t}” in this network: pick someone from the list.` };
}
