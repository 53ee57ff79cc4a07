import { proxy } from 'comlink';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { AssemblyProgress, Team } from '../../../../shared/assembly/assemble';
import { TERM_NAMES, type ObjectiveWeights, type TermName } from '../../../../shared/assembly/objective';
import { acceptTeam, assemblyRequest, banPerson, pinPerson, setWeights, unbanPerson, unpinPerson, type TeamPlan } from '../../../../shared/model/docs/projectTeam';
import type { Person } from '../../../../shared/model/network';
import type { AssembleOutcome } from '../../engine/engineApi';
import { attachNetwork, cancelEngine, cancellable, canCancel, engine, EngineCancelled } from '../../engine/engineClient';
import { networkVersion } from '../../engine/networkVersion';
import { useNetwork } from '../../hooks/useNetwork';
import { useAct, useApp } from '../../hooks/useSession';
import { LOCAL } from '../../session/rooms';
import { workingHoursByUtcHour } from './timezoneStrip';
import { useViewer } from './useViewer';
import { PersonPicker } from '../../components/PersonPicker';
import { resolvePerson } from '../../components/personSearch';
import { TeamTrustPanel } from './TeamTrustPanel';
import type { RiskAdvice } from '../../../../shared/trust/riskAdvice';
import { useWorkspaceWeights } from '../governance/useGovernance';
import { useShareProposedTeams } from '../workshop/proposedTeams';
import { WhyRule } from '../governance/WhyRule';

const TERM_LABEL: Record<TermName, string> = { coverage: 'Skill margin', trust: 'Trust', timezone: 'Time-zone overlap', cost: 'Cost', availability: 'Availability' };
const TERM_HELP: Record<TermName, string> = {
  coverage: 'how far members’ levels exceed each role’s minimum',
  trust: 'how close members are to each other on the trust graph',
  timezone: 'shared 09:00–17:00 working hours between members',
  cost: 'how far the team’s rates stay under the budget',
  availability: 'members’ availability',
};
const LETTERS = 'ABC';
const r3 = (x: number) => Math.round(x * 1000) / 1000;

const ADVICE_LABEL = { rely: 'rely on reputation', escrow: 'use escrow', introduce: 'ask for an introduction' } as const;

/** Trust advice from the viewer about everyone in the suggested teams (one engine call). */
function useAdvice(viewer: string | null, personIds: string[]) {
  const { doc, net } = useNetwork();
  const [advice, setAdvice] = useState<Map<string, RiskAdvice>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const key = personIds.join(',');
  useEffect(() => {
    if (!viewer || !doc || !key) return;
    let live = true;
    (async () => {
      await attachNetwork(doc);
      const result = await engine().advise(viewer, key.split(','));
      if (!live) return;
      if ('error' in result) return setError(result.error);
      setError(null);
      setAdvice(new Map(result.map((a) => [a.personId, a])));
    })();
    return () => {
      live = false;
    };
  }, [viewer, key, doc, net]);
  return { advice: viewer ? advice : new Map<string, RiskAdvice>(), error: viewer ? error : null };
}

/** Where a running search is, for the progress line. */
export interface SearchProgress {
  startedAt: number;
  pool: number;
  pools: number;
  nodes: number;
  nodeBudget: number;
}

/**
 * Runs the engine on the plan whenever it, the network or the weights change (in the worker,
 * debounced). A long search reports its progress and can be cancelled; a cancelled search stays
 * cancelled (the previous teams stay on screen, marked out of date) until the plan changes.
 */
function useAssembly(plan: TeamPlan, weights: ObjectiveWeights) {
  const { doc, net } = useNetwork();
  const [state, setState] = useState<{ key: string; outcome: AssembleOutcome } | null>(null);
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  const request = useMemo(() => assemblyRequest(plan), [plan]);
  const key = JSON.stringify([request, weights, networkVersion(net)]);
  useEffect(() => {
    if (!request.roles.length || cancelledKey === key) return;
    let live = true;
    const timer = setTimeout(async () => {
      const startedAt = performance.now();
      const onProgress = (p: AssemblyProgress) => live && setProgress({ startedAt, ...p });
      try {
        if (doc) await attachNetwork(doc);
        const e = engine();
        const outcome = await cancellable(e.assemble(request, { k: 3, weights }, canCancel() ? proxy(onProgress) : onProgress));
        if (live) setState({ key, outcome });
      } catch (err) {
        if (!(err instanceof EngineCancelled)) throw err;
      } finally {
        if (live) setProgress(null);
      }
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, request, weights, net, doc, cancelledKey]);
  const cancel = () => {
    setCancelledKey(key);
    setProgress(null);
    cancelEngine();
  };
  return { outcome: state?.outcome ?? null, current: state?.key === key, progress, cancel, cancelled: cancelledKey === key, retry: () => setCancelledKey(null) };
}

/** The progress line of a search that takes a while (shown after half a second), with Cancel. */
function SearchStatus({ progress, onCancel }: { progress: SearchProgress; onCancel(): void }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  const elapsed = now - progress.startedAt;
  if (elapsed < 500) return null;
  const share = (progress.pool - 1 + Math.min(1, progress.nodes / progress.nodeBudget)) / progress.pools;
  return (
    <div className="search-status" role="status" data-testid="search-progress">
      <progress max={1} value={share} aria-label="Search progress" />
      <span>
        Searching for the best teams: candidate pool {progress.pool} of {progress.pools}, {formatCount(progress.nodes)} combinations tried · {(elapsed / 1000).toFixed(1)} s
      </span>
      {canCancel() && (
        <button type="button" className="secondary small-btn" onClick={onCancel} data-testid="cancel-search">
          Cancel
        </button>
      )}
    </div>
  );
}

const formatCount = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : String(n));

function TermsBar({ team }: { team: Team }) {
  const total = TERM_NAMES.reduce((s, t) => s + Math.max(0, team.terms[t]), 0) || 1;
  return (
    <div>
      <div className="terms-bar" aria-hidden>
        {TERM_NAMES.map((t) => (
          <span key={t} className={`term term-${t}`} style={{ width: `${(Math.max(0, team.terms[t]) / total) * 100}%` }} />
        ))}
      </div>
      <ul className="terms" data-testid="team-terms">
        {TERM_NAMES.map((t) => (
          <li key={t} title={TERM_HELP[t]}>
            <span className={`swatch-dot term-${t}`} aria-hidden /> {TERM_LABEL[t]} <strong>{team.terms[t].toFixed(3)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HoursStrip({ counts, size }: { counts: number[]; size: number }) {
  const shared = counts.filter((c) => c === size).length;
  return (
    <figure className="hours" aria-label={`${shared} hours a day when all ${size} members are at work`}>
      <div className="hours-strip">
        {counts.map((c, h) => (
          <span key={h} className={`hour ${c === size ? 'all' : c > 0 ? 'some' : ''}`} title={`${String(h).padStart(2, '0')}:00 UTC: ${c} of ${size} at work`} style={{ opacity: c === size ? 1 : 0.25 + (0.6 * c) / size }} />
        ))}
      </div>
      <figcaption className="small muted">
        {shared ? `${shared} h/day all at work` : 'no hour when all are at work'} (UTC 0–24)
      </figcaption>
    </figure>
  );
}

function AdviceBadge({ advice, people }: { advice: RiskAdvice | undefined; people: Map<string, Person> }) {
  if (!advice) return null;
  const name = (id: string) => people.get(id)?.name ?? id;
  const text = advice.advice === 'introduce' && advice.introducer ? `introduction via ${name(advice.introducer)}` : ADVICE_LABEL[advice.advice];
  const path = advice.path.length ? `Best trust path: ${advice.path.map(name).join(' → ')} (${Math.round(advice.pathTrust * 100)}%). ` : '';
  return (
    <span className={`advice advice-${advice.advice}`} title={path + advice.reasons.join('; ')} data-testid="advice" data-advice={advice.advice}>
      {text}
    </span>
  );
}

function TeamCard({ team, rank, plan, people, networkKey, advice, onPin, onBan, onAccept, accepted, weights, source }: { weights: ObjectiveWeights; source: string; team: Team; rank: number; plan: TeamPlan; people: Map<string, Person>; networkKey: string; advice: Map<string, RiskAdvice>; onPin(personId: string, roleId: string, label: string): void; onBan(personId: string, name: string): void; onAccept(team: Team): void; accepted: boolean }) {
  const roles = new Map(plan.roles.map((r) => [r.id, r]));
  const members = team.members.map((m) => ({ ...m, person: people.get(m.personId), why: team.explanation.find((e) => e.personId === m.personId)?.why }));
  const counts = workingHoursByUtcHour(members.map((m) => m.person?.timezone));
  const pinned = new Map(plan.pinned.map((p) => [p.personId, p.roleId]));
  return (
    <article className={`team-card panel ${accepted ? 'accepted' : ''}`} data-testid="team-card" data-rank={rank} aria-labelledby={`team-${rank}`}>
      <header className="row between">
        <h4 id={`team-${rank}`}>
          Team {LETTERS[rank]} {rank === 0 && <span className="badge">best</span>} {accepted && <span className="badge ok">accepted</span>}
        </h4>
        <span className="score" data-testid="team-score" title="The score is the sum of the terms below">
          score <strong>{r3(team.score).toFixed(3)}</strong>
        </span>
      </header>
      <TermsBar team={team} />
      <WhyRule kind="team" weights={weights} source={source} />
      <ul className="members" aria-label={`Members of team ${LETTERS[rank]}`}>
        {members.map((m) => {
          const role = roles.get(m.roleId);
          const runnerUp = team.runnerUps.find((r) => r.roleId === m.roleId);
          const isPinned = pinned.has(m.personId);
          return (
            <li key={m.roleId} data-testid="team-member" data-person={m.personId} data-role={m.roleId}>
              <div className="member-role small muted">{role?.label ?? m.roleId}</div>
              <div className="member-line">
                <span>
                  <strong>{m.person?.name ?? m.personId}</strong> {isPinned && <span className="badge">pinned</span>}
                  <span className="small muted">
                    {' '}
                    · {m.person?.location?.city ?? '—'} · {m.person?.rate ?? '—'}/h
                  </span>
                </span>
                <span className="member-actions">
                  {!isPinned && (
                    <button type="button" className="ghost small-btn" title={`Keep ${m.person?.name} in this role and re-solve`} onClick={() => onPin(m.personId, m.roleId, `Pin ${m.person?.name ?? m.personId} as ${role?.label ?? m.roleId}`)} data-testid="pin">
                      Pin
                    </button>
                  )}
                  <button type="button" className="ghost danger small-btn" title={`Leave ${m.person?.name} out and re-solve`} onClick={() => onBan(m.personId, m.person?.name ?? m.personId)} data-testid="ban">
                    Ban
                  </button>
                </span>
              </div>
              <AdviceBadge advice={advice.get(m.personId)} people={people} />
              {m.why && (
                <details className="why small">
                  <summary>Why {m.person?.name?.split(' ')[0] ?? 'them'}</summary>
                  {m.why}
                  <WhyRule kind="person" weights={weights} source={source} />
                </details>
              )}
              {runnerUp && (
                <div className="small muted">
                  Runner-up {runnerUp.name} ({runnerUp.scoreChange >= 0 ? '+' : ''}
                  {runnerUp.scoreChange.toFixed(3)}){' '}
                  <button type="button" className="link" onClick={() => onPin(runnerUp.personId, m.roleId, `Swap in ${runnerUp.name} as ${role?.label ?? m.roleId}`)} data-testid="swap">
                    swap in
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="team-facts">
        <div>
          <div className="small muted">Rates {plan.budget ? 'against the budget' : '(no budget set)'}</div>
          <strong>{team.cost.rate}</strong>
          {plan.budget ? ` / ${plan.budget}` : ''}
          {plan.budget && <meter min={0} max={plan.budget} value={team.cost.rate} aria-label="Rates against the budget" />}
        </div>
        <div>
          <div className="small muted">Trust distance (Σ over pairs)</div>
          <strong>{team.cost.communication.toFixed(2)}</strong>
        </div>
      </div>
      <HoursStrip counts={counts} size={members.length} />
      <TeamTrustPanel memberIds={team.members.map((m) => m.personId)} people={people} networkKey={networkKey} />
      <button type="button" onClick={() => onAccept(team)} disabled={accepted} data-testid="accept-team">
        {accepted ? 'Accepted' : `Accept team ${LETTERS[rank]}`}
      </button>
    </article>
  );
}

/**
 * Steps 2 to 4: the engine's best three teams side by side, each explained; weights that re-solve
 * live; pin, ban and swap; accept one. Everything the user decides is written to the project
 * document, so every co-editor sees the same teams.
 */
export function TeamsStep({ doc, projectId, plan }: { doc: Y.Doc; projectId: string; plan: TeamPlan }) {
  const act = useAct();
  const { user, session } = useApp();
  const { net } = useNetwork();
  const people = useMemo(() => new Map(net.people.map((p) => [p.id, p])), [net.people]);
  const workspace = useWorkspaceWeights();
  const weights = plan.weights ?? workspace.weights;
  const source = plan.weights ? 'this project’s own weights, set on this page' : workspace.source;
  const { outcome, current, progress, cancel, cancelled, retry } = useAssembly(plan, weights);
  const [viewer, setViewer] = useViewer(session?.workspaceId);
  const [viewerText, setViewerText] = useState('');
  const refs = useMemo(() => net.people.map((p) => ({ id: p.id, name: p.name, city: p.location?.city })), [net.people]);
  const members = useMemo(() => (outcome?.ok ? [...new Set(outcome.teams.flatMap((t) => t.members.map((m) => m.personId)))].sort() : []), [outcome]);
  const { advice, error: adviceError } = useAdvice(viewer, members);
  // the facilitator of a workshop can put these proposals to a live vote
  useShareProposedTeams(projectId, current && outcome?.ok ? outcome.teams : null, (id) => people.get(id)?.name ?? id, weights);
  const place = { view: 'projects', projectId };
  if (!plan.roles.length) return null;
  const sameTeam = (t: Team) => plan.accepted !== null && JSON.stringify(plan.accepted.members) === JSON.stringify(t.members);
  const name = (id: string) => people.get(id)?.name ?? id;

  return (
    <section className="step" aria-labelledby="step-teams" data-testid="teams-step">
      <h3 id="step-teams">
        2 · Teams{' '}
        <span className="muted small" role="status" data-testid="solve-status">
          {!outcome || !current ? 'solving…' : outcome.ok ? `${outcome.teams.length} best configurations in ${Math.round(outcome.ms)} ms${outcome.exact ? '' : ' (best found, search cut short)'}` : ''}
        </span>
      </h3>
      <form
        className="viewer row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          const r = resolvePerson(refs, viewerText);
          if (r.ok) {
            setViewer(r.person.id);
            setViewerText('');
          }
        }}
      >
        <span className="small muted">Trust advice from the point of view of</span>
        {viewer && <strong data-testid="viewer">{name(viewer)}</strong>}
        <PersonPicker people={refs} value={viewerText} onChange={setViewerText} label="You are" placeholder={viewer ? 'someone else…' : 'pick yourself'} testId="viewer-picker" />
        <button type="submit" className="secondary small-btn" data-testid="set-viewer">
          Set
        </button>
        {adviceError && <span className="field-error">{adviceError}</span>}
        {viewer && <WhyRule kind="advice" />}
      </form>
      <details className="weights">
        <summary>Weights of the objective ({plan.weights ? 'this project’s own' : 'the workspace’s, from Governance'})</summary>
        <div className="weights-grid">
          {TERM_NAMES.map((t) => (
            <label key={t} title={TERM_HELP[t]}>
              {TERM_LABEL[t]}: {weights[t].toFixed(2)}
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={weights[t]}
                onChange={(e) => act({ label: `Change the ${TERM_LABEL[t].toLowerCase()} weight`, place }, () => setWeights(doc, { ...weights, [t]: Number(e.target.value) }, LOCAL), { merge: true })}
                data-testid={`weight-${t}`}
              />
            </label>
          ))}
        </div>
        <button type="button" className="link" onClick={() => act({ label: 'Reset the weights', place }, () => setWeights(doc, undefined, LOCAL))}>
          Use the workspace’s weights
        </button>
      </details>
      {(plan.pinned.length > 0 || plan.banned.length > 0) && (
        <ul className="constraints" aria-label="Pinned and banned people">
          {plan.pinned.map((p) => (
            <li key={p.personId} className="chip" data-testid="pinned">
              📌 {name(p.personId)}
              {p.roleId ? ` as ${plan.roles.find((r) => r.id === p.roleId)?.label ?? p.roleId}` : ''}
              <button type="button" className="ghost icon" aria-label={`Unpin ${name(p.personId)}`} onClick={() => act({ label: `Unpin ${name(p.personId)}`, place }, () => unpinPerson(doc, p.personId, LOCAL))}>
                ×
              </button>
            </li>
          ))}
          {plan.banned.map((id) => (
            <li key={id} className="chip banned" data-testid="banned">
              ⛔ {name(id)}
              <button type="button" className="ghost icon" aria-label={`Allow ${name(id)} again`} onClick={() => act({ label: `Allow ${name(id)} again`, place }, () => unbanPerson(doc, id, LOCAL))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {progress && <SearchStatus progress={progress} onCancel={cancel} />}
      {cancelled && (
        <p className="callout row wrap" data-testid="search-cancelled">
          Search cancelled. {outcome ? 'The teams below are from before your last change.' : ''} Change the plan, or{' '}
          <button type="button" className="secondary small-btn" onClick={retry}>
            search again
          </button>
        </p>
      )}
      {outcome?.ok && !outcome.exact && current && (
        <p className="muted small" data-testid="search-inexact">
          The search stopped at its limit: these are the best teams found, not proven the best. Pin or lock roles to narrow it.
        </p>
      )}
      {outcome && !outcome.ok && (
        <p className="warning" role="alert" data-testid="assemble-error">
          No team is possible: {outcome.error}. Allow a banned person again, lower a level or remove that requirement.
        </p>
      )}
      {outcome?.ok && (
        <div className={`team-cards ${current ? '' : 'stale'}`}>
          {outcome.teams.map((team, i) => (
            <TeamCard
              key={team.members.map((m) => m.personId).join()}
              team={team}
              rank={i}
              plan={plan}
              people={people}
              networkKey={String(networkVersion(net))}
              advice={advice}
              accepted={sameTeam(team)}
              weights={weights}
              source={source}
              onPin={(personId, roleId, label) => act({ label, place }, () => pinPerson(doc, personId, roleId, LOCAL))}
              onBan={(personId, who) => act({ label: `Ban ${who}`, place }, () => banPerson(doc, personId, LOCAL))}
              onAccept={(t) =>
                act({ label: `Accept team ${LETTERS[i]}`, place }, () =>
                  acceptTeam(doc, { members: t.members, score: t.score, terms: t.terms, weights, acceptedBy: user.name }, LOCAL),
                )
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
