import { useEffect } from 'react';
import type { Camera } from './camera';
import { cameraFor, useGraphViewport } from './graphViewport';

/**
 * Moves the graph's camera to each viewport someone wants it at (useGraphViewport.want: the workshop
 * facilitator being followed), now and whenever a new one comes, on a canvas of this page's size.
 */
export function useFollowedViewport(canvas: () => HTMLCanvasElement | null, move: (camera: Camera) => void) {
  useEffect(() => {
    let applied = 0;
    const apply = () => {
      const wanted = useGraphViewport.getState().wanted;
      const el = canvas();
      if (!wanted || wanted.seq === applied || !el) return;
      applied = wanted.seq;
      move(cameraFor(wanted.viewport, el.clientWidth, el.clientHeight));
    };
    // after the graph's own first camera is set (its zoom effect runs first)
    const first = setTimeout(apply, 0);
    const off = useGraphViewport.subscribe(apply);
    return () => {
      clearTimeout(first);
      off();
      useGraphViewport.getState().report(null);
    };
    // canvas and move read refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** The camera a freshly laid-out graph should take: the wanted viewport if someone is followed, else `fallback`. */
export function wantedOr(el: HTMLCanvasElement | null, fallback: Camera): Camera {
  const wanted = useGraphViewport.getState().wanted;
  return wanted && el ? cameraFor(wanted.viewport, el.clientWidth, el.clientHeight) : fallback;
}
