import { describe, expect, it } from 'vitest';
import { keyHistory, memberIdentities } from '../identity/keyRotation';
import { demoKeyPair } from '../identity/keys';
import { signEvent, verifyEvents } from '../identity/signedEvent';
import { proposalDigest, type Proposal } from './proposal';
import { memberTallyOptions, tally } from './tally';

// ana rotates her key: ana → ana2 (signed by the old key), later ana2 → ana3 (attested by bo and cy)
const [ana, ana2, ana3, bo, cy, dee, eve] = ['ana', 'ana2', 'ana3', 'bo', 'cy', 'dee', 'eve'].map((n) => demoKeyPair(`gov-rot/${n}`));
const proposal: Proposal = {
  id: 'g1',
  title: 'More weight on trust',
  rationale: '',
  proposer: bo.publicKey,
  weights: { coverage: 0.2, trust: 0.4, timezone: 0.2, cost: 0.1, availability: 0.1 },
  quorum: 3,
  createdAt: '2026-01-01T00:00:00Z',
  deadline: '2026-01-20T00:00:00Z',
};
const digest = proposalDigest(proposal);
const vote = (k: typeof ana, choice: 'yes' | 'no' | 'abstain', at: string) => signEvent(k, 'vote', { proposal: 'g1', proposalDigest: digest, choice }, at);
const rotations = [
  signEvent(ana, 'key-rotation', { oldKey: ana.publicKey, newKey: ana2.publicKey, reason: 'new laptop' }, '2026-01-02T00:00:00Z'),
  signEvent(bo, 'key-rotation', { oldKey: ana2.publicKey, newKey: ana3.publicKey, reason: 'lost' }, '2026-01-03T00:00:00Z'),
  signEvent(cy, 'key-rotation', { oldKey: ana2.publicKey, newKey: ana3.publicKey, reason: 'lost' }, '2026-01-03T01:00:00Z'),
  // each new key accepts its rotation (keyRotation.ts)
  signEvent(ana2, 'key-rotation', { oldKey: ana.publicKey, newKey: ana2.publicKey, reason: 'new laptop' }, '2026-01-02T00:00:00Z'),
  signEvent(ana3, 'key-rotation', { oldKey: ana2.publicKey, newKey: ana3.publicKey, reason: 'lost' }, '2026-01-03T00:00:00Z'),
];
// members as the workspace lists them: ana's new keys joined again under her name
const memberKeys = [ana, bo, cy, dee, ana3].map((k) => k.publicKey);
const run = (votes: unknown[], now = '2026-01-10T00:00:00Z', events: unknown[] = rotations) => {
  const verified = verifyEvents([...events, ...votes]);
  const history = keyHistory(verified, { members: new Set(memberKeys) });
  return tally(proposal, verified, memberTallyOptions({ history, memberKeys, now }));
};

describe('governance tally across key rotations', () => {
  it('groups a rotation chain into one member, named by its first member key', () => {
    const history = keyHistory(verifyEvents(rotations), { members: new Set(memberKeys) });
    const ids = memberIdentities(history, memberKeys);
    for (const k of [ana, ana2, ana3]) expect(ids.memberOf(k.publicKey)).toBe(ana.publicKey);
    expect(ids.memberOf(bo.publicKey)).toBe(bo.publicKey);
    expect(ids.memberOf(eve.publicKey)).toBeUndefined();
    expect(ids.members).toHaveLength(4);
  });

  it('a vote from the rotated (new) key counts as that member', () => {
    const t = run([vote(ana3, 'yes', '2026-01-04T00:00:00Z'), vote(bo, 'yes', '2026-01-04T00:00:00Z')]);
    expect(t).toMatchObject({ yes: 2, voters: expect.arrayContaining([ana.publicKey, bo.publicKey]), ignored: [] });
    // without the rotation ana2 is no member's key, so its vote is not counted
    const noRotation = run([vote(ana2, 'yes', '2026-01-04T00:00:00Z')], undefined, []);
    expect(noRotation.yes).toBe(0);
    expect(noRotation.ignored.map((i) => i.reason)).toEqual(['not signed by a member']);
  });

  it('one vote per member across rotations: the first one, whatever key cast it', () => {
    const votes = [vote(ana, 'no', '2026-01-01T12:00:00Z'), vote(ana3, 'yes', '2026-01-05T00:00:00Z'), vote(bo, 'yes', '2026-01-05T00:00:00Z'), vote(cy, 'yes', '2026-01-05T00:00:00Z')];
    const t = run(votes);
    expect(t).toMatchObject({ yes: 2, no: 1 });
    expect(t.counted.filter((c) => c.member === ana.publicKey)).toEqual([expect.objectContaining({ choice: 'no' })]);
    // the same in any order
    expect({ ...run([...votes].reverse()), ignored: [] }).toEqual({ ...t, ignored: [] });
    // four members, not five: ana joined twice (old and new key) and counts once; 3 yes of 4 is a majority
    const all = run([vote(ana2, 'yes', '2026-01-02T12:00:00Z'), vote(ana3, 'yes', '2026-01-04T00:00:00Z'), vote(bo, 'yes', '2026-01-04T00:00:00Z'), vote(cy, 'yes', '2026-01-04T00:00:00Z')]);
    expect(all).toMatchObject({ yes: 3, status: 'accepted' });
    expect(new Set(all.voters).size).toBe(3);
  });

  it('a vote signed by a key after it was rotated away does not count, with the reason', () => {
    const t = run([vote(ana, 'yes', '2026-01-02T06:00:00Z'), vote(bo, 'no', '2026-01-04T00:00:00Z')]);
    expect(t).toMatchObject({ yes: 0, no: 1 });
    expect(t.ignored.map((i) => i.reason)).toEqual(['signed with a key after it was rotated away']);
    // the same key's vote from before its rotation stays valid history
    expect(run([vote(ana, 'yes', '2026-01-01T06:00:00Z')]).yes).toBe(1);
  });

  it('an attestation short of the quorum does not rotate: the would-be new key is no member', () => {
    const verified = verifyEvents([rotations[0], rotations[1], vote(ana3, 'yes', '2026-01-04T00:00:00Z')]);
    const keys = [ana, bo, cy, dee].map((k) => k.publicKey);
    const history = keyHistory(verified, { members: new Set(keys) });
    const t = tally(proposal, verified, memberTallyOptions({ history, memberKeys: keys, now: '2026-01-10T00:00:00Z' }));
    expect(t.yes).toBe(0);
    expect(t.ignored.map((i) => i.reason)).toEqual(['not signed by a member']);
  });

  it('survives a rotation cycle: every key of the ring is one member', () => {
    const ring = [
      signEvent(dee, 'key-rotation', { oldKey: dee.publicKey, newKey: eve.publicKey, reason: '' }, '2026-01-02T00:00:00Z'),
      signEvent(eve, 'key-rotation', { oldKey: eve.publicKey, newKey: dee.publicKey, reason: '' }, '2026-01-03T00:00:00Z'),
      signEvent(eve, 'key-rotation', { oldKey: dee.publicKey, newKey: eve.publicKey, reason: '' }, '2026-01-02T00:00:00Z'),
      signEvent(dee, 'key-rotation', { oldKey: eve.publicKey, newKey: dee.publicKey, reason: '' }, '2026-01-03T00:00:00Z'),
    ];
    const history = keyHistory(verifyEvents(ring), { members: new Set([dee.publicKey]) });
    const ids = memberIdentities(history, [dee.publicKey, eve.publicKey]);
    expect(ids.memberOf(dee.publicKey)).toBe(ids.memberOf(eve.publicKey));
    expect(ids.members).toHaveLength(1);
  });
});
