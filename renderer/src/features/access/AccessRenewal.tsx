import { useEffect } from 'react';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { tokenExpiry, tokenRenewableUntil } from '../../sync/refusal';
import { RenewalRefused, renewAtRelays } from '../../sync/renewAtRelay';
import { renewalDue } from '../../sync/workspaceAccess';
import { renewAccessToken } from './renewAccessToken';

/** Timers longer than this overflow in browsers (they fire at once). */
const MAX_DELAY_MS = 2 ** 31 - 1;
const RETRY_MS = 60_000;
const MIN_GAP_MS = 10_000;

/**
 * Keeps the open workspace's room token fresh: where its relay renews tokens (a workshop host), asks
 * for a new one a while before it expires and reconnects with it; where it does not, says in time
 * that the token is about to expire, and where to paste a new one. Renders nothing.
 */
export function AccessRenewal() {
  const { access, setAccess, session, deviceRelays: relayUrls } = useApp();
  const notify = useUi((s) => s.notify);
  const token = access?.token ?? null;
  const renewUrl = access?.renewUrl ?? null;
  useEffect(() => {
    if (!token || !session) return;
    const due = renewalDue(token);
    const expires = tokenExpiry(token);
    if (due === null || expires === null) return;
    let timer: ReturnType<typeof setTimeout>;
    let live = true;
    // a workshop host renews at its own endpoint; a relay with a secret renews a token minted renewable
    const relays = access?.relays.length ? access.relays : (relayUrls ?? []);
    const renewable = (tokenRenewableUntil(token) ?? 0) > Date.now() && relays.length > 0;
    const attempt = () => {
      if (!renewUrl && !renewable) {
        if (expires > Date.now()) notify(`This workspace's access token expires at ${new Date(expires).toLocaleString()}. Ask for a new one and paste it under Workspaces → Access to this workspace.`, 'error');
        return;
      }
      (renewUrl ? renewAccessToken(renewUrl, token) : renewAtRelays(relays, token)).then(
        (fresh) => {
          if (live && access) void setAccess({ ...access, token: fresh });
        },
        (e: Error) => {
          if (!live) return;
          if (e instanceof RenewalRefused) return notify(`This workspace's access token cannot be renewed (${e.message}). Ask for a new one and paste it under Workspaces → Access to this workspace.`, 'error');
          notify(`Could not renew this workspace's access token (${e.message}); trying again in a minute.`, 'error');
          timer = setTimeout(attempt, RETRY_MS);
        },
      );
    };
    // a short-lived token is renewed no sooner than halfway through what is left of it (at most 10 s on):
    // renewing at once, over and over, would flood the host
    const now = Date.now();
    const at = Math.max(due, now + Math.min(MIN_GAP_MS, Math.max(0, (expires - now) / 2)));
    timer = setTimeout(attempt, Math.min(at - now, MAX_DELAY_MS));
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // access changes with every renewal; token and renewUrl say all that matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, renewUrl, session]);
  return null;
}
