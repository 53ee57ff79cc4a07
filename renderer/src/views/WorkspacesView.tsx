import { useEffect, useState, type FormEvent } from 'react';
import { normaliseRelayUrl } from '../../../shared/platformApi';
import { useApp } from '../hooks/useSession';
import { useUi } from '../state/uiStore';
import type { WorkspaceRow } from '../storage/db';
import { PALETTE } from '../storage/settings';
import { createWorkspace, joinWorkspace, listWorkspaces } from '../storage/workspaces';

export function WorkspacesView() {
  const app = useApp();
  const notify = useUi((s) => s.notify);
  const go = useUi((s) => s.go);
  const [rows, setRows] = useState<WorkspaceRow[]>([]);
  const [newName, setNewName] = useState('');
  const [joinId, setJoinId] = useState('');
  const [name, setName] = useState(app.user.name);
  const [relay, setRelay] = useState(app.relayUrl ?? '');

  useEffect(() => {
    let live = true;
    listWorkspaces(app.db).then((r) => live && setRows(r));
    return () => {
      live = false;
    };
  }, [app.db, app.session]);

  const open = async (id: string) => {
    await app.openWorkspace(id);
    go('people');
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!newName.trim()) return notify('Give the workspace a name', 'error');
    const row = await createWorkspace(app.db, newName);
    setNewName('');
    await open(row.id);
  };
  const join = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const row = await joinWorkspace(app.db, joinId);
      setJoinId('');
      await open(row.id);
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };
  const saveSettings = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await app.setUser({ ...app.user, name });
      const url = relay.trim() ? normaliseRelayUrl(relay) : null;
      await app.setRelayUrl(url);
      setRelay(url ?? '');
      notify(url ? `Syncing through ${url}` : 'Sync is off: everything stays on this device');
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };

  return (
    <section className="view workspaces" data-testid="workspaces-view">
      <header className="view-head">
        <h1>Workspaces</h1>
        <p className="muted">Each workspace is a network of people and its projects. It lives on this device and syncs to everyone who has its id.</p>
      </header>
      <ul className="cards">
        {rows.map((w) => (
          <li key={w.id} className={`card ${app.session?.workspaceId === w.id ? 'current' : ''}`} data-testid="workspace-card">
            <div>
              <strong>{w.name}</strong>
              <div className="muted small">
                id <code>{w.id}</code> · opened {new Date(w.openedAt).toLocaleDateString()}
              </div>
            </div>
            <button type="button" onClick={() => open(w.id)}>
              {app.session?.workspaceId === w.id ? 'Open (current)' : 'Open'}
            </button>
          </li>
        ))}
      </ul>
      <div className="grid2">
        <form onSubmit={create} className="panel">
          <h2>New workspace</h2>
          <label>
            Name
            <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. Lisbon circular economy" data-testid="new-workspace-name" />
          </label>
          <button type="submit">Create</button>
        </form>
        <form onSubmit={join} className="panel">
          <h2>Join a workspace</h2>
          <label>
            Workspace id
            <input value={joinId} onChange={(e) => setJoinId(e.target.value)} placeholder="the id someone shared with you" data-testid="join-workspace-id" />
          </label>
          <button type="submit">Join</button>
        </form>
      </div>
      <form onSubmit={saveSettings} className="panel">
        <h2>This device</h2>
        <div className="grid2">
          <label>
            Your name (others see it)
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
          </label>
          <label>
            Relay (leave empty to stay offline)
            <input value={relay} onChange={(e) => setRelay(e.target.value)} placeholder="ws://127.0.0.1:4455" data-testid="relay-url" />
          </label>
        </div>
        <div className="swatches" role="radiogroup" aria-label="Your colour">
          {PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={app.user.color === c}
              className={`swatch ${app.user.color === c ? 'on' : ''}`}
              style={{ background: c }}
              onClick={() => app.setUser({ ...app.user, color: c })}
              aria-label={`colour ${c}`}
            />
          ))}
        </div>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
