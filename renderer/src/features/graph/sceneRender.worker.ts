/// <reference lib="webworker" />
import { drawScene, type SceneView } from './drawScene';
import type { PainterRequest, PictureFrame, SceneBody } from './scenePainter';

/**
 * The scene worker: draws the whole graph (drawScene.ts) into an OffscreenCanvas and sends the
 * picture back as a transferred ImageBitmap, so drawing and rasterising 74k ties never take the UI
 * thread's time. The scene arrives in parts, each only when it changes (scenePainter.ts).
 */
let scene: Partial<SceneBody> = {};
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

self.onmessage = (event: MessageEvent<PainterRequest>) => {
  const req = event.data;
  if (req.type === 'scene') {
    scene = { ...scene, ...req.patch };
    return;
  }
  if (req.type !== 'draw') return;
  const start = performance.now();
  const { width, height } = req.opts;
  if (!canvas || !ctx) {
    canvas = new OffscreenCanvas(width, height);
    ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('the scene worker has no 2D canvas');
  } else if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  // the 2D API drawScene uses is the same on an OffscreenCanvas
  const stats = drawScene(ctx as unknown as CanvasRenderingContext2D, { ...scene, x: req.x, y: req.y } as SceneView, req.camera, req.opts);
  const picture = canvas.transferToImageBitmap();
  const out: PictureFrame = { type: 'picture', id: req.id, picture, ms: performance.now() - start, stats };
  self.postMessage(out, [picture]);
};
