import { useEffect, useId, useRef, useState } from 'react';
import { splitRelayUrl, type SyncState } from '../sync/relayConnection';
import { shownRelayUrl } from '../sync/relayDisplay';

const LABEL = { offline: 'Offline', connecting: 'Connecting…', unreachable: 'Relay unreachable', synced: 'Synced' } as const;

function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return new Date(ms).toLocaleString();
}

/** What the indicator says in full: the relay, what is confirmed, what is kept locally, and why. */
export function syncExplanation(state: SyncState, relayUrl: string | null, unsaved: number, now: number): string[] {
  // the relay in use (one of a list, after a failover), said to carry a token when it does; never the token
  const relay = relayUrl && (state.relay ? `${state.relay}${splitRelayUrl(relayUrl).token ? ' (with an access token)' : ''}` : shownRelayUrl(relayUrl));
  const lines: string[] = [];
  const n = state.unconfirmed;
  const changes = n === 1 ? '1 change made here is' : `${n} changes made here are`;
  if (!relayUrl) lines.push('No relay is set: everything stays on this device.');
  else if (state.refused) lines.push(`The relay ${relay} refused access: ${state.refused}.`, n ? `${changes} kept on this device and will be sent if access is given again.` : 'Changes you make are kept on this device.');
  else if (state.status === 'synced') lines.push(`Connected to ${relay}.`, n ? `${n} change${n === 1 ? '' : 's'} not yet confirmed by the relay.` : 'The relay has confirmed storing every change made here.');
  else {
    if (state.status === 'unreachable') lines.push(`Cannot reach the relay ${relay}.`);
    else if (state.status === 'connecting') lines.push(`Connecting to ${relay}…`);
    else lines.push(`Offline: not connecting to ${relay}.`);
    if (state.lastError) lines.push(`Last error: ${state.lastError}.`);
    lines.push(n ? `${changes} kept on this device and will be sent when the relay answers.` : 'Changes you make are kept on this device and sent when the relay answers.');
    if (state.retryAt) lines.push(`Next try ${state.retryAt <= now ? 'now' : `in ${Math.ceil((state.retryAt - now) / 1000)} s`}.`);
  }
  if (relayUrl) lines.push(state.lastSyncedAt ? `Last confirmed ${ago(state.lastSyncedAt, now)}.` : 'The relay has never confirmed this workspace on this device.');
  lines.push(unsaved ? 'Saving to this device…' : 'Every change is saved on this device.');
  return lines;
}

/**
 * Never lies: "Synced" only while connected and the relay has confirmed our state; the count is of
 * local changes the relay has not yet confirmed storing; the time is when it last confirmed. A relay
 * that does not answer is called unreachable after a few seconds, with its URL, the last error and
 * the next retry; "saving…" shows while a change is not yet committed to IndexedDB on this device.
 * Clicking it shows all of that, and offers to retry at once.
 */
export function SyncIndicator({ state, relayUrl, unsaved, onRetry }: { state: SyncState; relayUrl: string | null; unsaved: number; onRetry?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const counting = state.retryAt !== null;
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), counting ? 1000 : 5000);
    return () => clearInterval(t);
  }, [counting]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => (window.removeEventListener('mousedown', close), window.removeEventListener('keydown', close));
  }, [open]);
  const pending = state.unconfirmed;
  const explanation = syncExplanation(state, relayUrl, unsaved, now);
  const trouble = relayUrl && (state.status === 'unreachable' || state.status === 'connecting') && state.retryAt;
  return (
    <div className="sync-wrap" ref={root}>
      <button
        type="button"
        className={`sync sync-${relayUrl ? state.status : 'local'}`}
        data-testid="sync-status"
        data-status={state.status}
        data-refused={state.refused ? 'true' : undefined}
        data-unconfirmed={pending}
        data-unsaved={unsaved}
        title={explanation.join(' ')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="sync-dot" aria-hidden />
        <span className="sync-label">{relayUrl ? (state.refused ? 'Access refused' : LABEL[state.status]) : 'Local only'}</span>
        {pending > 0 && (
          <span className="sync-pending" data-testid="sync-pending">
            {pending} unconfirmed
          </span>
        )}
        <span className={`sync-saving ${unsaved ? 'on' : ''}`}>{unsaved ? 'saving…' : ''}</span>
        <span className="sync-time" data-testid="sync-time">
          {trouble && state.retryAt! > now ? `retry in ${Math.ceil((state.retryAt! - now) / 1000)} s` : state.lastSyncedAt ? `last sync ${ago(state.lastSyncedAt, now)}` : relayUrl ? 'never synced' : ''}
        </span>
      </button>
      {open && (
        <div className="sync-panel panel" id={panelId} role="dialog" aria-label="Sync status" data-testid="sync-panel">
          {explanation.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {relayUrl && state.status !== 'synced' && state.status !== 'offline' && onRetry && (
            <button type="button" onClick={onRetry} data-testid="sync-retry">
              Retry now
            </button>
          )}
        </div>
      )}
      <span className="sr-only" role="status" aria-live="polite">
        {relayUrl && state.status === 'unreachable' ? `Relay unreachable. Changes are kept on this device.` : ''}
      </span>
    </div>
  );
}
