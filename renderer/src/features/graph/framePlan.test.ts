import { describe, expect, it } from 'vitest';
import { FRAME_POLICY, planFrame, type FrameState } from './framePlan';

const rest: FrameState = { now: 10_000, movedAt: 0, alpha: 0, dirty: false, cameraChanged: false, screenStale: false, cacheReady: true, cacheReduced: false, lastFullAt: 0 };

describe('planFrame: full redraws only when needed, the cached picture otherwise', () => {
  it('draws the whole scene first, and nothing while nothing changes', () => {
    expect(planFrame({ ...rest, cacheReady: false })).toEqual({ action: 'full', reduced: false });
    expect(planFrame(rest)).toEqual({ action: 'none' });
  });

  it('while the camera moves, shows the cached picture under the new camera, redrawing at a low rate', () => {
    const moving = { ...rest, movedAt: rest.now - 10, cameraChanged: true, screenStale: true, lastFullAt: rest.now - 50 };
    expect(planFrame(moving)).toEqual({ action: 'blit' });
    expect(planFrame({ ...moving, dirty: true })).toEqual({ action: 'blit' });
    expect(planFrame({ ...moving, screenStale: false })).toEqual({ action: 'none' });
    expect(planFrame({ ...moving, lastFullAt: rest.now - FRAME_POLICY.interactingEveryMs })).toEqual({ action: 'full', reduced: true });
  });

  it('redraws at full detail once the camera rests', () => {
    const paused = { ...rest, movedAt: rest.now - FRAME_POLICY.idleMs, cameraChanged: true, screenStale: true, lastFullAt: rest.now - 20 };
    expect(planFrame(paused)).toEqual({ action: 'full', reduced: false });
    // a picture drawn at reduced detail is redrawn when everything rests, even with nothing else changed
    expect(planFrame({ ...rest, cacheReduced: true })).toEqual({ action: 'full', reduced: false });
  });

  it('while the layout settles, redraws new positions at most every settlingEveryMs, at reduced detail', () => {
    const settling = { ...rest, alpha: 0.3, dirty: true, lastFullAt: rest.now - 30 };
    expect(planFrame(settling)).toEqual({ action: 'none' });
    expect(planFrame({ ...settling, lastFullAt: rest.now - FRAME_POLICY.settlingEveryMs })).toEqual({ action: 'full', reduced: true });
    // and it does not redo a reduced picture just because it is reduced
    expect(planFrame({ ...settling, dirty: false, cacheReduced: true, lastFullAt: rest.now - 500 })).toEqual({ action: 'none' });
  });

  it('a change with the camera at rest (hover, selection, theme) redraws at once', () => {
    expect(planFrame({ ...rest, dirty: true, lastFullAt: rest.now - 1 })).toEqual({ action: 'full', reduced: false });
  });

  it('asks for no new picture while one is being drawn, and keeps showing the one it has', () => {
    expect(planFrame({ ...rest, cacheReady: false, pending: true })).toEqual({ action: 'none' });
    expect(planFrame({ ...rest, dirty: true, pending: true })).toEqual({ action: 'none' });
    const moving = { ...rest, movedAt: rest.now - 10, cameraChanged: true, screenStale: true, lastFullAt: rest.now - FRAME_POLICY.interactingEveryMs };
    expect(planFrame({ ...moving, pending: true })).toEqual({ action: 'blit' });
    expect(planFrame({ ...moving, pending: false })).toEqual({ action: 'full', reduced: true });
  });
});
