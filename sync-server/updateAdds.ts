import * as Y from 'yjs';

/** Whether the ranges (sorted by clock) cover [clock, clock + len). */
function covers(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let at = clock;
  const end = clock + len;
  for (const r of ranges) {
    if (r.clock > at) break;
    at = Math.max(at, r.clock + r.len);
    if (at >= end) return true;
  }
  return at >= end;
}

/**
 * Whether `diff`, made by `Y.diffUpdate(other, encodeStateVectorFromUpdate(base))`, holds anything
 * `base` lacks. A diff is not empty just because the two differ: diffUpdate keeps `other`'s whole
 * delete set, so two equal documents with deletions give a diff of deletions `base` already has.
 */
export function addsTo(base: Uint8Array | null, diff: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(diff);
  if (structs.length > 0) return true;
  if (ds.clients.size === 0) return false;
  if (!base) return true;
  // base's own delete set, without decoding its structs: a diff against its own state vector
  const own = Y.decodeUpdate(Y.diffUpdate(base, Y.encodeStateVectorFromUpdate(base))).ds.clients;
  for (const [client, items] of ds.clients) {
    const have = [...(own.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
    for (const { clock, len } of items) if (!covers(have, clock, len)) return true;
  }
  return false;
}
