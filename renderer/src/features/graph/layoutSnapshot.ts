import { z } from 'zod';
import type { SceneView } from './drawScene';

/**
 * The graph as it was last laid out in a workspace, kept in IndexedDB (storage/layouts.ts) so that a
 * reload can draw the first frame before the network document is read, and the force layout can
 * start from where it settled instead of from scratch. A cache, never a source of truth: people are
 * named by id, and everything is checked against the network when it is read.
 */
export interface LayoutSnapshot {
  workspaceId: string;
  savedAt: number;
  /** Person ids in the graph's index order (the positions' order). */
  ids: string[];
  names: string[];
  x: Float32Array;
  y: Float32Array;
  source: Int32Array;
  target: Int32Array;
  trust: Float32Array;
  edgeOrder: Int32Array;
  radius: Float32Array;
  group: Uint16Array;
  colours: string[];
  pinned: Uint8Array;
}

const typed = <T,>(type: new (...args: never[]) => T) => z.custom<T>((v) => v instanceof type, { message: `expected a ${type.name}` });

const LayoutSnapshotSchema = z
  .object({
    workspaceId: z.string().min(1),
    savedAt: z.number(),
    ids: z.array(z.string()),
    names: z.array(z.string()),
    x: typed(Float32Array),
    y: typed(Float32Array),
    source: typed(Int32Array),
    target: typed(Int32Array),
    trust: typed(Float32Array),
    edgeOrder: typed(Int32Array),
    radius: typed(Float32Array),
    group: typed(Uint16Array),
    colours: z.array(z.string()),
    pinned: typed(Uint8Array),
  })
  .superRefine((s, ctx) => {
    const n = s.ids.length;
    for (const key of ['names', 'x', 'y', 'radius', 'group', 'pinned'] as const) if (s[key].length !== n) ctx.addIssue({ code: 'custom', path: [key], message: `${key} has ${s[key].length} entries for ${n} people` });
    const m = s.source.length;
    for (const key of ['target', 'trust', 'edgeOrder'] as const) if (s[key].length !== m) ctx.addIssue({ code: 'custom', path: [key], message: `${key} has ${s[key].length} entries for ${m} ties` });
    if (s.source.some((i) => i < 0 || i >= n) || s.target.some((i) => i < 0 || i >= n)) ctx.addIssue({ code: 'custom', path: ['source'], message: 'a tie names a person out of range' });
    if (s.edgeOrder.some((e) => e < 0 || e >= m)) ctx.addIssue({ code: 'custom', path: ['edgeOrder'], message: 'edge order out of range' });
    if (s.group.some((g) => g >= s.colours.length)) ctx.addIssue({ code: 'custom', path: ['group'], message: 'a colour group without a colour' });
  });

/** The stored snapshot, checked; a damaged or foreign record gives null (it is only a cache). */
export function parseLayoutSnapshot(value: unknown): LayoutSnapshot | null {
  const parsed = LayoutSnapshotSchema.safeParse(value);
  return parsed.success ? (parsed.data as LayoutSnapshot) : null;
}

/** What the graph draws now, as a snapshot to keep (copies: the live arrays keep changing). */
export function layoutSnapshot(workspaceId: string, ids: readonly string[], scene: Pick<SceneView, 'x' | 'y' | 'source' | 'target' | 'trust' | 'edgeOrder' | 'radius' | 'group' | 'colours' | 'names' | 'pinned'>, savedAt = Date.now()): LayoutSnapshot {
  return {
    workspaceId,
    savedAt,
    ids: [...ids],
    names: [...scene.names],
    x: Float32Array.from(scene.x),
    y: Float32Array.from(scene.y),
    source: Int32Array.from(scene.source),
    target: Int32Array.from(scene.target),
    trust: Float32Array.from(scene.trust),
    edgeOrder: scene.edgeOrder ? Int32Array.from(scene.edgeOrder) : Int32Array.from(scene.source.keys()),
    radius: Float32Array.from(scene.radius),
    group: Uint16Array.from(scene.group),
    colours: [...scene.colours],
    pinned: Uint8Array.from(scene.pinned),
  };
}

/** Where to start each person of the graph `ids` from: their last position, by id. */
export interface LayoutSeed {
  x: Float32Array;
  y: Float32Array;
  /** How many of `ids` had a position (the others are NaN: the layout places them). */
  matched: number;
}

export function layoutSeed(snapshot: LayoutSnapshot | null, ids: readonly string[]): LayoutSeed | null {
  if (!snapshot || !ids.length) return null;
  const at = new Map(snapshot.ids.map((id, i) => [id, i]));
  const x = new Float32Array(ids.length).fill(NaN);
  const y = new Float32Array(ids.length).fill(NaN);
  let matched = 0;
  ids.forEach((id, i) => {
    const j = at.get(id);
    if (j === undefined || !Number.isFinite(snapshot.x[j]) || !Number.isFinite(snapshot.y[j])) return;
    x[i] = snapshot.x[j];
    y[i] = snapshot.y[j];
    matched++;
  });
  return matched ? { x, y, matched } : null;
}
