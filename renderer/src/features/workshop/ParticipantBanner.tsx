import { useEffect, useRef, useState } from 'react';
import { useUi } from '../../state/uiStore';
import { useGraphViewport } from '../graph/graphViewport';
import { clock, post, useSecondsLeft, type WorkshopConnection, type WorkshopView } from './workshopClient';
import { VoteResults } from './VoteResults';
import { RemovedNotice } from './RemovedNotice';

/** Puts this page where the facilitator is: their route, their selection, their graph viewport or scroll position. */
function goWhereFacilitatorIs(follow: NonNullable<WorkshopView['follow']>) {
  // the graph's camera is set before the graph opens, so it opens where the facilitator looks
  const onGraph = /^#\/graph\b/.test(follow.route);
  if (onGraph && follow.viewport) useGraphViewport.getState().want({ cx: follow.viewport.x, cy: follow.viewport.y, k: follow.viewport.k });
  if (location.hash !== follow.route) location.hash = follow.route;
  const ui = useUi.getState();
  // after the route change has been taken in (App listens to hashchange)
  setTimeout(() => {
    if (follow.selection.projectId) ui.selectProject(follow.selection.projectId);
    ui.selectPerson(follow.selection.personId);
    if (follow.viewport && !onGraph) window.scrollTo(follow.viewport.x, follow.viewport.y);
  }, 0);
}

/**
 * What a participant sees of the workshop: whether they follow the facilitator (and a way to break
 * away and come back), the spotlight, the exercise timer, the editing lock and the live vote. The host
 * enforces all of it; this only shows it.
 */
export function ParticipantBanner({ conn, token }: { conn: WorkshopConnection; token: string }) {
  const [following, setFollowing] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const view = conn.status === 'live' || conn.status === 'lost' ? conn.view : null;
  const follow = view?.follow ?? null;
  const applied = useRef(0);
  useEffect(() => {
    if (!follow || !following || applied.current === follow.seq) return;
    applied.current = follow.seq;
    goWhereFacilitatorIs(follow);
  }, [follow, following]);
  const left = useSecondsLeft(view?.timer?.endsAt ?? null, conn.status === 'live' || conn.status === 'lost' ? conn.skewMs : 0);

  if (conn.status === 'removed') return <RemovedNotice />;
  if (!view)
    return (
      <section className="workshop-banner" data-testid="workshop-banner" aria-busy="true">
        Joining the workshop…
      </section>
    );
  const vote = async (optionId: string) => {
    try {
      setError(null);
      await post(token, 'vote', { optionId });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="workshop-banner" data-testid="workshop-banner" aria-label="Workshop">
      <div className="workshop-row">
        <strong>Workshop</strong>
        <span className="muted">you are {view.you.name}</span>
        {conn.status === 'lost' && <span className="workshop-chip workshop-warn">reconnecting to the host…</span>}
        {follow ? (
          following ? (
            <span className="workshop-chip" data-testid="workshop-following">
              Following the facilitator{' '}
              <button type="button" className="secondary" onClick={() => setFollowing(false)} data-testid="workshop-break-away">
                Break away
              </button>
            </span>
          ) : (
            <span className="workshop-chip" data-testid="workshop-not-following">
              Exploring on your own{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  applied.current = 0;
                  setFollowing(true);
                }}
                data-testid="workshop-follow-again"
              >
                Follow again
              </button>
            </span>
          )
        ) : null}
        {view.locked && (
          <span className="workshop-chip workshop-warn" data-testid="workshop-locked">
            Editing is locked by the facilitator: changes you make stay on this device, unseen by others, until it is unlocked
          </span>
        )}
        {view.timer && left !== null && (
          <span className={`workshop-chip workshop-timer ${left === 0 ? 'workshop-warn' : ''}`} data-testid="workshop-timer" role="timer" aria-label={`${view.timer.label}: ${clock(left)} left`}>
            {view.timer.label} · {left === 0 ? "time's up" : clock(left)}
          </span>
        )}
      </div>
      {view.spotlight && (
        <p className="workshop-spotlight" data-testid="workshop-spotlight">
          Spotlight on the {view.spotlight.kind}: <strong>{view.spotlight.label}</strong>
        </p>
      )}
      {view.vote && (
        <div className="workshop-vote" data-testid="workshop-vote">
          <p>
            <strong>{view.vote.question}</strong> {view.vote.open ? '(vote now; you can change your mind until it closes)' : '(closed)'}
          </p>
          <VoteResults vote={view.vote} accepted={view.accepted?.optionId ?? null} onVote={view.vote.open ? vote : undefined} />
        </div>
      )}
      {view.accepted && (
        <p className="workshop-accepted" data-testid="workshop-accepted">
          Accepted team: <strong>{view.accepted.label}</strong>
        </p>
      )}
      {error && (
        <p className="workshop-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
