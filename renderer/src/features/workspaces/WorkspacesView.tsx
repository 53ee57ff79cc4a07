import { useEffect, useState, type FormEvent } from 'react';
import { useFollowingDraft } from '../../forms/useFollowingDraft';
import { useApp } from '../../hooks/useSession';
import { useUi } from '../../state/uiStore';
import type { WorkspaceRow } from '../../storage/db';
import { PALETTE } from '../../storage/settings';
import { workspaceName } from '../../../../shared/model/docs/workspaceDoc';
import { rooms } from '../../session/rooms';
import { createWorkspace, joinWorkspace, listWorkspaces, workspaceIdProblem } from '../../storage/workspaces';
import { ThemeChoiceField } from '../theme/ThemeToggle';
import { HostWorkshopPanel } from '../workshop/HostWorkshopPanel';
import { probeRelays } from '../../sync/probeRelays';
import { shownRelayUrl } from '../../sync/relayDisplay';
import { WorkspaceAccessPanel } from '../access/WorkspaceAccessPanel';
import { DeviceRelayList } from '../device/DeviceRelayList';
import { useDeviceRelayDraft } from '../device/useDeviceRelayDraft';

type JoinState = { kind: 'idle' } | { kind: 'checking'; text: string } | { kind: 'problem'; text: string } | { kind: 'ask'; text: string; anyway: string };

export function WorkspacesView() {
  const app = useApp();
  const notify = useUi((s) => s.notify);
  const go = useUi((s) => s.go);
  const [rows, setRows] = useState<WorkspaceRow[]>([]);
  const [newName, setNewName] = useState('');
  const [joinId, setJoinId] = useState('');
  const [name, setName] = useFollowingDraft(app.user.name);
  const relays = useDeviceRelayDraft(app.deviceRelays);

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
  const [joinState, setJoinState] = useState<JoinState>({ kind: 'idle' });
  const join = async (e: FormEvent, anyway = false) => {
    e.preventDefault();
    const id = joinId.trim();
    const problem = workspaceIdProblem(id);
    if (problem) return setJoinState({ kind: 'problem', text: problem });
    if (rows.some((w) => w.id === id)) return open(id);
    try {
      let name: string | undefined;
      if (!anyway) {
        if (!app.relayUrl) return setJoinState({ kind: 'problem', text: `No relay is set on this device, so workspace “${id}” cannot be fetched. Set a relay under This device first.` });
        setJoinState({ kind: 'checking', text: `Asking ${shownRelayUrl(app.relayUrl)} for workspace “${id}”…` });
        // this device's relays in order, as a connection fails over: the first that answers decides
        const { probe, relay } = await probeRelays(app.deviceRelays, rooms.workspace(id));
        if (probe.status === 'empty')
          return setJoinState({ kind: 'ask', text: `The relay ${shownRelayUrl(relay)} has no workspace “${id}”. Check the id with whoever shared it: ids are exact.`, anyway: 'Join anyway (it fills in once they sync)' });
        if (probe.status === 'unreachable')
          return setJoinState({ kind: 'ask', text: `Could not reach ${app.deviceRelays.length > 1 ? 'any of this device’s relays' : `the relay ${shownRelayUrl(relay)}`} to check “${id}” (${probe.error}).`, anyway: 'Join anyway (it fills in once the relay answers)' });
        name = workspaceName(probe.doc);
        probe.doc.destroy();
      }
      const row = await joinWorkspace(app.db, id, name);
      setJoinId('');
      setJoinState({ kind: 'idle' });
      await open(row.id);
    } catch (err) {
      setJoinState({ kind: 'problem', text: (err as Error).message });
    }
  };
  const saveSettings = async (e: FormEvent) => {
    e.preventDefault();
    // the relays are checked first: a bad one saves nothing (it is explained beside the list)
    const list = relays.toSave();
    if (!list) return;
    try {
      await app.setUser({ ...app.user, name });
      await app.setDeviceRelays(list);
      notify(list.length ? `Syncing through ${list.map(shownRelayUrl).join(', then ')}` : 'Sync is off: everything stays on this device');
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
            <input value={joinId} onChange={(e) => (setJoinId(e.target.value), setJoinState({ kind: 'idle' }))} placeholder="the id someone shared with you" data-testid="join-workspace-id" />
          </label>
          {joinState.kind !== 'idle' && (
            <p className={joinState.kind === 'checking' ? 'muted small' : 'field-error'} role={joinState.kind === 'checking' ? 'status' : 'alert'} data-testid="join-message">
              {joinState.text}
            </p>
          )}
          <div className="row">
            <button type="submit" disabled={joinState.kind === 'checking'} data-testid="join-workspace">
              Join
            </button>
            {joinState.kind === 'ask' && (
              <button type="button" className="secondary" onClick={(e) => join(e, true)} data-testid="join-anyway">
                {joinState.anyway}
              </button>
            )}
          </div>
        </form>
      </div>
      <WorkspaceAccessPanel />
      <form onSubmit={saveSettings} className="panel">
        <h2>This device</h2>
        <div className="grid2">
          <label>
            Your name (others see it)
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
          </label>
        </div>
        <DeviceRelayList draft={relays} />
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
        <ThemeChoiceField />
        <button type="submit">Save</button>
      </form>
      <HostWorkshopPanel />
    </section>
  );
}
