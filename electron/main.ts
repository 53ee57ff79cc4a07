import { app, BrowserWindow, ipcMain, safeStorage, session, shell, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { RotationRequestSchema } from '../shared/identity/keyStore';
import { IPC } from './ipc';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isSafeExternalUrl, permissionDecision, secureWebPreferences } from './policy';
import { DesktopKeyStore } from './identityStore';
import { SettingsStore } from './settingsStore';
import { createWorkshopService, type WorkshopService } from './workshopService';

/** Where the built renderer is: dist/renderer next to dist-electron. */
export const rendererIndex = () => join(__dirname, '..', '..', 'dist', 'renderer', 'index.html');
const preloadPath = () => join(__dirname, 'preload.js');
const appUrlOf = (file: string) => `file://${file.startsWith('/') ? '' : '/'}${file.replace(/\\/g, '/')}`;

/** Navigation, new windows and webviews: only the app's own page; https/mailto links go to the OS. */
export function hardenContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, appUrl)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What `holdUnloadUntilSaved` needs of a window (a BrowserWindow in the app, a fake in tests). */
export interface UnloadTarget {
  on(event: 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  close(): void;
  webContents: { on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown; reload(): void };
}

/**
 * The renderer's `beforeunload` guard cancels an unload while a local write has not yet committed to
 * IndexedDB (renderer/src/storage/unloadGuard.ts). Electron then just keeps the window open, so here
 * the close (or quit, or reload) is retried shortly after, when the write has landed. After
 * `maxWaitMs` of refusals the unload goes ahead anyway, so a broken disk cannot trap the user.
 */
export function holdUnloadUntilSaved(
  win: UnloadTarget,
  isQuitting: () => boolean,
  quit: () => void,
  { retryMs = 100, maxWaitMs = 5000, now = Date.now } = {},
): void {
  let closing = false;
  let heldSince: number | null = null;
  let lastHeld = -Infinity;
  win.on('close', () => {
    closing = true;
  });
  win.webContents.on('will-prevent-unload', (event) => {
    // refusals more than a second apart are separate holds (an earlier one ended in a reload)
    if (heldSince === null || now() - lastHeld > Math.max(1000, retryMs * 5)) heldSince = now();
    lastHeld = now();
    if (now() - heldSince >= maxWaitMs) {
      heldSince = null;
      event.preventDefault(); // ignore the guard: unload now
      return;
    }
    setTimeout(() => {
      if (win.isDestroyed()) return;
      if (isQuitting()) quit();
      else if (closing) win.close();
      else win.webContents.reload();
    }, retryMs);
  });
}

let quitting = false;

export function registerIpc(settings: SettingsStore, identity: DesktopKeyStore, workshop: WorkshopService): void {
  ipcMain.on(IPC.appInfo, (event) => {
    event.returnValue = { version: app.getVersion(), platform: process.platform };
  });
  ipcMain.handle(IPC.getSettings, () => settings.read());
  ipcMain.handle(IPC.setSettings, (_event, patch: unknown) => settings.update(patch));
  ipcMain.handle(IPC.identityPublicKey, () => identity.publicKey());
  ipcMain.handle(IPC.identitySign, (_event, message: unknown) => {
    if (!(message instanceof Uint8Array)) throw new TypeError('identity.sign expects bytes');
    return identity.sign(message);
  });
  ipcMain.handle(IPC.identityRotate, (_event, request: unknown) => identity.rotate(RotationRequestSchema.parse(request)));
  ipcMain.handle(IPC.workshopInterfaces, () => workshop.interfaces());
  ipcMain.handle(IPC.workshopStart, (_event, request: unknown) => workshop.start(request));
  ipcMain.handle(IPC.workshopStop, () => workshop.stop());
  ipcMain.handle(IPC.workshopStatus, () => workshop.status());
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Archipelago',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath()),
  });
  win.once('ready-to-show', () => win.show());
  holdUnloadUntilSaved(win, () => quitting, () => app.quit());
  void win.loadFile(rendererIndex());
  return win;
}

/** Wires the app: permissions, CSP header, hardened contents, IPC (settings, identity, workshop host), the window. */
export function start(): void {
  const appUrl = appUrlOf(rendererIndex());
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    const userData = app.getPath('userData');
    const workshop = createWorkshopService({ dataDir: join(userData, 'workshop'), webRoot: dirname(rendererIndex()), logger: pino({ level: process.env.ARCHIPELAGO_LOG_LEVEL ?? 'info' }) });
    // a hosted workshop is closed (its relay flushed) before the app quits
    let workshopClosed = false;
    app.on('will-quit', (event) => {
      if (workshopClosed) return;
      event.preventDefault();
      workshopClosed = true;
      void workshop.stop().finally(() => app.quit());
    });
    registerIpc(new SettingsStore(join(userData, 'settings.json')), new DesktopKeyStore(join(userData, 'identity.key'), safeStorage), workshop);
    createMainWindow();
  });
}
