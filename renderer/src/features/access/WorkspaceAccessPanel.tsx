import { useState, type FormEvent } from 'react';
import { useFollowingDraft } from '../../forms/useFollowingDraft';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import { claims, tokenExpiry, tokenRenewableUntil } from '../../sync/refusal';
import { parseRelayList, parseToken } from '../../sync/workspaceAccess';

/** What a saved token allows, in words, without the token itself. */
function describeToken(token: string, now: number): string {
  const c = claims(token);
  const expires = tokenExpiry(token);
  const scope = c?.scope === 'r' ? 'read-only' : 'read and write';
  const when = expires === null ? 'does not say when it expires' : expires <= now ? `expired at ${new Date(expires).toLocaleString()}` : `expires at ${new Date(expires).toLocaleString()}`;
  return `An access token is saved (${scope}${typeof c?.room === 'string' ? `, for “${c.room}”` : ''}); it ${when}.`;
}

/**
 * The open workspace's own relays (an ordered list: the next is tried when one fails) and its room
 * token, stored on this device only. The token is pasted, never shown again: only what it allows.
 */
export function WorkspaceAccessPanel() {
  const app = useApp();
  const notify = useUi((s) => s.notify);
  const [relays, setRelays] = useFollowingDraft((app.access?.relays ?? []).join('\n'));
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // the time the saved token is judged against: when it was last saved or shown
  const [now] = useState(() => Date.now());
  const renewableUntil = app.access?.token ? tokenRenewableUntil(app.access.token) : null;
  if (!app.session) return null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const list = parseRelayList(relays);
      const nextToken = token.trim() ? parseToken(token) : (app.access?.token ?? null);
      if (list.length === 0 && !app.relayUrl && nextToken) throw new Error('a token needs a relay: type this workspace’s relay, or set this device’s relay below');
      await app.setAccess({ relays: list, token: nextToken, renewUrl: token.trim() ? null : (app.access?.renewUrl ?? null) });
      setToken('');
      setProblem(null);
      notify(list.length ? `This workspace syncs through ${list.join(', ')}` : 'This workspace syncs through this device’s relay');
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  const forget = async () => {
    await app.setAccess(app.access ? { ...app.access, token: null, renewUrl: null } : null);
    notify('The access token of this workspace is forgotten on this device');
  };
  return (
    <form onSubmit={save} className="panel" data-testid="workspace-access">
      <h2>Access to this workspace</h2>
      <p className="muted small">
        Kept on this device only, for this workspace. Relays are tried in order: when one cannot be reached, the next one is used (they must share one Redis).
      </p>
      <div className="grid2">
        <label>
          Relays of this workspace (one per line; empty: this device’s relay)
          <textarea rows={2} value={relays} onChange={(e) => (setRelays(e.target.value), setProblem(null))} placeholder="wss://relay-a.example.org&#10;wss://relay-b.example.org" data-testid="workspace-relays" />
        </label>
        <label>
          Access token (paste it; it is never shown)
          <input type="password" autoComplete="off" value={token} onChange={(e) => (setToken(e.target.value), setProblem(null))} placeholder={app.access?.token ? 'a token is saved: paste a new one to replace it' : 'eyJ… from `archipelago token`'} data-testid="workspace-token" />
        </label>
      </div>
      <p className="muted small" data-testid="workspace-token-status">
        {app.access?.token ? describeToken(app.access.token, now) : 'No access token: the relay must be open (no --auth-secret) for this workspace to sync.'}
        {app.access?.token && app.access.renewUrl ? ' It is renewed before it expires.' : ''}
        {renewableUntil !== null && renewableUntil > now && !app.access?.renewUrl ? ` The relay renews it before it expires, until ${new Date(renewableUntil).toLocaleString()}.` : ''}
      </p>
      {problem && (
        <p className="field-error" role="alert" data-testid="workspace-access-problem">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" data-testid="workspace-access-save">
          Use this access
        </button>
        {app.access?.token && (
          <button type="button" className="secondary" onClick={forget} data-testid="workspace-token-forget">
            Forget the token
          </button>
        )}
      </div>
    </form>
  );
}
