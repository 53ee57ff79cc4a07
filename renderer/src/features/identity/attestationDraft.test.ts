import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../../../../shared/identity/keys';
import { signEvent, verifyEvents } from '../../../../shared/identity/signedEvent';
import { attestationBody, type AttestationDraft } from './attestationDraft';

const subject = demoKeyPair('attest/subject').publicKey;
const base: AttestationDraft = { subject, type: 'worked-with', project: 'p1', role: ' designer ', from: '2026-01-05', to: '', skill: '', level: 0.75, comment: ' solid ' };

describe('attestation draft', () => {
  it('a "worked with" claim: dates become UTC day starts, an open end is null, text is trimmed; it signs and verifies', () => {
    const out = attestationBody(base);
    expect(out).toEqual({ body: { subject, claim: { type: 'worked-with', project: 'p1', role: 'designer', from: '2026-01-05T00:00:00.000Z', to: null }, comment: 'solid' } });
    const signed = signEvent(demoKeyPair('attest/author'), 'attestation', (out as { body: never }).body, '2026-02-01T00:00:00Z');
    expect(verifyEvents([signed])[0].status).toBe('valid');
    expect(attestationBody({ ...base, to: '2026-03-01' })).toMatchObject({ body: { claim: { to: '2026-03-01T00:00:00.000Z' } } });
  });

  it('a skill claim keeps its level', () => {
    expect(attestationBody({ ...base, type: 'skill', skill: 'facilitation', level: 1 })).toEqual({ body: { subject, claim: { type: 'skill', skill: 'facilitation', level: 1 }, comment: 'solid' } });
  });

  it('refuses bad input with the reason', () => {
    expect(attestationBody({ ...base, project: '' })).toEqual({ error: 'Choose the project you worked on together.' });
    expect(attestationBody({ ...base, role: '  ' })).toEqual({ error: 'Say in what role they worked.' });
    expect(attestationBody({ ...base, from: '' })).toEqual({ error: 'Say when the work started.' });
    expect(attestationBody({ ...base, to: '2025-12-31' })).toEqual({ error: 'The end date is before the start date.' });
    expect(attestationBody({ ...base, type: 'skill', skill: ' ' })).toEqual({ error: 'Name the skill you vouch for.' });
    expect(attestationBody({ ...base, type: 'skill', skill: 'x', level: 2 })).toMatchObject({ error: expect.stringContaining('claim.level') });
    expect(attestationBody({ ...base, subject: 'not-a-key' })).toMatchObject({ error: expect.stringContaining('subject') });
  });
});
