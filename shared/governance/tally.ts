import { memberIdentities, type KeyHistory } from '../identity/keyRotation';
import { eventDigest, type SignedEvent, type VerifiedEvent } from '../identity/signedEvent';
import { proposalDigest, type Proposal } from './proposal';

/**
 * The tally of a proposal, a pure function of (proposal, members, ledger events, now), so anyone
 * holding the ledger reaches the same result.
 *
 * Rules:
 * - only valid signatures count; tampered and malformed votes are listed as ignored with the reason;
 * - only members' keys (a rotated key counts as its member: `memberTallyOptions` builds `memberOf`
 *   from the key history) and only votes for this exact proposal digest, cast at or before the deadline;
 * - a vote signed by a key after it was rotated away is ignored (the key may be lost or stolen);
 * - one vote per member, across all their keys: their first (earliest `at`, then lowest digest). A vote
 *   cannot be changed, which is what lets the result be decided early;
 * - quorum: at least `quorum` distinct members voted;
 * - **accepted** when quorum is met and yes > no, once the deadline has passed, or earlier when a
 *   majority of all members has voted yes (no later vote can change that);
 * - **rejected** at the deadline otherwise, or earlier when yes can no longer win.
 */
export interface TallyOptions {
  /** The member a public key belongs to (undefined when not a member). */
  memberOf: (publicKey: string) => string | undefined;
  /** The number of members, for the early decision. */
  memberCount: number;
  /** The key history: votes a key signed after its rotation are ignored. */
  keys?: Pick<KeyHistory, 'signedWhileCurrent'>;
  now: string;
}

/**
 * Tally options for a workspace whose members may have rotated keys: every key of a member's rotation
 * chain votes as that member, a member who joined again with a new key counts once in `memberCount`,
 * and votes from a retired key made after its rotation do not count.
 */
export function memberTallyOptions({ history, memberKeys, now }: { history: KeyHistory; memberKeys: Iterable<string>; now: string }): TallyOptions {
  const ids = memberIdentities(history, memberKeys);
  return { memberOf: ids.memberOf, memberCount: ids.members.length, keys: history, now };
}

export interface Tally {
  proposal: string;
  digest: string;
  yes: number;
  no: number;
  abstain: number;
  voters: string[];
  quorumReached: boolean;
  status: 'open' | 'accepted' | 'rejected';
  counted: { digest: string; member: string; choice: string; at: string }[];
  ignored: { index: number; reason: string }[];
}

export function tally(proposal: Proposal, events: readonly (VerifiedEvent & { index: number })[], options: TallyOptions): Tally {
  const digest = proposalDigest(proposal);
  const deadline = Date.parse(proposal.deadline);
  const ignored: Tally['ignored'] = [];
  const candidates: { e: SignedEvent<'vote'>; member: string; digest: string }[] = [];
  for (const v of events) {
    const looksLikeVote = v.event?.kind === 'vote' && (v.event.body as { proposal?: string }).proposal === proposal.id;
    if (!looksLikeVote) continue;
    if (v.status !== 'valid') {
      ignored.push({ index: v.index, reason: `${v.status}: ${v.reason}` });
      continue;
    }
    const e = v.event as SignedEvent<'vote'>;
    const member = options.memberOf(e.author);
    if (e.body.proposalDigest !== digest) ignored.push({ index: v.index, reason: 'a vote for a different version of the proposal' });
    else if (!member) ignored.push({ index: v.index, reason: 'not signed by a member' });
    else if (options.keys && !options.keys.signedWhileCurrent(e)) ignored.push({ index: v.index, reason: 'signed with a key after it was rotated away' });
    else if (Date.parse(e.at) > deadline) ignored.push({ index: v.index, reason: 'cast after the deadline' });
    else candidates.push({ e, member, digest: eventDigest(e) });
  }
  candidates.sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || (a.digest < b.digest ? -1 : 1));
  const counted: Tally['counted'] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.member)) continue;
    seen.add(c.member);
    counted.push({ digest: c.digest, member: c.member, choice: c.e.body.choice, at: c.e.at });
  }
  const count = (choice: string) => counted.filter((c) => c.choice === choice).length;
  const yes = count('yes');
  const no = count('no');
  const abstain = count('abstain');
  const quorumReached = counted.length >= proposal.quorum;
  const outstanding = options.memberCount - counted.length;
  let status: Tally['status'] = 'open';
  if (Date.parse(options.now) > deadline) status = quorumReached && yes > no ? 'accepted' : 'rejected';
  else if (quorumReached && yes * 2 > options.memberCount) status = 'accepted';
  else if (yes + outstanding <= no || (outstanding === 0 && !quorumReached)) status = 'rejected';
  return { proposal: proposal.id, digest, yes, no, abstain, voters: counted.map((c) => c.member), quorumReached, status, counted, ignored };
}
