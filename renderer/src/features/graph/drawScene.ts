import { visibleWorld, type Camera } from './camera';
import { islandOutline } from './hulls';

/** What one frame shows: positions in world units, colour groups, and what is highlighted. */
export interface SceneView {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly trust: Float32Array;
  readonly group: Uint16Array;
  readonly colours: readonly string[];
  readonly radius: Float32Array;
  readonly names: readonly string[];
  readonly pinned: Uint8Array;
  readonly selected: ReadonlySet<number>;
  readonly hovered: number;
  /** Ties strongest first (for the edge budget); index order when absent. */
  readonly edgeOrder?: Int32Array;
  /** 1 for people the filters and focus keep (null: everyone). Hidden people and their ties are not drawn. */
  readonly visible?: Uint8Array | null;
  /** Teams drawn as islands: a padded hull around the members, with the ties between them. */
  readonly islands?: readonly { members: readonly number[]; label: string; accepted: boolean; paths?: readonly (readonly number[])[] }[];
  /** A trust path (person indices, viewer first) drawn over everything. */
  readonly path?: readonly number[];
  /** Cluster labels at the centre of their community's members. */
  readonly clusters?: { community: Int32Array; labels: readonly { community: number; label: string }[] } | null;
  /** Other editors: their pointer (world units) and selection, in their colours. */
  readonly peers?: readonly { name: string; colour: string; pointer: [number, number] | null; anchor?: { i: number; dx: number; dy: number } | null; selected: readonly number[] }[];
}

export interface DrawOptions {
  width: number;
  height: number;
  /** Labels appear once the zoom passes this (and only for people on screen). */
  labelZoom: number;
  background: string;
  edgeColour: string;
  labelColour: string;
  selectColour: string;
  /** Islands and the trust path (defaults: selectColour). */
  islandColour?: string;
  pathColour?: string;
  /** The hovered person's ties, with arrows for their direction. */
  hoverColour?: string;
  /** At most this many ties per frame (strongest first): a cheaper picture while the camera moves. */
  edgeBudget?: number;
}

/** What a frame drew, for tests and the benchmark's sanity checks. */
export interface DrawStats {
  nodes: number;
  edges: number;
  labels: number;
}

const TRUST_BANDS = [0.35, 0.7, 1.01];
const NODE_BATCH = 32;

/**
 * Draws a frame of the graph on one 2D canvas, with level-of-detail: off-screen people and ties are
 * culled, ties are batched into one path per trust band (width shows trust) and people into one
 * path per colour, and names are drawn only when zoomed in. A pure function of the view and the
 * context: it keeps no state between frames.
 */
export function drawScene(ctx: CanvasRenderingContext2D, scene: SceneView, camera: Camera, opts: DrawOptions): DrawStats {
  const { width, height } = opts;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = opts.background;
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(camera.k, 0, 0, camera.k, camera.x, camera.y);
  const view = visibleWorld(camera, width, height, 20);
  const n = scene.x.length;
  const inView = new Uint8Array(n);
  const shown = scene.visible;
  for (let i = 0; i < n; i++) inView[i] = (!shown || shown[i] === 1) && scene.x[i] >= view.x0 && scene.x[i] <= view.x1 && scene.y[i] >= view.y0 && scene.y[i] <= view.y1 ? 1 : 0;

  const px = 1 / camera.k;
  // islands show only their members that pass the filters and focus
  const islands = (scene.islands ?? [])
    .map((island) => (shown ? { ...island, members: island.members.filter((i) => shown[i]), paths: island.paths?.filter((p) => p.every((i) => shown[i])) } : island))
    .filter((island) => island.members.length);
  // Islands under everything: a tinted hull per team, its outline, and its name.
  const islandColour = opts.islandColour ?? opts.selectColour;
  for (const island of islands) {
    const pts = island.members.map((i) => [scene.x[i], scene.y[i]] as [number, number]);
    const outline = islandOutline(pts, 26);
    if (outline.length < 3) continue;
    ctx.beginPath();
    ctx.moveTo(outline[0][0], outline[0][1]);
    for (const [x, y] of outline.slice(1)) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.globalAlpha = 0.06;
    ctx.fillStyle = islandColour;
    ctx.fill();
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1.5 * px;
    ctx.strokeStyle = islandColour;
    ctx.setLineDash?.(island.accepted ? [] : [6 * px, 4 * px]);
    ctx.stroke();
    ctx.setLineDash?.([]);
    // each member on a halo of the island's colour: the island reads even when members are far apart
    ctx.beginPath();
    for (const i of island.members) {
      const r = scene.radius[i] + 14 * Math.max(px, 0.6);
      ctx.moveTo(scene.x[i] + r, scene.y[i]);
      ctx.arc(scene.x[i], scene.y[i], r, 0, 2 * Math.PI);
    }
    ctx.globalAlpha = island.accepted ? 0.28 : 0.16;
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  // Ties: one path per trust band (width and opacity show trust); drawn when an end is on screen
  // and both ends pass the filters. Drawn in screen units. Level of detail: at most `edgeBudget`
  // ties per frame, the strongest first (`edgeOrder`), as hairlines when many are in view, and ties
  // under 1.5 px long are skipped; zooming in brings the weaker ones back.
  let edges = 0;
  const m = scene.source.length;
  const order = scene.edgeOrder;
  const budget = opts.edgeBudget ?? Infinity;
  let candidates = 0;
  for (let e = 0; e < m; e++) if (inView[scene.source[e]] || inView[scene.target[e]]) candidates++;
  const dense = Math.min(candidates, budget) > 8_000;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.strokeStyle = opts.edgeColour;
  const k = camera.k, ox = camera.x, oy = camera.y;
  const paths = TRUST_BANDS.map(() => [] as number[]);
  for (let j = 0; j < m && edges < budget; j++) {
    const e = order ? order[j] : j;
    const a = scene.source[e];
    const b = scene.target[e];
    if (!inView[a] && !inView[b]) continue;
    if (shown && (!shown[a] || !shown[b])) continue;
    const ax = scene.x[a] * k + ox, ay = scene.y[a] * k + oy, bx = scene.x[b] * k + ox, by = scene.y[b] * k + oy;
    if (dense && Math.abs(ax - bx) + Math.abs(ay - by) < 1.5) continue;
    const t = scene.trust[e];
    const band = t < TRUST_BANDS[0] ? 0 : t < TRUST_BANDS[1] ? 1 : 2;
    paths[band].push(ax, ay, bx, by);
    edges++;
  }
  for (let band = 0; band < TRUST_BANDS.length; band++) {
    const pts = paths[band];
    if (!pts.length) continue;
    ctx.beginPath();
    for (let q = 0; q < pts.length; q += 4) {
      ctx.moveTo(pts[q], pts[q + 1]);
      ctx.lineTo(pts[q + 2], pts[q + 3]);
    }
    ctx.lineWidth = dense ? 1 : 0.6 + band * 1.0;
    ctx.globalAlpha = dense ? 0.12 + band * 0.14 : 0.22 + band * 0.2;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setTransform(camera.k, 0, 0, camera.k, camera.x, camera.y);

  // Ties inside each island, strong: the trust between the team's members.
  if (islands.length) {
    ctx.beginPath();
    for (const island of islands) {
      for (const path of island.paths ?? []) {
        if (path.length < 2) continue;
        ctx.moveTo(scene.x[path[0]], scene.y[path[0]]);
        for (const i of path.slice(1)) ctx.lineTo(scene.x[i], scene.y[i]);
      }
      const members = new Set(island.members);
      for (let e = 0; e < scene.source.length; e++) {
        if (!members.has(scene.source[e]) || !members.has(scene.target[e])) continue;
        ctx.moveTo(scene.x[scene.source[e]], scene.y[scene.source[e]]);
        ctx.lineTo(scene.x[scene.target[e]], scene.y[scene.target[e]]);
      }
    }
    ctx.lineWidth = 2.5 * px;
    ctx.strokeStyle = islandColour;
    ctx.globalAlpha = 0.8;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  // The hovered person's ties, with an arrow at the trusted end: direction shows on hover.
  if (scene.hovered >= 0 && (!shown || shown[scene.hovered])) {
    const h = scene.hovered;
    ctx.beginPath();
    for (let e = 0; e < scene.source.length; e++) {
      const a = scene.source[e];
      const b = scene.target[e];
      if (a !== h && b !== h) continue;
      if (shown && (!shown[a] || !shown[b])) continue;
      const ax = scene.x[a], ay = scene.y[a], bx = scene.x[b], by = scene.y[b];
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const ux = (bx - ax) / len, uy = (by - ay) / len;
      const tipX = bx - ux * (scene.radius[b] + 2 * px), tipY = by - uy * (scene.radius[b] + 2 * px);
      ctx.moveTo(ax, ay);
      ctx.lineTo(tipX, tipY);
      const head = 7 * px;
      ctx.moveTo(tipX - ux * head - uy * head * 0.5, tipY - uy * head + ux * head * 0.5);
      ctx.lineTo(tipX, tipY);
      ctx.lineTo(tipX - ux * head + uy * head * 0.5, tipY - uy * head - ux * head * 0.5);
    }
    ctx.lineWidth = 1.6 * px;
    ctx.strokeStyle = opts.hoverColour ?? opts.selectColour;
    ctx.stroke();
  }

  // People: paths per colour, of at most NODE_BATCH people each (a software rasteriser fills many
  // small paths faster than one path of thousands of circles). Below a pixel they are drawn as
  // squares (cheaper than arcs).
  let nodes = 0;
  const tiny = camera.k < 0.35;
  for (let g = 0; g < scene.colours.length; g++) {
    ctx.fillStyle = scene.colours[g];
    let batch = 0;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (!inView[i] || scene.group[i] !== g) continue;
      const r = Math.max(scene.radius[i], 1.5 * px);
      if (tiny) ctx.rect(scene.x[i] - r, scene.y[i] - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(scene.x[i] + r, scene.y[i]);
        ctx.arc(scene.x[i], scene.y[i], r, 0, 2 * Math.PI);
      }
      nodes++;
      if (++batch === NODE_BATCH) {
        ctx.fill();
        ctx.beginPath();
        batch = 0;
      }
    }
    if (batch) ctx.fill();
  }

  // Pinned people get a dark ring; selected and hovered ones a thick highlight ring.
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    if (!inView[i] || !scene.pinned[i]) continue;
    ctx.moveTo(scene.x[i] + scene.radius[i] + px, scene.y[i]);
    ctx.arc(scene.x[i], scene.y[i], scene.radius[i] + px, 0, 2 * Math.PI);
  }
  ctx.lineWidth = 1.5 * px;
  ctx.strokeStyle = opts.labelColour;
  ctx.stroke();
  // Other editors' selections, in their colours.
  for (const peer of scene.peers ?? []) {
    if (!peer.selected.length) continue;
    ctx.beginPath();
    for (const i of peer.selected) {
      if (i < 0 || i >= n) continue;
      ctx.moveTo(scene.x[i] + scene.radius[i] + 5 * px, scene.y[i]);
      ctx.arc(scene.x[i], scene.y[i], scene.radius[i] + 5 * px, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 2 * px;
    ctx.strokeStyle = peer.colour;
    ctx.stroke();
  }

  // The trust path from the viewer: a thick line through its people.
  if (scene.path && scene.path.length > 1) {
    ctx.beginPath();
    ctx.moveTo(scene.x[scene.path[0]], scene.y[scene.path[0]]);
    for (const i of scene.path.slice(1)) ctx.lineTo(scene.x[i], scene.y[i]);
    ctx.lineWidth = 4 * px;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = opts.pathColour ?? opts.selectColour;
    ctx.globalAlpha = 0.85;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  const rings = [...scene.selected];
  if (scene.hovered >= 0) rings.push(scene.hovered);
  if (rings.length) {
    ctx.beginPath();
    for (const i of rings) {
      ctx.moveTo(scene.x[i] + scene.radius[i] + 3 * px, scene.y[i]);
      ctx.arc(scene.x[i], scene.y[i], scene.radius[i] + 3 * px, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 2.5 * px;
    ctx.strokeStyle = opts.selectColour;
    ctx.stroke();
  }

  // Names: only when zoomed in, only on screen, always for the selection and the hovered person.
  let labels = 0;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = opts.labelColour;
  ctx.textBaseline = 'middle';
  // A label takes the grid cells it covers; a label that would overlap one already drawn is skipped
  // (the selection and the hovered person first, then bigger people), so names stay legible.
  const taken = new Set<number>();
  const CELL = 12;
  const label = (i: number, force: boolean) => {
    const sx = scene.x[i] * camera.k + camera.x + (scene.radius[i] + 4) * camera.k;
    const sy = scene.y[i] * camera.k + camera.y;
    const w = scene.names[i].length * 6.5;
    const cells: number[] = [];
    for (let cx = Math.floor(sx / CELL); cx <= Math.floor((sx + w) / CELL); cx++) {
      for (let cy = Math.floor((sy - 7) / CELL); cy <= Math.floor((sy + 7) / CELL); cy++) cells.push(cx * 100_003 + cy);
    }
    if (!force && cells.some((c) => taken.has(c))) return;
    for (const c of cells) taken.add(c);
    ctx.strokeText?.(scene.names[i], sx, sy);
    ctx.fillText(scene.names[i], sx, sy);
    labels++;
  };
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = opts.background;
  for (const i of rings) label(i, true);
  for (const i of scene.path ?? []) if (!rings.includes(i)) label(i, true);
  for (const island of islands) for (const i of island.members) if (camera.k >= 0.5) label(i, false);
  if (camera.k >= opts.labelZoom) {
    const shown: number[] = [];
    for (let i = 0; i < n; i++) if (inView[i] && !scene.selected.has(i) && i !== scene.hovered) shown.push(i);
    shown.sort((a, b) => scene.radius[b] - scene.radius[a] || a - b);
    for (const i of shown) label(i, false);
  }

  // Cluster names at the centre of their members, when zoomed out enough to see clusters.
  if (scene.clusters && camera.k < opts.labelZoom) {
    const { community, labels: names } = scene.clusters;
    const wanted = new Map(names.map((l, j) => [l.community, j]));
    const sx = new Float64Array(names.length), sy = new Float64Array(names.length), count = new Uint32Array(names.length);
    for (let i = 0; i < n; i++) {
      const j = wanted.get(community[i]);
      if (j === undefined || (shown && !shown[i])) continue;
      sx[j] += scene.x[i]; sy[j] += scene.y[i]; count[j]++;
    }
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.lineWidth = 4;
    ctx.strokeStyle = opts.background;
    ctx.lineJoin = 'round';
    for (let j = 0; j < names.length; j++) {
      if (count[j] < 3) continue;
      const x = (sx[j] / count[j]) * camera.k + camera.x;
      const y = (sy[j] / count[j]) * camera.k + camera.y;
      if (x < 0 || y < 0 || x > width || y > height) continue;
      ctx.strokeText?.(names[j].label, x, y);
      ctx.fillText(names[j].label, x, y);
      labels++;
    }
    ctx.textAlign = 'start';
  }

  // Island names, above their members' centre.
  ctx.font = '700 13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const island of islands) {
    if (!island.members.length) continue;
    let top = Infinity, cx = 0;
    for (const i of island.members) {
      top = Math.min(top, scene.y[i] - scene.radius[i]);
      cx += scene.x[i];
    }
    const x = (cx / island.members.length) * camera.k + camera.x;
    const y = top * camera.k + camera.y - 22;
    ctx.lineWidth = 4;
    ctx.strokeStyle = opts.background;
    ctx.strokeText?.(island.label, x, y);
    ctx.fillStyle = opts.islandColour ?? opts.selectColour;
    ctx.fillText(island.label, x, y);
  }
  ctx.textAlign = 'start';

  // Other editors' pointers: an arrow and their name in their colour.
  for (const peer of scene.peers ?? []) {
    const at = peerPointer(scene, peer);
    if (!at) continue;
    const x = at[0] * camera.k + camera.x;
    const y = at[1] * camera.k + camera.y;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 4, y + 15);
    ctx.lineTo(x + 7.5, y + 9);
    ctx.lineTo(x + 14, y + 8);
    ctx.closePath();
    ctx.fillStyle = peer.colour;
    ctx.fill();
    ctx.font = '600 12px system-ui, sans-serif';
    const w = peer.name.length * 7 + 10;
    ctx.fillRect(x + 12, y + 12, w, 18);
    ctx.fillStyle = opts.background;
    ctx.fillText(peer.name, x + 17, y + 21);
  }
  return { nodes, edges, labels };
}

/** Where a co-editor points, in world units: beside the person they point at, else where they point. */
export function peerPointer(scene: Pick<SceneView, 'x' | 'y'>, peer: { pointer: [number, number] | null; anchor?: { i: number; dx: number; dy: number } | null }): [number, number] | null {
  if (peer.anchor && peer.anchor.i >= 0 && peer.anchor.i < scene.x.length) return [scene.x[peer.anchor.i] + peer.anchor.dx, scene.y[peer.anchor.i] + peer.anchor.dy];
  return peer.pointer;
}
