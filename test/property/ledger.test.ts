import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseLedgerFile, replayLedgerJson } from '../../shared/value/ledger';
import type { LedgerEvent, LedgerFile } from '../../shared/value/ledgerSchema';
import { replayLedger, replayOutput } from '../../shared/value/replayLedger';
import { compareTimed } from '../../shared/value/ledgerOrder';
import { applyEvent, openBalance, ruleEvent, settleAutoRelease, whyRejected } from '../../shared/value/ledgerRules';
import { randomLedger } from '../../shared/value/testLedgers';

/** The plain reading of ledgerOrder.ts: every distinct event in ONE global order, replayed one by one. */
function referenceReplay(file: LedgerFile, now: number | undefined) {
  const byId = new Map<string, LedgerEvent[]>();
  for (const e of file.events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const distinct = [...byId.values()].filter((vs) => vs.every((v) => JSON.stringify(Object.entries(v).sort()) === JSON.stringify(Object.entries(vs[0]).sort()))).map((vs) => vs[0]);
  const sorted = distinct.map((event) => ({ event, ms: Date.parse(event.at) })).sort(compareTimed);
  const balances = new Map(file.milestones.map((m) => [m.id, openBalance()]));
  const terms = new Map(file.milestones.map((m) => [m.id, m]));
  const fates = new Map<string, string | undefined>();
  for (const { event, ms } of sorted) {
    const b = balances.get(event.milestone);
    const m = terms.get(event.milestone);
    if (!b || !m) {
      fates.set(event.id, 'unknown');
      continue;
    }
    if (now !== undefined) settleAutoRelease(b, m, Math.min(ms, now));
    const why = whyRejected(b, m, ruleEvent(event));
    if (why === undefined) applyEvent(b, ruleEvent(event), ms);
    fates.set(event.id, why);
  }
  if (now !== undefined) for (const m of file.milestones) settleAutoRelease(balances.get(m.id)!, m, now);
  return { balances, fates };
}

const ledgerArb = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), milestones: fc.integer({ min: 1, max: 6 }), events: fc.integer({ min: 0, max: 120 }) }).map((o) => randomLedger(o));
const nowArb = fc.option(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 2, 1) }), { nil: undefined });

describe('escrow ledger properties', () => {
  it('always balances: funded = released + refunded + held, nothing negative; each id applied or rejected exactly once', () => {
    fc.assert(
      fc.property(ledgerArb, nowArb, (file, now) => {
        const out = replayLedgerJson(file, now);
        // the app's replay (with history) gives the very same contract output, and its history agrees
        const full = replayLedger(file.milestones, file.events, { now });
        expect(replayOutput(full)).toEqual(out);
        expect(full.milestones.reduce((n, m) => n + m.history.length, 0) + full.orphans.length).toBe(new Set(file.events.map((e) => e.id)).size);
        for (const m of out.milestones) {
          expect(m.funded).toBe(m.released + m.refunded + m.held);
          for (const x of [m.funded, m.released, m.refunded, m.held]) expect(x).toBeGreaterThanOrEqual(0);
          if (['approved', 'auto-released', 'resolved', 'cancelled'].includes(m.state)) expect(m.held).toBe(0);
        }
        const ids = [...out.applied, ...out.rejected.map((r) => r.id)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(file.events.map((e) => e.id)));
        for (const r of out.rejected) expect(r.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: 300 },
    );
  });

  it('per-milestone buckets give exactly the state of one global order (the reference reading)', () => {
    fc.assert(
      fc.property(ledgerArb, nowArb, (file, now) => {
        const ref = referenceReplay(file, now);
        const out = replayLedger(file.milestones, file.events, { now });
        for (const m of out.milestones) {
          const b = ref.balances.get(m.id)!;
          expect({ state: m.state, funded: m.funded, released: m.released, refunded: m.refunded, held: m.held }).toEqual({ state: b.state, funded: b.funded, released: b.released, refunded: b.refunded, held: b.held });
        }
        const reasons = new Map(out.rejected.map((r) => [r.id, r.reason]));
        for (const [id, why] of ref.fates) if (why !== 'unknown') expect(reasons.get(id)).toBe(why);
      }),
      { numRuns: 300 },
    );
  });

  it('is a function of the set: every order and every duplication give the identical output, reasons included', () => {
    fc.assert(
      fc.property(
        ledgerArb.chain((file) =>
          fc.tuple(
            fc.constant(file),
            fc.shuffledSubarray(file.events, { minLength: file.events.length, maxLength: file.events.length }),
            fc.array(fc.nat(), { maxLength: 30 }),
            fc.option(fc.nat(), { nil: undefined }),
          ),
        ),
        nowArb,
        ([original, shuffled, dupIdx, clash], now) => {
          // optionally, one id reused with different contents (a conflict), placed anywhere
          const n = original.events.length;
          const clashing = clash !== undefined && n ? [{ ...original.events[clash % n], at: '2030-01-01T00:00:00Z' }] : [];
          const file = { ...original, events: [...original.events, ...clashing] };
          const dups = n ? dupIdx.map((i) => ({ ...original.events[i % n] })) : [];
          const mixed = [...clashing, ...shuffled];
          for (let i = 0; i < dups.length; i++) mixed.splice((dupIdx[i] * 7) % (mixed.length + 1), 0, dups[i]);
          const a = replayLedgerJson(file, now);
          const b = replayLedgerJson({ ...file, events: mixed }, now);
          expect(b).toEqual(a);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two peers acting offline at once converge after they exchange Yjs updates', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (file, cutA, cutB) => {
        // a shared history, then each peer appends its own events while disconnected
        const n = file.events.length;
        const shared = file.events.slice(0, Math.floor((n * Math.min(cutA, cutB)) / 200));
        const rest = file.events.slice(shared.length);
        const mine = rest.filter((_, i) => i % 2 === 0);
        const theirs = rest.filter((_, i) => i % 2 === 1);
        const a = new Y.Doc();
        const b = new Y.Doc();
        try {
          a.getArray<LedgerEvent>('escrow').push(shared);
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
          a.getArray<LedgerEvent>('escrow').push(mine);
          b.getArray<LedgerEvent>('escrow').push(theirs);
          // a re-sends one of the shared events (a retry after a lost acknowledgement)
          if (shared.length) a.getArray<LedgerEvent>('escrow').push([shared[cutB % shared.length]]);
          const beforeA = replayLedgerJson(asFile(file, a));
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
          const ra = replayLedgerJson(asFile(file, a));
          const rb = replayLedgerJson(asFile(file, b));
          expect(rb).toEqual(ra);
          expect(ra).toEqual(replayLedgerJson(file));
          // what peer A applied alone is never double-counted after the merge
          for (const m of ra.milestones) expect(m.funded).toBe(m.released + m.refunded + m.held);
          expect(beforeA.applied.length + beforeA.rejected.length).toBe(new Set([...shared, ...mine].map((e) => e.id)).size);
        } finally {
          a.destroy();
          b.destroy();
        }
      }),
      { numRuns: 150 },
    );
  });
});

function asFile(file: LedgerFile, doc: Y.Doc): LedgerFile {
  return parseLedgerFile({ version: 1, milestones: file.milestones, events: doc.getArray<LedgerEvent>('escrow').toArray() });
}
