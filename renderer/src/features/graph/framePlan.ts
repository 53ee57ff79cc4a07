/**
 * When the graph canvas asks for a new picture of its whole scene and when it only moves the picture
 * it already has. A full drawing of 10,000 people and 74k ties costs far more than a frame (it is made
 * in the scene worker, scenePainter.ts), so while the camera moves (and while the layout settles)
 * frames show the cached picture under the new transform, and a new picture is asked for when the
 * interaction pauses, or at a low rate; never while one is still being drawn.
 */
export interface FramePolicy {
  /** The camera counts as moving for this long after its last change (ms). */
  readonly idleMs: number;
  /** While the camera moves, a full redraw at most this often (ms). */
  readonly interactingEveryMs: number;
  /** While the layout settles, a full redraw at most this often (ms). */
  readonly settlingEveryMs: number;
  /** The layout counts as settling above this alpha. */
  readonly settledAlpha: number;
}

export const FRAME_POLICY: FramePolicy = { idleMs: 140, interactingEveryMs: 250, settlingEveryMs: 100, settledAlpha: 0.01 };

export interface FrameState {
  readonly now: number;
  /** When the camera last changed. */
  readonly movedAt: number;
  readonly alpha: number;
  /** Positions or what is highlighted changed since the cached picture was drawn. */
  readonly dirty: boolean;
  /** The cached picture was drawn at another camera than the current one. */
  readonly cameraChanged: boolean;
  /** The canvas shows another camera than the current one. */
  readonly screenStale: boolean;
  /** There is a cached picture of the current graph and size. */
  readonly cacheReady: boolean;
  /** The cached picture was drawn at reduced detail. */
  readonly cacheReduced: boolean;
  /** When the last full redraw happened (was asked for). */
  readonly lastFullAt: number;
  /** A picture was asked for and has not arrived yet: no other is asked for meanwhile. */
  readonly pending?: boolean;
}

export type FramePlan = { action: 'full'; reduced: boolean } | { action: 'blit' } | { action: 'none' };

export function planFrame(s: FrameState, policy: FramePolicy = FRAME_POLICY): FramePlan {
  const plan = wanted(s, policy);
  if (plan.action !== 'full' || !s.pending) return plan;
  return s.cacheReady && s.screenStale ? { action: 'blit' } : { action: 'none' };
}

function wanted(s: FrameState, policy: FramePolicy): FramePlan {
  const interacting = s.now - s.movedAt < policy.idleMs;
  const settling = s.alpha > policy.settledAlpha;
  const reduced = interacting || settling;
  if (!s.cacheReady) return { action: 'full', reduced };
  const stale = s.dirty || s.cameraChanged || (s.cacheReduced && !reduced);
  const rest: FramePlan = s.screenStale ? { action: 'blit' } : { action: 'none' };
  if (!stale) return rest;
  const since = s.now - s.lastFullAt;
  if (interacting) return since >= policy.interactingEveryMs ? { action: 'full', reduced } : rest;
  if (settling) return since >= policy.settlingEveryMs ? { action: 'full', reduced } : rest;
  return { action: 'full', reduced: false };
}
