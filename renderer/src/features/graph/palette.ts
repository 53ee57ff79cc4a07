import { schemeTableau10 } from 'd3-scale-chromatic';
import type { GraphModel } from './graphModel';

export type ColourBy = 'field' | 'community';

export interface Palette {
  /** Colour group per person (an index into `colours`). */
  readonly group: Uint16Array;
  readonly colours: readonly string[];
  /** What each colour means, largest group first; the last entry gathers the rest. */
  readonly legend: readonly { colour: string; label: string; count: number }[];
}

const OTHER = '#9aa3ad';

/**
 * Ten colours for the nine largest groups (the field of the main skill, or the community) and a neutral grey for the rest:
 * more hues than that cannot be told apart on a projected wall.
 */
export function buildPalette(model: GraphModel, by: ColourBy, skillLabel: (skill: string) => string = (s) => s): Palette {
  const key = (i: number) => (by === 'field' ? model.mainField[i] || '(no skill)' : `c${model.community[i]}`);
  const counts = new Map<string, number>();
  for (let i = 0; i < model.ids.length; i++) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = ranked.slice(0, 9);
  const slot = new Map(named.map(([k], i) => [k, i]));
  const colours = [...schemeTableau10.slice(0, named.length), OTHER];
  const group = Uint16Array.from(model.ids, (_, i) => slot.get(key(i)) ?? named.length);
  const label = (k: string) => (by === 'field' ? (k === '(no skill)' ? k : skillLabel(k)) : `Community ${Number(k.slice(1)) + 1}`);
  const rest = ranked.slice(9).reduce((s, [, c]) => s + c, 0);
  const legend = named.map(([k, count], i) => ({ colour: colours[i], label: label(k), count }));
  if (rest) legend.push({ colour: OTHER, label: `${ranked.length - 9} more`, count: rest });
  return { group, colours, legend };
}
