import { useLayoutEffect, useRef } from 'react';
import { fitAll } from './camera';
import { drawScene } from './drawScene';
import './graph.css';
import type { LayoutSnapshot } from './layoutSnapshot';
import { readTheme } from './theme';

const NOTHING = new Set<number>();
let frames = 0;
/** The last picture drawn: shown again, not redrawn, when the preview remounts (while the live view's code loads). */
let drawn: { snapshot: LayoutSnapshot; picture: HTMLCanvasElement } | null = null;

/**
 * The graph as it was last laid out in this workspace, drawn once from the stored snapshot while the
 * network document is still being read (10k people take a second or more to decode): the first
 * frame after a reload, in the place where the live graph appears. It is a picture, not the graph:
 * the live view replaces it as soon as the document is ready.
 */
export function GraphPreview({ snapshot }: { snapshot: LayoutSnapshot }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // drawn before the browser paints (and before the session starts decoding documents)
  useLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(rect.width * dpr));
    canvas.height = Math.max(1, Math.round(rect.height * dpr));
    const ctx = canvas.getContext('2d', { alpha: false })!;
    if (drawn?.snapshot === snapshot && drawn.picture.width === canvas.width && drawn.picture.height === canvas.height) {
      ctx.drawImage(drawn.picture, 0, 0);
      return;
    }
    const t = readTheme();
    const c = fitAll(snapshot.x, snapshot.y, rect.width, rect.height);
    drawScene(ctx, { ...snapshot, selected: NOTHING, hovered: -1 }, { x: c.x * dpr, y: c.y * dpr, k: c.k * dpr }, {
      width: canvas.width,
      height: canvas.height,
      labelZoom: Infinity,
      background: t.panel,
      edgeColour: t.muted,
      labelColour: t.ink,
      selectColour: t.warn,
      edgeBudget: 25_000,
    });
    const picture = document.createElement('canvas');
    picture.width = canvas.width;
    picture.height = canvas.height;
    picture.getContext('2d')!.drawImage(canvas, 0, 0);
    drawn = { snapshot, picture };
    frames++;
    performance.mark?.('archipelago:graph-preview-frame');
    Object.assign(window, { archipelagoGraphPreviewFrames: () => frames });
  }, [snapshot]);
  return (
    <section className="graph-view" aria-label="Network graph (opening)" aria-busy="true">
      <div className="graph-stage">
        <canvas ref={canvasRef} data-testid="graph-preview" role="img" aria-label={`The network as last laid out: ${snapshot.ids.length} people and ${snapshot.source.length} ties. Opening the workspace…`} />
        <div className="graph-hint">Opening the workspace…</div>
      </div>
      <aside className="graph-side" />
    </section>
  );
}
