/**
 * The one object the Electron preload exposes to the renderer as `window.archipelago`. The preload
 * `satisfies` this type and the renderer reads it; in web mode the renderer uses a browser fallback.
 */
export interface DesktopSettings {
  /** The relay to sync with, or null to stay on this device. */
  relayUrl: string | null;
}

export interface ArchipelagoDesktopApi {
  readonly version: string;
  readonly platform: string;
  getSettings(): Promise<DesktopSettings>;
  setSettings(settings: Partial<DesktopSettings>): Promise<DesktopSettings>;
  /** The member's key, held by the main process (shared/identity/keyStore.ts is the contract). */
  readonly identity?: { publicKey(): Promise<string>; sign(message: Uint8Array): Promise<Uint8Array> };
}

export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:4455';

/** Accepts ws: and wss: URLs only; returns a normalised URL or throws a clear error. */
export function normaliseRelayUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(`"${input}" is not a URL (expected ws://host:port)`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(`the relay URL must start with ws:// or wss://, not ${url.protocol}`);
  if (url.search || url.hash) throw new Error('the relay URL takes no query or fragment');
  return url.toString().replace(/\/$/, '');
}
