import type * as Y from 'yjs';
import { jsonPath, ValidationError } from '../model/validate';
import { proposalDigest, ProposalSchema, type Proposal } from './proposal';

/**
 * Proposals to change the assembly objective's weights live in the workspace document, in a `Y.Map`
 * by id (DESIGN.md §2). A proposal is never edited: votes name its digest, so an edit would be a new
 * proposal. The section's schema version is `meta.proposalsVersion`.
 */
export const PROPOSALS_SECTION_VERSION = 1;

export const proposalsMap = (doc: Y.Doc) => doc.getMap<unknown>('proposals');

export interface ProposalsSnapshot {
  proposals: Proposal[];
  /** Entries a peer wrote that fail validation: shown with the reason, never counted. */
  invalid: { id: string; problem: string }[];
}

export function readProposals(doc: Y.Doc): ProposalsSnapshot {
  const proposals: Proposal[] = [];
  const invalid: ProposalsSnapshot['invalid'] = [];
  proposalsMap(doc).forEach((v, id) => {
    const r = ProposalSchema.safeParse(v);
    if (r.success && r.data.id === id) proposals.push(r.data);
    else invalid.push({ id, problem: r.success ? 'stored under another id' : `${jsonPath(r.error.issues[0].path)}: ${r.error.issues[0].message}` });
  });
  proposals.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  return { proposals, invalid };
}

/** Adds a proposal; refuses an invalid one, or a different proposal under an id already used. */
export function putProposal(doc: Y.Doc, proposal: Proposal, origin: unknown): string {
  const r = ProposalSchema.safeParse(proposal);
  if (!r.success) throw new ValidationError(jsonPath(r.error.issues[0].path), r.error.issues[0].message, 'proposal');
  const existing = ProposalSchema.safeParse(proposalsMap(doc).get(proposal.id));
  const digest = proposalDigest(r.data);
  if (existing.success) {
    if (proposalDigest(existing.data) === digest) return digest;
    throw new Error(`a different proposal ${proposal.id} already exists; a proposal cannot be edited once made`);
  }
  doc.transact(() => {
    proposalsMap(doc).set(proposal.id, JSON.parse(JSON.stringify(r.data)) as unknown);
    doc.getMap('meta').set('proposalsVersion', PROPOSALS_SECTION_VERSION);
  }, origin);
  return digest;
}
