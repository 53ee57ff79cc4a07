import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEMO_WORKSPACE_ID } from '../../shared/demo/demoIds';
import { App } from './App';
import { installTheme } from './features/theme/theme';
import { platform } from './platform';
import { useUi } from './state/uiStore';
import { openDatabase } from './storage/db';
import { compactStorage } from './storage/docStore';
import { loadUser } from './storage/settings';
import { quietLibraryLogs } from './storage/quietLibraryLogs';
import { guardUnload } from './storage/unloadGuard';
import { ensureDemoWorkspace, listWorkspaces, openLinkedWorkspace } from './storage/workspaces';
import './styles.css';

quietLibraryLogs();
installTheme();

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const db = openDatabase();
    guardUnload(window, db.writes);
    await ensureDemoWorkspace(db);
    const linked = await openLinkedWorkspace(db, new URLSearchParams(location.search)).catch((e: Error) => {
      useUi.getState().notify(`The link could not be opened: ${e.message}`, 'error');
      return null;
    });
    const [user, settings, workspaces] = await Promise.all([loadUser(db), platform.getSettings(), listWorkspaces(db)]);
    // compact stored updates soon after start (and y-dexie keeps doing it every 5 minutes)
    setTimeout(() => compactStorage(db).catch(() => {}), 3000);
    root.render(
      <StrictMode>
        <App db={db} initialUser={user} initialRelay={settings.relayUrl} initialWorkspace={linked ?? workspaces[0]?.id ?? DEMO_WORKSPACE_ID} />
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <div className="fatal" role="alert">
        <h1>Archipelago could not open its local database</h1>
        <p>{(e as Error).message}</p>
        <p>Your data has not been changed. Close other Archipelago windows and reload.</p>
      </div>,
    );
  }
}

start();
