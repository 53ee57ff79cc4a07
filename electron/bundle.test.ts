import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyHistory } from '../shared/identity/keyRotation';
import { signingBytes, verifyEvent, type SignedEvent } from '../shared/identity/signedEvent';
import type { DesktopWorkshopStatus } from '../shared/platformApi';
import { portIsFree, probeRunningWorkshop, stubIndexHtml } from '../test/support/workshopProbe';
import { CONTENT_SECURITY_POLICY } from './policy';
import { buildElectron } from '../scripts/build-electron.mjs';

/**
 * The production main process is the esbuild bundle (scripts/build-electron.mjs), not the sources the
 * other tests import. This test builds it, checks that it requires nothing but electron, Node
 * built-ins and the native LevelDB binding (so no ES-module-only package is left to load at run
 * time), loads the BUILT CommonJS files with Node's own loader, with only `electron` replaced by a
 * fake, and uses them: the main process signs and rotates over its IPC
 * handlers, and the preload calls exactly the channels the main process registered.
 */
const root = join(import.meta.dirname, '..');
// inside the project, so the bundle's external requires (electron, classic-level) resolve from node_modules;
// laid out as the app is: <dir>/dist-electron/electron/index.js beside <dir>/dist/renderer
const dir = mkdtempSync(join(root, 'node_modules', '.cache-electron-bundle-'));
const out = join(dir, 'dist-electron');
const userData = mkdtempSync(join(tmpdir(), 'archipelago-bundle-'));

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
const listeners = new Map<string, Handler>();
const exposed = new Map<string, unknown>();
const invoked: string[] = [];
const fakeElectron = {
  app: {
    whenReady: () => Promise.resolve(),
    on: () => {},
    getVersion: () => '0.1.0',
    getPath: () => userData,
    quit: () => {},
  },
  BrowserWindow: class {
    static getAllWindows = () => [];
    webContents = { on: () => {}, reload: () => {} };
    on() {}
    once() {}
    loadFile = async () => {};
  },
  shell: { openExternal: async () => {} },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).reverse().toString('base64')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice('sealed:'.length), 'base64').reverse().toString(),
  },
  ipcMain: {
    handle: (ch: string, fn: Handler) => handlers.set(ch, fn),
    on: (ch: string, fn: Handler) => listeners.set(ch, fn),
  },
  session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, webRequest: { onHeadersReceived: () => {} } } },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  // the preload's side: straight to the main process's handlers, as Electron would
  ipcRenderer: {
    invoke: async (ch: string, ...args: unknown[]) => {
      invoked.push(ch);
      const h = handlers.get(ch);
      if (!h) throw new Error(`no handler for ${ch}`);
      return h({}, ...args);
    },
    sendSync: (ch: string) => {
      const e: { returnValue?: unknown } = {};
      listeners.get(ch)!(e);
      return e.returnValue;
    },
  },
};

let requireBuilt: NodeJS.Require;

beforeAll(async () => {
  process.env.ARCHIPELAGO_LOG_LEVEL = 'silent';
  await buildElectron(out);
  mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), stubIndexHtml(CONTENT_SECURITY_POLICY));
  requireBuilt = createRequire(join(out, 'electron', 'index.js'));
  const electronId = requireBuilt.resolve('electron');
  const fake = new Module(electronId);
  fake.exports = fakeElectron;
  fake.loaded = true;
  requireBuilt.cache[electronId] = fake;
}, 60_000);

afterAll(() => {
  for (const id of Object.keys(requireBuilt?.cache ?? {})) if (id.startsWith(out)) delete requireBuilt.cache[id];
  rmSync(dir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('the built Electron bundles (electron mocked)', () => {
  it('are CommonJS files that require only electron, Node built-ins and the native LevelDB binding', () => {
    const main = readFileSync(join(out, 'electron', 'index.js'), 'utf8');
    const preload = readFileSync(join(out, 'electron', 'preload.js'), 'utf8');
    const requires = (code: string) => new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    // (ws's optional native speed-ups are required inside a try, and ws works without them)
    const allowed = new Set(['electron', 'classic-level', 'bufferutil', 'utf-8-validate']);
    for (const r of requires(main)) expect(allowed.has(r) || r.startsWith('node:') || Module.builtinModules.includes(r), r).toBe(true);
    // a sandboxed preload may require nothing but electron
    expect([...requires(preload)]).toEqual(['electron']);
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
    expect(existsSync(join(out, 'package.json')) && JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).type).toBe('commonjs');
    // package.json "main" (what Electron and electron-builder start) is this bundle, in dist-electron/
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('dist-electron/')).toBe(true);
    expect(existsSync(join(out, pkg.main.slice('dist-electron/'.length)))).toBe(true);
  });

  it('the main bundle starts, and signs and rotates with the key it holds (verified with @noble)', async () => {
    requireBuilt('./index.js');
    await new Promise((r) => setTimeout(r, 20));
    const pub = (await handlers.get('archipelago:identity:public-key')!({})) as string;
    expect(pub).toMatch(/^[0-9a-f]{64}$/);
    const unsigned = { v: 1 as const, kind: 'vote' as const, author: pub, at: '2026-01-01T00:00:00Z', body: { proposal: 'g', proposalDigest: '00'.repeat(32), choice: 'yes' as const } };
    const sig = Buffer.from((await handlers.get('archipelago:identity:sign')!({}, signingBytes(unsigned))) as Uint8Array).toString('hex');
    const before = { ...unsigned, sig };
    expect(verifyEvent(before).status).toBe('valid');
    expect(verifyEvent({ ...before, body: { ...before.body, choice: 'no' } }).status).toBe('tampered');
    expect(() => handlers.get('archipelago:identity:sign')!({}, new TextEncoder().encode('not an event'))).toThrow(/only Archipelago signed events/);
    // the key on disk is sealed, never in the clear
    const sealed = readFileSync(join(userData, 'identity.key'), 'utf8');
    expect(sealed).toMatch(/^sealed:/);
    await expect(Promise.resolve().then(() => handlers.get('archipelago:identity:rotate')!({}, { at: 'soon', reason: '' }))).rejects.toThrow();
    const rotation = (await handlers.get('archipelago:identity:rotate')!({}, { at: '2026-01-02T00:00:00Z', reason: 'new laptop' })) as SignedEvent<'key-rotation'>;
    const newKey = (await handlers.get('archipelago:identity:public-key')!({})) as string;
    expect(rotation.body).toEqual({ oldKey: pub, newKey, reason: 'new laptop' });
    const verified = verifyEvent(rotation);
    expect(verified.status).toBe('valid');
    expect(keyHistory([verified], { members: new Set([pub]) }).signedWhileCurrent(before)).toBe(true);
    expect(verifyEvent(before).status).toBe('valid');
  });

  it('the preload bundle exposes the API on exactly the channels the main bundle registered', async () => {
    requireBuilt('./preload.js');
    const api = exposed.get('archipelago') as { version: string; identity: { publicKey(): Promise<string>; sign(m: Uint8Array): Promise<Uint8Array> }; getSettings(): Promise<unknown> };
    expect(api.version).toBe('0.1.0');
    await api.getSettings();
    const pub = await api.identity.publicKey();
    const unsigned = { v: 1 as const, kind: 'vote' as const, author: pub, at: '2026-01-04T00:00:00Z', body: { proposal: 'h', proposalDigest: '11'.repeat(32), choice: 'abstain' as const } };
    const sig = Buffer.from(await api.identity.sign(signingBytes(unsigned))).toString('hex');
    expect(verifyEvent({ ...unsigned, sig }).status).toBe('valid');
    for (const ch of invoked) expect(handlers.has(ch)).toBe(true);
  });

  it('the main bundle keeps this device’s relays as a list: an earlier single-relay file is read as a list of one and rewritten; bad lists are refused whole', async () => {
    const file = join(userData, 'settings.json');
    writeFileSync(file, JSON.stringify({ relayUrl: 'ws://10.0.0.5:4455' }));
    const call = (ch: string, ...args: unknown[]) => Promise.resolve().then(() => handlers.get(ch)!({}, ...args));
    expect(await call('archipelago:settings:get')).toEqual({ relayUrls: ['ws://10.0.0.5:4455'] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ relayUrls: ['ws://10.0.0.5:4455'] });
    await expect(call('archipelago:settings:set', { relayUrls: ['ws://a.example:1', 'ws://a.example:1'] })).rejects.toThrow('relays: relay 2: ws://a.example:1 is listed twice');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ relayUrls: ['ws://10.0.0.5:4455'] });
    expect(await call('archipelago:settings:set', { relayUrls: ['wss://b.example', 'ws://10.0.0.5:4455'] })).toEqual({ relayUrls: ['wss://b.example', 'ws://10.0.0.5:4455'] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ relayUrls: ['wss://b.example', 'ws://10.0.0.5:4455'] });
  });

  it('the main bundle hosts a workshop: the app under the CSP, a join, the relay; stop frees the port', async () => {
    const call = (ch: string, ...args: unknown[]) => Promise.resolve(handlers.get(ch)!({}, ...args));
    const status = (await call('archipelago:workshop:start', { address: '127.0.0.1', port: 0 })) as DesktopWorkshopStatus;
    if (!status.running) throw new Error('not running');
    try {
      await probeRunningWorkshop(status, CONTENT_SECURITY_POLICY);
      expect(await call('archipelago:workshop:status')).toMatchObject({ running: true, participants: 1 });
    } finally {
      expect(await call('archipelago:workshop:stop')).toEqual({ running: false });
    }
    expect(await portIsFree(status.port)).toBe(true);
  });
});
