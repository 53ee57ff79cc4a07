import { useCallback, useState } from 'react';
import { clock, post, useSecondsLeft, type WorkshopConnection } from './workshopClient';
import { useFollowMe } from './useFollowMe';
import { VoteResults } from './VoteResults';
import { useProposedTeams, voteOptions } from './proposedTeams';
import { useAcceptInProject } from './acceptInProject';
import type { GraphInspector } from '../graph/GraphView';

/** Names the graph on screen can spotlight as a team or a cluster (none while the graph is not shown). */
function spotlightChoices(kind: 'person' | 'team' | 'cluster'): string[] {
  const graph = (window as unknown as { archipelagoGraph?: Pick<GraphInspector, 'islands' | 'clusters'> }).archipelagoGraph;
  if (!graph || kind === 'person') return [];
  return kind === 'team' ? graph.islands().map((t) => t.name) : graph.clusters().map((c) => c.label);
}

/** Downloads the workshop export (the workspace, the accepted team, the vote results) from the host. */
async function downloadExport(token: string) {
  const res = await fetch('/workshop/export', { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.error ?? `the host answered ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `workshop-export-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The facilitator's controls. Each is a request to the host, which enforces it (a participant's
 * token cannot make these requests, and locking changes the scope the relay gives their connections).
 */
export function FacilitatorPanel({ conn, token }: { conn: WorkshopConnection; token: string }) {
  const [followOn, setFollowOn] = useState(false);
  const [open, setOpen] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [spotKind, setSpotKind] = useState<'person' | 'team' | 'cluster'>('person');
  const [spotLabel, setSpotLabel] = useState('');
  const [spotChoices, setSpotChoices] = useState<string[]>([]);
  // the teams (islands) and clusters the graph draws now, offered as the spotlight's name
  const offerSpotChoices = () => setSpotChoices(spotlightChoices(spotKind));
  const [timerLabel, setTimerLabel] = useState('Exercise 1');
  const [minutes, setMinutes] = useState('10');
  const [question, setQuestion] = useState('Which team should we build?');
  const [options, setOptions] = useState('');
  const onError = useCallback((m: string) => setError(m), []);
  const proposed = useProposedTeams((s) => s.options);
  const acceptInProject = useAcceptInProject();
  /** The vote option this page also made its project's accepted team. */
  const [inProject, setInProject] = useState<string | null>(null);
  useFollowMe(token, followOn, onError);
  const view = conn.status === 'live' || conn.status === 'lost' ? conn.view : null;
  const left = useSecondsLeft(view?.timer?.endsAt ?? null, conn.status === 'live' || conn.status === 'lost' ? conn.skewMs : 0);
  const control = async (body: unknown) => {
    try {
      setError(null);
      await post(token, 'control', body);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!view) return <section className="workshop-panel" data-testid="facilitator-panel" aria-busy="true">Connecting to the workshop host…</section>;
  /** The room's choice: accepted in the vote, and, for a proposed team, as its project's team. */
  const accept = async (optionId: string) => {
    const option = view.vote?.options.find((o) => o.id === optionId);
    try {
      setError(null);
      await post(token, 'control', { action: 'accept', optionId });
      if (!option?.team) return;
      await acceptInProject(option.team, option.label);
      setInProject(optionId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const participants = view.participants ?? [];
  const here = participants.filter((p) => p.connected && !p.removed);
  const optionList = options
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <section className="workshop-panel" data-testid="facilitator-panel" aria-label="Facilitator controls">
      <div className="workshop-row">
        <strong>Facilitating</strong>
        <span>
          Join code <code className="workshop-code" data-testid="workshop-join-code">{view.joinCode}</code>
        </span>
        <span data-testid="workshop-here">
          {here.length} of {participants.filter((p) => !p.removed).length} participants here
        </span>
        {conn.status === 'lost' && <span className="workshop-chip workshop-warn">reconnecting to the host…</span>}
        <button type="button" className="secondary workshop-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide controls' : 'Show controls'}
        </button>
      </div>
      {open && (
        <div className="workshop-grid">
          <fieldset>
            <legend>People</legend>
            <ul className="workshop-people" data-testid="workshop-participants">
              {participants
                .filter((p) => !p.removed)
                .map((p) => (
                  <li key={p.id} data-testid="workshop-participant" data-name={p.name} data-connected={p.connected}>
                    <span className={`workshop-dot ${p.connected ? 'on' : ''}`} aria-hidden /> {p.name}
                    <span className="sr-only">{p.connected ? ' (here)' : ' (away)'}</span>
                    <button type="button" className="secondary" onClick={() => control({ action: 'remove', participantId: p.id })} aria-label={`Remove ${p.name}`}>
                      Remove
                    </button>
                  </li>
                ))}
              {participants.length === 0 && <li className="muted">Nobody has joined yet.</li>}
            </ul>
          </fieldset>
          <fieldset>
            <legend>Views</legend>
            <label className="workshop-check">
              <input
                type="checkbox"
                checked={followOn}
                data-testid="workshop-follow-me"
                onChange={(e) => {
                  setFollowOn(e.target.checked);
                  if (!e.target.checked) control({ action: 'unfollow' });
                }}
              />{' '}
              Follow me (participants see my view and selection)
            </label>
            <label className="workshop-check">
              <input type="checkbox" checked={view.locked} data-testid="workshop-lock" onChange={(e) => control({ action: e.target.checked ? 'lock' : 'unlock' })} /> Lock editing (participants read only)
            </label>
            <div className="workshop-inline">
              <label>
                Spotlight{' '}
                <select aria-label="Spotlight kind" value={spotKind} onChange={(e) => setSpotKind(e.target.value as typeof spotKind)} data-testid="workshop-spotlight-kind">
                  <option value="person">person</option>
                  <option value="team">team</option>
                  <option value="cluster">cluster</option>
                </select>
              </label>
              <input aria-label="Spotlight name" value={spotLabel} placeholder="name" list="workshop-spotlight-choices" onFocus={offerSpotChoices} onChange={(e) => setSpotLabel(e.target.value)} data-testid="workshop-spotlight-label" />
              <datalist id="workshop-spotlight-choices">
                {spotChoices.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <button type="button" disabled={!spotLabel.trim()} onClick={() => control({ action: 'spotlight', spotlight: { kind: spotKind, id: spotLabel.trim(), label: spotLabel.trim() } })} data-testid="workshop-spotlight-set">
                Spotlight
              </button>
              {view.spotlight && (
                <button type="button" className="secondary" onClick={() => control({ action: 'spotlight', spotlight: null })}>
                  Clear ({view.spotlight.label})
                </button>
              )}
            </div>
          </fieldset>
          <fieldset>
            <legend>Timer</legend>
            <div className="workshop-inline">
              <input aria-label="Exercise" value={timerLabel} onChange={(e) => setTimerLabel(e.target.value)} />
              <input aria-label="Minutes" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="workshop-minutes" />
              <button type="button" onClick={() => control({ action: 'timer', label: timerLabel, seconds: Math.round(Number(minutes) * 60) })} data-testid="workshop-timer-start">
                Start
              </button>
              {view.timer && (
                <button type="button" className="secondary" onClick={() => control({ action: 'timer-stop' })}>
                  Stop
                </button>
              )}
            </div>
            {view.timer && left !== null && (
              <p className="workshop-timer" role="timer" data-testid="workshop-timer">
                {view.timer.label} · {left === 0 ? "time's up" : clock(left)}
              </p>
            )}
          </fieldset>
          <fieldset className="workshop-wide">
            <legend>Vote on a team</legend>
            {view.vote?.open ? (
              <>
                <p>
                  <strong>{view.vote.question}</strong> · {view.vote.voters} voted
                </p>
                <VoteResults vote={view.vote} accepted={view.accepted?.optionId ?? null} onAccept={accept} />
                <button type="button" className="secondary" onClick={() => control({ action: 'vote-close' })}>
                  Close the vote
                </button>
              </>
            ) : (
              <>
                <input aria-label="Question" value={question} onChange={(e) => setQuestion(e.target.value)} />
                {proposed.length >= 2 ? (
                  <button type="button" className="secondary" onClick={() => setOptions(proposed.map((o) => o.label).join('\n'))} data-testid="workshop-vote-proposed">
                    Use the {proposed.length} proposed teams
                  </button>
                ) : (
                  <p className="muted small">Open a project’s teams step to put its proposed teams to the vote, or type them.</p>
                )}
                <textarea aria-label="Team configurations, one a line" placeholder="Team configurations, one a line" rows={3} value={options} onChange={(e) => setOptions(e.target.value)} data-testid="workshop-vote-options" />
                <button type="button" disabled={optionList.length < 2} onClick={() => control({ action: 'vote-open', question, options: voteOptions(optionList, proposed) })} data-testid="workshop-vote-open">
                  Open the vote
                </button>
                {view.vote && <VoteResults vote={view.vote} accepted={view.accepted?.optionId ?? null} onAccept={accept} />}
              </>
            )}
            {view.accepted && (
              <p data-testid="workshop-accepted">
                Accepted: <strong>{view.accepted.label}</strong> ({view.accepted.votes} votes){inProject === view.accepted.optionId ? ', now the project’s team' : ''}
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend>End</legend>
            <button type="button" onClick={() => downloadExport(token).catch((e: Error) => setError(e.message))} data-testid="workshop-export">
              Export the workshop
            </button>
            <p className="muted small">The workspace, the accepted team and the vote results, as one JSON file.</p>
          </fieldset>
        </div>
      )}
      {error && (
        <p className="workshop-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
