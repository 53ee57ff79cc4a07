import type { TrustGraph } from '../graph/trustGraph';
import { personalizedTrust, type PersonalizedTrustOptions } from './personalizedTrust';
import { riskAdviceFor, type Advice, type RiskThresholds } from './riskAdvice';
import { trustPaths } from './trustPaths';

export interface TrustScore {
  personId: string;
  /** Personalised trust, normalised so the most trusted other person scores 1. */
  trust: number;
  /** The most trusted paths from the viewer, best first, through distinct introducers. */
  paths: string[][];
  /** With `advice`: rely, escrow or introduce (and whom to ask), with the reasons. */
  advice?: { advice: Advice; pathTrust: number; introducer?: string; reasons: string[] };
}

export interface TrustReportOptions extends PersonalizedTrustOptions {
  /** Report exactly these people (in this order) instead of the top N. */
  about?: readonly string[];
  /** Add risk advice for each person, with these thresholds (an empty object means the defaults). */
  advice?: Partial<RiskThresholds>;
}

/**
 * The CLI's `trust` answer: the top N people by personalised trust from `from` (or exactly the people
 * in `about`), with paths, and optionally with risk advice for engaging each of them.
 */
export function trustReport(graph: TrustGraph, from: string, top = 20, options: TrustReportOptions = {}): { from: string; scores: TrustScore[] } {
  const source = graph.indexOf.get(from);
  if (source === undefined) throw new RangeError(`unknown person "${from}"`);
  const rank = personalizedTrust(graph, source, options);
  let max = 0;
  for (let i = 0; i < graph.n; i++) if (i !== source && rank[i] > max) max = rank[i];
  let chosen: number[];
  if (options.about) {
    chosen = options.about.map((id) => {
      const i = graph.indexOf.get(id);
      if (i === undefined) throw new RangeError(`unknown person "${id}"`);
      return i;
    });
  } else {
    const order: number[] = [];
    for (let i = 0; i < graph.n; i++) if (i !== source && rank[i] > 0) order.push(i);
    order.sort((a, b) => rank[b] - rank[a] || a - b);
    chosen = order.slice(0, top);
  }
  const paths = trustPaths(graph, source, chosen, 3);
  // advice from the very paths shown
  const advice = options.advice ? riskAdviceFor(graph, source, chosen, options.advice, paths) : null;
  return {
    from,
    scores: chosen.map((i, k) => {
      const score: TrustScore = {
        personId: graph.ids[i],
        trust: i === source ? 1 : max > 0 ? Math.round((rank[i] / max) * 1e6) / 1e6 : 0,
        paths: (paths.get(i) ?? []).map((p) => p.path.map((x) => graph.ids[x])),
      };
      const a = advice?.[k];
      if (a) score.advice = { advice: a.advice, pathTrust: Math.round(a.pathTrust * 1e6) / 1e6, ...(a.introducer ? { introducer: a.introducer } : {}), reasons: a.reasons };
      return score;
    }),
  };
}
