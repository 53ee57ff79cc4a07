import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { relaysOfSettings } from '../../shared/deviceRelays';
import { workspaceName } from '../../shared/model/docs/workspaceDoc';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notice } from './components/Notice';
import { RegisterSelf } from './features/identity/useIdentity';
import { TrustEvidenceSync } from './features/identity/useTrustEvidence';
import { PaletteHost } from './features/palette/PaletteHost';
import { Shortcuts } from './features/shortcuts/Shortcuts';
import { ThemeToggle } from './features/theme/ThemeToggle';
import { Presence } from './components/Presence';
import { SyncIndicator } from './components/SyncIndicator';
import { WorkshopBar } from './features/workshop/WorkshopBar';
import { AppContext, usePeers, useSyncState, useUndoState, type AppServices } from './hooks/useSession';
import { useYSnapshot } from './hooks/useYSnapshot';
import { platform } from './platform';
import { parseRoute } from './router';
import type { UndoStep } from './session/undo';
import { WorkspaceSession } from './session/workspaceSession';
import { useUi, type View } from './state/uiStore';
import type { ArchipelagoDb } from './storage/db';
import { saveUser, type UserSettings } from './storage/settings';
import { loadAccess, saveAccess } from './storage/accessStore';
import { effectiveRelayUrls, type WorkspaceAccess } from './sync/workspaceAccess';
import { AccessRenewal } from './features/access/AccessRenewal';
import { UnlessRemovedFromWorkshop } from './features/workshop/UnlessRemovedFromWorkshop';
import { useWorkshopRemoval, wasRemoved } from './features/workshop/removal';
import { PeopleView } from './features/people/PeopleView';
import { ProjectsView } from './features/projects/ProjectsView';
import { TiesView } from './features/ties/TiesView';
import { WorkspacesView } from './features/workspaces/WorkspacesView';
import { GraphPreview } from './features/graph/GraphPreview';
import type { LayoutSnapshot } from './features/graph/layoutSnapshot';

const GraphView = lazy(() => import('./features/graph/GraphView'));
// large (d3-geo, the world atlas): loaded when first opened, never in the initial bundle
const MapView = lazy(() => import('./features/map/MapView'));
const GovernanceView = lazy(() => import('./features/governance/GovernanceView'));
const MembersView = lazy(() => import('./features/identity/MembersView'));

const NAV: { view: View; label: string }[] = [
  { view: 'graph', label: 'Graph' },
  { view: 'people', label: 'People' },
  { view: 'ties', label: 'Trust ties' },
  { view: 'projects', label: 'Projects' },
  { view: 'map', label: 'Map' },
  { view: 'members', label: 'Members' },
  { view: 'governance', label: 'Governance' },
  { view: 'workspaces', label: 'Workspaces' },
];

const VIEW_NAMES: Record<string, string> = { graph: 'Graph', people: 'People', ties: 'Trust ties', projects: 'Projects', map: 'Map', members: 'Members', governance: 'Governance', workspaces: 'Workspaces' };

/**
 * Undo and redo that say what they did and show where: the app goes to the place of the step (its
 * view, and the person or project it touched) and a toast names the step, with the way back.
 */
function useUndoRedo(session: WorkspaceSession | null) {
  const go = useUi((s) => s.go);
  const selectPerson = useUi((s) => s.selectPerson);
  const selectProject = useUi((s) => s.selectProject);
  const notify = useUi((s) => s.notify);
  const show = useCallback(
    (step: UndoStep | undefined, verb: 'Undone' | 'Redone') => {
      if (!step) return notify(`Nothing to ${verb === 'Undone' ? 'undo' : 'redo'}`);
      const place = step.place;
      if (place && place.view in VIEW_NAMES) {
        go(place.view as View);
        if (place.personId) selectPerson(place.personId);
        if (place.projectId) selectProject(place.projectId);
      }
      const where = place && VIEW_NAMES[place.view] ? ` (in ${VIEW_NAMES[place.view]})` : '';
      notify(`${verb}: ${step.label}${where}`, 'info', verb === 'Undone' ? 'redo' : 'undo');
    },
    [go, selectPerson, selectProject, notify],
  );
  const undo = useCallback(() => session && show(session.undo.undo(), 'Undone'), [session, show]);
  const redo = useCallback(() => session && show(session.undo.redo(), 'Redone'), [session, show]);
  return { undo, redo };
}

const isEditable = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

const ready = () => Promise.resolve();

export function App({ db, initialUser, initialRelays, initialWorkspace, preview = null, whenReady = ready }: { db: ArchipelagoDb; initialUser: UserSettings; initialRelays: string[]; initialWorkspace: string; preview?: LayoutSnapshot | null; whenReady?: () => Promise<void> }) {
  const [session, setSession] = useState<WorkspaceSession | null>(null);
  const [workspaceId, setWorkspaceId] = useState(initialWorkspace);
  const [user, setUserState] = useState(initialUser);
  const [deviceRelays, setDeviceRelayState] = useState(initialRelays);
  const relayUrl = deviceRelays[0] ?? null;
  /** The open workspace's own relays and token (this device's settings), and the URLs they make. */
  const [access, setAccessState] = useState<WorkspaceAccess | null>(null);
  const relayUrls = useMemo(() => effectiveRelayUrls(deviceRelays, access), [deviceRelays, access]);
  const [error, setError] = useState<string | null>(null);
  const view = useUi((s) => s.view);
  const go = useUi((s) => s.go);
  // what a newly opened session starts with; later changes are pushed into the open session
  const current = useRef({ user, deviceRelays });
  useEffect(() => {
    current.current = { user, deviceRelays };
  }, [user, deviceRelays]);

  useEffect(() => {
    let live = true;
    let opened: WorkspaceSession | null = null;
    (workspaceId === initialWorkspace ? whenReady() : Promise.resolve())
      .then(() => loadAccess(db, workspaceId))
      .then((stored) => {
        if (live) setAccessState(stored);
        // a workshop participant the facilitator removed: no relay is asked at all, not even once
        const suspended = wasRemoved(useWorkshopRemoval.getState().removed, stored?.token ?? null);
        return WorkspaceSession.open(db, workspaceId, effectiveRelayUrls(current.current.deviceRelays, stored), current.current.user, { suspended });
      })
      .then(
        (s) => {
          if (!live) return s.close();
          opened = s;
          setSession(s);
          setError(null);
        },
        (e: Error) => live && setError(e.message),
      );
    return () => {
      live = false;
      opened?.close();
    };
  }, [db, workspaceId, initialWorkspace, whenReady]);
  useEffect(() => session?.setView(view), [session, view]);
  const graphPreview = preview?.workspaceId === workspaceId ? <GraphPreview snapshot={preview} /> : null;
  const followRoute = useUi((s) => s.followRoute);
  useEffect(() => {
    const onHash = () => followRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [followRoute]);
  const resetForWorkspace = useUi((s) => s.resetForWorkspace);
  const shownWorkspace = useRef(workspaceId);
  useEffect(() => {
    if (shownWorkspace.current === workspaceId) return;
    shownWorkspace.current = workspaceId;
    resetForWorkspace();
  }, [workspaceId, resetForWorkspace]);
  const openWorkspace = useCallback(async (id: string) => setWorkspaceId(id), []);

  const services: AppServices = useMemo(
    () => ({
      db,
      session,
      user,
      relayUrl,
      deviceRelays,
      relayUrls,
      access,
      openWorkspace,
      setUser: async (u) => {
        const saved = await saveUser(db, u);
        setUserState(saved);
        session?.setUser(saved);
      },
      setDeviceRelays: async (urls) => {
        const saved = relaysOfSettings(await platform.setSettings({ relayUrls: urls.length ? urls : null })) ?? [];
        setDeviceRelayState(saved);
        session?.setRelayUrls(effectiveRelayUrls(saved, access));
      },
      setAccess: async (next) => {
        if (!session) throw new Error('no workspace is open');
        const saved = await saveAccess(db, session.workspaceId, next);
        setAccessState(saved);
        session.setRelayUrls(effectiveRelayUrls(deviceRelays, saved));
      },
    }),
    [db, session, user, relayUrl, deviceRelays, relayUrls, access, openWorkspace],
  );

  const sync = useSyncState(session);
  const unsaved = useSyncExternalStore(db.writes.subscribe, () => db.writes.pending);
  const peers = usePeers(session);
  const { canUndo, canRedo } = useUndoState(session);
  const name = useYSnapshot(session?.workspace.doc, workspaceName, '');

  const { undo, redo } = useUndoRedo(session);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return (
    <AppContext.Provider value={services}>
      <RegisterSelf />
      <TrustEvidenceSync />
      <UnlessRemovedFromWorkshop>
        <AccessRenewal />
      </UnlessRemovedFromWorkshop>
      <div className="app">
        <nav className="sidebar" aria-label="Sections">
          <div className="brand">
            <span className="logo" aria-hidden>
              ◍
            </span>
            Archipelago
          </div>
          <div className="workspace-name" data-testid="workspace-name" title={session?.workspaceId}>
            {name || '…'}
          </div>
          {NAV.map((n) => (
            <button key={n.view} type="button" className={`nav ${view === n.view ? 'on' : ''}`} onClick={() => go(n.view)} data-testid={`nav-${n.view}`}>
              {n.label}
            </button>
          ))}
          <div className="sidebar-foot muted small">
            v{platform.version} · {platform.platform}
          </div>
        </nav>
        <div className="main">
          <header className="topbar">
            <div className="undo">
              <button type="button" className="secondary" disabled={!canUndo} onClick={undo} title={canUndo ? `Undo: ${session?.undo.nextUndo?.label} (Ctrl/Cmd+Z)` : 'Nothing to undo'} data-testid="undo">
                ↶ Undo
              </button>
              <button type="button" className="secondary" disabled={!canRedo} onClick={redo} title={canRedo ? `Redo: ${session?.undo.nextRedo?.label} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'} data-testid="redo">
                ↷ Redo
              </button>
            </div>
            <PaletteHost undo={undo} redo={redo} />
            <Presence peers={peers} me={user} />
            <ThemeToggle />
            <SyncIndicator state={sync} relayUrl={relayUrls[0] ?? null} unsaved={unsaved} onRetry={() => session?.retryNow()} />
          </header>
          <WorkshopBar />
          {error && (
            <p className="warning" role="alert">
              {error}
            </p>
          )}
          <main>
            <ErrorBoundary resetKey={`${workspaceId}/${view}`}>
              {!session && !error && (view === 'graph' && graphPreview ? graphPreview : <p className="muted">Opening workspace…</p>)}
              {session && view === 'graph' && (
                <Suspense fallback={graphPreview ?? <p className="muted">Loading the graph…</p>}>
                  <GraphView />
                </Suspense>
              )}
              {session && view === 'people' && <PeopleView />}
              {session && view === 'ties' && <TiesView />}
              {session && view === 'projects' && <ProjectsView />}
              {session && view === 'map' && (
                <Suspense fallback={<p className="muted">Loading the map…</p>}>
                  <MapView />
                </Suspense>
              )}
              {session && view === 'governance' && (
                <Suspense fallback={<p className="muted">Loading governance…</p>}>
                  <GovernanceView />
                </Suspense>
              )}
              {session && view === 'members' && (
                <Suspense fallback={<p className="muted">Loading members…</p>}>
                  <MembersView />
                </Suspense>
              )}
              {view === 'workspaces' && <WorkspacesView />}
            </ErrorBoundary>
          </main>
          <Notice onUndo={undo} onRedo={redo} />
          <Shortcuts />
        </div>
      </div>
    </AppContext.Provider>
  );
}
