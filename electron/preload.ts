// The one preload: CommonJS, sandboxed, exposing a small typed API and nothing generic.
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchipelagoDesktopApi, DesktopSettings } from '../shared/platformApi';

const CHANNELS = {
  appInfo: 'archipelago:app-info',
  getSettings: 'archipelago:settings:get',
  setSettings: 'archipelago:settings:set',
  identityPublicKey: 'archipelago:identity:public-key',
  identitySign: 'archipelago:identity:sign',
} as const;

const info = ipcRenderer.sendSync(CHANNELS.appInfo) as { version: string; platform: string };

const api = {
  version: info.version,
  platform: info.platform,
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings) as Promise<DesktopSettings>,
  setSettings: (patch: Partial<DesktopSettings>) => ipcRenderer.invoke(CHANNELS.setSettings, patch) as Promise<DesktopSettings>,
  identity: {
    publicKey: () => ipcRenderer.invoke(CHANNELS.identityPublicKey) as Promise<string>,
    sign: (message: Uint8Array) => ipcRenderer.invoke(CHANNELS.identitySign, message) as Promise<Uint8Array>,
  },
} satisfies ArchipelagoDesktopApi;

contextBridge.exposeInMainWorld('archipelago', api);
