import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../../shared/assembly/objective';
import { demoKeyPair } from '../../../../shared/identity/keys';
import { signEvent, verifyEvents } from '../../../../shared/identity/signedEvent';
import { proposalDigest, type Proposal } from '../../../../shared/governance/proposal';
import { governance } from './governance';

const ana = demoKeyPair('g/ana');
const kofi = demoKeyPair('g/kofi');
const lin = demoKeyPair('g/lin');
const members = [ana, kofi, lin].map((k, i) => ({ key: k.publicKey, name: `m${i}`, joinedAt: i }));
const p: Proposal = {
  id: 'p1',
  title: 'Trust first',
  rationale: '',
  proposer: ana.publicKey,
  weights: { coverage: 0.2, trust: 0.5, timezone: 0.1, cost: 0.1, availability: 0.1 },
  quorum: 2,
  createdAt: '2026-01-01T00:00:00Z',
  deadline: '2026-01-08T00:00:00Z',
};
const vote = (k: typeof ana, choice: 'yes' | 'no', at: string) => signEvent(k, 'vote', { proposal: p.id, proposalDigest: proposalDigest(p), choice }, at);

describe('governance', () => {
  it('keeps the defaults until a proposal is accepted, then applies it with a history entry', () => {
    const now = Date.parse('2026-01-02T00:00:00Z');
    const one = verifyEvents([vote(ana, 'yes', '2026-01-01T01:00:00Z')]);
    expect(governance([p], one, members, now).weights).toEqual(DEFAULT_WEIGHTS);
    expect(governance([p], one, members, now).tallies.get('p1')!.status).toBe('open');
    const two = verifyEvents([vote(ana, 'yes', '2026-01-01T01:00:00Z'), vote(kofi, 'yes', '2026-01-01T02:00:00Z')]);
    const g = governance([p], two, members, now);
    expect(g.weights).toEqual(p.weights);
    expect(g.history.map((h) => [h.proposal, h.at])).toEqual([['p1', '2026-01-01T02:00:00Z']]);
    expect(g.source).toContain('Trust first');
  });
  it('does not count a tampered vote or a non-member', () => {
    const now = Date.parse('2026-01-02T00:00:00Z');
    const forged = { ...vote(kofi, 'yes', '2026-01-01T02:00:00Z'), at: '2026-01-01T03:00:00Z' };
    const outsider = vote(demoKeyPair('g/out'), 'yes', '2026-01-01T02:00:00Z');
    const g = governance([p], verifyEvents([vote(ana, 'yes', '2026-01-01T01:00:00Z'), forged, outsider]), members, now);
    expect(g.weights).toEqual(DEFAULT_WEIGHTS);
    expect(g.tallies.get('p1')!.ignored.map((i) => i.reason)).toEqual([expect.stringMatching(/^tampered/), 'not signed by a member']);
  });
  it('reads key rotations from the same ledger: a rotated key votes as its member, once', () => {
    const now = Date.parse('2026-01-03T00:00:00Z');
    const kofi2 = demoKeyPair('g/kofi2');
    const body = { oldKey: kofi.publicKey, newKey: kofi2.publicKey, reason: 'new laptop' };
    // signed by the old key and accepted by the new one
    const rotation = [signEvent(kofi, 'key-rotation', body, '2026-01-01T00:30:00Z'), signEvent(kofi2, 'key-rotation', body, '2026-01-01T00:30:00Z')];
    // kofi's new key joined again under his name: still three members, and kofi votes once
    const rejoined = [...members, { key: kofi2.publicKey, name: 'm1', joinedAt: 5 }];
    const events = verifyEvents([...rotation, vote(ana, 'yes', '2026-01-01T01:00:00Z'), vote(kofi2, 'yes', '2026-01-01T02:00:00Z'), vote(kofi2, 'no', '2026-01-01T03:00:00Z')]);
    const g = governance([p], events, rejoined, now);
    expect(g.memberOf(kofi2.publicKey)).toBe(kofi.publicKey);
    expect(g.tallies.get('p1')).toMatchObject({ yes: 2, no: 0, voters: [ana.publicKey, kofi.publicKey], status: 'accepted' });
    expect(g.weights).toEqual(p.weights);
    // without the rotation in the ledger, the new key is a separate member
    const apart = governance([p], verifyEvents([vote(ana, 'yes', '2026-01-01T01:00:00Z'), vote(kofi2, 'yes', '2026-01-01T02:00:00Z')]), rejoined, now);
    expect(apart.memberOf(kofi2.publicKey)).toBe(kofi2.publicKey);
  });
});
