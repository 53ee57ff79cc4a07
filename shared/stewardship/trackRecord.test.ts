import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRng } from '../util/rng';
import { writeSampleHistory } from '../value/doc/sampleHistory';
import { EMPTY_VALUE, openValueSection, readValue } from '../value/doc/valueDoc';
import { demoKeyPair } from '../identity/keys';
import { signTrackRecord, verifyTrackRecord } from './signedTrackRecord';
import { trackRecord } from './trackRecord';

describe('track record', () => {
  it('summarises teams, outcomes, velocity, feedback and disputes; counts only signed events; the export is signed and a changed copy fails', () => {
    const doc = new Y.Doc();
    openValueSection(doc, 't');
    const now = Date.UTC(2026, 5, 1);
    writeSampleHistory(doc, { people: ['A', 'B', 'C', 'D'].map((name, i) => ({ id: `p${i}`, name })), now, rng: createRng(1), origin: 't' });
    const r = trackRecord([{ id: 'x', name: 'Kettle', value: readValue(doc) }, { id: 'y', name: 'Empty', value: EMPTY_VALUE }], now);
    expect(r.note).toMatch(/signed with the orchestrator’s key/);
    const key = demoKeyPair('orchestrator');
    const exported = signTrackRecord(key, r);
    expect(verifyTrackRecord(JSON.parse(JSON.stringify(exported)))).toEqual({ valid: true, author: key.publicKey, reason: '' });
    const changed = structuredClone(exported);
    changed.record.projects[0].disputes.total = 0;
    expect(verifyTrackRecord(changed)).toMatchObject({ valid: false, reason: expect.stringMatching(/does not hold/) });
    expect(verifyTrackRecord({ kind: 'nope' })).toMatchObject({ valid: false, reason: expect.stringMatching(/\$\.kind/) });
    const [p, empty] = r.projects;
    expect(p.team).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(p.milestones).toEqual({ total: 5, approved: 2, autoReleased: 0, resolved: 1, cancelled: 0, open: 2 });
    expect(p.velocity.late).toBeGreaterThanOrEqual(2);
    expect(p.disputes).toEqual({ total: 1, byAgreement: 1, byMediator: 0, byPanel: 0, open: 0, void: 0 });
    expect(p.feedback.messages).toBeGreaterThan(20);
    expect(empty.milestones.total).toBe(0);
    expect(empty.feedback.meanSentiment).toBeUndefined();
  });
});
