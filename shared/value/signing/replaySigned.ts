import type { LedgerEvent, MilestoneTerms } from '../ledgerSchema';
import { replayLedger, type LedgerReplay, type ReplayOptions } from '../replayLedger';
import { screenEvents, type Screened } from './screenSigned';
import { ESCROW_KIND } from './signedRecord';

export interface SignedReplayOptions extends ReplayOptions {
  keys?: ReadonlyMap<string, string>;
  requireSigned?: boolean;
  cache?: Map<string, boolean>;
  /** Judges one event instead of the default (the app: a dispute's resolve is judged by its outcome). Must depend on the event only. */
  screen?: (e: LedgerEvent) => Screened<LedgerEvent>;
}

export interface SignedLedgerReplay extends LedgerReplay {
  /** Events kept out of the money state by their signature, with the reason (the UI shows them). */
  untrusted: Screened<LedgerEvent>[];
  /** How many of them carry a signature that does not hold. */
  tampered: number;
}

/**
 * The escrow replay with signatures checked first, one event at a time (signing/screenSigned.ts), so
 * the state stays a function of the set of events. Only trusted events move money. Each distinct id
 * still appears exactly once in `applied` or `rejected`: an id that no trusted event carries is
 * rejected with its (first, by text) signature reason; a bad copy of an id that a trusted event also
 * carries does not take the good one's place (a forger cannot block a valid event by copying its id),
 * and is listed in `untrusted`.
 */
export function replaySignedLedger(milestones: readonly MilestoneTerms[], events: readonly LedgerEvent[], options: SignedReplayOptions = {}): SignedLedgerReplay {
  const anySigned = options.requireSigned || (options.keys && options.keys.size > 0) || events.some((e) => e.signed !== undefined);
  if (!anySigned) return { ...replayLedger(milestones, events, options), untrusted: [], tampered: 0 };
  const base = { kind: ESCROW_KIND, keys: options.keys, requireSigned: options.requireSigned, cache: options.cache };
  const screened = screenEvents(events, base, options.screen);
  const replay = replayLedger(milestones, screened.trusted, options);
  const trustedIds = new Set(screened.trusted.map((e) => e.id));
  const reasons = new Map<string, string>();
  for (const u of screened.untrusted) {
    if (trustedIds.has(u.event.id)) continue;
    const prior = reasons.get(u.event.id);
    if (prior === undefined || u.reason < prior) reasons.set(u.event.id, u.reason);
  }
  for (const id of [...reasons.keys()].sort()) replay.rejected.push({ id, reason: reasons.get(id)! });
  return { ...replay, untrusted: screened.untrusted, tampered: screened.untrusted.filter((u) => u.status === 'tampered').length };
}
