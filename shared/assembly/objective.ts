import type { Role } from '../model/requirements';
import { DISTANCE_CAP } from '../graph/trustGraph';
import { workingHoursOverlap } from '../util/timezone';
import type { AssemblyIndex } from './assemblyIndex';

export type ObjectiveName = 'default' | 'comm';

/**
 * Weights of the `default` objective. Each term is normalised to [0, 1] (cost can go below 0 when
 * a team is dearer than the reference), and the score is Σ weight × term, higher is better:
 * - `coverage`: mean over roles of how far the member's level exceeds the role's minimum,
 *   (level − min) / (1 − min);
 * - `trust`: mean over member pairs of 1 − dist/10, where dist is the trust distance of §3
 *   (−ln trust along the best path, capped at 10);
 * - `timezone`: mean over member pairs of shared 09:00–17:00 working hours, divided by 8;
 * - `cost`: 1 − Σ rate / budget, or 1 − Σ rate / (roles × the network's 90th-percentile rate) with no budget;
 * - `availability`: mean availability of the members.
 */
export interface ObjectiveWeights {
  coverage: number;
  trust: number;
  timezone: number;
  cost: number;
  availability: number;
}

export const DEFAULT_WEIGHTS: Readonly<ObjectiveWeights> = Object.freeze({
  coverage: 0.25,
  trust: 0.3,
  timezone: 0.2,
  cost: 0.15,
  availability: 0.1,
});

export const TERM_NAMES = ['coverage', 'trust', 'timezone', 'cost', 'availability'] as const;
export type TermName = (typeof TERM_NAMES)[number];
export type Terms = Record<TermName, number>;

export const zeroTerms = (): Terms => ({ coverage: 0, trust: 0, timezone: 0, cost: 0, availability: 0 });

/** Per-member shares of each weighted term: they add up, over members, to the team's weighted terms. */
export interface ObjectiveModel {
  readonly name: ObjectiveName;
  readonly weights: Readonly<ObjectiveWeights>;
  /** Weighted unary terms of putting `person` on `role` (higher is better). */
  unaryTerms(role: Role, person: number): Terms;
  /** Weighted pair terms of two members at trust distance `dist` (higher is better). */
  pairTerms(a: number, b: number, dist: number): Terms;
  /** The cost minimised by the solver: −score for default, the distance for comm. */
  unaryCost(role: Role, person: number): number;
  pairCost(a: number, b: number, dist: number): number;
  /** A lower bound on pairCost over any pair (for pruning). */
  readonly minPairCost: number;
}

const sum = (t: Terms) => t.coverage + t.trust + t.timezone + t.cost + t.availability;

export function createObjective(
  index: AssemblyIndex,
  roleCount: number,
  name: ObjectiveName,
  budget: number | undefined,
  weights: Partial<ObjectiveWeights> = {},
): ObjectiveModel {
  const w = { ...DEFAULT_WEIGHTS, ...weights };
  for (const [k, v] of Object.entries(w)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`weight ${k} must be a non-negative number`);
  }
  const R = roleCount;
  const pairs = (R * (R - 1)) / 2;
  const costBase = budget ?? R * index.referenceRate;
  const unaryTerms = (role: Role, p: number): Terms => {
    const level = index.levelOf(p, role.skill);
    const headroom = role.minLevel >= 1 ? 1 : (level - role.minLevel) / (1 - role.minLevel);
    return {
      coverage: (w.coverage * headroom) / R,
      // With one member there are no pairs: trust and time-zone terms are perfect by definition.
      trust: pairs === 0 ? w.trust : 0,
      timezone: pairs === 0 ? w.timezone : 0,
      cost: w.cost * (1 / R - index.rate[p] / costBase),
      availability: (w.availability * index.availability[p]) / R,
    };
  };
  const pairTerms = (a: number, b: number, dist: number): Terms => ({
    ...zeroTerms(),
    trust: (w.trust * (1 - Math.min(dist, DISTANCE_CAP) / DISTANCE_CAP)) / pairs,
    timezone: (w.timezone * workingHoursOverlap(index.utcOffset[a], index.utcOffset[b]) / 8) / pairs,
  });
  if (name === 'comm') {
    return {
      name,
      weights: w,
      unaryTerms,
      pairTerms,
      unaryCost: () => 0,
      pairCost: (_a, _b, dist) => Math.min(dist, DISTANCE_CAP),
      minPairCost: 0,
    };
  }
  return {
    name,
    weights: w,
    unaryTerms,
    pairTerms,
    unaryCost: (role, p) => -sum(unaryTerms(role, p)),
    pairCost: (a, b, dist) => -sum(pairTerms(a, b, dist)),
    minPairCost: pairs === 0 ? 0 : -(w.trust + w.timezone) / pairs,
  };
}

export const sumTerms = sum;
