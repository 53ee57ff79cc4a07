import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { composeApp } from './composition';
import './styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const app = await composeApp();
    root.render(
      <StrictMode>
        <App db={app.db} initialUser={app.user} initialRelays={app.relayUrls} initialWorkspace={app.workspaceId} preview={app.preview} whenReady={app.whenReady} />
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
