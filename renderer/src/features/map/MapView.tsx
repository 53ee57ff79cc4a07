import { geoEqualEarth } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { listProjects, type ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { useUi } from '../../state/uiStore';
import { drawLand, drawOverlay, readColors, type Land, type Placed } from './drawMap';
import { allSkills, cityArcs, clusterByCity, clusterRadius, teamOnMap, TZ_BANDS, type CityCluster, type MapFilter, type TzBand } from './mapModel';
import { useAcceptedTeams } from './useAcceptedTeams';
import './map.css';
import { countryName, placeLabels } from './placeLabels';

const NO_PROJECTS: ProjectSummary[] = [];

/** World land at 1:50m, loaded with the map (it is large, so never in the initial bundle). */
async function loadLand(): Promise<Land> {
  const topo = (await import('world-atlas/land-50m.json')).default as unknown as Topology;
  return feature(topo, topo.objects.land) as unknown as Land;
}

/** People at their cities, ties as great-circle arcs, an accepted team as an island. */
export default function MapView() {
  const { session } = useApp();
  const { net } = useNetwork();
  const go = useUi((s) => s.go);
  const selectPerson = useUi((s) => s.selectPerson);
  const projects = useYSnapshot(session?.workspace.doc, listProjects, NO_PROJECTS);
  const teams = useAcceptedTeams(session, projects);
  const [filter, setFilter] = useState<MapFilter>({ skill: '', band: '' });
  const [teamId, setTeamId] = useState('');
  const [hovered, setHovered] = useState<{ key: string; x: number; y: number } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [land, setLand] = useState<Land | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [settled, setSettled] = useState<ZoomTransform>(zoomIdentity);
  const [theme, setTheme] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const landLayer = useRef<{ canvas: HTMLCanvasElement; t: ZoomTransform } | null>(null);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);

  useEffect(() => {
    let live = true;
    loadLand().then((l) => live && setLand(l));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    // colours come from the theme: redraw when it changes
    const mo = new MutationObserver(() => setTheme((n) => n + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onMq = () => setTheme((n) => n + 1);
    mq.addEventListener('change', onMq);
    return () => {
      ro.disconnect();
      mo.disconnect();
      mq.removeEventListener('change', onMq);
    };
  }, []);

  const projection = useMemo(() => geoEqualEarth().fitExtent([[8, 8], [Math.max(16, size.width - 8), Math.max(16, size.height - 8)]], { type: 'Sphere' }), [size.width, size.height]);
  const clusters = useMemo(() => clusterByCity(net.people, filter), [net.people, filter]);
  const labels = useMemo(() => placeLabels(clusters), [clusters]);
  const arcs = useMemo(() => cityArcs(net.people, net.ties, filter), [net.people, net.ties, filter]);
  const skills = useMemo(() => allSkills(net.people), [net.people]);
  const shown = teams.find((t) => t.projectId === teamId) ?? null;
  const team = useMemo(
    () => (shown ? teamOnMap(net.people, net.ties, shown.team.members.map((m) => ({ personId: m.personId, roleLabel: shown.roleLabels[m.roleId] ?? m.roleId }))) : null),
    [shown, net.people, net.ties],
  );
  const teamIds = useMemo(() => new Set(team?.members.map((m) => m.person.id) ?? []), [team]);
  const placed = useMemo<Placed[]>(
    () =>
      clusters.flatMap((cluster) => {
        const pt = projection([cluster.lon, cluster.lat]);
        return pt ? [{ cluster, x: pt[0], y: pt[1] }] : [];
      }),
    [clusters, projection],
  );

  // zoom and pan
  useEffect(() => {
    const el = canvas.current!;
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 24])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform))
      .on('end', (e: { transform: ZoomTransform }) => setSettled(e.transform));
    zoomer.current = z;
    select(el).call(z).on('dblclick.zoom', null);
    return () => void select(el).on('.zoom', null);
  }, []);
  useEffect(() => {
    if (!size.width) return;
    zoomer.current?.translateExtent([
      [0, 0],
      [size.width, size.height],
    ]);
  }, [size.width, size.height]);

  // the land layer: drawn once per settled zoom, size or theme
  useEffect(() => {
    if (!size.width || !box.current) return;
    const layer = landLayer.current?.canvas ?? document.createElement('canvas');
    drawLand(layer, { projection, land, width: size.width, height: size.height, dpr: devicePixelRatio, t: settled, colors: readColors(box.current) });
    landLayer.current = { canvas: layer, t: settled };
  }, [projection, land, size.width, size.height, settled, theme]);

  // each frame: blit the land (scaled from the zoom it was drawn at), then arcs and clusters
  useEffect(() => {
    const el = canvas.current;
    const layer = landLayer.current;
    if (!el || !size.width || !layer || !box.current) return;
    const dpr = devicePixelRatio;
    if (el.width !== Math.round(size.width * dpr)) el.width = Math.round(size.width * dpr);
    if (el.height !== Math.round(size.height * dpr)) el.height = Math.round(size.height * dpr);
    const raf = requestAnimationFrame(() => {
      const ctx = el.getContext('2d')!;
      const colors = readColors(box.current!);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, el.width, el.height);
      const r = transform.k / layer.t.k;
      ctx.setTransform(r, 0, 0, r, dpr * (transform.x - layer.t.x * r), dpr * (transform.y - layer.t.y * r));
      ctx.drawImage(layer.canvas, 0, 0);
      drawOverlay(ctx, { projection, t: transform, dpr, arcs, placed, team, teamIds, hovered: hovered?.key ?? picked, colors });
    });
    return () => cancelAnimationFrame(raf);
  }, [transform, settled, land, size, projection, arcs, placed, team, teamIds, hovered, picked, theme]);

  const hit = (clientX: number, clientY: number): Placed | null => {
    const rect = canvas.current!.getBoundingClientRect();
    const mx = clientX - rect.left;
    const my = clientY - rect.top;
    // smallest clusters are drawn last, so they win a tie
    for (let i = placed.length - 1; i >= 0; i--) {
      const p = placed[i];
      const r = clusterRadius(p.cluster.people.length) + 2;
      if ((transform.applyX(p.x) - mx) ** 2 + (transform.applyY(p.y) - my) ** 2 <= r * r) return p;
    }
    return null;
  };
  const open = (id: string) => {
    go('people');
    selectPerson(id);
  };
  const card = (picked ? clusters.find((c) => c.key === picked) : hovered ? clusters.find((c) => c.key === hovered.key) : null) ?? null;
  const cardAt = picked ? placed.find((p) => p.cluster.key === picked) : null;
  const cardPos = cardAt ? { x: transform.applyX(cardAt.x), y: transform.applyY(cardAt.y) } : hovered;
  const placedCount = clusters.reduce((n, c) => n + c.people.length, 0);

  return (
    <section className="view map-view" data-testid="map-view">
      <header className="view-head">
        <h1>Map</h1>
        <p className="muted">
          {placedCount} of {net.people.length} people in {clusters.length} places; ties between places as great-circle arcs. Scroll to zoom, drag to pan.
        </p>
      </header>
      <div className="map-tools row">
        <label>
          Skill{' '}
          <select value={filter.skill} onChange={(e) => setFilter({ ...filter, skill: e.target.value })} data-testid="map-skill">
            <option value="">Any skill</option>
            {skills.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Time zones{' '}
          <select value={filter.band} onChange={(e) => setFilter({ ...filter, band: e.target.value as TzBand | '' })} data-testid="map-band">
            <option value="">All time zones</option>
            {TZ_BANDS.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show team{' '}
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)} data-testid="map-team" disabled={teams.length === 0}>
            <option value="">{teams.length ? 'No team' : 'No accepted team yet'}</option>
            {teams.map((t) => (
              <option key={t.projectId} value={t.projectId}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => canvas.current && zoomer.current && select(canvas.current).call(zoomer.current.transform, zoomIdentity)}>
          Reset view
        </button>
      </div>
      <div className="map-body">
        <div className="map-box" ref={box}>
          <canvas
            ref={canvas}
            data-testid="map-canvas"
            data-clusters={placed.length}
            data-team={team ? team.members.map((m) => m.person.id).join(' ') : ''}
            role="img"
            aria-label={`World map: ${placedCount} people in ${clusters.length} places, ${arcs.length} links between places${team ? `; team ${shown?.name}: ${team.members.map((m) => m.person.name).join(', ')}` : ''}. The places list beside it has the same content.`}
            style={{ width: size.width, height: size.height, cursor: hovered ? 'pointer' : 'grab' }}
            onPointerMove={(e) => {
              const p = hit(e.clientX, e.clientY);
              const rect = canvas.current!.getBoundingClientRect();
              setHovered(p ? { key: p.cluster.key, x: e.clientX - rect.left, y: e.clientY - rect.top } : null);
            }}
            onPointerLeave={() => setHovered(null)}
            onClick={(e) => setPicked(hit(e.clientX, e.clientY)?.cluster.key ?? null)}
          />
          {!land && <p className="map-loading muted">Loading the world…</p>}
          {card && cardPos && <PlaceCard cluster={card} x={cardPos.x} y={cardPos.y} width={size.width} pinned={!!picked} onOpen={open} onClose={() => setPicked(null)} />}
        </div>
        <aside className="map-side">
          {shown && team && (
            <div className="map-legend" data-testid="map-legend">
              <h2>
                <span className="map-sw team" aria-hidden /> Team: {shown.name}
              </h2>
              <ul>
                {team.members.map((m) => (
                  <li key={m.person.id}>
                    <button type="button" className="linkish" onClick={() => open(m.person.id)}>
                      {m.person.name}
                    </button>{' '}
                    <span className="muted">
                      {m.roleLabel} · {m.person.location!.city}
                    </span>
                  </li>
                ))}
              </ul>
              {team.unplaced.length > 0 && <p className="muted small">No place known for {team.unplaced.join(', ')}.</p>}
              <p className="muted small">
                <span className="map-sw sw-line sw-team" aria-hidden /> {team.arcs.length} trust ties within the team
              </p>
            </div>
          )}
          <div className="map-legend">
            <h2>Legend</h2>
            <p className="small">
              <span className="map-sw cluster" aria-hidden /> people in a place (the number is how many)
            </p>
            <p className="small">
              <span className="map-sw sw-line" aria-hidden /> trust between places (darker is stronger)
            </p>
          </div>
          <h2 id="places-h">Places</h2>
          <ul className="map-places" aria-labelledby="places-h" data-testid="map-places">
            {clusters.map((c) => (
              <li key={c.key}>
                <button type="button" className={`list-item ${picked === c.key ? 'on' : ''}`} onClick={() => setPicked(c.key)} data-testid="map-place">
                  {labels.get(c.key) ?? c.city} <span className="muted">({c.people.length})</span>
                </button>
              </li>
            ))}
            {clusters.length === 0 && <li className="muted">Nobody with a known place matches.</li>}
          </ul>
        </aside>
      </div>
    </section>
  );
}

function PlaceCard({ cluster, x, y, width, pinned, onOpen, onClose }: { cluster: CityCluster; x: number; y: number; width: number; pinned: boolean; onOpen(id: string): void; onClose(): void }) {
  const shown = cluster.people.slice(0, pinned ? 40 : 8);
  const left = x + 300 > width ? Math.max(4, x - 296) : x + 14;
  return (
    <div className={`map-card ${pinned ? 'pinned' : ''}`} style={{ left, top: Math.max(4, y - 10) }} data-testid="map-card" role={pinned ? 'dialog' : 'tooltip'} aria-label={`${cluster.city}: ${cluster.people.length} people`}>
      <div className="map-card-head">
        <strong>
          {cluster.city}, {countryName(cluster.country)}
        </strong>{' '}
        <span className="muted">{cluster.people.length === 1 ? '1 person' : `${cluster.people.length} people`}</span>
        {pinned && (
          <button type="button" className="secondary small-btn" onClick={onClose} aria-label="Close">
            ×
          </button>
        )}
      </div>
      <ul>
        {shown.map((p) => (
          <li key={p.id}>
            {pinned ? (
              <button type="button" className="linkish" onClick={() => onOpen(p.id)} data-testid="map-person">
                {p.name}
              </button>
            ) : (
              <span>{p.name}</span>
            )}{' '}
            <span className="muted small">
              {[...p.skills]
                .sort((a, b) => b.level - a.level)
                .slice(0, 3)
                .map((s) => s.skill)
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {cluster.people.length > shown.length && <p className="muted small">and {cluster.people.length - shown.length} more{pinned ? '' : ' (click to list them)'}</p>}
    </div>
  );
}
