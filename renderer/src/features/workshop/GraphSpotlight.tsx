import { useEffect, useState } from 'react';
import { useUi } from '../../state/uiStore';
import type { WorkshopView } from './workshopClient';

interface GraphProbe {
  screenOf(name: string): [number, number] | null;
  radiusOf(name: string): number;
  camera(): { k: number };
}

const probe = () => (window as unknown as { archipelagoGraph?: GraphProbe }).archipelagoGraph ?? null;

interface Ring {
  x: number;
  y: number;
  r: number;
}

/**
 * The spotlighted person, ringed on the graph for everyone in the workshop (facilitator included),
 * following the person as the layout and the camera move. Reads the graph's on-screen positions;
 * draws nothing while the graph is not shown or the person is not on it.
 */
export function GraphSpotlight({ spotlight }: { spotlight: WorkshopView['spotlight'] }) {
  const onGraph = useUi((s) => s.view === 'graph');
  const name = spotlight?.kind === 'person' ? spotlight.label : null;
  const [ring, setRing] = useState<Ring | null>(null);
  useEffect(() => {
    if (!onGraph || !name) return;
    let frame = 0;
    let last = '';
    const tick = () => {
      frame = requestAnimationFrame(tick);
      const g = probe();
      const at = g?.screenOf(name) ?? null;
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=graph-canvas]');
      const rect = canvas?.getBoundingClientRect();
      const inside = at && rect && at[0] >= rect.left && at[0] <= rect.right && at[1] >= rect.top && at[1] <= rect.bottom;
      const next = inside && g ? { x: Math.round(at[0]), y: Math.round(at[1]), r: Math.round(Math.max(14, g.radiusOf(name) * g.camera().k + 10)) } : null;
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setRing(next);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      setRing(null);
    };
  }, [onGraph, name]);
  if (!ring || !name) return null;
  return (
    <div
      className="workshop-graph-spotlight"
      data-testid="graph-spotlight-ring"
      data-person={name}
      data-x={ring.x}
      data-y={ring.y}
      aria-hidden
      style={{ left: ring.x - ring.r, top: ring.y - ring.r, width: ring.r * 2, height: ring.r * 2 }}
    />
  );
}
