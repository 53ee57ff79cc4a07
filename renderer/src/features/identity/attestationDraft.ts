import { AttestationBodySchema, type AttestationBody } from '../../../../shared/identity/eventKinds';

/** What the attestation form holds: dates as a date input gives them (YYYY-MM-DD, `to` may be empty). */
export interface AttestationDraft {
  subject: string;
  type: 'worked-with' | 'skill';
  project: string;
  role: string;
  from: string;
  to: string;
  skill: string;
  level: number;
  comment: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date input's value as the start of that day in UTC, the form the ledger stores. */
const dayIso = (day: string) => `${day}T00:00:00.000Z`;

/**
 * The signed body for a draft, or the reason it cannot be signed (said so the person can fix it).
 * The result is checked against the ledger's own schema, so nothing malformed is ever signed.
 */
export function attestationBody(d: AttestationDraft): { body: AttestationBody } | { error: string } {
  let claim: AttestationBody['claim'];
  if (d.type === 'worked-with') {
    if (!d.project) return { error: 'Choose the project you worked on together.' };
    if (!d.role.trim()) return { error: 'Say in what role they worked.' };
    if (!DAY.test(d.from)) return { error: 'Say when the work started.' };
    if (d.to && !DAY.test(d.to)) return { error: 'The end date is not a date.' };
    if (d.to && d.to < d.from) return { error: 'The end date is before the start date.' };
    claim = { type: 'worked-with', project: d.project, role: d.role.trim(), from: dayIso(d.from), to: d.to ? dayIso(d.to) : null };
  } else {
    if (!d.skill.trim()) return { error: 'Name the skill you vouch for.' };
    claim = { type: 'skill', skill: d.skill.trim(), level: d.level };
  }
  const parsed = AttestationBodySchema.safeParse({ subject: d.subject, claim, comment: d.comment.trim() });
  if (!parsed.success) return { error: `The attestation is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}` };
  return { body: parsed.data };
}
