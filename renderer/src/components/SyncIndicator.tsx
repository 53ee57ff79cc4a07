import { useEffect, useState } from 'react';
import type { SyncState } from '../sync/relayConnection';

const LABEL = { offline: 'Offline', connecting: 'Connecting…', synced: 'Synced' } as const;

function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return new Date(ms).toLocaleString();
}

/**
 * Never lies: "Synced" only while connected and the relay has confirmed our state; the count is of
 * local changes the relay has not yet confirmed storing; the time is when it last confirmed.
 * "saving…" shows while a change is not yet committed to IndexedDB on this device.
 */
export function SyncIndicator({ state, relayUrl, unsaved }: { state: SyncState; relayUrl: string | null; unsaved: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const pending = state.unconfirmed;
  const title = relayUrl
    ? `Relay ${relayUrl}. ${pending ? `${pending} local change${pending > 1 ? 's' : ''} not yet confirmed by the relay.` : 'Every local change is confirmed by the relay.'}`
    : 'No relay set: everything stays on this device.';
  const local = unsaved ? ' Saving to this device…' : ' Every change is saved on this device.';
  return (
    <div className={`sync sync-${state.status}`} data-testid="sync-status" data-status={state.status} data-unconfirmed={pending} data-unsaved={unsaved} title={title + local}>
      <span className="sync-dot" aria-hidden />
      <span className="sync-label">{relayUrl ? LABEL[state.status] : 'Local only'}</span>
      {pending > 0 && (
        <span className="sync-pending" data-testid="sync-pending">
          {pending} unconfirmed
        </span>
      )}
      <span className={`sync-saving ${unsaved ? 'on' : ''}`}>
        {unsaved ? 'saving…' : ''}
      </span>
      <span className="sync-time" data-testid="sync-time">
        {state.lastSyncedAt ? `last sync ${ago(state.lastSyncedAt, now)}` : relayUrl ? 'never synced' : ''}
      </span>
    </div>
  );
}
