import { useEffect, useRef } from 'react';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { tokenExpiry, tokenRenewableUntil } from '../../sync/refusal';
import { renewAtRelays } from '../../sync/renewAtRelay';
import { renewalDue } from '../../sync/workspaceAccess';
import { renewAccessToken } from './renewAccessToken';
import { scheduleRenewal } from './renewalLoop';

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
  // the access as it is when a renewal answers (its relays may have been edited while it waited)
  const current = useRef(access);
  useEffect(() => {
    current.current = access;
  });
  useEffect(() => {
    if (!token || !session) return;
    const due = renewalDue(token);
    const expires = tokenExpiry(token);
    if (due === null || expires === null) return;
    // a workshop host renews at its own endpoint; a relay with a secret renews a token minted renewable
    const relays = access?.relays.length ? access.relays : (relayUrls ?? []);
    const renewable = (tokenRenewableUntil(token) ?? 0) > Date.now() && relays.length > 0;
    return scheduleRenewal({
      expires,
      due,
      renew: renewUrl ? () => renewAccessToken(renewUrl, token) : renewable ? () => renewAtRelays(relays, token) : null,
      onRenewed: (fresh) => {
        if (current.current) void setAccess({ ...current.current, token: fresh });
      },
      notify: (message) => notify(message, 'error'),
    });
    // access changes with every renewal; token and renewUrl say all that matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, renewUrl, session]);
  return null;
}
