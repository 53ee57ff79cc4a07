import { create } from 'zustand';
import { centreOn, type Camera } from './camera';

/**
 * The graph's viewport as a size-free fact: the world point at the canvas centre and the zoom. Two
 * screens of different sizes that share it look at the same place (the workshop's follow me).
 */
export interface GraphViewport {
  cx: number;
  cy: number;
  k: number;
}

export const viewportOf = (c: Camera, width: number, height: number): GraphViewport => ({ cx: (width / 2 - c.x) / c.k, cy: (height / 2 - c.y) / c.k, k: c.k });

export const cameraFor = (v: GraphViewport, width: number, height: number): Camera => centreOn(v.cx, v.cy, v.k, width, height);

interface GraphViewportState {
  /** What the graph on this page shows now (null while no graph is open). */
  shown: GraphViewport | null;
  /** Where someone else wants it (the facilitator being followed); `seq` tells a new wish from an old one. */
  wanted: { viewport: GraphViewport; seq: number } | null;
  report(viewport: GraphViewport | null): void;
  want(viewport: GraphViewport): void;
}

/** UI state only (zustand): the open graph reports its viewport here, and takes wishes from here. */
export const useGraphViewport = create<GraphViewportState>((set) => ({
  shown: null,
  wanted: null,
  report: (shown) => set({ shown }),
  want: (viewport) => set((s) => ({ wanted: { viewport, seq: (s.wanted?.seq ?? 0) + 1 } })),
}));
