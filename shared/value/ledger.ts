import { parseOrThrow } from '../model/validate';
import { LedgerFileSchema, type LedgerFile } from './ledgerSchema';
import { replayLedger, replayOutput, type LedgerReplay, type LedgerReplayOutput } from './replayLedger';

/**
 * The one code path behind `archipelago ledger replay` and the app's escrow view: validate the
 * file (a ValidationError names the first bad field, e.g. `$.events[3].amount`), then replay.
 */
export function parseLedgerFile(value: unknown, source = 'ledger'): LedgerFile {
  return parseOrThrow(LedgerFileSchema, value, source);
}

export function replayLedgerFile(file: LedgerFile, now?: number, history = true): LedgerReplay {
  return replayLedger(file.milestones, file.events, { now, history });
}

export function replayLedgerJson(value: unknown, now?: number, source?: string): LedgerReplayOutput {
  return replayOutput(replayLedgerFile(parseLedgerFile(value, source), now, false));
}
