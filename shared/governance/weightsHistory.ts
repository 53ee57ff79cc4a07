import type { ObjectiveWeights } from '../assembly/objective';
import type { VerifiedEvent } from '../identity/signedEvent';
import type { Proposal } from './proposal';
import { tally, type Tally, type TallyOptions } from './tally';

export interface WeightsChange {
  proposal: string;
  title: string;
  /** When the change took effect: the deciding vote's time, or the deadline. */
  at: string;
  from: ObjectiveWeights;
  to: ObjectiveWeights;
  tally: Tally;
}

/**
 * The workspace's objective weights as a function of its proposals and the ledger: every accepted
 * proposal applies in the order it was decided (then by id), and each change is in the history.
 */
export function weightsHistory(initial: ObjectiveWeights, proposals: readonly Proposal[], events: readonly (VerifiedEvent & { index: number })[], options: TallyOptions): { weights: ObjectiveWeights; history: WeightsChange[] } {
  const decided = proposals
    .map((p) => ({ p, t: tally(p, events, options) }))
    .filter((x) => x.t.status === 'accepted')
    .map((x) => ({ ...x, at: Date.parse(options.now) > Date.parse(x.p.deadline) && !earlyMajority(x.t, options) ? x.p.deadline : decidingVoteAt(x.t, x.p.quorum, options) }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.p.id < b.p.id ? -1 : 1));
  let weights = { ...initial };
  const history: WeightsChange[] = [];
  for (const { p, t, at } of decided) {
    history.push({ proposal: p.id, title: p.title, at, from: weights, to: { ...p.weights }, tally: t });
    weights = { ...p.weights };
  }
  return { weights, history };
}

const earlyMajority = (t: Tally, o: TallyOptions) => t.quorumReached && t.yes * 2 > o.memberCount;

/** The time of the vote that made the yes count a majority of all members (with quorum). */
function decidingVoteAt(t: Tally, quorum: number, o: TallyOptions): string {
  let yes = 0;
  for (let i = 0; i < t.counted.length; i++) {
    if (t.counted[i].choice === 'yes') yes++;
    if (yes * 2 > o.memberCount && i + 1 >= quorum) return t.counted[i].at;
  }
  return t.counted.at(-1)?.at ?? '';
}
