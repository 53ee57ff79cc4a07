import type { TrustGraph } from '../graph/trustGraph';
import { trustPaths } from './trustPaths';

export type Advice = 'rely' | 'escrow' | 'introduce';

/**
 * Thresholds on path trust (the product of trust along the best path, 0..1). Documented defaults:
 * - `rely` at ≥ 0.5: about one strong tie, or two very strong ones, stand between you. Reputation
 *   carried that directly is enough.
 * - `introduce` when the best path's introducer (the last person before them) is trusted by you at
 *   ≥ 0.6 and trusts them at ≥ 0.5: ask that person for a warm introduction first.
 * - `escrow` otherwise: weak, long or missing trust paths; protect both sides with milestone escrow.
 * `stakes` (0..1) raises the rely threshold towards 0.9 for large engagements.
 */
export interface RiskThresholds {
  rely: number;
  introducerTrust: number;
  introducerTie: number;
  stakes: number;
}

export const DEFAULT_RISK_THRESHOLDS: Readonly<RiskThresholds> = Object.freeze({
  rely: 0.5,
  introducerTrust: 0.6,
  introducerTie: 0.5,
  stakes: 0,
});

export interface RiskAdvice {
  personId: string;
  advice: Advice;
  /** Path trust of the best path, 0..1. */
  pathTrust: number;
  /** For `introduce`: who to ask. */
  introducer?: string;
  path: string[];
  reasons: string[];
  thresholds: RiskThresholds;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

type TrustPathsOf = ReadonlyMap<number, readonly { path: number[]; trust: number }[]>;

export function riskAdvice(graph: TrustGraph, source: number, target: number, thresholds: Partial<RiskThresholds> = {}): RiskAdvice {
  return riskAdviceFor(graph, source, [target], thresholds)[0];
}

/**
 * Advice for several people at once, from one path search to all of them and one to their possible
 * introducers. `knownPaths` (from `trustPaths(graph, source, targets, 3)`) lets a caller that already
 * shows those paths give advice from the very same ones without searching again.
 */
export function riskAdviceFor(graph: TrustGraph, source: number, targets: readonly number[], thresholds: Partial<RiskThresholds> = {}, knownPaths?: TrustPathsOf): RiskAdvice[] {
  const th = { ...DEFAULT_RISK_THRESHOLDS, ...thresholds };
  for (const [k, v] of Object.entries(th)) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`threshold ${k} must be between 0 and 1`);
  }
  const relyAt = th.rely + (0.9 - th.rely) * th.stakes;
  const pathsOf = knownPaths ?? trustPaths(graph, source, targets, 3);
  // the possible introducers of everyone whose best path is below the rely threshold, searched once
  const introducers = new Set<number>();
  for (const target of targets) {
    const paths = pathsOf.get(target) ?? [];
    if (target === source || !paths[0] || paths[0].trust >= relyAt) continue;
    for (const option of paths) if (option.path[option.path.length - 2] !== source) introducers.add(option.path[option.path.length - 2]);
  }
  const toIntroducers = introducers.size ? trustPaths(graph, source, [...introducers], 1) : new Map<number, { trust: number }[]>();

  return targets.map((target): RiskAdvice => {
    const personId = graph.ids[target];
    if (source === target) {
      return { personId, advice: 'rely', pathTrust: 1, path: [personId], reasons: ['this is you'], thresholds: th };
    }
    const paths = pathsOf.get(target) ?? [];
    const best = paths[0];
    if (!best) {
      return {
        personId,
        advice: 'escrow',
        pathTrust: 0,
        path: [],
        reasons: ['no one you trust, directly or through others, has vouched for them', 'require milestone escrow before any work starts'],
        thresholds: th,
      };
    }
    const ids = best.path.map((i) => graph.ids[i]);
    const reasons = [`best trust path ${ids.join(' → ')} carries ${pct(best.trust)} trust`];
    if (paths.length > 1) reasons.push(`${paths.length} independent introducers know them`);
    if (best.trust >= relyAt) {
      reasons.push(`at or above the rely threshold of ${pct(relyAt)}: reputation is enough`);
      return { personId, advice: 'rely', pathTrust: best.trust, path: ids, reasons, thresholds: th };
    }
    // The best introducer: trusted by you, and trusting the target.
    for (const option of paths) {
      const introducer = option.path[option.path.length - 2];
      if (introducer === source) continue;
      const toIntroducer = toIntroducers.get(introducer)?.[0]?.trust ?? 0;
      const tie = tieTrust(graph, introducer, target);
      if (toIntroducer >= th.introducerTrust && tie >= th.introducerTie) {
        reasons.push(
          `below the rely threshold of ${pct(relyAt)}, but you trust ${graph.ids[introducer]} at ${pct(toIntroducer)} and they trust them at ${pct(tie)}`,
          `ask ${graph.ids[introducer]} for an introduction`,
        );
        return { personId, advice: 'introduce', pathTrust: best.trust, introducer: graph.ids[introducer], path: option.path.map((i) => graph.ids[i]), reasons, thresholds: th };
      }
    }
    reasons.push(`below the rely threshold of ${pct(relyAt)} and no introducer you trust at ${pct(th.introducerTrust)} or more`, 'require milestone escrow');
    return { personId, advice: 'escrow', pathTrust: best.trust, path: ids, reasons, thresholds: th };
  });
}

function tieTrust(graph: TrustGraph, from: number, to: number): number {
  for (let e = graph.outStart[from]; e < graph.outStart[from + 1]; e++) if (graph.outTo[e] === to) return graph.outTrust[e];
  return 0;
}
