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


/**
 * Ten colours for the nine largest groups (the field of the main skill, or the community) and a neutral (the theme's muted colour) for the rest. The ten are a categorical data scale (d3's Tableau10, legible on light and dark):
 * more hues than that cannot be told apart on a projected wall.
 */
export function buildPalette(model: GraphModel, by: ColourBy, options: { community?: Int32Array | null; skillLabel?: (skill: string) => string; communityLabel?: (community: number) => string; other?: string } = {}): Palette {
  const skillLabel = options.skillLabel ?? ((s: string) => s);
  const OTHER = options.other ?? 'gray';
  const community = options.community;
  const key = (i: number) => (by === 'field' || !community ? model.mainField[i] || '(no skill)' : `c${community[i]}`);
  const counts = new Map<string, number>();
  for (let i = 0; i < model.ids.length; i++) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = ranked.slice(0, 9);
  const slot = new Map(named.map(([k], i) => [k, i]));
  const colours = [...schemeTableau10.slice(0, named.length), OTHER];
  const group = Uint16Array.from(model.ids, (_, i) => slot.get(key(i)) ?? named.length);
  const byCommunity = by === 'community' && !!community;
  const label = (k: string) => (byCommunity ? (options.communityLabel?.(Number(k.slice(1))) ?? `Community ${Number(k.slice(1)) + 1}`) : k === '(no skill)' ? k : skillLabel(k));
  const rest = ranked.slice(9).reduce((s, [, c]) => s + c, 0);
  const legend = named.map(([k, count], i) => ({ colour: colours[i], label: label(k), count }));
  if (rest) legend.push({ colour: OTHER, label: `${ranked.length - 9} more`, count: rest });
  return { group, colours, legend };
}
