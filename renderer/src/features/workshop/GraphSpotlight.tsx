import { useEffect, useState } from 'react';
import type { GraphInspector } from '../graph/GraphView';
import { useUi } from '../../state/uiStore';
import type { WorkshopView } from './workshopClient';

const probe = () => (window as unknown as { archipelagoGraph?: Pick<GraphInspector, 'circleAround'> }).archipelagoGraph ?? null;

interface Ring {
  x: number;
  y: number;
  r: number;
  members: number;
}

/**
 * The spotlight, ringed on the graph for everyone in the workshop (facilitator included): a person,
 * or a whole team (its island) or cluster (its Louvain community, by label), following them as the
 * layout and the camera move. Draws nothing while the graph is not shown or nobody named is on it.
 */
export function GraphSpotlight({ spotlight }: { spotlight: WorkshopView['spotlight'] }) {
  const onGraph = useUi((s) => s.view === 'graph');
  const kind = spotlight?.kind ?? null;
  const label = spotlight?.label ?? null;
  const [ring, setRing] = useState<Ring | null>(null);
  useEffect(() => {
    if (!onGraph || !kind || !label) return;
    let frame = 0;
    let last = '';
    const tick = () => {
      frame = requestAnimationFrame(tick);
      const around = probe()?.circleAround(kind, label) ?? null;
      const rect = document.querySelector<HTMLCanvasElement>('[data-testid=graph-canvas]')?.getBoundingClientRect();
      // shown while the ring reaches into the canvas (a big cluster's centre may be off screen)
      const inside = around && rect && around.x + around.r >= rect.left && around.x - around.r <= rect.right && around.y + around.r >= rect.top && around.y - around.r <= rect.bottom;
      const next = inside ? { x: Math.round(around.x), y: Math.round(around.y), r: Math.round(around.r), members: around.members } : null;
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
  }, [onGraph, kind, label]);
  if (!ring || !kind || !label) return null;
  return (
    <div
      className="workshop-graph-spotlight"
      data-testid="graph-spotlight-ring"
      data-kind={kind}
      data-person={kind === 'person' ? label : undefined}
      data-label={label}
      data-members={ring.members}
      data-x={ring.x}
      data-y={ring.y}
      aria-hidden
      style={{ left: ring.x - ring.r, top: ring.y - ring.r, width: ring.r * 2, height: ring.r * 2 }}
    />
  );
}
