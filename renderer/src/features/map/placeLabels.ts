import type { CityCluster } from './mapModel';

const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }) : null;

/** A country's English name from its code ("NG" → "Nigeria"); the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return regions?.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code Intl knows (e.g. a three-letter one)
  }
}

const hemi = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(1)}°${v >= 0 ? pos : neg}`;

/**
 * What each place is called in the list of places: the city alone when no other place in the list
 * shares its name; with its country when another does ("Lagos, Nigeria" and "Lagos, Portugal"); and
 * with its coordinates too when two places share city and country.
 */
export function placeLabels(clusters: readonly Pick<CityCluster, 'key' | 'city' | 'country' | 'lat' | 'lon'>[]): Map<string, string> {
  const count = (key: (c: (typeof clusters)[number]) => string) => {
    const n = new Map<string, number>();
    for (const c of clusters) n.set(key(c), (n.get(key(c)) ?? 0) + 1);
    return (c: (typeof clusters)[number]) => n.get(key(c))!;
  };
  const byCity = count((c) => c.city.trim().toLocaleLowerCase());
  const byCountry = count((c) => `${c.city.trim().toLocaleLowerCase()}|${c.country.toUpperCase()}`);
  return new Map(
    clusters.map((c) => {
      if (byCity(c) === 1) return [c.key, c.city];
      const named = `${c.city}, ${countryName(c.country)}`;
      return [c.key, byCountry(c) === 1 ? named : `${named} (${hemi(c.lat, 'N', 'S')} ${hemi(c.lon, 'E', 'W')})`];
    }),
  );
}
