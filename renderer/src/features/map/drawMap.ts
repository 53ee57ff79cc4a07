import { geoGraticule10, geoPath, type GeoProjection } from 'd3-geo';
import type { ZoomTransform } from 'd3-zoom';
import type { FeatureCollection, MultiPolygon, Polygon, Feature } from 'geojson';
import { clusterRadius, type Arc, type CityCluster, type TeamOnMap } from './mapModel';

/** The map's colours, read from CSS variables so both themes draw right. */
export interface MapColors {
  sea: string;
  land: string;
  coast: string;
  graticule: string;
  arc: string;
  cluster: string;
  clusterInk: string;
  clusterRing: string;
  team: string;
  teamInk: string;
  dim: string;
}

export function readColors(el: Element): MapColors {
  const s = getComputedStyle(el);
  const v = (name: string) => s.getPropertyValue(name).trim();
  return {
    sea: v('--map-sea'),
    land: v('--map-land'),
    coast: v('--map-coast'),
    graticule: v('--map-graticule'),
    arc: v('--map-arc'),
    cluster: v('--map-cluster'),
    clusterInk: v('--map-cluster-ink'),
    clusterRing: v('--map-cluster-ring'),
    team: v('--map-team'),
    teamInk: v('--map-team-ink'),
    dim: v('--map-dim'),
  };
}

export type Land = Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon>;

/**
 * Draws sea, graticule and land at a zoom transform into a canvas of `width`×`height` CSS pixels.
 * This is the slow part (thousands of coastline points); it runs once per settled zoom and is
 * blitted while zooming.
 */
export function drawLand(canvas: HTMLCanvasElement, o: { projection: GeoProjection; land: Land | null; width: number; height: number; dpr: number; t: ZoomTransform; colors: MapColors }) {
  const { projection, land, width, height, dpr, t, colors } = o;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const path = geoPath(projection, ctx);
  ctx.beginPath();
  path({ type: 'Sphere' });
  ctx.fillStyle = colors.sea;
  ctx.fill();
  ctx.beginPath();
  path(geoGraticule10());
  ctx.strokeStyle = colors.graticule;
  ctx.lineWidth = 0.6 / t.k;
  ctx.stroke();
  if (land) {
    ctx.beginPath();
    path(land);
    ctx.fillStyle = colors.land;
    ctx.fill();
    ctx.strokeStyle = colors.coast;
    ctx.lineWidth = 0.7 / t.k;
    ctx.stroke();
  }
}

export interface Placed {
  cluster: CityCluster;
  /** Projected position at zoom 1, in CSS pixels. */
  x: number;
  y: number;
}

/** Arcs, clusters with their counts, and the team island, over the land layer. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  o: { projection: GeoProjection; t: ZoomTransform; dpr: number; arcs: readonly Arc[]; placed: readonly Placed[]; team: TeamOnMap | null; teamIds: ReadonlySet<string>; hovered: string | null; colors: MapColors },
) {
  const { projection, t, dpr, arcs, placed, team, teamIds, hovered, colors } = o;
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const path = geoPath(projection, ctx);
  // great-circle arcs: geoPath resamples a LineString along the great circle; three batches by trust
  ctx.lineCap = 'round';
  for (const [lo, hi, alpha] of [
    [0, 0.4, 0.18],
    [0.4, 0.7, 0.32],
    [0.7, 1.01, 0.5],
  ] as const) {
    ctx.beginPath();
    for (const a of arcs) if (a.trust >= lo && a.trust < hi) path({ type: 'LineString', coordinates: [a.from, a.to] });
    ctx.globalAlpha = team ? alpha * 0.35 : alpha;
    ctx.strokeStyle = colors.arc;
    ctx.lineWidth = (0.6 + lo * 1.6) / t.k;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (team) {
    ctx.beginPath();
    for (const a of team.arcs) path({ type: 'LineString', coordinates: [a.from, a.to] });
    ctx.strokeStyle = colors.team;
    ctx.lineWidth = 2.5 / t.k;
    ctx.stroke();
  }
  // clusters in screen pixels, so they keep their size while zooming
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const p of placed) {
    const x = t.applyX(p.x);
    const y = t.applyY(p.y);
    const n = p.cluster.people.length;
    const r = clusterRadius(n);
    const inTeam = team ? p.cluster.people.some((q) => teamIds.has(q.id)) : false;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = team && !inTeam ? colors.dim : colors.cluster;
    ctx.fill();
    ctx.lineWidth = hovered === p.cluster.key ? 3 : 1.5;
    ctx.strokeStyle = colors.clusterRing;
    ctx.stroke();
    if (n > 1 && r >= 8) {
      ctx.fillStyle = colors.clusterInk;
      ctx.font = `600 ${Math.min(13, 8 + r / 4)}px system-ui, sans-serif`;
      ctx.fillText(String(n), x, y + 0.5);
    }
  }
  if (team) {
    // the island: members ringed in the team colour, with their names
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    const dots: [number, number][] = [];
    for (const m of team.members) {
      const pt = projection([m.person.location!.lon, m.person.location!.lat]);
      if (!pt) continue;
      const x = t.applyX(pt[0]);
      const y = t.applyY(pt[1]);
      dots.push([x, y]);
      ctx.beginPath();
      ctx.arc(x, y, 9, 0, Math.PI * 2);
      ctx.fillStyle = colors.team;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = colors.sea;
      ctx.stroke();
    }
    // labels placed greedily: each moves up (then down) until it overlaps no earlier label
    const taken: { x: number; y: number; w: number }[] = [];
    team.members.forEach((m, i) => {
      const [x, y] = dots[i] ?? [NaN, NaN];
      if (Number.isNaN(x)) return;
      const label = `${m.person.name} · ${m.roleLabel}`;
      const w = ctx.measureText(label).width + 10;
      const clash = (ly: number) => taken.some((r) => x + 8 < r.x + r.w && r.x < x + 8 + w && Math.abs(r.y - ly) < 17);
      let ly = y - 14;
      for (let k = 1; clash(ly) && k < 40; k++) ly = y - 14 + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 17;
      taken.push({ x: x + 8, y: ly, w });
      if (Math.abs(ly - (y - 14)) > 12) {
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + 8, ly);
        ctx.strokeStyle = colors.team;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
      ctx.fillStyle = colors.team;
      ctx.globalAlpha = 0.94;
      ctx.fillRect(x + 8, ly - 8, w, 16);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colors.teamInk;
      ctx.fillText(label, x + 13, ly);
    });
  }
}
