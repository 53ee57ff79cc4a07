import type { ValueSnapshot } from '../value/doc/valueDoc';
import { projectLedger } from '../value/doc/projectLedger';
import { milestoneVelocity } from './healthMetrics';
import { sentimentOf } from './sentiment';

/**
 * The orchestrator's track record across the workspace's projects: the teams, what became of
 * their milestones, how late they were, the tone of the feedback, and the disputes and how they
 * ended. It counts only signed, verified money and dispute events (projectLedger), and it is
 * exported signed with the orchestrator's key (signedTrackRecord.ts).
 */
export interface ProjectRecord {
  projectId: string;
  name: string;
  team: string[];
  milestones: { total: number; approved: number; autoReleased: number; resolved: number; cancelled: number; open: number };
  velocity: { onTime: number; late: number; meanLateDays: number | undefined };
  feedback: { messages: number; meanSentiment: number | undefined };
  disputes: { total: number; byAgreement: number; byMediator: number; byPanel: number; open: number; void: number };
}

export interface TrackRecord {
  kind: 'archipelago-track-record';
  version: 1;
  generatedAt: string;
  note: string;
  projects: ProjectRecord[];
}

export function projectRecord(projectId: string, name: string, value: ValueSnapshot, now: number): ProjectRecord {
  const ledger = projectLedger(value, now);
  const states = ledger.replay.milestones.map((m) => m.state);
  const count = (s: string) => states.filter((x) => x === s).length;
  const plans = value.milestones.map((m) => {
    const r = ledger.replay.milestones.find((x) => x.id === m.id)!;
    const settledAt = ['approved', 'resolved'].includes(r.state) ? r.history.filter((h) => h.applied).at(-1)?.ms : r.state === 'auto-released' ? r.autoReleasedAt : undefined;
    return { id: m.id, due: Date.parse(m.due), done: settledAt };
  });
  const done = milestoneVelocity(plans, now).rows.filter((r) => r.done !== undefined);
  const late = done.filter((r) => (r.lateDays ?? 0) > 0);
  const sentiments = value.messages.map((m) => sentimentOf(m.text).comparative);
  const outcome = (by: string) => ledger.disputes.filter((d) => !d.ledgerReason && d.state.outcome?.by === by).length;
  return {
    projectId,
    name,
    team: [...new Set(value.milestones.flatMap((m) => [m.payer, m.payee]))],
    milestones: { total: states.length, approved: count('approved'), autoReleased: count('auto-released'), resolved: count('resolved'), cancelled: count('cancelled'), open: states.length - count('approved') - count('auto-released') - count('resolved') - count('cancelled') },
    velocity: { onTime: done.length - late.length, late: late.length, meanLateDays: done.length ? done.reduce((s, r) => s + (r.lateDays ?? 0), 0) / done.length : undefined },
    feedback: { messages: sentiments.length, meanSentiment: sentiments.length ? sentiments.reduce((a, b) => a + b, 0) / sentiments.length : undefined },
    disputes: {
      total: ledger.disputes.length,
      byAgreement: outcome('agreement'),
      byMediator: outcome('mediator'),
      byPanel: outcome('panel') + outcome('panel-deadline'),
      open: ledger.disputes.filter((d) => !d.ledgerReason && !d.state.outcome).length,
      void: ledger.disputes.filter((d) => d.ledgerReason).length,
    },
  };
}

export function trackRecord(projects: readonly { id: string; name: string; value: ValueSnapshot }[], now: number): TrackRecord {
  return {
    kind: 'archipelago-track-record',
    version: 1,
    generatedAt: new Date(now).toISOString(),
    note: 'Computed from the projects’ signed escrow and dispute events (tampered or unsigned events are not counted). The export is signed with the orchestrator’s key: the signature shows who exported it and that nothing was changed since, not that the projects’ histories are complete.',
    projects: projects.map((p) => projectRecord(p.id, p.name, p.value, now)),
  };
}
