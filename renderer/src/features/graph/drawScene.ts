import { visibleWorld, type Camera } from './camera';

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
}

/** What a frame drew, for tests and the benchmark's sanity checks. */
export interface DrawStats {
  nodes: number;
  edges: number;
  labels: number;
}

const TRUST_BANDS = [0.35, 0.7, 1.01];

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
  for (let i = 0; i < n; i++) inView[i] = scene.x[i] >= view.x0 && scene.x[i] <= view.x1 && scene.y[i] >= view.y0 && scene.y[i] <= view.y1 ? 1 : 0;

  // Ties: one path per trust band; a tie is drawn when either end is on screen.
  let edges = 0;
  const px = 1 / camera.k;
  ctx.strokeStyle = opts.edgeColour;
  for (let band = 0; band < TRUST_BANDS.length; band++) {
    const lo = band === 0 ? -Infinity : TRUST_BANDS[band - 1];
    ctx.beginPath();
    for (let e = 0; e < scene.source.length; e++) {
      const t = scene.trust[e];
      if (t < lo || t >= TRUST_BANDS[band]) continue;
      const a = scene.source[e];
      const b = scene.target[e];
      if (!inView[a] && !inView[b]) continue;
      ctx.moveTo(scene.x[a], scene.y[a]);
      ctx.lineTo(scene.x[b], scene.y[b]);
      edges++;
    }
    ctx.lineWidth = (0.6 + band * 0.9) * px;
    ctx.globalAlpha = 0.25 + band * 0.2;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // People: one path per colour. Below a pixel they are drawn as squares (cheaper than arcs).
  let nodes = 0;
  const tiny = camera.k < 0.35;
  for (let g = 0; g < scene.colours.length; g++) {
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
    }
    ctx.fillStyle = scene.colours[g];
    ctx.fill();
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
    ctx.fillText(scene.names[i], sx, sy);
    labels++;
  };
  for (const i of rings) label(i, true);
  if (camera.k >= opts.labelZoom) {
    const shown: number[] = [];
    for (let i = 0; i < n; i++) if (inView[i] && !scene.selected.has(i) && i !== scene.hovered) shown.push(i);
    shown.sort((a, b) => scene.radius[b] - scene.radius[a] || a - b);
    for (const i of shown) label(i, false);
  }
  return { nodes, edges, labels };
}
