import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot be downloaded here: the main process is tested against this fake of its API.
const fake = vi.hoisted(() => {
  process.env.ARCHIPELAGO_LOG_LEVEL = 'silent';
  const state = {
    windows: [] as { options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn> }[],
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    ipcListeners: new Map<string, (...args: unknown[]) => void>(),
    openExternal: vi.fn(async (_url: string) => {}),
    permissionHandler: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    headersHandler: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    userData: '',
    exposed: new Map<string, unknown>(),
    rendererInvoke: vi.fn(async (..._args: unknown[]) => ({ relayUrls: null })),
    rendererSendSync: vi.fn((..._args: unknown[]) => ({ version: '9.9.9', platform: 'linux' })),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    webContents = { on: vi.fn(), reload: vi.fn() };
    on = vi.fn();
    isDestroyed = () => false;
    close = vi.fn();
    loadFile = vi.fn(async () => {});
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    once(_event: string, cb: () => void) {
      cb();
    }
    show() {}
  }
  return {
    state,
    electron: {
      app: {
        whenReady: () => Promise.resolve(),
        on: (event: string, cb: (...args: unknown[]) => void) => state.appListeners.set(event, cb),
        getVersion: () => '0.1.0',
        getPath: () => state.userData,
        quit: vi.fn(),
      },
      BrowserWindow,
      shell: { openExternal: state.openExternal },
      // safeStorage mocked: a reversible seal that is visibly not the plain text
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).reverse().toString('base64')}`),
        decryptString: (b: Buffer) => Buffer.from(b.toString().slice('sealed:'.length), 'base64').reverse().toString(),
      },
      ipcMain: {
        handle: (ch: string, fn: (...args: unknown[]) => unknown) => state.ipcHandlers.set(ch, fn),
        on: (ch: string, fn: (...args: unknown[]) => void) => state.ipcListeners.set(ch, fn),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: typeof state.permissionHandler) => (state.permissionHandler = h),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onHeadersReceived: (h: typeof state.headersHandler) => (state.headersHandler = h) },
        },
      },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
      ipcRenderer: { invoke: state.rendererInvoke, sendSync: state.rendererSendSync },
    },
  };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

import { portIsFree } from '../test/support/workshopProbe';
import { IPC } from './ipc';
import { createMainWindow, hardenContents, holdUnloadUntilSaved, start } from './main';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isSafeExternalUrl } from './policy';

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (event: string, cb: (...args: unknown[]) => void) => listeners.set(event, cb),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    },
    emit: (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

const APP_URL = 'file:///opt/archipelago/dist/renderer/index.html';

describe('electron main process (electron mocked)', () => {
  beforeEach(() => {
    fake.state.windows.length = 0;
    fake.state.openExternal.mockClear();
    fake.state.userData = mkdtempSync(join(tmpdir(), 'archipelago-electron-'));
  });

  it('opens the window with the hardened webPreferences and the built renderer', () => {
    createMainWindow();
    const [win] = fake.state.windows;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.js$/);
    expect(String(win.loadFile.mock.calls[0][0])).toMatch(/dist[\\/]renderer[\\/]index\.html$/);
  });

  it('prevents will-navigate to a foreign origin, and allows the app page', () => {
    const c = fakeContents();
    hardenContents(c.contents as never, APP_URL);
    expect(c.emit('will-navigate', 'https://evil.example/phish').preventDefault).toHaveBeenCalled();
    expect(c.emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(c.emit('will-navigate', 'http://127.0.0.1:8080/').preventDefault).toHaveBeenCalled();
    expect(c.emit('will-navigate', APP_URL).preventDefault).not.toHaveBeenCalled();
    expect(c.emit('will-navigate', `${APP_URL}#people`).preventDefault).not.toHaveBeenCalled();
  });

  it('denies window.open, and only https: and mailto: reach shell.openExternal', () => {
    const c = fakeContents();
    hardenContents(c.contents as never, APP_URL);
    for (const url of ['https://example.org/docs', 'mailto:team@example.org', 'http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org']) {
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.state.openExternal.mock.calls.map((call) => call[0])).toEqual(['https://example.org/docs', 'mailto:team@example.org']);
    // a blocked navigation to https also goes to the system browser, never into the window
    c.emit('will-navigate', 'https://example.org/help');
    expect(fake.state.openExternal).toHaveBeenLastCalledWith('https://example.org/help');
    expect(c.emit('will-attach-webview', 'about:blank').preventDefault).toHaveBeenCalled();
  });

  it('wires permissions (all denied), the CSP header and the IPC allow-list on start', async () => {
    start();
    await new Promise((r) => setTimeout(r, 0));
    const decisions: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) fake.state.permissionHandler!({}, p, (ok) => decisions.push(ok));
    expect(decisions).toEqual([false, false, false, false]);
    let headers: Record<string, string[]> = {};
    fake.state.headersHandler!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: typeof headers }).responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([IPC.getSettings, IPC.setSettings, IPC.identityPublicKey, IPC.identitySign, IPC.identityRotate, IPC.workshopInterfaces, IPC.workshopStart, IPC.workshopStop, IPC.workshopStatus].sort());
    expect([...fake.state.ipcListeners.keys()]).toEqual([IPC.appInfo]);
    expect(fake.state.appListeners.has('web-contents-created')).toBe(true);
    // settings over IPC are validated: a bad relay URL is refused, a good list is saved
    const set = fake.state.ipcHandlers.get(IPC.setSettings)!;
    expect(() => set({}, { relayUrls: ['ws://10.0.0.5:4455', 'http://not-a-websocket'] })).toThrow(/relay 2: .*ws:\/\//);
    expect(() => set({}, { somethingElse: 1 })).toThrow();
    expect(set({}, { relayUrls: ['ws://10.0.0.5:4455', 'ws://10.0.0.6:4455'] })).toEqual({ relayUrls: ['ws://10.0.0.5:4455', 'ws://10.0.0.6:4455'] });
    expect(fake.state.ipcHandlers.get(IPC.getSettings)!()).toEqual({ relayUrls: ['ws://10.0.0.5:4455', 'ws://10.0.0.6:4455'] });
    expect(fake.state.windows).toHaveLength(1);
    // the identity key stays in main: the renderer gets the public key and signatures of signed events only
    const pub = fake.state.ipcHandlers.get(IPC.identityPublicKey)!() as string;
    expect(pub).toMatch(/^[0-9a-f]{64}$/);
    const sign = fake.state.ipcHandlers.get(IPC.identitySign)!;
    expect(() => sign({}, 'archipelago/signed-event/v1\n{}')).toThrow(/bytes/);
    expect(() => sign({}, new TextEncoder().encode('anything else'))).toThrow(/only Archipelago signed events/);
    expect(sign({}, new TextEncoder().encode('archipelago/signed-event/v1\n{}'))).toHaveLength(64);
  });

  it('hosts a workshop over IPC: start listens on the chosen interface and port, status gives the join code and QR, stop frees the port', async () => {
    start();
    await new Promise((r) => setTimeout(r, 0));
    const call = (ch: string, ...args: unknown[]) => Promise.resolve(fake.state.ipcHandlers.get(ch)!({}, ...args)) as Promise<Record<string, unknown>>;
    const interfaces = (await call(IPC.workshopInterfaces)) as unknown as { address: string; internal: boolean }[];
    expect(interfaces.at(-1)).toMatchObject({ internal: true });
    expect(interfaces.map((i) => i.address)).toContain('127.0.0.1');
    await expect(call(IPC.workshopStart, { address: '203.0.113.7', port: 0 })).rejects.toThrow(/not an address of this machine/);
    const status = await call(IPC.workshopStart, { address: '127.0.0.1', port: 0 });
    try {
      expect(status).toMatchObject({ running: true, address: '127.0.0.1' });
      expect(await call(IPC.workshopStatus)).toEqual(status);
      const joined = await fetch(`${status.joinUrl}?name=Ana`, { redirect: 'manual' });
      expect(joined.status).toBe(302);
      expect(await portIsFree(status.port as number)).toBe(false);
    } finally {
      expect(await call(IPC.workshopStop)).toEqual({ running: false });
    }
    expect(await portIsFree(status.port as number)).toBe(true);
  });

  it('holds a close that the renderer refused (a write not yet committed) and retries it, but not forever', () => {
    vi.useFakeTimers();
    try {
      const listeners = new Map<string, (...args: unknown[]) => void>();
      const win = {
        on: (e: string, cb: () => void) => listeners.set(`win:${e}`, cb),
        isDestroyed: () => false,
        close: vi.fn(),
        webContents: { on: (e: string, cb: (event: { preventDefault(): void }) => void) => listeners.set(e, cb as (...args: unknown[]) => void), reload: vi.fn() },
      };
      let clock = 0;
      const quit = vi.fn();
      let quitting = false;
      holdUnloadUntilSaved(win, () => quitting, quit, { retryMs: 100, maxWaitMs: 1000, now: () => clock });
      const refuse = () => {
        const e = { preventDefault: vi.fn() };
        listeners.get('will-prevent-unload')!(e);
        return e;
      };
      // a reload the renderer refused is retried as a reload
      expect(refuse().preventDefault).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(win.webContents.reload).toHaveBeenCalledTimes(1);
      expect(win.close).not.toHaveBeenCalled();
      // a refused close is retried as a close
      listeners.get('win:close')!();
      clock = 200;
      refuse();
      vi.advanceTimersByTime(100);
      expect(win.close).toHaveBeenCalledTimes(1);
      // a refused quit is retried as a quit
      quitting = true;
      refuse();
      vi.advanceTimersByTime(100);
      expect(quit).toHaveBeenCalledTimes(1);
      // after maxWaitMs of refusals the guard is overridden: the unload goes ahead
      clock = 1000;
      expect(refuse().preventDefault).toHaveBeenCalled();
      // the wait is measured again for the next hold
      clock = 1500;
      expect(refuse().preventDefault).not.toHaveBeenCalled();
      // a hold long after an earlier one that ended (in a reload) gets its own full wait
      clock = 60_000;
      expect(refuse().preventDefault).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the main window is held on unload', () => {
    createMainWindow();
    const [win] = fake.state.windows as unknown as { webContents: { on: ReturnType<typeof vi.fn> } }[];
    expect(win.webContents.on.mock.calls.map((c) => c[0])).toContain('will-prevent-unload');
  });

  it('the preload exposes exactly the typed API, on the main process channels', async () => {
    await import('./preload');
    const api = fake.state.exposed.get('archipelago') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['getSettings', 'identity', 'platform', 'setSettings', 'version', 'workshop']);
    expect(api.version).toBe('9.9.9');
    expect(fake.state.rendererSendSync).toHaveBeenCalledWith(IPC.appInfo);
    await (api.getSettings as () => Promise<unknown>)();
    await (api.setSettings as (p: unknown) => Promise<unknown>)({ relayUrls: null });
    const identity = api.identity as { publicKey: () => Promise<unknown>; sign: (m: Uint8Array) => Promise<unknown> };
    expect(Object.keys(identity).sort()).toEqual(['publicKey', 'rotate', 'sign']);
    await identity.publicKey();
    await identity.sign(new Uint8Array([1]));
    await (identity as unknown as { rotate: (r: unknown) => Promise<unknown> }).rotate({ at: '2026-01-01T00:00:00Z', reason: 'r' });
    const workshop = api.workshop as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(workshop).sort()).toEqual(['interfaces', 'start', 'status', 'stop']);
    await workshop.interfaces();
    await workshop.start({ address: '127.0.0.1', port: 0 });
    await workshop.status();
    await workshop.stop();
    expect(fake.state.rendererInvoke.mock.calls.map((c) => c[0])).toEqual([IPC.getSettings, IPC.setSettings, IPC.identityPublicKey, IPC.identitySign, IPC.identityRotate, IPC.workshopInterfaces, IPC.workshopStart, IPC.workshopStatus, IPC.workshopStop]);
    // every channel of the one list is used by the preload, and registered by the main process (test above)
    expect(new Set(fake.state.rendererInvoke.mock.calls.map((c) => c[0]))).toEqual(new Set(Object.values(IPC).filter((ch) => ch !== IPC.appInfo)));
  });
});

describe('security policy (pure)', () => {
  it('URL rules', () => {
    expect(isAllowedNavigation('not a url', APP_URL)).toBe(false);
    expect(isSafeExternalUrl('https://')).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});

describe('CSP in the web build', () => {
  it('renderer/index.html carries the same strict policy as the main process', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
