import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../../../shared/assembly/objective';
import type { Proposal } from '../../../../shared/governance/proposal';
import { tally, type Tally } from '../../../../shared/governance/tally';
import { weightsHistory, type WeightsChange } from '../../../../shared/governance/weightsHistory';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import type { Member } from '../../../../shared/model/docs/members';

export interface Governance {
  /** The workspace's weights now: the defaults, changed by every accepted proposal in order. */
  weights: ObjectiveWeights;
  history: WeightsChange[];
  tallies: Map<string, Tally>;
  /** Where the weights come from, in words. */
  source: string;
}

/** The workspace's governance state, a pure function of its proposals, the ledger, its members and the time. */
export function governance(proposals: readonly Proposal[], entries: readonly LedgerEntry[], members: readonly Member[], now: number): Governance {
  const keys = new Set(members.map((m) => m.key));
  const options = { memberOf: (k: string) => (keys.has(k) ? k : undefined), memberCount: members.length, now: new Date(now).toISOString() };
  const { weights, history } = weightsHistory({ ...DEFAULT_WEIGHTS }, proposals, entries, options);
  const tallies = new Map(proposals.map((p) => [p.id, tally(p, entries, options)]));
  const last = history.at(-1);
  const source = last ? `the workspace’s weights, set by the accepted proposal “${last.title}” (${new Date(last.at).toLocaleString()})` : 'the default weights (no proposal has been accepted in this workspace)';
  return { weights, history, tallies, source };
}
