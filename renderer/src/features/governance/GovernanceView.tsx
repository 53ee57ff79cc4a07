import { useState } from 'react';
import { TERM_NAMES } from '../../../../shared/assembly/objective';
import { useIdentity, useMembers } from '../identity/useIdentity';
import './governance.css';
import { ProposalCard } from './ProposalCard';
import { ProposalForm } from './ProposalForm';
import { useGovernance } from './useGovernance';
import { WEIGHT_DOCS } from './weightDocs';

/**
 * Platform statesmanship: the weights the assembly uses, what each does, and how members change
 * them: a proposal, signed votes, a quorum and a deadline, a tally anyone can check, and the history.
 */
export default function GovernanceView() {
  const g = useGovernance();
  const members = useMembers();
  const { key: me, error } = useIdentity();
  const [proposing, setProposing] = useState(false);
  // a member who rotated to this device's key is still that member (rotations followed)
  const isMember = me !== null && g.memberOf(me) !== undefined;
  // one voter per member, however many keys they rotated through (each listed under their first key)
  const voters = [...new Map(members.map((m) => [g.memberOf(m.key) ?? m.key, m] as const)).values()];
  const max = Math.max(...TERM_NAMES.map((t) => g.weights[t]), 0.01);
  const newestFirst = [...g.proposals].reverse();
  return (
    <section className="view governance" data-testid="governance-view">
      <header className="view-head">
        <h1>Governance</h1>
        <p className="muted">The rules every team suggestion follows, visible to all, and changed only by a signed vote of the members.</p>
      </header>
      {error && <p className="warning">{error}</p>}
      <section className="panel" aria-labelledby="gov-weights">
        <h2 id="gov-weights">Weights of the assembly objective</h2>
        <p className="small muted">
          A team’s score is Σ weight × term; each term is between 0 and 1. Now in use: {g.source}. A project can still set its own weights on its page.
        </p>
        <table className="gov-weights" data-testid="workspace-weights">
          <thead>
            <tr>
              <th>Term</th>
              <th>Weight</th>
              <th>What it does</th>
            </tr>
          </thead>
          <tbody>
            {TERM_NAMES.map((t) => (
              <tr key={t} data-testid={`gov-weight-${t}`} data-value={g.weights[t]}>
                <td>{WEIGHT_DOCS[t].label}</td>
                <td className="num">
                  {g.weights[t].toFixed(2)}
                  <span className="gov-bar" style={{ width: `${(g.weights[t] / max) * 60}px` }} aria-hidden />
                </td>
                <td>{WEIGHT_DOCS[t].does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="gov-proposals">
        <div className="row between">
          <h2 id="gov-proposals">Proposals</h2>
          {isMember && !proposing && (
            <button type="button" onClick={() => setProposing(true)} data-testid="new-proposal">
              Propose a change
            </button>
          )}
        </div>
        <p className="small" data-testid="member-count">
          {voters.length} member{voters.length === 1 ? '' : 's'} can vote: {voters.map((m) => m.name).join(', ') || 'none yet'}.
        </p>
        {!isMember && <p className="small muted">Set your name (Workspaces) to join this workspace’s members; members propose and vote.</p>}
        <p className="small muted">
          The rule: a vote counts when its signature verifies, its author is a member, it names this exact proposal and it was cast by the deadline; one vote per member. A proposal is accepted when the quorum has voted and yes outnumbers no at the deadline, or at once when a majority of all members voted yes.
        </p>
        {proposing && me && <ProposalForm current={g.weights} me={me} memberCount={voters.length} onDone={() => setProposing(false)} />}
        {g.invalid.length > 0 && (
          <p className="warning small" data-testid="proposals-invalid">
            {g.invalid.length} proposal(s) from a peer failed validation and are not counted: {g.invalid.map((i) => `${i.id}: ${i.problem}`).join('; ')}
          </p>
        )}
        {newestFirst.length === 0 && !proposing && <p className="empty small">No proposals yet.</p>}
        {newestFirst.map((p) => (
          <ProposalCard key={p.id} proposal={p} result={g.tallies.get(p.id)!} members={members} me={me} memberOf={g.memberOf} current={g.history.find((h) => h.proposal === p.id)?.from ?? g.weights} now={g.now} />
        ))}
      </section>

      <section className="panel" aria-labelledby="gov-history">
        <h2 id="gov-history">History of the weights</h2>
        {g.history.length === 0 ? (
          <p className="small muted">The default weights have been in use since the workspace began.</p>
        ) : (
          <ol data-testid="weights-history">
            {g.history.map((h) => (
              <li key={h.proposal} data-testid="history-entry">
                {new Date(h.at).toLocaleString()}: “{h.title}” accepted ({h.tally.yes} yes, {h.tally.no} no, {h.tally.abstain} abstain).{' '}
                <span className="small">
                  {TERM_NAMES.filter((t) => h.from[t] !== h.to[t])
                    .map((t) => `${WEIGHT_DOCS[t].label} ${h.from[t].toFixed(2)} → ${h.to[t].toFixed(2)}`)
                    .join(', ') || 'no change in value'}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
