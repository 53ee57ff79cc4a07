import { demoKeyPair } from '../../../shared/identity/keys';
import { parseLedgerFile, replayLedgerFile } from '../../../shared/value/ledger';
import { compareTimed, type TimedEvent } from '../../../shared/value/ledgerOrder';
import type { LedgerEvent } from '../../../shared/value/ledgerSchema';
import { replayLedger } from '../../../shared/value/replayLedger';
import { replaySignedLedger } from '../../../shared/value/signing/replaySigned';
import { ESCROW_KIND, signRecord } from '../../../shared/value/signing/signedRecord';
import { plausibleLedger } from '../../../shared/value/testLedgers';
import { medianMs, type Bench } from '../harness';

/**
 * Replaying the escrow ledger: 100,000 events (about 30,000 milestones, each a whole life, ~2% of
 * events breaking a rule), shuffled and with 5% duplicate deliveries, against the target of
 * < 200 ms (issue 10).
 *
 * Baseline: a plain sort of the same events by the same key (parse each instant once, then sort
 * with the order's comparator). Any replay that is a function of the set must at least put each
 * milestone's events in one order; the replay does that per milestone (a counting sort into buckets,
 * then insertion sort of each small bucket; see replayLedger.ts) and adds deduplication, the rules and
 * the rejection reasons on top. Before this change (same machine, same run conditions) the replay took
 * 1.9-2.7x the plain sort (161-228 ms); it now takes about 1.3-1.8x.
 * The replay rows run the CLI's own entry (replayLedgerFile: the signature screen, which an unsigned
 * contract file passes straight through, then the replay). The whole-boundary row adds zod validation
 * of the file (naming any bad field) against JSON.parse of the same text.
 *
 * Signed ledgers: verifying an Ed25519 signature costs far more than replaying its event, so the app
 * verifies each event once and remembers the result by the event's exact JSON; the last two rows are
 * a cold replay of 1,000 signed events and the re-read after one more event arrives.
 */
export const valueBench: Bench = {
  name: 'value',
  run() {
    const file = plausibleLedger({ seed: 3, events: 100_000 });
    // as they arrive from a file or a peer: fresh parsed objects, 5% delivered twice, in any order
    const events: LedgerEvent[] = JSON.parse(JSON.stringify(file.events));
    for (let i = 0; i < 5_000; i++) events.push(JSON.parse(JSON.stringify(file.events[(i * 7919) % file.events.length])));
    for (let i = events.length - 1; i > 0; i--) {
      const j = (i * 2654435761) % (i + 1);
      [events[i], events[j]] = [events[j], events[i]];
    }
    const asFile = { ...file, events };
    const replay = medianMs(() => replayLedgerFile(asFile, Date.UTC(2027, 6, 1), false), 9);
    const withHistory = medianMs(() => replayLedger(file.milestones, events, { now: Date.UTC(2027, 6, 1) }), 7);
    const chronological = medianMs(() => replayLedgerFile(file, Date.UTC(2027, 6, 1), false), 9);
    const sort = medianMs(() => events.map((event): TimedEvent => ({ event, ms: Date.parse(event.at) })).sort(compareTimed), 9);
    const text = JSON.stringify({ ...file, events });
    const whole = medianMs(() => {
      const f = parseLedgerFile(JSON.parse(text));
      return replayLedger(f.milestones, f.events, { now: Date.UTC(2027, 6, 1), history: false });
    }, 3);
    const jsonOnly = medianMs(() => JSON.parse(text), 3);
    // 1,000 signed events of 300 milestones, each by its actor's key
    const small = plausibleLedger({ seed: 5, events: 1_000 });
    const keys = new Map<string, ReturnType<typeof demoKeyPair>>();
    const keyOf = (p: string) => keys.get(p) ?? keys.set(p, demoKeyPair(`bench/${p}`)).get(p)!;
    const signed = small.events.map((e) => signRecord(keyOf(e.actor), ESCROW_KIND, e));
    const bound = new Map([...keys].map(([p, k]) => [p, k.publicKey]));
    const cold = medianMs(() => replaySignedLedger(small.milestones, signed, { keys: bound, requireSigned: true, history: false }), 3);
    const cache = new Map<string, boolean>();
    replaySignedLedger(small.milestones, signed, { keys: bound, requireSigned: true, cache });
    const next = [...signed, signRecord(keyOf(small.events[0].actor), ESCROW_KIND, { ...small.events[0], id: 'one-more' })];
    const warm = medianMs(() => replaySignedLedger(small.milestones, next, { keys: bound, requireSigned: true, cache }), 5);
    const unsignedSmall = medianMs(() => replayLedger(small.milestones, small.events), 5);
    return [
      { measure: 'replay 100,000 events (+5% duplicates, shuffled), as the CLI', figure: replay, baseline: sort, baselineName: 'plain sort of the same events', unit: 'ms', target: 200 },
      { measure: 'the same, in chronological order (as a log is written)', figure: chronological, baseline: sort, baselineName: 'plain sort of the shuffled events', unit: 'ms', target: 200 },
      { measure: 'the same shuffled set with per-milestone history, as the app', figure: withHistory, baseline: replay, baselineName: 'without history', unit: 'ms' },
      { measure: 'validate (zod) + replay the same file', figure: whole, baseline: jsonOnly, baselineName: 'JSON.parse alone', unit: 'ms' },
      { measure: 'replay 1,000 signed events, verifying every signature (cold)', figure: cold, baseline: unsignedSmall, baselineName: 'the same events unsigned', unit: 'ms' },
      { measure: 'the app re-reading them after one more arrives (verification cache)', figure: warm, baseline: cold, baselineName: 'cold', unit: 'ms' },
    ];
  },
};
