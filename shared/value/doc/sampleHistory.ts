import type * as Y from 'yjs';
import { demoKeyPair, type Signer } from '../../identity/keys';
import type { Rng } from '../../util/rng';
import type { DisputeEvent } from '../dispute/disputeSchema';
import type { LedgerEvent } from '../ledgerSchema';
import { DISPUTE_KIND, ESCROW_KIND, signRecord } from '../signing/signedRecord';
import { appendDisputeEvent, appendEscrowEvent, logTrust, postMessage, putDispute, putMilestone, putThread, setRoleStatement } from './valueDoc';

const DAY = 86_400_000;

/**
 * Writes six weeks of a plausible team history into a project's value section, for demos and
 * workshops (the project must have no milestones yet): five milestones (two on time or late and
 * approved, one disputed and settled by agreement, one submitted but overdue, one ahead), two
 * threads whose tone sours and whose replies slow down, one member falling silent, and the trust
 * along the team's ties rising then falling. Seeded: the same seed writes the same history.
 * Its money events and dispute events are signed like every other (the app refuses unsigned ones),
 * each with a demo key derived from its made-up actor (`sample/<person id>`); the people it uses are
 * not bound to those keys, so a member may still claim them afterwards (their sample events then show
 * as signed by another key).
 */
export function writeSampleHistory(doc: Y.Doc, options: { people: readonly { id: string; name: string }[]; now: number; rng: Rng; origin: unknown }): { members: string[] } {
  const { rng, now, origin } = options;
  if (options.people.length < 4) throw new RangeError('a sample history needs at least 4 people in the network');
  const [client, ...rest] = options.people;
  const team = rest.slice(0, 3);
  const start = now - 42 * DAY;
  const iso = (t: number) => new Date(Math.round(t)).toISOString();
  const keys = new Map<string, Signer>();
  const keyOf = (person: string) => keys.get(person) ?? keys.set(person, demoKeyPair(`sample/${person}`)).get(person)!;
  const esc = (e: LedgerEvent, o: unknown) => appendEscrowEvent(doc, signRecord(keyOf(e.actor.startsWith('agreement:') ? client.id : e.actor), ESCROW_KIND, e), o);
  const dsp = (e: DisputeEvent, o: unknown) => appendDisputeEvent(doc, signRecord(keyOf(e.actor), DISPUTE_KIND, e), o);
  let n = 0;
  const id = (p: string) => `sample-${p}-${n++}`;
  const plan = [
    { title: 'Discovery', payee: team[0], budget: 120_000, due: 9, fate: 'approved', late: -1 },
    { title: 'Prototype', payee: team[1], budget: 300_000, due: 18, fate: 'approved', late: 3 },
    { title: 'Field test', payee: team[2], budget: 200_000, due: 26, fate: 'disputed', late: 1 },
    { title: 'Repair guide', payee: team[0], budget: 150_000, due: 35, fate: 'submitted', late: 0 },
    { title: 'Launch kit', payee: team[1], budget: 250_000, due: 50, fate: 'open', late: 0 },
  ] as const;
  doc.transact(() => {
    for (const [i, p] of plan.entries()) {
      const created = start + i * 2 * DAY;
      const m = putMilestone(doc, { id: `sample-m${i}`, title: p.title, payer: client.id, payee: p.payee.id, currency: 'EUR', budget: p.budget, value: Math.round(p.budget * (1.4 + rng.next())), autoReleaseDays: 14, due: iso(start + p.due * DAY), createdAt: iso(created) }, origin);
      if (p.fate === 'open') continue;
      esc({ id: id('fund'), milestone: m.id, type: 'fund', amount: p.budget, at: iso(created + DAY), actor: client.id }, origin);
      const submitted = start + (p.due + p.late) * DAY - DAY / 2;
      if (p.fate === 'submitted') {
        // submitted a day before "now"'s week; overdue for approval, not yet auto-released
        esc({ id: id('submit'), milestone: m.id, type: 'submit', at: iso(now - 5 * DAY), actor: p.payee.id }, origin);
        continue;
      }
      esc({ id: id('submit'), milestone: m.id, type: 'submit', at: iso(submitted), actor: p.payee.id }, origin);
      if (p.fate === 'approved') {
        esc({ id: id('approve'), milestone: m.id, type: 'approve', at: iso(submitted + DAY / 2), actor: client.id }, origin);
        continue;
      }
      const opened = submitted + DAY;
      const did = `sample-d${i}`;
      esc({ id: `${did}:open`, milestone: m.id, type: 'dispute', at: iso(opened), actor: client.id }, origin);
      putDispute(doc, { id: did, milestone: m.id, payer: client.id, payee: p.payee.id, openedBy: client.id, openedAt: iso(opened), held: p.budget, reason: 'The field test covered half the sites agreed' }, origin);
      const proposal = id('propose');
      dsp({ id: proposal, dispute: did, type: 'propose', actor: p.payee.id, release: p.budget * 0.7, refund: p.budget * 0.3, at: iso(opened + DAY) }, origin);
      dsp({ id: id('accept'), dispute: did, type: 'accept', actor: client.id, proposal, at: iso(opened + 2 * DAY) }, origin);
      esc({ id: `${did}:resolve`, milestone: m.id, type: 'resolve', release: p.budget * 0.7, refund: p.budget * 0.3, at: iso(opened + 2 * DAY), actor: `agreement:${did}` }, origin);
    }
    const threads = [putThread(doc, { id: 'sample-t0', title: 'Weekly check-in', createdAt: iso(start) }, origin), putThread(doc, { id: 'sample-t1', title: 'Field test', milestone: 'sample-m2', createdAt: iso(start + 20 * DAY) }, origin)];
    const moods = [
      ['Great start, thanks everyone, excited about this', 'Love the plan, good work', 'Happy with the progress, thank you'],
      ['Good progress on the prototype', 'Fine, thanks for the quick help', 'Okay, looks good'],
      ['A bit worried about the schedule', 'The test sites are a problem', 'We are late again'],
      ['This is frustrating, the results are bad', 'I am disappointed and annoyed by the delays', 'Terrible week, nothing works, angry about the mess'],
    ];
    const voices = [client, team[0], team[1], team[2]];
    for (let d = 0; d < 40; d += d >= 30 ? 3 : 1 + rng.int(2)) {
      const phase = Math.min(3, Math.floor(d / 10));
      const thread = threads[d > 20 && rng.next() < 0.5 ? 1 : 0];
      const speakers = voices.filter((v) => !(v === team[2] && d > 28)); // one member falls silent
      const first = speakers[rng.int(speakers.length)];
      const other = speakers.filter((v) => v !== first)[rng.int(speakers.length - 1)];
      const t = start + d * DAY + (9 + rng.int(4)) * 3_600_000;
      // replies slow down: within hours at first, almost two days at the end
      const replyAfter = (1 + phase * phase * 4.5 + rng.int(4)) * 3_600_000;
      postMessage(doc, { id: id('msg'), thread: thread.id, author: first.id, at: iso(t), text: rng.pick(moods[phase]) }, options.people, origin);
      postMessage(doc, { id: id('msg'), thread: thread.id, author: other.id, at: iso(t + replyAfter), text: rng.pick(moods[phase]) + (phase === 3 ? ` @${first.name}` : '') }, options.people, origin);
    }
    setRoleStatement(doc, team[0].id, 'I make sure the kettle can be opened and repaired with one screwdriver.', origin);
  }, origin);
  // trust along the team's ties: it grows for four weeks, then falls
  const pairs = [[client, team[0]], [team[0], team[1]], [team[1], team[2]], [client, team[2]]];
  for (let w = 0; w <= 6; w++) {
    const level = w < 4 ? 0.5 + 0.08 * w : 0.74 - 0.15 * (w - 3);
    logTrust(doc, pairs.map(([a, b], k) => ({ from: a.id, to: b.id, trust: Math.max(0.05, Math.min(1, Math.round((level - 0.03 * k) * 100) / 100)) })), start + w * 7 * DAY, origin);
  }
  return { members: [client.id, ...team.map((p) => p.id)] };
}
