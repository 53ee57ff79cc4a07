import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoKeyPair } from '../../shared/identity/keys';
import type { LedgerEvent } from '../../shared/value/ledgerSchema';
import { replayOutput } from '../../shared/value/replayLedger';
import { replaySignedLedger } from '../../shared/value/signing/replaySigned';
import { ESCROW_KIND, signRecord } from '../../shared/value/signing/signedRecord';
import { randomLedger } from '../../shared/value/testLedgers';

const KEYS = Object.fromEntries(['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => [p, demoKeyPair(`prop-${p}`)]));
const bindings = new Map(Object.entries(KEYS).map(([p, k]) => [p, k.publicKey]));

/** A random ledger, every event signed by its actor, some copies tampered with (amount or actor changed after signing). */
const arb = fc
  .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), events: fc.integer({ min: 0, max: 40 }), tamper: fc.array(fc.nat(), { maxLength: 6 }), perm: fc.array(fc.nat(), { maxLength: 60 }) })
  .map(({ seed, events, tamper, perm }) => {
    const file = randomLedger({ seed, milestones: 3, events });
    const signed: LedgerEvent[] = file.events.map((e) => signRecord(KEYS[e.actor] ?? KEYS.p1, ESCROW_KIND, e));
    const bad = tamper.filter(() => signed.length > 0).map((i) => {
      const e = signed[i % signed.length];
      return e.type === 'fund' ? { ...e, amount: e.amount + 1 } : { ...e, actor: e.actor === 'p1' ? 'p2' : 'p1' };
    });
    const all = [...signed, ...bad];
    const shuffled = [...all];
    perm.forEach((p, i) => {
      if (!shuffled.length) return;
      const a = i % shuffled.length;
      const b = p % shuffled.length;
      [shuffled[a], shuffled[b]] = [shuffled[b], shuffled[a]];
    });
    return { file, signed, all, shuffled: [...shuffled, ...shuffled.slice(0, 5)] };
  });

describe('signed escrow ledger', () => {
  it('tampered copies never move money, a forger cannot block a valid event, and any order or duplicate gives the same output', () => {
    fc.assert(
      fc.property(arb, ({ file, signed, all, shuffled }) => {
        const honest = replayOutput(replaySignedLedger(file.milestones, signed, { keys: bindings, requireSigned: true }));
        const a = replaySignedLedger(file.milestones, all, { keys: bindings, requireSigned: true });
        const b = replaySignedLedger(file.milestones, shuffled, { keys: bindings, requireSigned: true });
        expect(replayOutput(a)).toEqual(honest);
        expect(replayOutput(b)).toEqual(replayOutput(a));
        expect(a.untrusted.length).toBe(all.length - signed.length);
        for (const u of a.untrusted) expect(u.status).toBe('tampered');
      }),
      { numRuns: 60 },
    );
  });

  it('an unsigned event is refused where signatures are required, with its reason', () => {
    const file = randomLedger({ seed: 4, milestones: 1, events: 3 });
    const r = replaySignedLedger(file.milestones, file.events, { requireSigned: true });
    expect(r.applied).toEqual([]);
    expect(r.rejected.map((x) => x.reason)).toEqual(file.events.map(() => 'unsigned: only signed events move money or count as votes'));
  });
});
