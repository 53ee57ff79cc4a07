import { sentimentOf } from './sentiment';
import { bucketMeans, DAY, median, slopePerDay, type Point } from './series';

/**
 * The health dashboard's four measures over a project's history (pure, from the documents):
 * - trust flow: trust gained and lost along the team's ties, per week;
 * - milestone velocity: planned against actual completion, per milestone and cumulatively;
 * - feedback sentiment: AFINN score of each comment, as a weekly trend;
 * - responsiveness: hours until someone else replies in a thread, against the agreement's norm.
 */
export interface Message {
  id: string;
  thread: string;
  author: string;
  at: number;
  text: string;
}

export interface TrustChange {
  at: number;
  from: string;
  to: string;
  /** new trust − old trust */
  delta: number;
}

export interface MilestonePlan {
  id: string;
  title?: string;
  due: number;
  /** When it was approved/released, if it was. */
  done?: number;
  assignee?: string;
}

export function trustFlow(changes: readonly TrustChange[], start: number, width = 7 * DAY): { at: number; gained: number; lost: number }[] {
  const buckets = new Map<number, { gained: number; lost: number }>();
  for (const c of changes) {
    const b = Math.floor((c.at - start) / width);
    const cell = buckets.get(b) ?? { gained: 0, lost: 0 };
    if (c.delta >= 0) cell.gained += c.delta;
    else cell.lost -= c.delta;
    buckets.set(b, cell);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([b, c]) => ({ at: start + b * width, ...c }));
}

export interface VelocityRow {
  id: string;
  due: number;
  done: number | undefined;
  /** Days late (negative: early); for an open milestone past due, days late as of `now`. */
  lateDays: number | undefined;
}

export function milestoneVelocity(plans: readonly MilestonePlan[], now: number): { rows: VelocityRow[]; planned: Point[]; actual: Point[] } {
  const rows = [...plans].sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1)).map((p) => ({
    id: p.id,
    due: p.due,
    done: p.done,
    lateDays: p.done !== undefined ? (p.done - p.due) / DAY : now > p.due ? (now - p.due) / DAY : undefined,
  }));
  const planned = rows.map((r, i) => ({ at: r.due, value: i + 1 }));
  const actual = rows
    .filter((r) => r.done !== undefined)
    .map((r) => r.done!)
    .sort((a, b) => a - b)
    .map((at, i) => ({ at, value: i + 1 }));
  return { rows, planned, actual };
}

export function sentimentTrend(messages: readonly Message[], start: number, width = 7 * DAY): { points: Point[]; weekly: Point[]; slopePerDay: number } {
  const points = messages.map((m) => ({ at: m.at, value: sentimentOf(m.text).comparative }));
  const weekly = bucketMeans(points, start, width);
  return { points, weekly, slopePerDay: slopePerDay(weekly) };
}

/** Hours from each message to the first later message by someone else in the same thread. */
export function responsiveness(messages: readonly Message[], normHours: number): { replyHours: Point[]; medianHours: number | undefined; normHours: number; withinNorm: number | undefined } {
  const byThread = new Map<string, Message[]>();
  for (const m of messages) byThread.set(m.thread, [...(byThread.get(m.thread) ?? []), m]);
  const replyHours: Point[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    for (let i = 0; i < list.length; i++) {
      // only the first message of a run by one author waits for an answer
      if (i > 0 && list[i - 1].author === list[i].author) continue;
      const reply = list.slice(i + 1).find((m) => m.author !== list[i].author);
      if (reply) replyHours.push({ at: reply.at, value: (reply.at - list[i].at) / 3_600_000 });
    }
  }
  replyHours.sort((a, b) => a.at - b.at);
  const hours = replyHours.map((p) => p.value);
  return { replyHours, medianHours: median(hours), normHours, withinNorm: hours.length ? hours.filter((h) => h <= normHours).length / hours.length : undefined };
}

/** Trust changes from a log of observed tie trusts: the first sighting of a tie is its baseline. */
export function trustChangesFromLog(log: readonly { at: number; from: string; to: string; trust: number }[]): TrustChange[] {
  const last = new Map<string, number>();
  const out: TrustChange[] = [];
  for (const e of [...log].sort((a, b) => a.at - b.at)) {
    const key = `${e.from}>${e.to}`;
    const prev = last.get(key);
    if (prev !== undefined && prev !== e.trust) out.push({ at: e.at, from: e.from, to: e.to, delta: e.trust - prev });
    last.set(key, e.trust);
  }
  return out;
}
