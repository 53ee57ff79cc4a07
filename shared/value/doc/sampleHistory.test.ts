import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { frictionAlerts } from '../../stewardship/alerts';
import { trustChangesFromLog } from '../../stewardship/healthMetrics';
import { createRng } from '../../util/rng';
import { projectLedger } from './projectLedger';
import { writeSampleHistory } from './sampleHistory';
import { openValueSection, readValue } from './valueDoc';

describe('sample history', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 200])('is valid, replays cleanly, and shows the frictions it was written to show (seed %i)', (seed) => {
    const doc = new Y.Doc();
    openValueSection(doc, 'test');
    const now = Date.UTC(2026, 5, 1);
    const people = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli'].map((name, i) => ({ id: `p${i}`, name }));
    const { members } = writeSampleHistory(doc, { people, now, rng: createRng(seed), origin: 'test' });
    const v = readValue(doc);
    expect(v.invalid).toEqual([]);
    const ledger = projectLedger(v, now);
    expect(ledger.replay.rejected).toEqual([]);
    expect(ledger.replay.milestones.map((m) => m.state)).toEqual(['approved', 'approved', 'resolved', 'submitted', 'open']);
    for (const m of ledger.replay.milestones) expect(m.funded).toBe(m.released + m.refunded + m.held);
    const messages = v.messages.map((m) => ({ ...m, at: Date.parse(m.at) }));
    const plans = v.milestones.map((m) => ({ id: m.id, title: m.title, due: Date.parse(m.due), done: ['approved', 'resolved'].includes(ledger.replay.milestones.find((x) => x.id === m.id)!.state) ? Date.parse(m.due) : undefined }));
    const rules = new Set(frictionAlerts({ now, start: now - 42 * 86_400_000, members, messages, milestones: plans, trust: trustChangesFromLog(v.trustLog), replyNormHours: 24 }).map((a) => a.rule));
    expect([...rules].sort()).toEqual(['broken-norm', 'falling-trend', 'late-milestone', 'negative-sentiment', 'silence']);
  });
});
