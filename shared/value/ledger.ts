import { parseOrThrow } from '../model/validate';
import { LedgerFileSchema, type LedgerFile } from './ledgerSchema';
import { replayOutput, type LedgerReplayOutput } from './replayLedger';
import { replaySignedLedger, type SignedLedgerReplay } from './signing/replaySigned';

/**
 * The one code path behind `archipelago ledger replay` and the app's escrow view: validate the
 * file (a ValidationError names the first bad field, e.g. `$.events[3].amount`), check any
 * signatures (signing/), then replay.
 */
export function parseLedgerFile(value: unknown, source = 'ledger'): LedgerFile {
  return parseOrThrow(LedgerFileSchema, value, source);
}

export function replayLedgerFile(file: LedgerFile, now?: number, history = true): SignedLedgerReplay {
  return replaySignedLedger(file.milestones, file.events, { now, history, keys: file.keys ? new Map(Object.entries(file.keys)) : undefined });
}

export function replayLedgerJson(value: unknown, now?: number, source?: string): LedgerReplayOutput {
  return replayOutput(replayLedgerFile(parseLedgerFile(value, source), now, false));
}
