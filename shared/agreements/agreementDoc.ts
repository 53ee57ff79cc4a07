import * as Y from 'yjs';
import { NewerDocumentError } from '../model/docs/docVersion';
import { jsonPath, ValidationError } from '../model/validate';
import { agreementDigest, AgreementSchema, CulturalProtocolSchema, MilestoneSchema, PartySchema, type Agreement } from './agreement';
import { z } from 'zod';
import { PublicKeyHex } from '../identity/keys';

/**
 * The agreements section of a `project:<id>` document (DESIGN.md §2).
 * - `agreements`: a `Y.Map` by agreement id; each agreement is a `Y.Map` of its top-level fields, each
 *   field plain JSON, so two people editing different fields (one a party's scope, the other the
 *   dispute procedure) both keep their edit.
 * - `agreementVersions`: every version someone signed, keyed `<id>@<digest>`, so that any device can
 *   show what changed since a party signed. An entry whose digest does not match its content is ignored.
 * - `meta.agreementsVersion`: the section's schema version.
 * A change that would make a valid agreement invalid is refused with the reason; nothing is written.
 */
export const AGREEMENTS_SECTION_VERSION = 1;

export const FIELDS = ['title', 'parties', 'milestones', 'paymentSplit', 'disputeProcedure', 'protocol'] as const;
export type AgreementField = (typeof FIELDS)[number];

const FIELD_SCHEMAS: Record<AgreementField, z.ZodType> = {
  title: z.string().min(1).max(300),
  parties: z.array(PartySchema).min(2),
  milestones: z.array(MilestoneSchema),
  paymentSplit: z.record(PublicKeyHex, z.number().min(0).max(1)),
  disputeProcedure: z.string().max(4000),
  protocol: CulturalProtocolSchema,
};

export const agreementsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('agreements');
const versionsMap = (doc: Y.Doc) => doc.getMap<unknown>('agreementVersions');

export function openAgreementsSection(doc: Y.Doc, origin: unknown): void {
  const from = (doc.getMap('meta').get('agreementsVersion') as number | undefined) ?? 0;
  if (from > AGREEMENTS_SECTION_VERSION) throw new NewerDocumentError('project', from, AGREEMENTS_SECTION_VERSION);
  if (from === AGREEMENTS_SECTION_VERSION) return;
  doc.transact(() => {
    agreementsMap(doc);
    versionsMap(doc);
    doc.getMap('meta').set('agreementsVersion', AGREEMENTS_SECTION_VERSION);
  }, origin);
}

/** One agreement as read: its fields, and whether the whole is valid (only a valid one can be signed). */
export interface AgreementRecord {
  id: string;
  createdAt: number;
  agreement: Agreement;
  /** Why the agreement as a whole is not valid (e.g. after two concurrent edits), or null. */
  problem: string | null;
}

export interface AgreementsSnapshot {
  agreements: AgreementRecord[];
  /** Agreements a peer wrote that fail validation field by field: shown, never used. */
  invalid: { id: string; problem: string }[];
  /** Signed versions by digest (each checked against its digest). */
  versions: Map<string, Agreement>;
}

const problemOf = (error: z.ZodError) => `${jsonPath(error.issues[0].path)}: ${error.issues[0].message}`;

function readOne(id: string, projectId: string, m: Y.Map<unknown>): { record?: AgreementRecord; problem?: string } {
  const raw: Record<string, unknown> = { id, project: projectId };
  for (const f of FIELDS) {
    const r = FIELD_SCHEMAS[f].safeParse(m.get(f));
    if (!r.success) return { problem: `${f}: ${problemOf(r.error)}` };
    raw[f] = r.data;
  }
  const whole = AgreementSchema.safeParse(raw);
  const createdAt = typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0;
  return { record: { id, createdAt, agreement: raw as Agreement, problem: whole.success ? null : problemOf(whole.error) } };
}

export function readAgreements(doc: Y.Doc, projectId: string): AgreementsSnapshot {
  const agreements: AgreementRecord[] = [];
  const invalid: AgreementsSnapshot['invalid'] = [];
  agreementsMap(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return invalid.push({ id, problem: 'not an agreement record' });
    const { record, problem } = readOne(id, projectId, m);
    if (record) agreements.push(record);
    else invalid.push({ id, problem: problem! });
  });
  const versions = new Map<string, Agreement>();
  versionsMap(doc).forEach((v, key) => {
    const r = AgreementSchema.safeParse(v);
    if (!r.success) return;
    const digest = agreementDigest(r.data);
    if (key === `${r.data.id}@${digest}` && r.data.project === projectId) versions.set(digest, r.data);
  });
  agreements.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { agreements, invalid, versions };
}

/** Writes a new agreement (it must be valid as a whole). */
export function createAgreement(doc: Y.Doc, agreement: Agreement, createdAt: number, origin: unknown): void {
  const parsed = AgreementSchema.safeParse(agreement);
  if (!parsed.success) throw new ValidationError(jsonPath(parsed.error.issues[0].path), parsed.error.issues[0].message, 'agreement');
  if (agreementsMap(doc).has(agreement.id)) throw new Error(`an agreement with id ${agreement.id} already exists`);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const f of FIELDS) m.set(f, JSON.parse(JSON.stringify(parsed.data[f])) as unknown);
    m.set('createdAt', createdAt);
    agreementsMap(doc).set(agreement.id, m);
  }, origin);
}

/**
 * Changes fields of an agreement. Each field must be valid on its own, and a change may not make a
 * valid agreement invalid (a change to an agreement that is already invalid may, since it may be the fix).
 */
export function updateAgreement(doc: Y.Doc, projectId: string, id: string, changes: Partial<Pick<Agreement, AgreementField>>, origin: unknown): void {
  const m = agreementsMap(doc).get(id);
  if (!(m instanceof Y.Map)) throw new Error(`no agreement ${id}`);
  for (const [f, v] of Object.entries(changes)) {
    const r = FIELD_SCHEMAS[f as AgreementField]?.safeParse(v);
    if (!r) throw new ValidationError(`$.${f}`, 'not an agreement field', 'agreement');
    if (!r.success) throw new ValidationError(jsonPath([f, ...r.error.issues[0].path]), r.error.issues[0].message, 'agreement');
  }
  const before = readOne(id, projectId, m).record;
  if (before && !before.problem) {
    const after = AgreementSchema.safeParse({ ...before.agreement, ...changes });
    if (!after.success) throw new ValidationError(jsonPath(after.error.issues[0].path), after.error.issues[0].message, 'agreement');
  }
  doc.transact(() => {
    for (const [f, v] of Object.entries(changes)) m.set(f, JSON.parse(JSON.stringify(v)) as unknown);
  }, origin);
}

export function deleteAgreement(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => agreementsMap(doc).delete(id), origin);
}

/** Keeps the exact version a party signs, so every device can show what changed since. */
export function recordSignedVersion(doc: Y.Doc, agreement: Agreement, origin: unknown): string {
  const parsed = AgreementSchema.parse(agreement);
  const digest = agreementDigest(parsed);
  const key = `${parsed.id}@${digest}`;
  if (!versionsMap(doc).has(key)) doc.transact(() => versionsMap(doc).set(key, JSON.parse(JSON.stringify(parsed)) as unknown), origin);
  return digest;
}

/** Equal shares for the given party keys (adding up to exactly 1). */
export function equalSplit(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  keys.forEach((k, i) => (out[k] = i === keys.length - 1 ? 1 - (keys.length - 1) * (1 / keys.length) : 1 / keys.length));
  return out;
}
