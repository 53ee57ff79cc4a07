import type { Camera } from './camera';
import type { DrawOptions, DrawStats, SceneView } from './drawScene';

/** Everything a picture shows but the positions: sent to the scene worker only when it changes. */
export type SceneBody = Omit<SceneView, 'x' | 'y'>;

/** Messages to the scene worker (sceneRender.worker.ts). */
export type PainterRequest =
  /** The fields of the scene that changed since the last message (by reference). */
  | { type: 'scene'; patch: Partial<SceneBody> }
  /** Draw the scene at these positions and camera into a `width` × `height` picture. */
  | { type: 'draw'; id: number; x: Float32Array; y: Float32Array; camera: Camera; opts: DrawOptions };

/** A finished picture (transferred), with what was drawn and how long it took in the worker. */
export interface PictureFrame {
  type: 'picture';
  id: number;
  picture: ImageBitmap;
  ms: number;
  stats: DrawStats;
}

/** A picture as the graph view gets it: the bitmap and the view it was asked for. */
export interface Picture {
  picture: ImageBitmap;
  /** The camera (device pixels) of the view; the picture reaches `margin` pixels beyond each side. */
  camera: Camera;
  margin: number;
  reduced: boolean;
  /** Time spent drawing it in the worker (ms). */
  ms: number;
}

/** How long to wait after the scene worker failed before asking it for a picture again (ms). */
const FAILURE_PAUSE_MS = 1000;

interface Asked {
  id: number;
  camera: Camera;
  margin: number;
  reduced: boolean;
}

/**
 * The main thread's side of the scene worker: the whole scene (74k ties, 10k people at 10,000 people)
 * is drawn and rasterised in a Web Worker into an OffscreenCanvas and comes back as a transferred
 * ImageBitmap, so the UI thread only composites pictures (SceneCache). At most one picture is asked
 * for at a time; `pending` says one is on its way. Scene fields travel only when they change.
 */
export class ScenePainter {
  private readonly worker: Worker;
  private readonly sent = new Map<string, unknown>();
  private asked: Asked | null = null;
  private next = 1;
  /** After the worker failed, no picture is asked for until then (ms, `now`'s clock). */
  private quietUntil = -Infinity;

  constructor(
    private readonly onPicture: (p: Picture) => void,
    worker: Worker = new Worker(new URL('./sceneRender.worker.ts', import.meta.url), { type: 'module' }),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.worker = worker;
    // a picture that failed is not waited for forever, nor asked for again at every frame
    this.worker.onerror = (e: ErrorEvent) => {
      console.error(`the graph's scene worker failed: ${e.message}`);
      this.asked = null;
      this.quietUntil = this.now() + FAILURE_PAUSE_MS;
    };
    this.worker.onmessage = (e: MessageEvent<PictureFrame>) => {
      const asked = this.asked;
      if (!asked || e.data.id !== asked.id) {
        e.data.picture.close(); // asked for before a resize or a new graph: thrown away
        return;
      }
      this.asked = null;
      this.onPicture({ picture: e.data.picture, camera: asked.camera, margin: asked.margin, reduced: asked.reduced, ms: e.data.ms });
    };
  }

  /** A picture was asked for and has not arrived yet. */
  get pending(): boolean {
    return this.asked !== null || this.now() < this.quietUntil;
  }

  /** Sends the fields of `scene` that are not the ones the worker already has. */
  setScene(scene: SceneBody): void {
    const patch: Record<string, unknown> = {};
    let changed = false;
    for (const [key, value] of Object.entries(scene)) {
      if (this.sent.has(key) && this.sent.get(key) === value) continue;
      this.sent.set(key, value);
      patch[key] = value;
      changed = true;
    }
    if (changed) this.worker.postMessage({ type: 'scene', patch } satisfies PainterRequest);
  }

  /**
   * Asks for a picture of the scene at positions `x`, `y` (copied), for the view `camera` (device
   * pixels) of `opts.width` × `opts.height`, reaching `margin` pixels beyond each side.
   */
  request(x: Float32Array, y: Float32Array, camera: Camera, margin: number, reduced: boolean, opts: DrawOptions): void {
    const id = this.next++;
    this.asked = { id, camera, margin, reduced };
    const px = x.slice();
    const py = y.slice();
    const req: PainterRequest = { type: 'draw', id, x: px, y: py, camera: { x: camera.x + margin, y: camera.y + margin, k: camera.k }, opts: { ...opts, width: opts.width + 2 * margin, height: opts.height + 2 * margin } };
    this.worker.postMessage(req, [px.buffer, py.buffer]);
  }

  /** Forgets the picture on its way (the view was resized): a new one may be asked for at once. */
  discard(): void {
    this.asked = null;
  }

  terminate(): void {
    this.worker.terminate();
    this.asked = null;
  }
}
