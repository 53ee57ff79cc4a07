import { z } from 'zod';
import { canonicalBytes } from '../identity/canonical';
import { PublicKeyHex, sha256Hex } from '../identity/keys';

/**
 * A multi-party agreement on a project. Every party signs the SHA-256 digest of its canonical JSON
 * (an `agreement-signature` event), so any change after a signature makes that signature stale until
 * the party signs again (see signatureStatus.ts).
 */
const Id = z.string().min(1).max(200);
const Text = (max: number) => z.string().max(max);
const Hour = z.number().min(0).max(24);

export const CulturalProtocolSchema = z.strictObject({
  template: Id,
  /** Local working hours every party keeps (in their own time zone). */
  workingHours: z.strictObject({ start: Hour, end: Hour }).refine((h) => h.end > h.start, 'working hours must end after they start'),
  languages: z.array(Text(60).min(1)).min(1),
  /** How quickly a message should be answered, in working hours. */
  responseTimeHours: z.number().positive().max(24 * 14),
  meetings: Text(2000),
  decisions: Text(2000),
  codeOfConduct: Text(4000),
});

export const PartySchema = z.strictObject({ key: PublicKeyHex, name: Text(200).min(1), timezone: Text(100).min(1), scope: Text(2000) });
export const MilestoneSchema = z.strictObject({ id: Id, title: Text(300).min(1), amount: z.number().int().min(0), currency: z.string().regex(/^[A-Z]{3}$/), due: z.iso.date() });

export const AgreementSchema = z
  .strictObject({
    id: Id,
    project: Id,
    title: Text(300).min(1),
    parties: z.array(PartySchema).min(2),
    milestones: z.array(MilestoneSchema),
    /** Share of each payment per party key; the shares add up to 1. */
    paymentSplit: z.record(PublicKeyHex, z.number().min(0).max(1)),
    disputeProcedure: Text(4000),
    protocol: CulturalProtocolSchema,
  })
  .superRefine((a, ctx) => {
    const keys = new Set(a.parties.map((p) => p.key));
    if (keys.size !== a.parties.length) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'a party appears twice' });
    for (const k of Object.keys(a.paymentSplit)) if (!keys.has(k)) ctx.addIssue({ code: 'custom', path: ['paymentSplit', k], message: 'not a party' });
    const total = Object.values(a.paymentSplit).reduce((s, x) => s + x, 0);
    if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['paymentSplit'], message: `shares add up to ${total}, not 1` });
  });

export type Agreement = z.infer<typeof AgreementSchema>;
export type CulturalProtocol = z.infer<typeof CulturalProtocolSchema>;

export function agreementDigest(a: Agreement): string {
  return sha256Hex(canonicalBytes(AgreementSchema.parse(a)));
}

/** JSON paths whose values differ between two versions (added, removed or changed leaves). */
export function changedPaths(before: unknown, after: unknown, path = '$'): string[] {
  if (Object.is(before, after)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (!isObj(before) || !isObj(after) || Array.isArray(before) !== Array.isArray(after)) return [path];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => changedPaths(a[k], b[k], Array.isArray(after) ? `${path}[${k}]` : `${path}.${k}`));
}
