import { parseLedgerFile } from '../../../shared/value/ledger';
import { compareTimed, type TimedEvent } from '../../../shared/value/ledgerOrder';
import type { LedgerEvent } from '../../../shared/value/ledgerSchema';
import { replayLedger } from '../../../shared/value/replayLedger';
import { plausibleLedger } from '../../../shared/value/testLedgers';
import { medianMs, type Bench } from '../harness';

/**
 * Replaying the escrow ledger: 100,000 events (about 30,000 milestones, each a whole life, ~2% of
 * events breaking a rule), shuffled and with 5% duplicate deliveries, against the target of
 * < 200 ms (issue 10).
 *
 * Baseline: a plain sort of the same events by the same key (parse each instant once, then sort).
 * Any replay that is a function of the set must at least put the set in one order, so this is the
 * floor for the obvious implementation (Array.prototype.sort with the order's comparator); the
 * replay beats it because it sorts packed numeric keys natively (ledgerOrder), so its ratio is
 * below 1 while doing deduplication, the rules and the rejection reasons on top.
 * The second row is the whole boundary (zod validation of the file, naming any bad field, then
 * the replay) against JSON.parse of the same text.
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
    const replay = medianMs(() => replayLedger(file.milestones, events, { now: Date.UTC(2027, 6, 1), history: false }), 7);
    const withHistory = medianMs(() => replayLedger(file.milestones, events, { now: Date.UTC(2027, 6, 1) }), 7);
    const chronological = medianMs(() => replayLedger(file.milestones, file.events, { now: Date.UTC(2027, 6, 1), history: false }), 7);
    const sort = medianMs(() => events.map((event): TimedEvent => ({ event, ms: Date.parse(event.at) })).sort(compareTimed), 7);
    const text = JSON.stringify({ ...file, events });
    const whole = medianMs(() => {
      const f = parseLedgerFile(JSON.parse(text));
      return replayLedger(f.milestones, f.events, { now: Date.UTC(2027, 6, 1), history: false });
    }, 3);
    const jsonOnly = medianMs(() => JSON.parse(text), 3);
    return [
      { measure: 'replay 100,000 events (+5% duplicates, shuffled), as the CLI', figure: replay, baseline: sort, baselineName: 'plain sort of the same events', unit: 'ms', target: 200 },
      { measure: 'the same, in chronological order (as a log is written)', figure: chronological, baseline: sort, baselineName: 'plain sort of the shuffled events', unit: 'ms', target: 200 },
      { measure: 'the same shuffled set with per-milestone history, as the app', figure: withHistory, baseline: replay, baselineName: 'without history', unit: 'ms' },
      { measure: 'validate (zod) + replay the same file', figure: whole, baseline: jsonOnly, baselineName: 'JSON.parse alone', unit: 'ms' },
    ];
  },
};
