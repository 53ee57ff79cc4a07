import { utcOffsetHours } from '../../../../shared/util/timezone';
import type { GraphModel } from './graphModel';

/** What the graph shows: people matching every set filter, optionally only the n-hop neighbourhood of one. */
export interface GraphFilters {
  /** A skill id: only people holding it (at `minLevel` or more). */
  skill: string;
  minLevel: number;
  /** Text matched against city and country (case-insensitive). */
  place: string;
  band: TimeZoneBand | '';
  /** Minimum availability, 0..1. */
  minAvailability: number;
  /** Maximum hourly rate (Infinity: no limit). People without a rate pass. */
  maxRate: number;
}

export type TimeZoneBand = 'americas' | 'europe-africa' | 'asia-pacific';
export const TIME_ZONE_BANDS: Record<TimeZoneBand, { label: string; from: number; to: number }> = {
  americas: { label: 'Americas (UTC−10 to −3)', from: -12, to: -2.5 },
  'europe-africa': { label: 'Europe & Africa (UTC−2 to +3)', from: -2.5, to: 3.5 },
  'asia-pacific': { label: 'Asia & Pacific (UTC+4 to +14)', from: 3.5, to: 14.5 },
};

export const NO_FILTERS: GraphFilters = { skill: '', minLevel: 0, place: '', band: '', minAvailability: 0, maxRate: Infinity };

export function filtersActive(f: GraphFilters): boolean {
  return !!(f.skill || f.minLevel > 0 || f.place.trim() || f.band || f.minAvailability > 0 || Number.isFinite(f.maxRate));
}

/** 1 for each person the filters keep, 0 for the rest. */
export function filterMask(model: GraphModel, f: GraphFilters): Uint8Array {
  const place = f.place.trim().toLowerCase();
  const band = f.band ? TIME_ZONE_BANDS[f.band] : null;
  return Uint8Array.from(model.people, (p) => {
    if (f.skill || f.minLevel > 0) {
      const ok = p.skills.some((s) => (!f.skill || s.skill === f.skill) && s.level >= f.minLevel);
      if (!ok) return 0;
    }
    if (place && !`${p.location?.city ?? ''} ${p.location?.country ?? ''}`.toLowerCase().includes(place)) return 0;
    if (band) {
      if (!p.timezone) return 0;
      const h = utcOffsetHours(p.timezone);
      if (h < band.from || h >= band.to) return 0;
    }
    if (f.minAvailability > 0 && (p.availability ?? 1) < f.minAvailability) return 0;
    if (p.rate !== undefined && p.rate > f.maxRate) return 0;
    return 1;
  });
}

/** People within `hops` ties (either direction) of `centre`: 1 in the mask, with their distance in `hop`. */
export function neighbourhood(model: GraphModel, centre: number, hops: number): Uint8Array {
  const n = model.ids.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < model.source.length; e++) {
    adj[model.source[e]].push(model.target[e]);
    adj[model.target[e]].push(model.source[e]);
  }
  const mask = new Uint8Array(n);
  if (centre < 0 || centre >= n) return mask;
  mask[centre] = 1;
  let frontier = [centre];
  for (let h = 0; h < hops && frontier.length; h++) {
    const next: number[] = [];
    for (const u of frontier) for (const v of adj[u]) {
      if (mask[v]) continue;
      mask[v] = 1;
      next.push(v);
    }
    frontier = next;
  }
  return mask;
}

/** Both masks at once (either may be null: no constraint). */
export function combineMasks(n: number, a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a && !b) return null;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (a ? a[i] : 1) & (b ? b[i] : 1);
  return out;
}
