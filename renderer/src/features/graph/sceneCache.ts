import type { Camera } from './camera';

/** A 2D transform (a, b, c, d, e, f), as setTransform takes it. */
export type Transform2D = [number, number, number, number, number, number];

/**
 * The transform that draws a picture rendered at camera `from` (shifted by `margin` pixels of
 * overscan on each side) so that it lines up with camera `to`. Both cameras in device pixels.
 * A picture pixel p shows world point (p − margin − from.t) / from.k, which `to` puts at
 * that × to.k + to.t.
 */
export function blitTransform(from: Camera, to: Camera, margin: number): Transform2D {
  const s = to.k / from.k;
  return [s, 0, 0, s, to.x - (from.x + margin) * s, to.y - (from.y + margin) * s];
}

/**
 * The scene drawn once into an offscreen canvas (with overscan around the view), then shown under
 * any later camera by one drawImage: frames while the camera moves cost a bitmap copy, not 74k ties.
 */
export class SceneCache {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** The camera (device pixels) the picture was drawn at; null until the first draw. */
  camera: Camera | null = null;
  reduced = false;
  margin = 0;

  constructor(doc: Document = document) {
    this.canvas = doc.createElement('canvas');
    this.ctx = this.canvas.getContext('2d', { alpha: false })!;
  }

  /** Draws the scene with `draw` at `camera` for a `width` × `height` view, `margin` pixels beyond each side. */
  render(camera: Camera, width: number, height: number, margin: number, reduced: boolean, draw: (ctx: CanvasRenderingContext2D, camera: Camera, width: number, height: number) => void) {
    const w = width + 2 * margin;
    const h = height + 2 * margin;
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    draw(this.ctx, { x: camera.x + margin, y: camera.y + margin, k: camera.k }, w, h);
    this.camera = camera;
    this.reduced = reduced;
    this.margin = margin;
  }

  /** Shows the picture on `ctx` under `camera` (device pixels), over the background. */
  blit(ctx: CanvasRenderingContext2D, camera: Camera, width: number, height: number, background: string) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    if (!this.camera) return;
    ctx.setTransform(...blitTransform(this.camera, camera, this.margin));
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.canvas, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /** Forgets the picture (a new graph or size). */
  clear() {
    this.camera = null;
  }
}
