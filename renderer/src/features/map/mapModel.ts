import type { Person, Tie } from '../../../../shared/model/network';
import { utcOffsetHours } from '../../../../shared/util/timezone';

/** Time-zone bands a workshop talks in: where the working days roughly overlap. */
export const TZ_BANDS = [
  { id: 'americas', label: 'Americas (UTC−12 to −3)', min: -12, max: -3 },
  { id: 'emea', label: 'Europe, Africa, Middle East (UTC−2 to +4)', min: -2.5, max: 4.5 },
  { id: 'apac', label: 'Asia, Pacific (UTC+5 to +14)', min: 5, max: 14 },
] as const;
export type TzBand = (typeof TZ_BANDS)[number]['id'];

export function bandOf(timezone: string | undefined): TzBand | null {
  if (!timezone) return null;
  const h = utcOffsetHours(timezone);
  return TZ_BANDS.find((b) => h >= b.min && h <= b.max)?.id ?? null;
}

export interface MapFilter {
  skill: string;
  band: TzBand | '';
}

/** People placed on a map: everyone at one city (same name and coordinates to 0.1°) is one cluster. */
export interface CityCluster {
  key: string;
  city: string;
  country: string;
  lon: number;
  lat: number;
  people: Person[];
}

export const passes = (p: Person, f: MapFilter) => (!f.skill || p.skills.some((s) => s.skill === f.skill)) && (!f.band || bandOf(p.timezone) === f.band);

export function clusterByCity(people: readonly Person[], filter: MapFilter): CityCluster[] {
  const byKey = new Map<string, CityCluster>();
  for (const p of people) {
    const loc = p.location;
    if (!loc || !passes(p, filter)) continue;
    const key = `${loc.city}|${loc.country}|${loc.lat.toFixed(1)}|${loc.lon.toFixed(1)}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { key, city: loc.city, country: loc.country, lon: loc.lon, lat: loc.lat, people: [] }));
    c.people.push(p);
  }
  const out = [...byKey.values()];
  for (const c of out) c.people.sort((a, b) => a.name.localeCompare(b.name));
  // big clusters first, so small ones are drawn on top and stay clickable
  return out.sort((a, b) => b.people.length - a.people.length || a.key.localeCompare(b.key));
}

/** Every skill someone has, for the filter. */
export const allSkills = (people: readonly Person[]) => [...new Set(people.flatMap((p) => p.skills.map((s) => s.skill)))].sort();

export interface Arc {
  from: [number, number];
  to: [number, number];
  trust: number;
}

/**
 * Ties between two placed people who both pass the filter, one arc per city pair (the strongest tie
 * between them), so 74k ties between 200 cities do not draw 74k arcs.
 */
export function cityArcs(people: readonly Person[], ties: readonly Tie[], filter: MapFilter, only?: ReadonlySet<string>): Arc[] {
  const at = new Map<string, Person>();
  for (const p of people) if (p.location && passes(p, filter) && (!only || only.has(p.id))) at.set(p.id, p);
  const best = new Map<string, Arc>();
  for (const t of ties) {
    const a = at.get(t.from)?.location;
    const b = at.get(t.to)?.location;
    if (!a || !b) continue;
    const ka = `${a.lon.toFixed(1)},${a.lat.toFixed(1)}`;
    const kb = `${b.lon.toFixed(1)},${b.lat.toFixed(1)}`;
    if (ka === kb) continue;
    const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
    const prev = best.get(key);
    if (!prev || prev.trust < t.trust) best.set(key, { from: [a.lon, a.lat], to: [b.lon, b.lat], trust: t.trust });
  }
  return [...best.values()];
}

export interface TeamOnMap {
  members: { person: Person; roleLabel: string }[];
  /** Members without a location: named in the legend, not drawn. */
  unplaced: string[];
  arcs: Arc[];
}

/** An accepted team as an island: its placed members, and the ties among them (either direction). */
export function teamOnMap(people: readonly Person[], ties: readonly Tie[], members: readonly { personId: string; roleLabel: string }[]): TeamOnMap {
  const byId = new Map(people.map((p) => [p.id, p]));
  const placed: TeamOnMap['members'] = [];
  const unplaced: string[] = [];
  for (const m of members) {
    const p = byId.get(m.personId);
    if (p?.location) placed.push({ person: p, roleLabel: m.roleLabel });
    else unplaced.push(p?.name ?? m.personId);
  }
  const ids = new Set(placed.map((m) => m.person.id));
  const arcs: Arc[] = [];
  for (const t of ties) {
    if (!ids.has(t.from) || !ids.has(t.to)) continue;
    const a = byId.get(t.from)!.location!;
    const b = byId.get(t.to)!.location!;
    arcs.push({ from: [a.lon, a.lat], to: [b.lon, b.lat], trust: t.trust });
  }
  return { members: placed, unplaced, arcs };
}

/** Cluster marker radius in CSS pixels: grows with the square root of the head count. */
export const clusterRadius = (count: number) => 4 + Math.sqrt(count) * 2.2;
