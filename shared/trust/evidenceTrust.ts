import type { NetworkFile, Tie } from '../model/network';
import type { AttestationBody, FeedbackBody } from '../identity/eventKinds';
import { eventDigest, type SignedEvent, type VerifiedEvent } from '../identity/signedEvent';
import { inflationModel, type InflationModel, type RatedScore } from './inflationCorrection';

/**
 * A tie's trust derived from signed evidence. For every ordered pair (author → subject) with valid
 * feedback or attestations, each item gives a score s_i on [0, 1] and a weight
 *
 *   w_i = base weight × 2^(−age_i / halfLife)
 *
 * (feedback: the mean of its dimensions after inflation correction, base weight 1; "worked with":
 * 0.75, base weight 0.5; a skill vouch: 0.6 + 0.3 × level, base weight 0.5). The tie's trust is the
 * weighted mean of the evidence and a prior, the tie's hand-set trust (or 0.5 when there is none),
 * worth `priorWeight` items:
 *
 *   trust = (k·prior + Σ w_i s_i) / (k + Σ w_i)
 *
 * So good feedback raises trust above the prior, poor feedback lowers it, and old evidence fades
 * back toward the prior. Tampered or malformed events carry no weight (they are shown as such by
 * the ledger view). Every tie lists the digests of the signed items it rests on.
 */
export interface EvidenceOptions {
  /** The time evidence is judged at (ISO). */
  now: string;
  /** Which person a public key belongs to (members bound to keys). Unbound keys are skipped. */
  personOfKey: (publicKey: string) => string | undefined;
  /** Half-life of evidence, in days. Default 180. */
  halfLifeDays?: number;
  /** Weight of the prior, in items. Default 1. */
  priorWeight?: number;
  /** Inflation model; default: built from all valid feedback given. */
  inflation?: InflationModel;
}

export interface EvidenceItem {
  digest: string;
  kind: 'feedback' | 'attestation';
  at: string;
  score: number;
  weight: number;
}

export interface EvidenceTie {
  from: string;
  to: string;
  trust: number;
  prior: number;
  evidence: EvidenceItem[];
}

const DAY = 86_400_000;

export function feedbackScores(e: SignedEvent<'feedback'>): RatedScore[] {
  return Object.values(e.body.dimensions).map((d) => ({ rater: e.author, score: d.score, min: d.scale.min, max: d.scale.max }));
}

export function evidenceTies(verified: readonly VerifiedEvent[], priorOf: (from: string, to: string) => number | undefined, options: EvidenceOptions): EvidenceTie[] {
  const halfLife = (options.halfLifeDays ?? 180) * DAY;
  const k = options.priorWeight ?? 1;
  const now = Date.parse(options.now);
  const valid = verified.filter((v) => v.status === 'valid' && v.event).map((v) => v.event!);
  const feedback = valid.filter((e): e is SignedEvent<'feedback'> => e.kind === 'feedback');
  const model = options.inflation ?? inflationModel(feedback.flatMap(feedbackScores));
  const pairs = new Map<string, { from: string; to: string; items: EvidenceItem[] }>();
  for (const e of valid) {
    if (e.kind !== 'feedback' && e.kind !== 'attestation') continue;
    const from = options.personOfKey(e.author);
    const to = options.personOfKey((e.body as FeedbackBody | AttestationBody).subject);
    if (!from || !to || from === to) continue;
    const decay = 2 ** (-Math.max(0, now - Date.parse(e.at)) / halfLife);
    let score: number;
    let base: number;
    if (e.kind === 'feedback') {
      const scores = feedbackScores(e as SignedEvent<'feedback'>).map((s) => model.corrected(s));
      score = scores.reduce((a, b) => a + b, 0) / scores.length;
      base = 1;
    } else {
      const claim = (e.body as AttestationBody).claim;
      score = claim.type === 'worked-with' ? 0.75 : 0.6 + 0.3 * claim.level;
      base = 0.5;
    }
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key) ?? { from, to, items: [] };
    pair.items.push({ digest: eventDigest(e), kind: e.kind, at: e.at, score, weight: base * decay });
    pairs.set(key, pair);
  }
  return [...pairs.values()].map(({ from, to, items }) => {
    const prior = priorOf(from, to) ?? 0.5;
    let num = k * prior;
    let den = k;
    for (const it of items) {
      num += it.weight * it.score;
      den += it.weight;
    }
    return { from, to, prior, trust: Math.min(1, Math.max(0.01, num / den)), evidence: items };
  });
}

/** The network's ties with evidence applied: an evidenced tie's trust replaces (or adds) the hand-set one. */
export function applyEvidence(network: Pick<NetworkFile, 'ties'>, ties: readonly Pick<EvidenceTie, 'from' | 'to' | 'trust'>[]): Tie[] {
  const byPair = new Map(ties.map((t) => [`${t.from}\u0000${t.to}`, t]));
  const out: Tie[] = [];
  for (const tie of network.ties) {
    const key = `${tie.from}\u0000${tie.to}`;
    const ev = byPair.get(key);
    out.push(ev ? { ...tie, trust: ev.trust } : tie);
    byPair.delete(key);
  }
  for (const ev of byPair.values()) out.push({ from: ev.from, to: ev.to, trust: ev.trust, kind: 'evidence' });
  return out;
}
