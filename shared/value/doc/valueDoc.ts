import * as Y from 'yjs';
import { z } from 'zod';
import { NewerDocumentError } from '../../model/docs/docVersion';
import { jsonPath, parseOrThrow } from '../../model/validate';
import { DisputeEventSchema, DisputeSchema, type Dispute, type DisputeEvent } from '../dispute/disputeSchema';
import { IsoInstant, LedgerEventSchema, MinorUnits, type LedgerEvent } from '../ledgerSchema';
import { PersonClaimSchema, type PersonClaim } from '../signing/personKeys';

/**
 * Value flow and stewardship data inside a `project:<id>` document. It has its own schema version
 * (`meta.valueVersion`), migrated on open like the document's, so this section can evolve without
 * renumbering the project document that other features also extend.
 *
 * Layout (every record is a plain JSON value, validated with zod on read; a record a peer wrote
 * that fails validation is listed in `invalid`, never dropped silently):
 * - `valueMilestones`   Y.Map  id → MilestoneRecord (terms of the escrow, plan, value, contributions)
 * - `escrowEvents`      Y.Array of ledger events, each signed by its actor inside the event
 *                       (signing/signedRecord.ts): the append-only log the ledger replays as a set
 * - `disputes`          Y.Map  id → Dispute (with the trust calculus's suggestions snapshotted)
 * - `disputeEvents`     Y.Array of dispute events
 * - `threads`           Y.Map  id → Thread (per project, or per milestone)
 * - `messages`          Y.Array of messages (mentions resolved when written)
 * - `reads`             Y.Map  `${person}|${thread}` → instant of the last read (unread markers)
 * - `alertMarks`        Y.Map  alert id → { ack, snoozeUntil, by, at } (shared ack/snooze)
 * - `splits`            Y.Map  'agreed' → { person: share }, 'gives' → { giver: { receiver: n } },
 *                       'contributions' → { milestone: { person: level 0..1 } }
 * - `trustLog`          Y.Array of { at, from, to, trust }: the team's tie trusts as they were seen
 *                       to change (the trust flow chart is the differences)
 * - `personClaims`      Y.Array of signed claims { person, at, signed }: which member's key acts for
 *                       which person (signing/personKeys.ts; version 2)
 * - `narrative`         Y.XmlFragment: the mission narrative, rich text (paragraphs of Y.XmlText)
 *                       for Tiptap/y-prosemirror; `roles` Y.Map person → role statement
 */
export const VALUE_SECTION_VERSION = 2;

export const MilestoneRecordSchema = z
  .object({
    id: z.string().min(1).max(200),
    title: z.string().trim().min(1).max(200),
    payer: z.string().min(1),
    payee: z.string().min(1),
    /** A standing mediator named in the agreement, if any; a dispute can settle on another. */
    mediator: z.string().min(1).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    autoReleaseDays: z.number().nonnegative().max(3650).default(14),
    /** Planned amount to fund, in minor units. */
    budget: MinorUnits,
    /** Value the milestone delivers, in minor units (for ROI). */
    value: MinorUnits.default(0),
    due: IsoInstant,
    createdAt: IsoInstant,
  })
  .superRefine((m, ctx) => {
    if (m.payer === m.payee) ctx.addIssue({ code: 'custom', path: ['payee'], message: 'must differ from the payer' });
  });
export type MilestoneRecord = z.infer<typeof MilestoneRecordSchema>;

export const ThreadSchema = z.object({ id: z.string().min(1), title: z.string().trim().min(1).max(200), milestone: z.string().optional(), createdAt: IsoInstant });
export type Thread = z.infer<typeof ThreadSchema>;

export const MessageSchema = z.object({
  id: z.string().min(1),
  thread: z.string().min(1),
  author: z.string().min(1),
  at: IsoInstant,
  text: z.string().trim().min(1).max(10_000),
  mentions: z.array(z.string()).default([]),
});
export type ThreadMessage = z.infer<typeof MessageSchema>;

export const AlertMarkSchema = z.object({ ack: z.boolean().optional(), snoozeUntil: z.number().optional(), by: z.string(), at: IsoInstant });
export type AlertMark = z.infer<typeof AlertMarkSchema>;

const SharesSchema = z.record(z.string(), z.number().nonnegative());
const GivesSchema = z.record(z.string(), z.record(z.string(), z.number().int().nonnegative()));
const ContributionsSchema = z.record(z.string(), z.record(z.string(), z.number().min(0).max(1)));
export const TrustLogSchema = z.object({ at: z.number(), from: z.string().min(1), to: z.string().min(1), trust: z.number().min(0).max(1) });
export type TrustLogEntry = z.infer<typeof TrustLogSchema>;

export interface InvalidRecord {
  where: string;
  problem: string;
}

export interface ValueSnapshot {
  milestones: MilestoneRecord[];
  escrowEvents: LedgerEvent[];
  disputes: Dispute[];
  disputeEvents: DisputeEvent[];
  threads: Thread[];
  messages: ThreadMessage[];
  reads: Record<string, number>;
  alertMarks: Record<string, AlertMark>;
  agreed: Record<string, number>;
  gives: Record<string, Record<string, number>>;
  contributions: Record<string, Record<string, number>>;
  trustLog: TrustLogEntry[];
  roles: Record<string, string>;
  personClaims: PersonClaim[];
  invalid: InvalidRecord[];
}

export const EMPTY_VALUE: ValueSnapshot = { milestones: [], escrowEvents: [], disputes: [], disputeEvents: [], threads: [], messages: [], reads: {}, alertMarks: {}, agreed: {}, gives: {}, contributions: {}, trustLog: [], roles: {}, personClaims: [], invalid: [] };

interface SectionMigration {
  to: number;
  run(doc: Y.Doc): void;
}
const migrations: SectionMigration[] = [
  {
    to: 1,
    run: (doc) => {
      for (const name of ['valueMilestones', 'disputes', 'threads', 'reads', 'alertMarks', 'splits', 'roles']) doc.getMap(name);
      for (const name of ['escrowEvents', 'disputeEvents', 'messages', 'trustLog']) doc.getArray(name);
      doc.getXmlFragment('narrative');
    },
  },
  { to: 2, run: (doc) => void doc.getArray('personClaims') },
];

export function valueSectionVersion(doc: Y.Doc): number {
  return (doc.getMap('meta').get('valueVersion') as number | undefined) ?? 0;
}

/** Brings the section to the current version, or refuses a newer one (read-only is safer than guessing). */
export function openValueSection(doc: Y.Doc, origin: unknown): number[] {
  const from = valueSectionVersion(doc);
  if (from > VALUE_SECTION_VERSION) throw new NewerDocumentError('project', from, VALUE_SECTION_VERSION);
  const ran: number[] = [];
  if (from === VALUE_SECTION_VERSION) return ran;
  doc.transact(() => {
    for (const m of migrations) {
      if (m.to <= from) continue;
      m.run(doc);
      ran.push(m.to);
    }
    doc.getMap('meta').set('valueVersion', VALUE_SECTION_VERSION);
  }, origin);
  return ran;
}

function readMap<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>, invalid: InvalidRecord[]): T[] {
  const out: T[] = [];
  doc.getMap(name).forEach((value, key) => {
    const r = schema.safeParse(value);
    if (r.success) out.push(r.data);
    else invalid.push({ where: `${name}.${key}${jsonPath(r.error.issues[0].path).slice(1)}`, problem: r.error.issues[0].message });
  });
  return out;
}

function readArray<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>, invalid: InvalidRecord[]): T[] {
  const out: T[] = [];
  doc.getArray(name).forEach((value, i) => {
    const r = schema.safeParse(value);
    if (r.success) out.push(r.data);
    else invalid.push({ where: `${name}[${i}]${jsonPath(r.error.issues[0].path).slice(1)}`, problem: r.error.issues[0].message });
  });
  return out;
}

export function readValue(doc: Y.Doc): ValueSnapshot {
  const invalid: InvalidRecord[] = [];
  const splits = doc.getMap('splits');
  const agreed = SharesSchema.safeParse(splits.get('agreed') ?? {});
  const gives = GivesSchema.safeParse(splits.get('gives') ?? {});
  if (!agreed.success) invalid.push({ where: 'splits.agreed', problem: agreed.error.issues[0].message });
  if (!gives.success) invalid.push({ where: 'splits.gives', problem: gives.error.issues[0].message });
  const contributions = ContributionsSchema.safeParse(splits.get('contributions') ?? {});
  if (!contributions.success) invalid.push({ where: 'splits.contributions', problem: contributions.error.issues[0].message });
  const reads: Record<string, number> = {};
  doc.getMap('reads').forEach((v, k) => {
    if (typeof v === 'number') reads[k] = v;
  });
  const alertMarks: Record<string, AlertMark> = {};
  doc.getMap('alertMarks').forEach((v, k) => {
    const r = AlertMarkSchema.safeParse(v);
    if (r.success) alertMarks[k] = r.data;
    else invalid.push({ where: `alertMarks.${k}`, problem: r.error.issues[0].message });
  });
  const roles: Record<string, string> = {};
  doc.getMap('roles').forEach((v, k) => {
    if (typeof v === 'string') roles[k] = v;
  });
  const byCreated = <T extends { createdAt: string; id: string }>(xs: T[]) => xs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  return {
    milestones: byCreated(readMap(doc, 'valueMilestones', MilestoneRecordSchema, invalid)),
    escrowEvents: readArray(doc, 'escrowEvents', LedgerEventSchema, invalid),
    disputes: readMap(doc, 'disputes', DisputeSchema, invalid).sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
    disputeEvents: readArray(doc, 'disputeEvents', DisputeEventSchema, invalid),
    threads: byCreated(readMap(doc, 'threads', ThreadSchema, invalid)),
    messages: readArray(doc, 'messages', MessageSchema, invalid).sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1)),
    reads,
    alertMarks,
    agreed: agreed.success ? agreed.data : {},
    gives: gives.success ? gives.data : {},
    contributions: contributions.success ? contributions.data : {},
    trustLog: readArray(doc, 'trustLog', TrustLogSchema, invalid).sort((a, b) => a.at - b.at),
    roles,
    personClaims: readArray(doc, 'personClaims', PersonClaimSchema, invalid),
    invalid,
  };
}

// ---- writes: validated at the boundary, each one transaction ----

export function putMilestone(doc: Y.Doc, record: z.input<typeof MilestoneRecordSchema>, origin: unknown): MilestoneRecord {
  const valid = parseOrThrow(MilestoneRecordSchema, record, 'milestone');
  doc.transact(() => doc.getMap('valueMilestones').set(valid.id, valid), origin);
  return valid;
}

/** Appends to the escrow log. Rule-breaking events are still written (a peer may have acted first); the replay rejects them with a reason. */
export function appendEscrowEvent(doc: Y.Doc, event: LedgerEvent, origin: unknown): LedgerEvent {
  const valid = parseOrThrow(LedgerEventSchema, event, 'escrow event');
  doc.transact(() => doc.getArray('escrowEvents').push([valid]), origin);
  return valid;
}

/** Records a signed claim that the signer acts for `person` (the earliest claim binds; personKeys). */
export function appendPersonClaim(doc: Y.Doc, claim: PersonClaim, origin: unknown): PersonClaim {
  const valid = parseOrThrow(PersonClaimSchema, claim, 'person claim');
  doc.transact(() => doc.getArray('personClaims').push([valid]), origin);
  return valid;
}

export function putDispute(doc: Y.Doc, dispute: z.input<typeof DisputeSchema>, origin: unknown): Dispute {
  const valid = parseOrThrow(DisputeSchema, dispute, 'dispute');
  doc.transact(() => doc.getMap('disputes').set(valid.id, valid), origin);
  return valid;
}

export function appendDisputeEvent(doc: Y.Doc, event: DisputeEvent, origin: unknown): DisputeEvent {
  const valid = parseOrThrow(DisputeEventSchema, event, 'dispute event');
  doc.transact(() => doc.getArray('disputeEvents').push([valid]), origin);
  return valid;
}

export function putThread(doc: Y.Doc, thread: z.input<typeof ThreadSchema>, origin: unknown): Thread {
  const valid = parseOrThrow(ThreadSchema, thread, 'thread');
  doc.transact(() => doc.getMap('threads').set(valid.id, valid), origin);
  return valid;
}

/** Mentions are `@Name` of a known person, resolved to their ids when written. */
export function postMessage(doc: Y.Doc, message: Omit<z.input<typeof MessageSchema>, 'mentions'>, people: readonly { id: string; name: string }[], origin: unknown): ThreadMessage {
  const mentions = people.filter((p) => message.text.includes(`@${p.name}`)).map((p) => p.id);
  const valid = parseOrThrow(MessageSchema, { ...message, mentions }, 'message');
  doc.transact(() => doc.getArray('messages').push([valid]), origin);
  return valid;
}

export function markRead(doc: Y.Doc, person: string, thread: string, at: number, origin: unknown): void {
  const key = `${person}|${thread}`;
  const map = doc.getMap('reads');
  if (((map.get(key) as number | undefined) ?? 0) >= at) return;
  doc.transact(() => map.set(key, at), origin);
}

/** Unread messages per thread for a person: by others, after their last read. Mentions of them are counted apart. */
export function unreadFor(snapshot: Pick<ValueSnapshot, 'messages' | 'reads'>, person: string): Record<string, { unread: number; mentions: number }> {
  const out: Record<string, { unread: number; mentions: number }> = {};
  for (const m of snapshot.messages) {
    if (m.author === person) continue;
    const last = snapshot.reads[`${person}|${m.thread}`] ?? 0;
    if (Date.parse(m.at) <= last) continue;
    const cell = (out[m.thread] ??= { unread: 0, mentions: 0 });
    cell.unread++;
    if (m.mentions.includes(person)) cell.mentions++;
  }
  return out;
}

export function markAlert(doc: Y.Doc, alertId: string, mark: AlertMark, origin: unknown): void {
  const valid = parseOrThrow(AlertMarkSchema, mark, 'alert mark');
  doc.transact(() => doc.getMap('alertMarks').set(alertId, valid), origin);
}

export function setAgreedSplit(doc: Y.Doc, shares: Record<string, number>, origin: unknown): void {
  const valid = parseOrThrow(SharesSchema, shares, 'agreed split');
  doc.transact(() => doc.getMap('splits').set('agreed', valid), origin);
}

export function setGives(doc: Y.Doc, giver: string, gives: Record<string, number>, origin: unknown): void {
  const all = parseOrThrow(GivesSchema, { ...((doc.getMap('splits').get('gives') as object | undefined) ?? {}), [giver]: gives }, 'peer allocation');
  doc.transact(() => doc.getMap('splits').set('gives', all), origin);
}

export function setContribution(doc: Y.Doc, milestone: string, person: string, level: number, origin: unknown): void {
  const current = (doc.getMap('splits').get('contributions') as Record<string, Record<string, number>> | undefined) ?? {};
  const all = parseOrThrow(ContributionsSchema, { ...current, [milestone]: { ...(current[milestone] ?? {}), [person]: level } }, 'contribution');
  doc.transact(() => doc.getMap('splits').set('contributions', all), origin);
}

/** Logs the team's tie trusts that differ from what was last logged (called when the health view looks). */
export function logTrust(doc: Y.Doc, ties: readonly { from: string; to: string; trust: number }[], at: number, origin: unknown): number {
  const last = new Map<string, number>();
  for (const e of readArray(doc, 'trustLog', TrustLogSchema, [])) last.set(`${e.from}>${e.to}`, e.trust);
  const changed = ties.filter((t) => last.get(`${t.from}>${t.to}`) !== t.trust).map((t) => parseOrThrow(TrustLogSchema, { at, from: t.from, to: t.to, trust: t.trust }, 'trust log'));
  if (changed.length) doc.transact(() => doc.getArray('trustLog').push(changed), origin);
  return changed.length;
}

export function setRoleStatement(doc: Y.Doc, person: string, statement: string, origin: unknown): void {
  const valid = parseOrThrow(z.string().max(2000), statement, 'role statement');
  doc.transact(() => doc.getMap('roles').set(person, valid), origin);
}

export const narrativeFragment = (doc: Y.Doc) => doc.getXmlFragment('narrative');
