// The one preload: CommonJS, sandboxed, exposing a small typed API and nothing generic. It is
// bundled into one file (scripts/build-electron.mjs), so the channel list comes from ipc.ts.
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchipelagoDesktopApi, DesktopSettings, DesktopWorkshopStatus, LanInterface, WorkshopStart } from '../shared/platformApi';
import type { RotationRequest } from '../shared/identity/keyStore';
import type { SignedEvent } from '../shared/identity/signedEvent';
import { IPC as CHANNELS } from './ipc';

const info = ipcRenderer.sendSync(CHANNELS.appInfo) as { version: string; platform: string };

const api = {
  version: info.version,
  platform: info.platform,
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings) as Promise<DesktopSettings>,
  setSettings: (patch: Partial<DesktopSettings>) => ipcRenderer.invoke(CHANNELS.setSettings, patch) as Promise<DesktopSettings>,
  identity: {
    publicKey: () => ipcRenderer.invoke(CHANNELS.identityPublicKey) as Promise<string>,
    sign: (message: Uint8Array) => ipcRenderer.invoke(CHANNELS.identitySign, message) as Promise<Uint8Array>,
    rotate: (request: RotationRequest) => ipcRenderer.invoke(CHANNELS.identityRotate, request) as Promise<SignedEvent<'key-rotation'>>,
  },
  workshop: {
    interfaces: () => ipcRenderer.invoke(CHANNELS.workshopInterfaces) as Promise<LanInterface[]>,
    start: (request: WorkshopStart) => ipcRenderer.invoke(CHANNELS.workshopStart, request) as Promise<DesktopWorkshopStatus>,
    stop: () => ipcRenderer.invoke(CHANNELS.workshopStop) as Promise<DesktopWorkshopStatus>,
    status: () => ipcRenderer.invoke(CHANNELS.workshopStatus) as Promise<DesktopWorkshopStatus>,
  },
} satisfies ArchipelagoDesktopApi;

contextBridge.exposeInMainWorld('archipelago', api);
