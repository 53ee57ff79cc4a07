import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../identity/keys';
import { signEvent, verifyEvents } from '../identity/signedEvent';
import { proposalDigest, type Proposal } from './proposal';
import { tally } from './tally';

const keys = ['a', 'b', 'c', 'd', 'e'].map((n) => demoKeyPair(`gov/${n}`));
const outsider = demoKeyPair('gov/outsider');
const memberOf = (k: string) => (keys.some((x) => x.publicKey === k) ? k.slice(0, 8) : undefined);
const proposal: Proposal = {
  id: 'g1',
  title: 'More weight on time zones',
  rationale: '',
  proposer: keys[0].publicKey,
  weights: { coverage: 0.25, trust: 0.25, timezone: 0.3, cost: 0.1, availability: 0.1 },
  quorum: 3,
  createdAt: '2026-01-01T00:00:00Z',
  deadline: '2026-01-08T00:00:00Z',
};
const digest = proposalDigest(proposal);
const vote = (i: number, choice: 'yes' | 'no' | 'abstain', at = '2026-01-02T00:00:00Z', k = keys[i]) => signEvent(k, 'vote', { proposal: 'g1', proposalDigest: digest, choice }, at);
const run = (events: unknown[], now = '2026-01-03T00:00:00Z') => tally(proposal, verifyEvents(events), { memberOf, memberCount: keys.length, now });

describe('governance tally', () => {
  it('is open below quorum, accepted early once a majority of all members says yes with quorum', () => {
    expect(run([vote(0, 'yes'), vote(1, 'yes')])).toMatchObject({ status: 'open', quorumReached: false, yes: 2 });
    expect(run([vote(0, 'yes'), vote(1, 'yes'), vote(2, 'yes')])).toMatchObject({ status: 'accepted', quorumReached: true, yes: 3 });
  });

  it('at the deadline: quorum and yes > no accepts; without quorum it is rejected', () => {
    const after = '2026-01-09T00:00:00Z';
    expect(run([vote(0, 'yes'), vote(1, 'no'), vote(2, 'yes')], after).status).toBe('accepted');
    expect(run([vote(0, 'yes'), vote(1, 'yes')], after).status).toBe('rejected');
    expect(run([vote(0, 'yes'), vote(1, 'no'), vote(2, 'abstain')], after).status).toBe('rejected');
  });

  it('ignores, with reasons, tampered votes, outsiders, late votes, other versions and repeat votes', () => {
    const v = vote(3, 'no');
    const events = [
      { ...v, body: { ...v.body, choice: 'yes' } },
      vote(0, 'yes', undefined, outsider),
      vote(1, 'yes', '2026-01-09T00:00:00Z'),
      signEvent(keys[2], 'vote', { proposal: 'g1', proposalDigest: '00'.repeat(32), choice: 'yes' }, '2026-01-02T00:00:00Z'),
      vote(4, 'no', '2026-01-02T00:00:00Z'),
      vote(4, 'yes', '2026-01-02T01:00:00Z'),
    ];
    const t = run(events);
    expect(t.ignored.map((x) => x.reason.split(':')[0])).toEqual(['tampered', 'not signed by a member', 'cast after the deadline', 'a vote for a different version of the proposal']);
    expect(t).toMatchObject({ yes: 0, no: 1, voters: [memberOf(keys[4].publicKey)] });
  });

  it('the result does not depend on event order', () => {
    const events = [vote(0, 'yes'), vote(1, 'no'), vote(2, 'yes'), vote(2, 'no', '2026-01-01T12:00:00Z'), vote(3, 'abstain')];
    const a = run(events);
    const b = run([...events].reverse());
    expect({ ...a, ignored: [] }).toEqual({ ...b, ignored: [] });
    expect(a.counted.find((c) => c.member === memberOf(keys[2].publicKey))?.choice).toBe('no');
  });

  it('rejects early when yes can no longer win', () => {
    expect(run([vote(0, 'no'), vote(1, 'no'), vote(2, 'no')]).status).toBe('rejected');
  });
});

describe('weights history', () => {
  it('an accepted proposal changes the weights and is recorded; an open one does not', async () => {
    const { weightsHistory } = await import('./weightsHistory');
    const { DEFAULT_WEIGHTS } = await import('../assembly/objective');
    const opts = { memberOf, memberCount: keys.length, now: '2026-01-03T00:00:00Z' };
    const open = weightsHistory(DEFAULT_WEIGHTS, [proposal], verifyEvents([vote(0, 'yes')]), opts);
    expect(open).toEqual({ weights: DEFAULT_WEIGHTS, history: [] });
    const done = weightsHistory(DEFAULT_WEIGHTS, [proposal], verifyEvents([vote(0, 'yes'), vote(1, 'yes', '2026-01-02T05:00:00Z'), vote(2, 'yes', '2026-01-02T06:00:00Z')]), opts);
    expect(done.weights).toEqual(proposal.weights);
    expect(done.history).toMatchObject([{ proposal: 'g1', at: '2026-01-02T06:00:00Z', from: DEFAULT_WEIGHTS, to: proposal.weights }]);
  });
});
