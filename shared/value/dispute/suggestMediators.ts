import type { TrustGraph } from '../../graph/trustGraph';
import { personalizedTrust } from '../../trust/personalizedTrust';

export interface MediatorSuggestion {
  personId: string;
  /** Personalised trust from each party, and the smaller of the two (the ranking). */
  fromPayer: number;
  fromPayee: number;
  score: number;
}

/**
 * Trusted intermediaries for a dispute, from the trust calculus: people both parties trust (each
 * party's personalised trust in them is above the uniform share of the trust that party gives
 * away to others, i.e. more than a stranger's), a party
 * to neither, ranked by the smaller of the two trusts. The first `mediators` are offered as
 * mediators; the next `panel` form the community panel (topped up, in a sparse network, with
 * people whom both parties' trust reaches at all), so no one sits in both.
 */
export function suggestMediators(graph: TrustGraph, payer: string, payee: string, options: { mediators?: number; panel?: number; exclude?: readonly string[] } = {}): { mediators: MediatorSuggestion[]; panel: MediatorSuggestion[] } {
  const a = graph.indexOf.get(payer);
  const b = graph.indexOf.get(payee);
  if (a === undefined || b === undefined) throw new RangeError(`suggestMediators: unknown party ${a === undefined ? payer : payee}`);
  const ta = personalizedTrust(graph, a);
  const tb = personalizedTrust(graph, b);
  // more than a stranger's share: above the uniform share of the trust each party gives away
  const floorA = (1 - ta[a]) / Math.max(1, graph.n - 1);
  const floorB = (1 - tb[b]) / Math.max(1, graph.n - 1);
  const excluded = new Set([payer, payee, ...(options.exclude ?? [])]);
  const all: MediatorSuggestion[] = [];
  const reachable: MediatorSuggestion[] = [];
  for (let i = 0; i < graph.n; i++) {
    const id = graph.ids[i];
    if (excluded.has(id) || ta[i] <= 0 || tb[i] <= 0) continue;
    const s = { personId: id, fromPayer: ta[i], fromPayee: tb[i], score: Math.min(ta[i], tb[i]) };
    (ta[i] > floorA && tb[i] > floorB ? all : reachable).push(s);
  }
  const rank = (x: MediatorSuggestion, y: MediatorSuggestion) => y.score - x.score || (x.personId < y.personId ? -1 : 1);
  all.sort(rank);
  reachable.sort(rank);
  const m = options.mediators ?? 3;
  // the panel: the next people both parties trust; in a sparse network, filled up with people both
  // parties' trust reaches at all (never strangers to either side), best first
  const panel = [...all.slice(m), ...reachable].slice(0, options.panel ?? 5);
  return { mediators: all.slice(0, m), panel };
}
