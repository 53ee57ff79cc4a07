import type { TrustGraph } from '../graph/trustGraph';
import { personalizedTrust, type PersonalizedTrustOptions } from './personalizedTrust';
import { trustPaths } from './trustPaths';

export interface TrustScore {
  personId: string;
  /** Personalised trust, normalised so the most trusted other person scores 1. */
  trust: number;
  /** The most trusted paths from the viewer, best first, through distinct introducers. */
  paths: string[][];
}

/** The CLI's `trust` answer: the top N people by personalised trust from `from`, with paths. */
export function trustReport(graph: TrustGraph, from: string, top = 20, options?: PersonalizedTrustOptions): { from: string; scores: TrustScore[] } {
  const source = graph.indexOf.get(from);
  if (source === undefined) throw new RangeError(`unknown person "${from}"`);
  const rank = personalizedTrust(graph, source, options);
  const order: number[] = [];
  for (let i = 0; i < graph.n; i++) if (i !== source && rank[i] > 0) order.push(i);
  order.sort((a, b) => rank[b] - rank[a] || a - b);
  const chosen = order.slice(0, top);
  const max = chosen.length ? rank[chosen[0]] : 1;
  const paths = trustPaths(graph, source, chosen, 3);
  return {
    from,
    scores: chosen.map((i) => ({
      personId: graph.ids[i],
      trust: Math.round((rank[i] / max) * 1e6) / 1e6,
      paths: (paths.get(i) ?? []).map((p) => p.path.map((x) => graph.ids[x])),
    })),
  };
}
