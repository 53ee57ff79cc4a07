import type { VoteView } from './workshopClient';

/** The vote's options with their counts as they come in; buttons to vote while it is open. */
export function VoteResults({ vote, accepted, onVote, onAccept }: { vote: VoteView; accepted: string | null; onVote?: (id: string) => void; onAccept?: (id: string) => void }) {
  const most = Math.max(1, ...Object.values(vote.tally));
  return (
    <ul className="workshop-options" aria-label={`Results: ${vote.voters} voted`}>
      {vote.options.map((o) => {
        const n = vote.tally[o.id] ?? 0;
        return (
          <li key={o.id} data-testid="workshop-option" data-option={o.id} data-votes={n}>
            <span className="workshop-option-label">
              {o.label}
              {vote.mine === o.id && <span className="workshop-mine"> (your vote)</span>}
              {accepted === o.id && <span className="workshop-mine"> (accepted)</span>}
            </span>
            <span className="workshop-bar" aria-hidden>
              <span style={{ width: `${(100 * n) / most}%` }} />
            </span>
            <span className="workshop-count">
              {n} vote{n === 1 ? '' : 's'}
            </span>
            {onVote && (
              <button type="button" aria-pressed={vote.mine === o.id} onClick={() => onVote(o.id)} data-testid={`workshop-vote-${o.id}`}>
                Vote
              </button>
            )}
            {onAccept && (
              <button type="button" className="secondary" onClick={() => onAccept(o.id)} data-testid={`workshop-accept-${o.id}`}>
                Accept
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
