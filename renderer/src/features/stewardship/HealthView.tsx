import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import { frictionAlerts, visibleAlerts } from '../../../../shared/stewardship/alerts';
import { milestoneVelocity, responsiveness, sentimentTrend, trustChangesFromLog, trustFlow } from '../../../../shared/stewardship/healthMetrics';
import { DAY } from '../../../../shared/stewardship/series';
import type { ProjectLedger } from '../../../../shared/value/doc/projectLedger';
import { logTrust, markAlert, type ValueSnapshot } from '../../../../shared/value/doc/valueDoc';
import { buildAssemblyIndex } from '../../../../shared/assembly/assemblyIndex';
import { runnerUpFor } from '../../../../shared/stewardship/replacement';
import { LOCAL } from '../../session/rooms';
import { LineChart } from './LineChart';
import { AroundNowList } from './AroundNowList';
import { ThreadsView } from './ThreadsView';
import './stewardship.css';

const REPLY_NORM_HOURS = 24;

type RunnerUps = Record<string, { personId: string; roleId: string }>;
const runnerUpCache = new WeakMap<NetworkSnapshot, Map<string, RunnerUps>>();

/** A silent member's replacement: the assembly engine's runner-up for their role, computed once per network and team. */
function runnerUpsFor(net: NetworkSnapshot, members: string[], silent: string[]): RunnerUps {
  if (!silent.length) return {};
  const key = `${members.join(',')}|${silent.join(',')}`;
  let byKey = runnerUpCache.get(net);
  if (!byKey) runnerUpCache.set(net, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    const index = buildAssemblyIndex(net);
    hit = Object.fromEntries(silent.flatMap((id) => {
      const r = runnerUpFor(index, net, members, id);
      return r ? [[id, r]] : [];
    }));
    byKey.set(key, hit);
  }
  return hit;
}

/** The project's health: trust flow, velocity, sentiment, responsiveness, friction alerts, threads. */
export function HealthView({ doc, value, ledger, net, me, name, now }: { doc: Y.Doc; value: ValueSnapshot; ledger: ProjectLedger; net: NetworkSnapshot; me: string; name: (id: string) => string; now: number }) {
  const members = useMemo(() => [...new Set(value.milestones.flatMap((m) => [m.payer, m.payee]))], [value.milestones]);
  const teamTies = useMemo(() => net.ties.filter((t) => members.includes(t.from) && members.includes(t.to)), [net.ties, members]);
  useEffect(() => {
    if (teamTies.length) logTrust(doc, teamTies, Date.now(), LOCAL);
  }, [doc, teamTies]);
  const start = value.milestones.length ? Math.min(...value.milestones.map((m) => Date.parse(m.createdAt))) : now - 28 * DAY;
  const messages = value.messages.map((m) => ({ ...m, at: Date.parse(m.at) }));
  const plans = value.milestones.map((m) => {
    const r = ledger.replay.milestones.find((x) => x.id === m.id);
    const done = r && ['approved', 'auto-released', 'resolved'].includes(r.state) ? (r.history.filter((h) => h.applied).at(-1)?.ms ?? r.autoReleasedAt) : undefined;
    return { id: m.id, title: m.title, due: Date.parse(m.due), done, assignee: m.payee };
  });
  const velocity = milestoneVelocity(plans, now);
  const sentiment = sentimentTrend(messages, start);
  const reply = responsiveness(messages, REPLY_NORM_HOURS);
  const changes = trustChangesFromLog(value.trustLog);
  const flow = trustFlow(changes, start);
  const alertInput = { now, start, members, messages, milestones: plans, trust: changes, replyNormHours: REPLY_NORM_HOURS, names: Object.fromEntries([...members, ...net.people.map((p) => p.id)].map((m) => [m, name(m)])) };
  const silent = frictionAlerts(alertInput).filter((a) => a.rule === 'silence' && a.id !== 'silence:team').map((a) => a.id.slice('silence:'.length));
  const runnerUps = runnerUpsFor(net, members, silent);
  const alerts = frictionAlerts({ ...alertInput, runnerUps });
  const shown = visibleAlerts(alerts, value.alertMarks, now);
  const mark = (id: string, m: { ack?: boolean; snoozeUntil?: number }) => markAlert(doc, id, { ...m, by: me || 'someone', at: new Date().toISOString() }, LOCAL);
  return (
    <div className="steward" data-testid="health-view">
      <section className="steward-alerts" data-testid="alerts">
        <h3>Friction alerts</h3>
        {shown.length === 0 && <p className="muted small">No alerts. {alerts.length - shown.length > 0 ? `${alerts.length - shown.length} acknowledged or snoozed.` : ''}</p>}
        {shown.map((a) => (
          <article key={a.id} className={`steward-alert ${a.severity}`} data-testid="alert" data-rule={a.rule}>
            <strong>{a.reason}</strong>
            <p className="small">Suggested: {a.intervention.text}</p>
            <div className="row">
              <button type="button" className="secondary" onClick={() => mark(a.id, { ack: true })} data-testid="alert-ack">Acknowledge</button>
              <button type="button" className="secondary" onClick={() => mark(a.id, { snoozeUntil: Date.now() + 3 * DAY })} data-testid="alert-snooze">Snooze 3 days</button>
            </div>
          </article>
        ))}
      </section>
      <div className="steward-charts">
        <LineChart testId="chart-velocity" label="Milestone velocity: planned against actual (cumulative)" series={[{ name: 'planned', className: 's-planned', points: velocity.planned, step: true }, { name: 'actual', className: 's-actual', points: velocity.actual, step: true }]} integer format={(v) => v.toFixed(0)} />
        <LineChart testId="chart-sentiment" label="Feedback sentiment (AFINN-165, weekly mean)" series={[{ name: 'sentiment', className: 's-sentiment', points: sentiment.weekly }]} />
        <LineChart testId="chart-responsiveness" label={`Responsiveness: hours to a reply (median ${reply.medianHours?.toFixed(1) ?? '—'} h)`} series={[{ name: 'reply hours', className: 's-reply', points: reply.replyHours }]} norm={{ value: REPLY_NORM_HOURS, name: `norm ${REPLY_NORM_HOURS} h` }} format={(v) => v.toFixed(0)} />
        <LineChart testId="chart-trust" label="Trust flow along the team’s ties (weekly)" series={[{ name: 'gained', className: 's-gained', points: flow.map((f) => ({ at: f.at, value: f.gained })) }, { name: 'lost', className: 's-lost', points: flow.map((f) => ({ at: f.at, value: -f.lost })) }]} />
      </div>
      <AroundNowList members={members} net={net} me={me} name={name} now={now} />
      <ThreadsView doc={doc} value={value} net={net} me={me} name={name} />
    </div>
  );
}
