import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { taxonomy } from '../../../../shared/taxonomy/skillTaxonomy';
import { clearGraphPin, observeGraphPins, readGraphPins, setGraphPin } from '../../../../shared/model/docs/graphPins';
import { listProjects, type ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { attachNetwork, engine } from '../../engine/engineClient';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { useViewer } from '../projects/useViewer';
import { clusterLabels } from './communities';
import { combineMasks, filterMask, filtersActive, neighbourhood, NO_FILTERS, type GraphFilters } from './filters';
import { GraphFilterPanel } from './GraphFilterPanel';
import { download, graphToSvg } from './svgExport';
import { useCanvasTheme } from './theme';
import { useGraphPresence, type GraphPresence } from './useGraphPresence';
import { useTeamIslands } from './useTeamIslands';
import { centreOn, fitAll, toWorld, type Camera } from './camera';
import { peerPointer, type SceneView } from './drawScene';
import { flightAt } from './flyTo';
import { planFrame } from './framePlan';
import './graph.css';
import { buildGraphModel } from './graphModel';
import { HitIndex } from './hitIndex';
import type { CommunitiesFrame, LayoutFrame, LayoutRequest } from './layoutCore';
import { buildPalette, type ColourBy } from './palette';
import { SceneCache } from './sceneCache';
import { ScenePainter } from './scenePainter';
import { skillLabel } from './skillLabel';
import { useNetworkGraph } from './useNetworkGraph';
import { knownLayout } from '../../storage/layouts';
import { layoutSeed } from './layoutSnapshot';
import { useLayoutMemory } from './useLayoutMemory';
import { useGraphViewport, viewportOf } from './graphViewport';
import { useFollowedViewport, wantedOr } from './useFollowedViewport';

const LABEL_ZOOM = 1.6;
/** While positions move, hover and pointer sharing use a hit index at most this old (ms). */
const HIT_REFRESH_MS = 150;
/** The cached picture reaches this share of the canvas beyond each side, so a short pan shows no blank edge. */
const OVERSCAN = 0.1;
const NO_PROJECTS: ProjectSummary[] = [];
/** A skill's name (one function for the whole module: the filter panel memoises on it). */
const nameOf = (skill: string) => taxonomy().get(skill)?.label ?? skillLabel(skill);

/** Moves the camera through d3-zoom, so its own state follows (a later wheel or drag starts from here). */
function applyCamera(canvas: HTMLCanvasElement | null, behaviour: ZoomBehavior<HTMLCanvasElement, unknown> | null, c: Camera) {
  if (canvas && behaviour) select(canvas).call(behaviour.transform, zoomIdentity.translate(c.x, c.y).scale(c.k));
}

/**
 * The smallest circle about the members' centre (screen pixels) that holds each drawn node with a
 * margin: the spotlight ring a workshop draws around a person, a team or a cluster.
 */
function screenCircle(members: readonly number[], at: { x: ArrayLike<number>; y: ArrayLike<number>; camera: Camera }, radius: ArrayLike<number>, rect: { left: number; top: number }) {
  const { k, x: cx, y: cy } = at.camera;
  const sx = (i: number) => rect.left + at.x[i] * k + cx;
  const sy = (i: number) => rect.top + at.y[i] * k + cy;
  let mx = 0;
  let my = 0;
  for (const i of members) {
    mx += sx(i);
    my += sy(i);
  }
  mx /= members.length;
  my /= members.length;
  let r = 0;
  for (const i of members) r = Math.max(r, Math.hypot(sx(i) - mx, sy(i) - my) + (radius[i] ?? 0) * k);
  return { x: mx, y: my, r: Math.max(14, r + 10), members: members.length };
}

/**
 * Read-only inspector (window.archipelagoGraph) for tests, benchmarks and the workshop's spotlight ring:
 * where a person, team or cluster is on screen, what is selected.
 */
export interface GraphInspector {
  screenOf(name: string): [number, number] | null;
  worldOf(name: string): [number, number] | null;
  selectedNames(): string[];
  camera(): Camera;
  alpha(): number;
  /** How many people the filters and focus leave on the canvas. */
  shownCount(): number;
  /** A person's drawn radius (size shows trust from the viewer). */
  radiusOf(name: string): number;
  /** Co-editors' pointers as screen points, by name. */
  peerPointers(): { name: string; at: [number, number] | null }[];
  /** Islands drawn (team names with their member count). */
  islands(): { name: string; members: number; accepted: boolean }[];
  /** The trust path drawn, as names. */
  path(): string[];
  /** The clusters (Louvain communities) with their labels, largest first. */
  clusters(): { label: string; size: number }[];
  /**
   * The on-screen circle around a person, a team (an island's label) or a cluster (its label), with
   * how many people it holds; null when none of them is on the graph.
   */
  circleAround(kind: 'person' | 'team' | 'cluster', label: string): { x: number; y: number; r: number; members: number } | null;
  /** Positions, ties, sizes and colours as drawn (for the benchmark's SVG baseline). */
  snapshot(): { x: number[]; y: number[]; source: number[]; target: number[]; radius: number[]; colour: string[] };
}

/**
 * The human archipelago: people as nodes, trust ties as edges, laid out by d3-force in a Web Worker
 * and drawn on one canvas. Wheel zooms, dragging empty canvas pans, dragging a person moves and pins
 * them (the pin is shared through the network document), click selects, shift-drag lassoes.
 */
export default function GraphView() {
  const { doc, people, ties } = useNetworkGraph();
  const { session } = useApp();
  const theme = useCanvasTheme();
  const model = useMemo(() => buildGraphModel(people, ties, { fieldOf: (s) => taxonomy().get(s)?.category }), [people, ties]);
  const [colourBy, setColourBy] = useState<ColourBy>('field');
  // Louvain communities, computed in the layout worker for each new graph
  const [community, setCommunity] = useState<{ model: typeof model; community: Int32Array } | null>(null);
  const communityOf = community?.model === model ? community.community : null;
  const clusters = useMemo(() => (communityOf ? clusterLabels(communityOf, model.mainSkill, nameOf) : []), [communityOf, model]);
  const clusterName = useMemo(() => new Map(clusters.map((c) => [c.community, c.label])), [clusters]);
  const palette = useMemo(
    () => buildPalette(model, colourBy, { community: communityOf, skillLabel, other: theme.muted, communityLabel: (c) => clusterName.get(c) ?? `Community ${c + 1}` }),
    [model, colourBy, communityOf, theme.muted, clusterName],
  );
  // One selection shared with the People and Ties tables (zustand UI state), by person id.
  const selectedPeople = useUi((u) => u.selectedPeople);
  const setSelectedPeople = useUi((u) => u.setSelectedPeople);
  const selected = useMemo<ReadonlySet<number>>(() => new Set(selectedPeople.flatMap((id) => (model.indexOf.has(id) ? [model.indexOf.get(id)!] : []))), [selectedPeople, model]);
  const setSelected = (s: ReadonlySet<number>) => setSelectedPeople([...s].map((i) => model.ids[i]));
  const [hovered, setHovered] = useState(-1);
  const [filters, setFilters] = useState<GraphFilters>(NO_FILTERS);
  const [focus, setFocus] = useState<{ id: string; hops: number } | null>(null);
  const visible = useMemo(() => {
    const f = filtersActive(filters) ? filterMask(model, filters) : null;
    const centre = focus ? (model.indexOf.get(focus.id) ?? -1) : -1;
    return combineMasks(model.ids.length, f, centre >= 0 ? neighbourhood(model, centre, focus!.hops) : null);
  }, [model, filters, focus]);
  const shownCount = useMemo(() => (visible ? visible.reduce((a, v) => a + v, 0) : model.ids.length), [visible, model]);
  const [viewer, setViewer] = useViewer(session?.workspaceId);
  const [trustState, setTrust] = useState<{ viewer: string; ids: string[]; scores: Float32Array } | null>(null);
  const trust = viewer && trustState?.viewer === viewer ? trustState : null;
  const [pathState, setPath] = useState<{ viewer: string; target: string; path: string[]; trust: number } | null>(null);
  const projects = useYSnapshot(session?.workspace.doc, listProjects, NO_PROJECTS);
  const teamIslands = useTeamIslands(session ?? null, projects);
  const { peers, share } = useGraphPresence(session ?? null);
  const focusIndex = hovered >= 0 ? hovered : selected.size === 1 ? [...selected][0] : -1;
  const focusId = focusIndex >= 0 ? model.ids[focusIndex] : null;
  const path = pathState && pathState.viewer === viewer && pathState.target === focusId ? pathState : null;
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [searchError, setSearchError] = useState('');

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const lassoRef = useRef<SVGPolygonElement>(null);
  const live = useRef<{ camera: Camera; x: Float32Array<ArrayBufferLike>; y: Float32Array<ArrayBufferLike>; alpha: number; hit: HitIndex | null; hitStale: boolean; hitAt: number; dirty: boolean; size: { w: number; h: number }; frames: number; blits: number; drawMs: number; movedAt: number; rect: DOMRect | null; held: { i: number; x: number; y: number; at: number } | null }>({
    camera: { x: 0, y: 0, k: 1 },
    x: new Float32Array(0),
    y: new Float32Array(0),
    alpha: 1,
    hit: null,
    hitStale: false,
    hitAt: 0,
    dirty: true,
    size: { w: 1, h: 1 },
    frames: 0,
    blits: 0,
    drawMs: 0,
    movedAt: 0,
    rect: null,
    held: null,
  });
  const workerRef = useRef<Worker | null>(null);
  /** The layout starts from where it settled last time (useLayoutMemory): the camera frames it at once. */
  const seeded = useRef(false);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);

  // Size: personalised trust from the viewer (computed by the engine worker); without a viewer, ties.
  const radius = useMemo(() => {
    if (trust) {
      const r = new Float32Array(model.ids.length).fill(2.5);
      trust.ids.forEach((id, j) => {
        const i = model.indexOf.get(id);
        if (i !== undefined) r[i] = 2.5 + 10 * Math.sqrt(trust.scores[j]);
      });
      return r;
    }
    const degree = new Uint32Array(model.ids.length);
    for (let e = 0; e < model.source.length; e++) {
      degree[model.source[e]]++;
      degree[model.target[e]]++;
    }
    return Float32Array.from(degree, (d) => Math.min(11, 3.5 + Math.sqrt(d) * 0.9));
  }, [model, trust]);
  const trustOf = useMemo(() => (trust ? new Map(trust.ids.map((id, j) => [id, trust.scores[j]])) : null), [trust]);

  // Trust from the viewer, in the engine worker (never on the UI thread); again when the network changes.
  useEffect(() => {
    if (!viewer || !doc) return;
    let live = true;
    (async () => {
      await attachNetwork(doc);
      const view = await engine().trustFrom(viewer);
      if (live) setTrust('error' in view ? null : { viewer, ids: view.ids, scores: view.scores });
    })();
    return () => {
      live = false;
    };
  }, [viewer, doc, people, ties]);

  // The layout worker: one per graph; positions come back as transferred typed arrays.
  useEffect(() => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    let fitted = false;
    workerRef.current = worker;
    const n = model.ids.length;
    const seed = session ? layoutSeed(knownLayout(session.workspaceId) ?? null, model.ids) : null;
    seeded.current = seed?.matched === n;
    live.current.x = seed ? seed.x.slice() : new Float32Array(n);
    live.current.y = seed ? seed.y.slice() : new Float32Array(n);
    live.current.held = null;
    worker.onmessage = (e: MessageEvent<LayoutFrame | CommunitiesFrame>) => {
      if (e.data.type === 'communities') return setCommunity({ model, community: e.data.community });
      // a frame the worker made before it got our latest drag position must not move the dragged
      // person back: hold them where we put them until the worker's positions catch up (or 1 s passes)
      const held = live.current.held;
      if (held && held.i < e.data.x.length) {
        const caughtUp = e.data.x[held.i] === Math.fround(held.x) && e.data.y[held.i] === Math.fround(held.y);
        if (caughtUp || performance.now() - held.at > 1000) live.current.held = null;
        else {
          e.data.x[held.i] = held.x;
          e.data.y[held.i] = held.y;
        }
      }
      live.current.x = e.data.x;
      live.current.y = e.data.y;
      live.current.alpha = e.data.alpha;
      live.current.hitStale = true;
      if (!fitted && e.data.alpha < 0.1) {
        fitted = true;
        applyCamera(canvasRef.current, zoomRef.current, wantedOr(canvasRef.current, fitAll(e.data.x, e.data.y, live.current.size.w, live.current.size.h)));
      }
      live.current.dirty = true;
    };
    const pins = doc ? [...readGraphPins(doc).pins].flatMap(([id, p]) => (model.indexOf.has(id) ? [[model.indexOf.get(id)!, p.x, p.y] as [number, number, number]] : [])) : [];
    const req: LayoutRequest = { type: 'graph', n, source: model.source, target: model.target, trust: model.trust, pins, start: seed ? { x: seed.x, y: seed.y, complete: seeded.current } : undefined };
    worker.postMessage(req);
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, [model, doc, session]);

  // Pins shared through Yjs: a co-editor's drag moves the person here too.
  useEffect(() => {
    if (!doc) return;
    const push = () => {
      const { pins } = readGraphPins(doc);
      setPinned(new Set(pins.keys()));
      const list = [...pins].flatMap(([id, p]) => (model.indexOf.has(id) ? [[model.indexOf.get(id)!, p.x, p.y] as [number, number, number]] : []));
      workerRef.current?.postMessage({ type: 'pins', pins: list } satisfies LayoutRequest);
    };
    push();
    return observeGraphPins(doc, push);
  }, [doc, model]);

  const edgeOrder = useMemo(() => Int32Array.from(model.trust.keys()).sort((a, b) => model.trust[b] - model.trust[a] || a - b), [model]);
  const pinnedFlags = useMemo(() => Uint8Array.from(model.ids, (id) => (pinned.has(id) ? 1 : 0)), [model, pinned]);
  // Trust paths inside each team (from its first member to the others), from the engine worker.
  const [islandPaths, setIslandPaths] = useState<Record<string, string[][]>>({});
  const islandKey = teamIslands.map((t) => `${t.projectId}:${t.personIds.join(',')}`).join('|');
  useEffect(() => {
    if (!doc || !teamIslands.length) return;
    let live = true;
    (async () => {
      await attachNetwork(doc);
      const out: Record<string, string[][]> = {};
      for (const t of teamIslands) {
        const [first, ...rest] = t.personIds;
        if (!rest.length) continue;
        const view = await engine().trustFrom(first, rest);
        if (!('error' in view)) out[t.projectId] = Object.values(view.paths).map((p) => p.path);
      }
      if (live) setIslandPaths(out);
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, islandKey, people, ties]);
  const islands = useMemo(() => {
    const idx = (ids: readonly string[]) => ids.flatMap((id) => (model.indexOf.has(id) ? [model.indexOf.get(id)!] : []));
    return teamIslands.map((t) => ({ label: t.name, accepted: t.accepted, members: idx(t.personIds), paths: (islandPaths[t.projectId] ?? []).map(idx) })).filter((t) => t.members.length);
  }, [teamIslands, model, islandPaths]);
  const pathIdx = useMemo(() => (path ? path.path.flatMap((id) => (model.indexOf.has(id) ? [model.indexOf.get(id)!] : [])) : []), [path, model]);
  const peerScene = useMemo(() => peers.map((p) => ({ name: p.name, colour: p.colour, pointer: p.pointer, anchor: p.anchor && model.indexOf.has(p.anchor.id) ? { i: model.indexOf.get(p.anchor.id)!, dx: p.anchor.dx, dy: p.anchor.dy } : null, selected: p.selected.flatMap((id) => (model.indexOf.has(id) ? [model.indexOf.get(id)!] : [])) })), [peers, model]);
  const scene = useRef<Omit<SceneView, 'x' | 'y'> | null>(null);
  const visibleRef = useRef<Uint8Array | null>(null);
  useEffect(() => {
    scene.current = {
      source: model.source,
      target: model.target,
      trust: model.trust,
      edgeOrder,
      group: palette.group,
      colours: palette.colours,
      radius,
      names: model.names,
      pinned: pinnedFlags,
      selected,
      hovered,
      visible,
      islands,
      path: pathIdx,
      clusters: communityOf && colourBy === 'community' ? { community: communityOf, labels: clusters } : null,
      peers: peerScene,
    };
    if (visibleRef.current !== visible) live.current.hit = null;
    visibleRef.current = visible;
    live.current.dirty = true;
  }, [model, edgeOrder, palette, radius, pinnedFlags, selected, hovered, visible, islands, pathIdx, communityOf, colourBy, clusters, peerScene, theme]);
  useLayoutMemory(model, live, scene);
  const themeRef = useRef(theme);
  useEffect(() => {
    themeRef.current = theme;
    live.current.dirty = true;
  }, [theme]);

  // The hit index (a quadtree): rebuilt when the filters change; after positions moved, for a press or
  // a lasso at once, but for hover and pointer sharing at most every HIT_REFRESH_MS (while the layout
  // settles, positions arrive many times a second and a rebuild per pointer move costs milliseconds).
  const hitIndex = (fresh = false) => {
    const l = live.current;
    const now = performance.now();
    if (!l.hit || (l.hitStale && (fresh || now - l.hitAt >= HIT_REFRESH_MS))) {
      l.hit = new HitIndex(l.x, l.y, visibleRef.current);
      l.hitStale = false;
      l.hitAt = now;
    }
    return l.hit;
  };
  // the canvas's place on the page, read once per resize or entry (reading it per pointer move forces a layout)
  const canvasRect = () => (live.current.rect ??= canvasRef.current!.getBoundingClientRect());
  const pickAt = (clientX: number, clientY: number, fresh = false) => {
    const rect = canvasRect();
    const [wx, wy] = toWorld(live.current.camera, clientX - rect.left, clientY - rect.top);
    return hitIndex(fresh).pick(wx, wy, 14 / live.current.camera.k);
  };

  // Drawing: one requestAnimationFrame loop. The whole scene is drawn into a picture in the scene
  // worker only when something changed and the camera rests (or at a low rate while it moves or the
  // layout settles); every frame shows the latest picture under the current camera (framePlan.ts,
  // scenePainter.ts, sceneCache.ts): the UI thread only composites.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d', { alpha: false })!; // opaque: the compositor need not blend it
    const cache = new SceneCache();
    let shown: Camera | null = null;
    const painter = new ScenePainter((p) => {
      cache.show(p.picture, p.camera, p.margin, p.reduced);
      shown = null;
      live.current.frames++;
      live.current.drawMs += p.ms;
    });
    let frame = 0;
    let lastFullAt = -Infinity;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const rect = canvas.getBoundingClientRect();
      live.current.rect = rect;
      live.current.size = { w: rect.width, h: rect.height };
      canvas.width = Math.max(1, Math.round(rect.width * dpr));
      canvas.height = Math.max(1, Math.round(rect.height * dpr));
      cache.clear();
      painter.discard();
      shown = null;
      live.current.dirty = true;
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();
    const same = (a: Camera | null, b: Camera) => !!a && a.x === b.x && a.y === b.y && a.k === b.k;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      if (!scene.current) return;
      const dpr = window.devicePixelRatio || 1;
      const c = live.current.camera;
      const device = { x: c.x * dpr, y: c.y * dpr, k: c.k * dpr };
      const now = performance.now();
      const plan = planFrame({
        now,
        movedAt: live.current.movedAt,
        alpha: live.current.alpha,
        dirty: live.current.dirty,
        cameraChanged: !same(cache.camera, device),
        screenStale: !same(shown, device),
        cacheReady: cache.camera !== null,
        cacheReduced: cache.reduced,
        lastFullAt,
        pending: painter.pending,
      });
      if (plan.action === 'none') return;
      const t = themeRef.current;
      if (plan.action === 'full') {
        live.current.dirty = false;
        lastFullAt = now;
        painter.setScene(scene.current);
        painter.request(live.current.x, live.current.y, device, Math.round(OVERSCAN * Math.max(canvas.width, canvas.height)), plan.reduced, {
          labelZoom: LABEL_ZOOM * dpr,
          width: canvas.width,
          height: canvas.height,
          background: t.panel,
          edgeColour: t.muted,
          labelColour: t.ink,
          selectColour: t.warn,
          islandColour: t.accent,
          pathColour: t.warn,
          hoverColour: t.link,
          edgeBudget: plan.reduced ? 6_000 : 25_000,
        });
        if (!cache.camera || same(shown, device)) return;
      } else live.current.blits++;
      cache.blit(ctx, device, canvas.width, canvas.height, t.panel);
      shown = device;
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      painter.terminate();
      cache.clear();
    };
  }, []);

  // Pan and zoom (d3-zoom): wheel anywhere, drag only on empty canvas and without shift.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 12])
      .filter((event: MouseEvent & WheelEvent) => event.type === 'wheel' || (!event.shiftKey && !event.button && pickAt(event.clientX, event.clientY, true) < 0))
      .on('zoom', (event) => {
        live.current.camera = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
        live.current.movedAt = performance.now();
        useGraphViewport.getState().report(viewportOf(live.current.camera, canvas.clientWidth, canvas.clientHeight));
      });
    zoomRef.current = behaviour;
    const sel = select(canvas);
    sel.call(behaviour).on('dblclick.zoom', null);
    const rect = canvas.getBoundingClientRect();
    const first = seeded.current ? fitAll(live.current.x, live.current.y, rect.width, rect.height) : { x: rect.width / 2, y: rect.height / 2, k: 0.9 };
    sel.call(behaviour.transform, zoomIdentity.translate(first.x, first.y).scale(first.k));
    return () => {
      sel.on('.zoom', null);
    };
    // pickAt reads refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setCamera = (c: Camera) => applyCamera(canvasRef.current, zoomRef.current, c);
  useFollowedViewport(() => canvasRef.current, setCamera);

  // Node drag, click to select, shift-drag to lasso (pointer events; d3-zoom ignores these gestures).
  const gesture = useRef<{ kind: 'node'; i: number; moved: boolean } | { kind: 'lasso'; points: [number, number][] } | { kind: 'pan'; x: number; y: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const canvas = e.currentTarget;
    const rect = canvas.getBoundingClientRect();
    if (e.shiftKey) {
      gesture.current = { kind: 'lasso', points: [[e.clientX - rect.left, e.clientY - rect.top]] };
      canvas.setPointerCapture(e.pointerId);
      return;
    }
    const i = pickAt(e.clientX, e.clientY, true);
    if (i >= 0) {
      gesture.current = { kind: 'node', i, moved: false };
      canvas.setPointerCapture(e.pointerId);
      canvas.classList.add('dragging');
    } else gesture.current = { kind: 'pan', x: e.clientX, y: e.clientY };
  };
  const lastShare = useRef(0);
  const pendingPointer = useRef<Pick<GraphPresence, 'pointer' | 'anchor'>>({ pointer: null });
  const pointerTimer = useRef<ReturnType<typeof setTimeout> | 0>(0);
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    const rect = canvasRect();
    const g = gesture.current;
    // our pointer for co-editors, at most every 50 ms, and always the last position
    const [wx, wy] = toWorld(live.current.camera, e.clientX - rect.left, e.clientY - rect.top);
    const near = hitIndex().pick(wx, wy, 80 / live.current.camera.k);
    const r1 = (v: number) => Math.round(v * 10) / 10;
    pendingPointer.current = { pointer: [r1(wx), r1(wy)], anchor: near >= 0 ? { id: model.ids[near], dx: r1(wx - live.current.x[near]), dy: r1(wy - live.current.y[near]) } : null };
    if (!pointerTimer.current) {
      const wait = Math.max(0, 50 - (performance.now() - lastShare.current));
      pointerTimer.current = setTimeout(() => {
        pointerTimer.current = 0;
        lastShare.current = performance.now();
        share(pendingPointer.current);
      }, wait);
    }
    if (g?.kind === 'node') {
      const [wx, wy] = toWorld(live.current.camera, e.clientX - rect.left, e.clientY - rect.top);
      g.moved = true;
      live.current.x[g.i] = wx;
      live.current.y[g.i] = wy;
      live.current.held = { i: g.i, x: wx, y: wy, at: performance.now() };
      live.current.hitStale = true;
      live.current.dirty = true;
      workerRef.current?.postMessage({ type: 'pin', i: g.i, x: wx, y: wy } satisfies LayoutRequest);
    } else if (g?.kind === 'lasso') {
      g.points.push([e.clientX - rect.left, e.clientY - rect.top]);
      lassoRef.current?.setAttribute('points', g.points.map((p) => p.join(',')).join(' '));
    } else if (!g) {
      const i = pickAt(e.clientX, e.clientY);
      canvas.classList.toggle('on-node', i >= 0);
      if (i !== hovered) setHovered(i);
    }
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    gesture.current = null;
    e.currentTarget.classList.remove('dragging');
    if (g?.kind === 'node') {
      if (g.moved && doc) setGraphPin(doc, model.ids[g.i], { x: live.current.x[g.i], y: live.current.y[g.i] }, LOCAL);
      else setSelected(new Set([g.i]));
    } else if (g?.kind === 'lasso') {
      lassoRef.current?.setAttribute('points', '');
      const world = g.points.map(([sx, sy]) => toWorld(live.current.camera, sx, sy));
      setSelected(new Set(hitIndex(true).lasso(world)));
    } else if (g?.kind === 'pan' && Math.hypot(e.clientX - g.x, e.clientY - g.y) < 3) setSelected(new Set());
  };

  const flyTo = (i: number) => {
    const { w, h } = live.current.size;
    const from = live.current.camera;
    const to = centreOn(live.current.x[i], live.current.y[i], Math.max(from.k, 2.4), w, h);
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / 650);
      setCamera(flightAt(from, to, t, w, h));
      if (t < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim().toLowerCase();
    if (!q) return;
    const names = model.names.map((n) => n.toLowerCase());
    let i = names.findIndex((n) => n.startsWith(q));
    if (i < 0) i = names.findIndex((n) => n.includes(q));
    if (i < 0) {
      setSearchError(`Nobody called “${query.trim()}”`);
      return;
    }
    setSearchError('');
    setSelected(new Set([i]));
    flyTo(i);
  };

  // Our selection, for co-editors (awareness).
  useEffect(() => {
    share({ selected: selectedPeople.slice(0, 500) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedPeople, session]);

  // The best trust path from the viewer to the person in the card (engine worker), shortly after they settle.
  useEffect(() => {
    if (!viewer || !doc || !focusId || focusId === viewer) return;
    let live = true;
    const timer = setTimeout(async () => {
      await attachNetwork(doc);
      const view = await engine().trustFrom(viewer, [focusId]);
      if (!live) return;
      const p = 'error' in view ? undefined : view.paths[focusId];
      setPath(p ? { viewer, target: focusId, ...p } : null);
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [viewer, doc, focusId, people, ties]);

  const exportScene = () => ({ x: live.current.x, y: live.current.y, radius, group: palette.group, colours: palette.colours, names: model.names, source: model.source, target: model.target, trust: model.trust, visible, theme: { bg: theme.panel, ink: theme.ink, muted: theme.muted } });
  const exportSvg = () => download(new Blob([graphToSvg(exportScene(), { title: `Archipelago network: ${shownCount} people`, labels: shownCount <= 400 })], { type: 'image/svg+xml' }), 'archipelago-graph.svg');
  const exportPng = () => canvasRef.current?.toBlob((blob) => blob && download(blob, 'archipelago-graph.png'), 'image/png');

  // The inspector for tests and benchmarks.
  useEffect(() => {
    const inspector: GraphInspector = {
      screenOf: (name) => {
        const i = model.names.indexOf(name);
        const canvas = canvasRef.current;
        if (i < 0 || !canvas) return null;
        const rect = canvas.getBoundingClientRect();
        const c = live.current.camera;
        return [rect.left + live.current.x[i] * c.k + c.x, rect.top + live.current.y[i] * c.k + c.y];
      },
      worldOf: (name) => {
        const i = model.names.indexOf(name);
        return i < 0 ? null : [live.current.x[i], live.current.y[i]];
      },
      selectedNames: () => [...selected].map((i) => model.names[i]).sort(),
      camera: () => live.current.camera,
      alpha: () => live.current.alpha,
      shownCount: () => shownCount,
      radiusOf: (name) => radius[model.names.indexOf(name)] ?? 0,
      peerPointers: () => {
        const rect = canvasRef.current?.getBoundingClientRect();
        const c = live.current.camera;
        return peerScene.map((p) => {
          const w = peerPointer(live.current, p);
          return { name: p.name, at: w && rect ? [rect.left + w[0] * c.k + c.x, rect.top + w[1] * c.k + c.y] : null };
        });
      },
      islands: () => islands.map((t) => ({ name: t.label, members: t.members.length, accepted: t.accepted })),
      path: () => pathIdx.map((i) => model.names[i]),
      clusters: () => clusters.map((c) => ({ label: c.label, size: c.size })),
      circleAround: (kind, label) => {
        const canvas = canvasRef.current;
        let members: number[] = [];
        if (kind === 'person') members = model.names.indexOf(label) >= 0 ? [model.names.indexOf(label)] : [];
        else if (kind === 'team') members = islands.find((t) => t.label === label)?.members ?? [];
        else {
          const c = clusters.find((k) => k.label === label);
          if (c && communityOf) for (let i = 0; i < communityOf.length; i++) if (communityOf[i] === c.community) members.push(i);
        }
        if (!canvas || !members.length) return null;
        return screenCircle(members, live.current, radius, canvas.getBoundingClientRect());
      },
      snapshot: () => ({ x: Array.from(live.current.x), y: Array.from(live.current.y), source: Array.from(model.source), target: Array.from(model.target), radius: Array.from(radius), colour: Array.from(palette.group, (g) => palette.colours[g]) }),
    };
    Object.assign(window, { archipelagoGraph: inspector, archipelagoGraphFrames: () => live.current.frames, archipelagoGraphBlits: () => live.current.blits, archipelagoGraphDrawMs: () => live.current.drawMs });
  }, [model, selected, shownCount, radius, peerScene, islands, pathIdx, palette, clusters, communityOf]);

  const person = focusIndex >= 0 ? model.people[focusIndex] : null;
  const viewerName = viewer && model.indexOf.has(viewer) ? model.names[model.indexOf.get(viewer)!] : null;
  const pathNames = path && person && path.target === person.id ? path.path.map((id) => (model.indexOf.has(id) ? model.names[model.indexOf.get(id)!] : id)) : null;
  const selectedNames = [...selected].slice(0, 8).map((i) => model.names[i]);

  return (
    <section className="graph-view" aria-label="Network graph">
      <div className="graph-stage">
        <canvas
          ref={canvasRef}
          data-testid="graph-canvas"
          role="img"
          aria-label={`Trust network of ${model.ids.length} people and ${model.source.length} ties. The people and ties tables list the same data.`}
          onPointerDown={onPointerDown}
          onPointerEnter={() => (live.current.rect = null)}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => {
            clearTimeout(pointerTimer.current || undefined);
            pointerTimer.current = 0;
            share({ pointer: null, anchor: null });
            if (!gesture.current) setHovered(-1);
          }}
        />
        <svg className="graph-lasso" aria-hidden>
          <polygon ref={lassoRef} points="" className="graph-lasso-shape" strokeDasharray="4 3" />
        </svg>
        <form className="graph-toolbar" onSubmit={onSearch} role="search">
          <label className="sr-only" htmlFor="graph-search">
            Find a person
          </label>
          <input id="graph-search" data-testid="graph-search" placeholder="Find a person…" value={query} onChange={(e) => setQuery(e.target.value)} list="graph-names" />
          <datalist id="graph-names">
            {model.names.slice(0, 500).map((n, i) => (
              <option key={model.ids[i]} value={n} />
            ))}
          </datalist>
          <button type="submit" className="secondary">
            Find
          </button>
          {searchError && (
            <span className="small" role="status" style={{ color: 'var(--danger)' }}>
              {searchError}
            </span>
          )}
        </form>
        <div className="graph-export">
          <button type="button" className="secondary" data-testid="graph-export-png" onClick={exportPng}>
            PNG
          </button>
          <button type="button" className="secondary" data-testid="graph-export-svg" onClick={exportSvg}>
            SVG
          </button>
        </div>
        {focus && (
          <div className="graph-focus" data-testid="graph-focus">
            Focus: {model.names[model.indexOf.get(focus.id) ?? -1] ?? focus.id}, {focus.hops} hop{focus.hops > 1 ? 's' : ''}{' '}
            <select aria-label="Hops around the focused person" value={focus.hops} onChange={(e) => setFocus({ ...focus, hops: Number(e.target.value) })}>
              {[1, 2, 3].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            <button type="button" className="ghost" onClick={() => setFocus(null)} data-testid="graph-focus-clear">
              Show everyone
            </button>
          </div>
        )}
        <div className="graph-hint">Scroll to zoom · drag the background to pan · drag a person to pin them · shift-drag to select several</div>
      </div>
      <aside className="graph-side">
        <div className="graph-panel small" data-testid="graph-viewer">
          {viewerName ? (
            <>
              Sizes show trust from <strong>{viewerName}</strong>.{' '}
              <button type="button" className="ghost" onClick={() => setViewer(null)}>
                Clear
              </button>
            </>
          ) : (
            <span className="muted">Sizes show ties. Open a person’s card and choose “View from here” to size everyone by trust from them.</span>
          )}
        </div>
        <GraphFilterPanel model={model} filters={filters} onChange={setFilters} shown={shownCount} nameOf={nameOf} />
        <div className="graph-panel">
          <label className="small muted" htmlFor="graph-colour-by">
            Colour by
          </label>{' '}
          <select id="graph-colour-by" data-testid="graph-colour-by" value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            <option value="field">Field of main skill</option>
            <option value="community">Community (Louvain)</option>
          </select>
          <ul className="graph-legend" data-testid="graph-legend">
            {palette.legend.map((l) => (
              <li key={l.label}>
                <span className="graph-swatch" style={{ background: l.colour }} />
                <span>{l.label}</span>
                <span className="muted small">{l.count}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="graph-panel" data-testid="graph-selection" data-count={selected.size}>
          <strong>{selected.size}</strong> selected
          {selected.size > 1 && (
            <div className="small muted">
              {selectedNames.join(', ')}
              {selected.size > selectedNames.length ? ` and ${selected.size - selectedNames.length} more` : ''}
            </div>
          )}
        </div>
        {person && (
          <div className="graph-panel graph-card" data-testid="graph-card" data-person={person.id}>
            <h3>{person.name}</h3>
            <div className="small muted">
              {[person.location?.city, person.timezone].filter(Boolean).join(' · ') || 'No location'}
            </div>
            <ul className="small">
              {[...person.skills]
                .sort((a, b) => b.level - a.level)
                .slice(0, 6)
                .map((s) => (
                  <li key={s.skill}>
                    {nameOf(s.skill)} <span className="muted">{s.level.toFixed(2)}</span>
                  </li>
                ))}
            </ul>
            <div className="small">{person.rate !== undefined ? `${person.rate} ${person.currency ?? ''}/h` : 'No rate'}</div>
            {viewer && trustOf && person.id !== viewer && (
              <div className="small" data-testid="graph-card-trust">
                Trust from {viewerName ?? 'you'}: <strong>{Math.round((trustOf.get(person.id) ?? 0) * 100)}%</strong>
              </div>
            )}
            {pathNames && (
              <div className="small" data-testid="graph-card-path">
                Best trust path ({Math.round(path!.trust * 100)}%): {pathNames.join(' → ')}
              </div>
            )}
            <div className="row wrap graph-card-actions">
              {person.id !== viewer && (
                <button type="button" className="secondary" data-testid="graph-view-from" onClick={() => setViewer(person.id)}>
                  View from here
                </button>
              )}
              <button type="button" className="secondary" data-testid="graph-focus-on" onClick={() => setFocus({ id: person.id, hops: focus?.hops ?? 2 })}>
                Focus on neighbourhood
              </button>
            </div>
            {pinned.has(person.id) && doc && (
              <button type="button" className="secondary" onClick={() => clearGraphPin(doc, person.id, LOCAL)} data-testid="graph-unpin">
                Unpin
              </button>
            )}
          </div>
        )}
      </aside>
    </section>
  );
}
