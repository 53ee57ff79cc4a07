import type * as Y from 'yjs';
import { z } from 'zod';
import { parseOrThrow } from '../validate';

/**
 * Where people were pinned on the graph view, shared so co-editors see the same arrangement: the
 * network document's `graphPins` map, person id → `{ x, y }` in layout units. It is additive (old
 * clients ignore the map), so it needs no schema migration. A peer's malformed entry is skipped
 * from the layout and reported, never applied.
 */
export const GraphPinSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export type GraphPin = z.infer<typeof GraphPinSchema>;

const pins = (doc: Y.Doc) => doc.getMap<GraphPin>('graphPins');

export function readGraphPins(doc: Y.Doc): { pins: Map<string, GraphPin>; invalid: string[] } {
  const out = new Map<string, GraphPin>();
  const invalid: string[] = [];
  pins(doc).forEach((value, id) => {
    const parsed = GraphPinSchema.safeParse(value);
    if (parsed.success) out.set(id, parsed.data);
    else invalid.push(id);
  });
  return { pins: out, invalid };
}

export function setGraphPin(doc: Y.Doc, personId: string, pin: GraphPin, origin: unknown): void {
  const valid = parseOrThrow(GraphPinSchema, pin, 'graph pin');
  doc.transact(() => pins(doc).set(personId, { x: Math.round(valid.x * 100) / 100, y: Math.round(valid.y * 100) / 100 }), origin);
}

export function clearGraphPin(doc: Y.Doc, personId: string, origin: unknown): void {
  doc.transact(() => pins(doc).delete(personId), origin);
}

/** Calls `onChange` after every change to the pins (local or remote); returns the unsubscribe. */
export function observeGraphPins(doc: Y.Doc, onChange: () => void): () => void {
  const map = pins(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
