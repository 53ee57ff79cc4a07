import { useMemo } from 'react';
import { readProposals, type ProposalsSnapshot } from '../../../../shared/governance/proposalsDoc';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { useLedger, useMembers } from '../identity/useIdentity';
import { useNow } from '../value/useValue';
import { governance, type Governance } from './governance';

const EMPTY: ProposalsSnapshot = { proposals: [], invalid: [] };

/** The workspace's proposals, their tallies (from verified votes) and the weights they produced. */
export function useGovernance(tickMs = 5_000): Governance & ProposalsSnapshot & { now: number } {
  const { session } = useApp();
  const snapshot = useYSnapshot(session?.workspace.doc, readProposals, EMPTY);
  const ledger = useLedger();
  const members = useMembers();
  const now = useNow(tickMs);
  const g = useMemo(() => governance(snapshot.proposals, ledger, members, now), [snapshot.proposals, ledger, members, now]);
  return { ...g, ...snapshot, now };
}

/**
 * The weights the assembly uses in this workspace (unless a project sets its own), and where they
 * come from. A deadline is noticed within a minute; the result keeps its identity while unchanged.
 */
export function useWorkspaceWeights() {
  const { weights, source } = useGovernance(60_000);
  const key = JSON.stringify([weights, source]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ({ weights, source }), [key]);
}
