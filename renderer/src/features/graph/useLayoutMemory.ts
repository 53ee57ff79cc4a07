import { useEffect, useRef, type RefObject } from 'react';
import { useApp } from '../../hooks/useSession';
import { knownLayout, loadLayout, saveLayout } from '../../storage/layouts';
import type { SceneView } from './drawScene';
import type { GraphModel } from './graphModel';
import { layoutSeed, layoutSnapshot, type LayoutSeed } from './layoutSnapshot';

/** Below this the layout counts as settled enough to keep (d3's alphaMin is 0.001). */
const KEEP_BELOW_ALPHA = 0.01;
const CHECK_EVERY_MS = 1000;

type Live = RefObject<{ x: Float32Array<ArrayBufferLike>; y: Float32Array<ArrayBufferLike>; alpha: number }>;
type Scene = RefObject<Omit<SceneView, 'x' | 'y'> | null>;

/**
 * The graph remembers its layout per workspace: once the force layout has settled (and when the
 * view closes), the picture is kept in IndexedDB. The next start draws its first frame from it
 * (GraphPreview) and `seed(model)` gives the layout its starting positions, by person id.
 */
export function useLayoutMemory(model: GraphModel, live: Live, scene: Scene): { seed: (model: GraphModel) => LayoutSeed | null } {
  const { db, session } = useApp();
  const workspaceId = session?.workspaceId;
  useEffect(() => {
    if (workspaceId) void loadLayout(db, workspaceId);
  }, [db, workspaceId]);
  const saved = useRef<Float32Array<ArrayBufferLike> | null>(null);
  useEffect(() => {
    if (!workspaceId || !model.ids.length) return;
    const keep = (force: boolean) => {
      const { x, y, alpha } = live.current;
      const s = scene.current;
      // only a picture of this graph with every position the worker has sent at least once
      if (!s || x.length !== model.ids.length || s.source !== model.source || saved.current === x) return;
      if (!force && alpha >= KEEP_BELOW_ALPHA) return;
      if (!x.some((v) => v !== 0)) return;
      saved.current = x;
      void saveLayout(db, layoutSnapshot(workspaceId, model.ids, { ...s, x, y }));
    };
    const timer = setInterval(() => keep(false), CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      keep(true);
    };
  }, [db, workspaceId, model, live, scene]);
  return { seed: (m) => (workspaceId ? layoutSeed(knownLayout(workspaceId) ?? null, m.ids) : null) };
}
