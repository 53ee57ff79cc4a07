import { RenewalRefused } from '../../sync/renewAtRelay';

/** Timers longer than this overflow in browsers (they fire at once). */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** After a failure that may pass (the relay unreachable, busy), the next try. */
export const RETRY_MS = 60_000;
/** A short-lived token is renewed no sooner than halfway through what is left of it, and at most this long after. */
const MIN_GAP_MS = 10_000;

export interface RenewalPlan {
  /** When the token expires, and when its renewal is due (ms since the epoch). */
  expires: number;
  due: number;
  /** Asks for a fresh token; null where nothing renews this one (the user is told in time instead). */
  renew: (() => Promise<string>) | null;
  onRenewed(fresh: string): void;
  notify(message: string): void;
}

/**
 * Renews one token when it is due (AccessRenewal starts again with the fresh one). A failure that may
 * pass is retried every minute; a refusal (RenewalRefused: expired, not renewable, removed) is final:
 * the user is told once and nothing is asked again. Returns the function that stops it.
 */
export function scheduleRenewal(plan: RenewalPlan): () => void {
  let live = true;
  let timer: ReturnType<typeof setTimeout>;
  const askAnew = 'Ask for a new one and paste it under Workspaces → Access to this workspace.';
  const attempt = () => {
    if (!plan.renew) {
      if (plan.expires > Date.now()) plan.notify(`This workspace's access token expires at ${new Date(plan.expires).toLocaleString()}. ${askAnew}`);
      return;
    }
    plan.renew().then(
      (fresh) => {
        if (live) plan.onRenewed(fresh);
      },
      (e: Error) => {
        if (!live) return;
        if (e instanceof RenewalRefused) return plan.notify(`This workspace's access token cannot be renewed (${e.message}). ${askAnew}`);
        plan.notify(`Could not renew this workspace's access token (${e.message}); trying again in a minute.`);
        timer = setTimeout(attempt, RETRY_MS);
      },
    );
  };
  // renewing a short-lived token at once, over and over, would flood the host
  const now = Date.now();
  const at = Math.max(plan.due, now + Math.min(MIN_GAP_MS, Math.max(0, (plan.expires - now) / 2)));
  timer = setTimeout(attempt, Math.min(at - now, MAX_DELAY_MS));
  return () => {
    live = false;
    clearTimeout(timer);
  };
}
