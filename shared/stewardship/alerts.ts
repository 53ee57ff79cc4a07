import { type Message, type MilestonePlan, milestoneVelocity, responsiveness, sentimentTrend, trustFlow, type TrustChange } from './healthMetrics';
import { DAY } from './series';

/**
 * Friction alerts. Each rule looks at the project's history and, when it fires, says why and what
 * an orchestrator without authority can do about it. Ids are stable (rule + subject), so an
 * acknowledgement or a snooze stored under that id in the shared document applies on every peer.
 *
 * | rule               | fires when                                                           | intervention           |
 * |--------------------|----------------------------------------------------------------------|------------------------|
 * | late-milestone     | a milestone is more than `lateDays` past due and not done            | re-scope               |
 * | falling-trend      | weekly sentiment slope < −`fallingSlope` per day over ≥ 3 weeks,      | mediated conversation  |
 * |                    | or more trust was lost than gained over the last two weeks           |                        |
 * | negative-sentiment | mean AFINN comparative of the last `recentDays` of comments < −0.05  | mediated conversation  |
 * | silence            | no message from the team for `silenceDays`; per member too           | add overlap hours, or  |
 * |                    |                                                                      | replace via runner-up  |
 * | broken-norm        | median reply time of the last 2×`recentDays` above the agreed norm   | add overlap hours      |
 */
export type AlertRule = 'late-milestone' | 'falling-trend' | 'negative-sentiment' | 'silence' | 'broken-norm';
export type InterventionKind = 're-scope' | 'add-overlap-hours' | 'mediated-conversation' | 'replace-member';

export interface Alert {
  id: string;
  rule: AlertRule;
  severity: 'info' | 'warning' | 'critical';
  reason: string;
  intervention: { kind: InterventionKind; text: string; replacement?: { personId: string; roleId: string } };
}

export interface AlertInput {
  now: number;
  start: number;
  members: readonly string[];
  messages: readonly Message[];
  milestones: readonly MilestonePlan[];
  trust: readonly TrustChange[];
  /** The agreement's norm for a reply, in hours. */
  replyNormHours: number;
  /** The assembly engine's runner-up per member's role, when known. */
  runnerUps?: Readonly<Record<string, { personId: string; roleId: string }>>;
  names?: Readonly<Record<string, string>>;
  thresholds?: Partial<AlertThresholds>;
}

export interface AlertThresholds {
  lateDays: number;
  silenceDays: number;
  memberSilenceDays: number;
  recentDays: number;
  negativeMean: number;
  fallingSlope: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = { lateDays: 2, silenceDays: 5, memberSilenceDays: 10, recentDays: 7, negativeMean: -0.05, fallingSlope: 0.002 };

export function frictionAlerts(input: AlertInput): Alert[] {
  const t = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  const name = (id: string) => input.names?.[id] ?? id;
  const alerts: Alert[] = [];

  for (const row of milestoneVelocity(input.milestones, input.now).rows) {
    if (row.done === undefined && row.lateDays !== undefined && row.lateDays > t.lateDays) {
      const title = input.milestones.find((m) => m.id === row.id)?.title ?? row.id;
      alerts.push({
        id: `late-milestone:${row.id}`,
        rule: 'late-milestone',
        severity: row.lateDays > 3 * t.lateDays ? 'critical' : 'warning',
        reason: `"${title}" is ${Math.floor(row.lateDays)} days past its due date`,
        intervention: { kind: 're-scope', text: `Re-scope "${title}": split it, move its date, or drop a part, and agree on it together` },
      });
    }
  }

  const trend = sentimentTrend(input.messages, input.start);
  if (trend.weekly.length >= 3 && trend.slopePerDay < -t.fallingSlope) {
    alerts.push({
      id: 'falling-trend:sentiment',
      rule: 'falling-trend',
      severity: 'warning',
      reason: `the tone of comments has been falling for ${trend.weekly.length} weeks (${(trend.slopePerDay * 7).toFixed(3)} per week)`,
      intervention: { kind: 'mediated-conversation', text: 'Hold a mediated conversation before it hardens into a dispute' },
    });
  }
  const flow = trustFlow(input.trust.filter((c) => c.at >= input.now - 14 * DAY && c.at <= input.now), input.now - 14 * DAY, 14 * DAY);
  const gained = flow.reduce((s, f) => s + f.gained, 0);
  const lost = flow.reduce((s, f) => s + f.lost, 0);
  if (lost > gained && lost > 0) {
    alerts.push({
      id: 'falling-trend:trust',
      rule: 'falling-trend',
      severity: lost > 2 * gained + 0.5 ? 'critical' : 'warning',
      reason: `the team lost more trust than it gained in the last two weeks (−${lost.toFixed(2)} against +${gained.toFixed(2)})`,
      intervention: { kind: 'mediated-conversation', text: 'Ask a mediator both sides trust to hold a conversation about what changed' },
    });
  }

  const recent = trend.points.filter((p) => p.at >= input.now - t.recentDays * DAY && p.at <= input.now);
  if (recent.length >= 3) {
    const mean = recent.reduce((s, p) => s + p.value, 0) / recent.length;
    if (mean < t.negativeMean)
      alerts.push({
        id: 'negative-sentiment:team',
        rule: 'negative-sentiment',
        severity: mean < 3 * t.negativeMean ? 'critical' : 'warning',
        reason: `comments of the last ${t.recentDays} days are negative on average (${mean.toFixed(3)} over ${recent.length})`,
        intervention: { kind: 'mediated-conversation', text: 'Open a mediated conversation about what is going wrong' },
      });
  }

  const last = input.messages.reduce((m, x) => (x.at <= input.now ? Math.max(m, x.at) : m), input.start);
  if (input.now - last > t.silenceDays * DAY) {
    alerts.push({
      id: 'silence:team',
      rule: 'silence',
      severity: 'warning',
      reason: `no activity in the team's threads for ${Math.floor((input.now - last) / DAY)} days`,
      intervention: { kind: 'add-overlap-hours', text: 'Add a few overlap hours a week when everyone is around' },
    });
  }
  for (const member of input.members) {
    const mine = input.messages.filter((m) => m.author === member && m.at <= input.now);
    const lastMine = mine.length ? Math.max(...mine.map((m) => m.at)) : input.start;
    if (input.now - lastMine > t.memberSilenceDays * DAY) {
      const runnerUp = input.runnerUps?.[member];
      alerts.push({
        id: `silence:${member}`,
        rule: 'silence',
        severity: 'critical',
        reason: `${name(member)} has been silent for ${Math.floor((input.now - lastMine) / DAY)} days`,
        intervention: runnerUp
          ? { kind: 'replace-member', text: `Check in with ${name(member)}; if they are gone, ${name(runnerUp.personId)} is the engine's runner-up for ${runnerUp.roleId}`, replacement: runnerUp }
          : { kind: 'add-overlap-hours', text: `Check in with ${name(member)} in hours you share` },
      });
    }
  }

  const window = 2 * t.recentDays * DAY;
  const r = responsiveness(input.messages.filter((m) => m.at <= input.now && m.at >= input.now - window), input.replyNormHours);
  if (r.medianHours !== undefined && r.medianHours > input.replyNormHours) {
    alerts.push({
      id: 'broken-norm:reply-time',
      rule: 'broken-norm',
      severity: r.medianHours > 2 * input.replyNormHours ? 'critical' : 'warning',
      reason: `replies took ${r.medianHours.toFixed(1)} h (median) in the last ${2 * t.recentDays} days, against the agreed ${input.replyNormHours} h`,
      intervention: { kind: 'add-overlap-hours', text: 'Add overlap hours, or revisit the norm together if it no longer fits' },
    });
  }
  return alerts;
}

/** An alert stays hidden while acknowledged, or while a snooze has not run out. */
export function visibleAlerts(alerts: readonly Alert[], marks: Readonly<Record<string, { ack?: boolean; snoozeUntil?: number }>>, now: number): Alert[] {
  return alerts.filter((a) => {
    const m = marks[a.id];
    if (!m) return true;
    if (m.ack) return false;
    return !(m.snoozeUntil !== undefined && m.snoozeUntil > now);
  });
}
