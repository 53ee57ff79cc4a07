import Fuse from 'fuse.js';

/** One thing the palette can find: a person, a project, a view or an action. */
export interface PaletteItem {
  id: string;
  kind: 'person' | 'project' | 'view' | 'action';
  title: string;
  /** Searched too, shown dimmer: skills and city, a shortcut. */
  detail: string;
  run(): void;
}

const KIND_ORDER = { action: 0, view: 1, project: 2, person: 3 } as const;

/**
 * Fuzzy search over every item. With no query: actions and views first (what a palette is opened
 * for), then projects, then people. `limit` keeps the list short at 10k people.
 */
export function searchPalette(items: readonly PaletteItem[], query: string, limit = 30): PaletteItem[] {
  const q = query.trim();
  if (!q) return [...items].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).slice(0, limit);
  const fuse = new Fuse(items, { keys: [{ name: 'title', weight: 3 }, { name: 'detail', weight: 1 }], threshold: 0.38, ignoreLocation: true });
  return fuse.search(q, { limit }).map((r) => r.item);
}
