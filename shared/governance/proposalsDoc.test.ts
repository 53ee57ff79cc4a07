import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoKeyPair } from '../identity/keys';
import type { Proposal } from './proposal';
import { proposalsMap, putProposal, readProposals } from './proposalsDoc';

const proposal: Proposal = {
  id: 'g1',
  title: 'More trust',
  rationale: 'Strangers fail us.',
  proposer: demoKeyPair('gov/ana').publicKey,
  weights: { coverage: 0.2, trust: 0.5, timezone: 0.1, cost: 0.1, availability: 0.1 },
  quorum: 2,
  createdAt: '2026-01-01T00:00:00Z',
  deadline: '2026-01-08T00:00:00Z',
};

describe('proposals in the workspace document', () => {
  it('stores, reads back and never lets a proposal be changed', () => {
    const doc = new Y.Doc();
    const digest = putProposal(doc, proposal, 'test');
    expect(putProposal(doc, proposal, 'test')).toBe(digest);
    expect(() => putProposal(doc, { ...proposal, quorum: 1 }, 'test')).toThrow(/cannot be edited/);
    expect(readProposals(doc).proposals).toEqual([proposal]);
    doc.destroy();
  });

  it('refuses bad input by field and shows a broken entry from a peer with its reason', () => {
    const doc = new Y.Doc();
    expect(() => putProposal(doc, { ...proposal, weights: { ...proposal.weights, trust: -1 } }, 'test')).toThrow(/\$\.weights\.trust/);
    expect(() => putProposal(doc, { ...proposal, deadline: '2025-01-01T00:00:00Z' }, 'test')).toThrow(/deadline/);
    expect(proposalsMap(doc).size).toBe(0);
    proposalsMap(doc).set('g2', { ...proposal, id: 'g2', quorum: 0 });
    expect(readProposals(doc)).toEqual({ proposals: [], invalid: [{ id: 'g2', problem: expect.stringMatching(/\$\.quorum/) }] });
    doc.destroy();
  });
});
