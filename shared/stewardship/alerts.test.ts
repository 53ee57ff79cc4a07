import { describe, expect, it } from 'vitest';
import { frictionAlerts, visibleAlerts, type AlertInput } from './alerts';
import { milestoneVelocity, responsiveness, trustFlow, type Message } from './healthMetrics';
import { sentimentOf } from './sentiment';
import { DAY } from './series';

const start = Date.UTC(2026, 0, 1);
const H = 3_600_000;
let n = 0;
const msg = (author: string, day: number, text: string, thread = 't1', hour = 10): Message => ({ id: `x${n++}`, thread, author, at: start + day * DAY + hour * H, text });

/** Five weeks of a healthy team: friendly talk every day, quick replies, milestones on time. */
function healthy(): AlertInput {
  const messages: Message[] = [];
  for (let d = 0; d < 35; d++) {
    messages.push(msg('ana', d, 'Great progress today, thanks for the help'));
    messages.push(msg('ben', d, 'Good work, happy with this', 't1', 11));
  }
  return {
    now: start + 35 * DAY,
    start,
    members: ['ana', 'ben'],
    messages,
    milestones: [
      { id: 'm1', due: start + 10 * DAY, done: start + 9 * DAY },
      { id: 'm2', due: start + 40 * DAY },
    ],
    trust: [{ at: start + 30 * DAY, from: 'ana', to: 'ben', delta: 0.1 }],
    replyNormHours: 24,
  };
}
const rules = (input: AlertInput) => frictionAlerts(input).map((a) => a.id);

describe('sentiment (AFINN-165)', () => {
  it('scores words, normalises by length, and flips a negated word', () => {
    expect(sentimentOf('this is great').score).toBe(3);
    expect(sentimentOf('this is not great').score).toBe(-3);
    expect(sentimentOf('terrible, awful delay').comparative).toBeLessThan(0);
    expect(sentimentOf('').comparative).toBe(0);
  });
});

describe('health metrics', () => {
  it('velocity: lateness per milestone, planned and actual curves', () => {
    const v = milestoneVelocity([{ id: 'a', due: start + DAY, done: start + 3 * DAY }, { id: 'b', due: start + 2 * DAY }], start + 5 * DAY);
    expect(v.rows.map((r) => r.lateDays)).toEqual([2, 3]);
    expect(v.planned.map((p) => p.value)).toEqual([1, 2]);
    expect(v.actual).toEqual([{ at: start + 3 * DAY, value: 1 }]);
  });
  it('responsiveness: time to the first reply by someone else', () => {
    const r = responsiveness([msg('a', 0, 'q', 't', 0), msg('a', 0, 'q2', 't', 1), msg('b', 0, 'answer', 't', 4), msg('a', 0, 'thanks', 't', 6)], 3);
    expect(r.replyHours.map((p) => p.value)).toEqual([4, 2]);
    expect(r.medianHours).toBe(3);
    expect(r.withinNorm).toBe(0.5);
  });
  it('trust flow separates gained from lost per week', () => {
    const f = trustFlow([{ at: start, from: 'a', to: 'b', delta: 0.2 }, { at: start + DAY, from: 'b', to: 'a', delta: -0.3 }, { at: start + 8 * DAY, from: 'a', to: 'b', delta: 0.1 }], start);
    expect(f).toEqual([{ at: start, gained: 0.2, lost: 0.3 }, { at: start + 7 * DAY, gained: 0.1, lost: 0 }]);
  });
});

describe('friction alerts on synthetic histories', () => {
  it('a healthy team raises none', () => {
    expect(rules(healthy())).toEqual([]);
  });

  it('late milestones → re-scope', () => {
    const h = healthy();
    const a = frictionAlerts({ ...h, milestones: [...h.milestones, { id: 'm3', title: 'Pilot', due: start + 25 * DAY }] });
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ id: 'late-milestone:m3', rule: 'late-milestone', severity: 'critical', intervention: { kind: 're-scope' } });
    expect(a[0].reason).toBe('"Pilot" is 10 days past its due date');
  });

  it('silence of the team → overlap hours; of a member → replace via the runner-up', () => {
    const h = healthy();
    const team = frictionAlerts({ ...h, now: h.now + 6 * DAY });
    expect(team.map((a) => a.id)).toEqual(['silence:team']);
    expect(team[0].intervention.kind).toBe('add-overlap-hours');
    const quietBen = { ...h, messages: h.messages.filter((m) => m.author !== 'ben' || m.at < start + 20 * DAY), runnerUps: { ben: { personId: 'cleo', roleId: 'r2' } }, names: { ben: 'Ben', cleo: 'Cleo' } };
    const a = frictionAlerts(quietBen).find((x) => x.id === 'silence:ben')!;
    expect(a.reason).toBe('Ben has been silent for 15 days');
    expect(a.intervention).toMatchObject({ kind: 'replace-member', replacement: { personId: 'cleo', roleId: 'r2' } });
    expect(a.intervention.text).toMatch(/Cleo is the engine's runner-up for r2/);
  });

  it('negative sentiment and a falling trend → mediated conversation', () => {
    const h = healthy();
    const messages: Message[] = [];
    const moods = ['Great work, love it, excellent', 'Good, fine, thanks', 'Okay I guess', 'This is bad and late', 'Terrible, awful, angry, hate this mess'];
    for (let d = 0; d < 35; d++) {
      const mood = moods[Math.min(4, Math.floor(d / 7))];
      messages.push(msg('ana', d, mood), msg('ben', d, mood, 't1', 11));
    }
    const a = frictionAlerts({ ...h, messages });
    expect(a.map((x) => x.id).sort()).toEqual(['falling-trend:sentiment', 'negative-sentiment:team']);
    for (const x of a) expect(x.intervention.kind).toBe('mediated-conversation');
  });

  it('trust lost along the ties → falling trend', () => {
    const h = healthy();
    const a = frictionAlerts({ ...h, trust: [...h.trust, { at: h.now - 3 * DAY, from: 'ben', to: 'ana', delta: -0.4 }] });
    expect(a.map((x) => x.id)).toEqual(['falling-trend:trust']);
    expect(a[0].reason).toMatch(/lost more trust than it gained/);
  });

  it('slow replies break the norm → overlap hours', () => {
    const h = healthy();
    const slow = h.messages.map((m) => (m.author === 'ben' ? { ...m, at: m.at + 29 * H } : m));
    const a = frictionAlerts({ ...h, messages: slow, replyNormHours: 4 });
    expect(a.map((x) => x.id)).toContain('broken-norm:reply-time');
    expect(a.find((x) => x.rule === 'broken-norm')!.intervention.kind).toBe('add-overlap-hours');
  });

  it('acknowledged and snoozed alerts are hidden, a lapsed snooze shows again', () => {
    const h = healthy();
    const all = frictionAlerts({ ...h, now: h.now + 6 * DAY, messages: h.messages });
    expect(visibleAlerts(all, { 'silence:team': { ack: true } }, h.now)).toEqual([]);
    expect(visibleAlerts(all, { 'silence:team': { snoozeUntil: h.now + DAY } }, h.now)).toEqual([]);
    expect(visibleAlerts(all, { 'silence:team': { snoozeUntil: h.now - DAY } }, h.now)).toHaveLength(1);
  });
});

describe('trust flow from the observed log', () => {
  it('the first sighting is a baseline; later sightings are gains or losses', async () => {
    const { trustChangesFromLog } = await import('./healthMetrics');
    expect(trustChangesFromLog([{ at: 1, from: 'a', to: 'b', trust: 0.5 }, { at: 2, from: 'a', to: 'b', trust: 0.7 }, { at: 3, from: 'a', to: 'b', trust: 0.4 }, { at: 3, from: 'b', to: 'a', trust: 0.9 }]).map((c) => Math.round(c.delta * 10) / 10)).toEqual([0.2, -0.3]);
  });
});
