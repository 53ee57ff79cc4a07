import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../../../shared/assembly/objective';
import type { Proposal } from '../../../../shared/governance/proposal';
import { memberTallyOptions, tally, type Tally, type TallyOptions } from '../../../../shared/governance/tally';
import { DEFAULT_ROTATION_ATTESTATIONS, keyHistory } from '../../../../shared/identity/keyRotation';
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
  /** The member a key votes as (every key of a member's rotation chain is that member), or undefined. */
  memberOf(key: string): string | undefined;
}

/**
 * How votes are counted in a workspace: the members' keys with their rotation history read from the
 * same ledger, so a member's rotated key votes as that member, once.
 */
export function workspaceTallyOptions(entries: readonly LedgerEntry[], members: readonly Member[], now: number): TallyOptions {
  const memberKeys = members.map((m) => m.key);
  const history = keyHistory(entries, { members: new Set(memberKeys), attestationsRequired: DEFAULT_ROTATION_ATTESTATIONS });
  return memberTallyOptions({ history, memberKeys, now: new Date(now).toISOString() });
}

/** The workspace's governance state, a pure function of its proposals, the ledger, its members and the time. */
export function governance(proposals: readonly Proposal[], entries: readonly LedgerEntry[], members: readonly Member[], now: number): Governance {
  const options = workspaceTallyOptions(entries, members, now);
  const { weights, history } = weightsHistory({ ...DEFAULT_WEIGHTS }, proposals, entries, options);
  const tallies = new Map(proposals.map((p) => [p.id, tally(p, entries, options)]));
  const last = history.at(-1);
  const source = last ? `the workspace’s weights, set by the accepted proposal “${last.title}” (${new Date(last.at).toLocaleString()})` : 'the default weights (no proposal has been accepted in this workspace)';
  return { weights, history, tallies, source, memberOf: options.memberOf };
}
