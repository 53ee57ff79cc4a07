import { describe, expect, it } from 'vitest';
import { searchPalette, type PaletteItem } from './paletteItems';

const item = (kind: PaletteItem['kind'], title: string, detail = ''): PaletteItem => ({ id: `${kind}:${title}`, kind, title, detail, run: () => {} });
const items = [item('person', 'Amara Adeyemi', 'ui-design · Kigali'), item('person', 'Nikos de Vries', 'circular-design · Zurich'), item('project', 'Circular kettle launch'), item('view', 'Map'), item('action', 'Add a person')];

describe('palette search', () => {
  it('finds by fuzzy title, with typos', () => {
    expect(searchPalette(items, 'amra adeym')[0].title).toBe('Amara Adeyemi');
    expect(searchPalette(items, 'kettle')[0].title).toBe('Circular kettle launch');
  });
  it('finds people by skill or city', () => {
    expect(searchPalette(items, 'zurich').map((i) => i.title)).toContain('Nikos de Vries');
  });
  it('lists actions and views first when empty, and honours the limit', () => {
    expect(searchPalette(items, '').map((i) => i.kind)).toEqual(['action', 'view', 'project', 'person', 'person']);
    expect(searchPalette(items, '', 2)).toHaveLength(2);
    expect(searchPalette(items, 'zzzzqqq')).toEqual([]);
  });
});
