import { useState } from 'react';
import { TERM_NAMES, type ObjectiveWeights } from '../../../../shared/assembly/objective';
import { proposalDigest, type Proposal } from '../../../../shared/governance/proposal';
import { tally, type Tally } from '../../../../shared/governance/tally';
import { workspaceTallyOptions } from './governance';
import { readLedger } from '../../../../shared/model/docs/ledgerDoc';
import type { Member } from '../../../../shared/model/docs/members';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { useSign } from '../identity/useIdentity';
import { WEIGHT_DOCS } from './weightDocs';

const STATUS = { open: 'Open', accepted: 'Accepted', rejected: 'Rejected' } as const;

/** One proposal: what it changes, its tally from verified votes, each vote with its check, and a way to vote. */
export function ProposalCard({ proposal, result, members, me, memberOf, current, now }: { proposal: Proposal; result: Tally; members: Member[]; me: string | null; /** The member a key votes as (rotations followed). */ memberOf(key: string): string | undefined; /** The weights it would change (or changed, once accepted). */ current: ObjectiveWeights; now: number }) {
  const { session } = useApp();
  const sign = useSign();
  const notify = useUi((s) => s.notify);
  const [check, setCheck] = useState<string | null>(null);
  const name = (key: string) => members.find((m) => m.key === key)?.name ?? `${key.slice(0, 10)}… (not a member)`;
  const myMember = me !== null ? memberOf(me) : undefined;
  const isMember = myMember !== undefined;
  const voted = myMember !== undefined && result.voters.includes(myMember);
  const deadline = Date.parse(proposal.deadline);
  const vote = async (choice: 'yes' | 'no' | 'abstain') => {
    try {
      await sign('vote', { proposal: proposal.id, proposalDigest: proposalDigest(proposal), choice });
    } catch (e) {
      notify(`Could not vote: ${(e as Error).message}`, 'error');
    }
  };
  // anyone can check: read the raw ledger again, verify every signature with no cache, and count again
  const verify = () => {
    if (!session) return;
    const fresh = readLedger(session.ledger.doc);
    const again = tally(proposal, fresh, workspaceTallyOptions(fresh, members, now));
    const same = JSON.stringify(again) === JSON.stringify(result);
    const votes = fresh.filter((v) => v.event?.kind === 'vote').length;
    setCheck(`${same ? 'Verified' : 'MISMATCH'}: ${votes} vote event(s) re-read from the ledger, each signature checked again with Ed25519; the count gives ${again.yes} yes, ${again.no} no, ${again.abstain} abstain → ${STATUS[again.status].toLowerCase()}${same ? ', the same as shown.' : ', different from what is shown.'}`);
  };
  return (
    <article className="gov-proposal panel" data-testid="proposal" data-status={result.status} aria-labelledby={`prop-${proposal.id}`}>
      <header>
        <h3 id={`prop-${proposal.id}`}>{proposal.title}</h3>
        <span className={`gov-status st-${result.status}`} data-testid="proposal-status">
          {STATUS[result.status]}
        </span>
      </header>
      <p className="small muted">
        Proposed by {name(proposal.proposer)} on {new Date(proposal.createdAt).toLocaleString()} · deadline {new Date(proposal.deadline).toLocaleString()}
        {deadline > now ? '' : ' (passed)'} · <code title={result.digest}>digest {result.digest.slice(0, 12)}</code>
      </p>
      {proposal.rationale && <p>{proposal.rationale}</p>}
      <p className="gov-diff small">
        {TERM_NAMES.map((t) => {
          const d = proposal.weights[t] - current[t];
          return (
            <span key={t}>
              {WEIGHT_DOCS[t].label} {proposal.weights[t].toFixed(2)}
              {Math.abs(d) > 1e-9 && <span className={d > 0 ? 'up' : 'down'}> ({d > 0 ? '+' : ''}{d.toFixed(2)})</span>}
              {t !== 'availability' ? ' · ' : ''}
            </span>
          );
        })}
      </p>
      <div className="gov-counts" data-testid="tally">
        <span>
          Yes <strong data-testid="tally-yes">{result.yes}</strong>
        </span>
        <span>
          No <strong>{result.no}</strong>
        </span>
        <span>
          Abstain <strong>{result.abstain}</strong>
        </span>
        <span data-testid="tally-quorum">
          Quorum {result.voters.length} of {proposal.quorum} {result.quorumReached ? '✓ reached' : 'not yet reached'}
        </span>
        <span className="small muted">{members.length} members</span>
      </div>
      {result.counted.length > 0 && (
        <ul className="gov-votes" aria-label="Counted votes">
          {result.counted.map((c) => (
            <li key={c.digest} data-testid="vote" data-choice={c.choice}>
              <strong>{name(c.member)}</strong> voted {c.choice} on {new Date(c.at).toLocaleString()} <span className="gov-verified">✓ signature verified</span>{' '}
              <code className="small muted" title={c.digest}>
                {c.digest.slice(0, 10)}
              </code>
            </li>
          ))}
        </ul>
      )}
      {result.ignored.length > 0 && (
        <div className="gov-ignored small" data-testid="ignored-votes">
          Not counted:
          <ul>
            {result.ignored.map((i) => (
              <li key={i.index}>
                ledger entry #{i.index}: {i.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.status === 'open' && isMember && !voted && (
        <div className="row" role="group" aria-label="Your vote">
          <button type="button" onClick={() => vote('yes')} data-testid="vote-yes">
            Vote yes
          </button>
          <button type="button" className="secondary" onClick={() => vote('no')} data-testid="vote-no">
            Vote no
          </button>
          <button type="button" className="secondary" onClick={() => vote('abstain')} data-testid="vote-abstain">
            Abstain
          </button>
        </div>
      )}
      {voted && <p className="small muted">You have voted; a signed vote cannot be changed.</p>}
      <div>
        <button type="button" className="link" onClick={verify} data-testid="verify-tally">
          Verify this tally yourself
        </button>
        {check && (
          <p className="gov-check small" role="status" data-testid="verify-result">
            {check}
          </p>
        )}
      </div>
    </article>
  );
}
