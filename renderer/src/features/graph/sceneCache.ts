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
 * The picture of the whole scene (drawn with overscan around the view, in the scene worker), shown
 * under any later camera by one drawImage: frames while the camera moves cost a bitmap copy, not 74k
 * ties, and the main thread never rasterises the scene itself.
 */
export class SceneCache {
  private picture: ImageBitmap | null = null;
  /** The camera (device pixels) the picture was drawn at; null until the first picture. */
  camera: Camera | null = null;
  reduced = false;
  margin = 0;

  /** Keeps `picture`, drawn at `camera` (device pixels) with `margin` pixels beyond each side; the previous one is freed. */
  show(picture: ImageBitmap, camera: Camera, margin: number, reduced: boolean) {
    this.picture?.close();
    this.picture = picture;
    this.camera = camera;
    this.reduced = reduced;
    this.margin = margin;
  }

  /** Shows the picture on `ctx` under `camera` (device pixels), over the background. */
  blit(ctx: CanvasRenderingContext2D, camera: Camera, width: number, height: number, background: string) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    if (!this.camera || !this.picture) return;
    ctx.setTransform(...blitTransform(this.camera, camera, this.margin));
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.picture, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /** Forgets the picture (a new graph or size). */
  clear() {
    this.picture?.close();
    this.picture = null;
    this.camera = null;
  }
}
