import { z } from 'zod';
import type { KeyStore } from './identity/keyStore';

/**
 * The one object the Electron preload exposes to the renderer as `window.archipelago`. The preload
 * `satisfies` this type and the renderer reads it; in web mode the renderer uses a browser fallback.
 */
export interface DesktopSettings {
  /**
   * The relays to sync with, in order (the next is tried when one cannot be reached), or null to stay
   * on this device. A list has at least one relay, none twice (shared/deviceRelays.ts).
   */
  relayUrls: string[] | null;
}

export interface ArchipelagoDesktopApi {
  readonly version: string;
  readonly platform: string;
  getSettings(): Promise<DesktopSettings>;
  setSettings(settings: Partial<DesktopSettings>): Promise<DesktopSettings>;
  /** The member's key, held by the main process (shared/identity/keyStore.ts is the contract). */
  readonly identity?: KeyStore;
  /** Host a workshop (desktop only): the main process runs the workshop host on a LAN interface. */
  readonly workshop?: DesktopWorkshopApi;
}

/** A network interface the workshop host can listen on. */
export interface LanInterface {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** Loopback: only this machine can reach it. */
  internal: boolean;
}

export type DesktopWorkshopStatus =
  | { running: false }
  | {
      running: true;
      address: string;
      port: number;
      /** Where participants open the app: http://ADDRESS:PORT */
      url: string;
      joinCode: string;
      /** The join link with the code: http://ADDRESS:PORT/join/CODE */
      joinUrl: string;
      /** The join link as a QR code image (a data: URL). */
      qrDataUrl: string;
      /** The facilitator's private link (opens the app with the facilitator's controls). */
      facilitatorUrl: string;
      participants: number;
    };

/** What the renderer may ask of the main process to start a workshop: an interface address and a port. */
export const WorkshopStartSchema = z.strictObject({
  address: z.string().min(1).max(64),
  port: z.number().int().min(0, 'the port must be 0-65535').max(65535, 'the port must be 0-65535'),
});
export type WorkshopStart = z.infer<typeof WorkshopStartSchema>;

/** The narrow workshop API of the preload (electron/workshopService.ts does the work). */
export interface DesktopWorkshopApi {
  interfaces(): Promise<LanInterface[]>;
  start(request: WorkshopStart): Promise<DesktopWorkshopStatus>;
  stop(): Promise<DesktopWorkshopStatus>;
  status(): Promise<DesktopWorkshopStatus>;
}

/**
 * Where `npm run relay` listens by default: suggested to the user, never joined on its own. The app
 * syncs only with a relay the user chose, or the one that `npm start` launched for this page
 * (announced in the page as `<meta name="archipelago-relay">`): whatever else listens on this port
 * may belong to someone else.
 */
export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:4455';

/** The name of the meta tag through which the server that launched a relay tells the page its URL. */
export const RELAY_META = 'archipelago-relay';

/**
 * The relay a fresh install syncs with: the one the user chose (`saved`, which may be null for
 * "stay on this device"), else the one the launcher started for this page, else none.
 */
export function initialRelay(saved: string | null | undefined, launched: string | null): string | null {
  if (saved !== undefined) return saved;
  if (!launched) return null;
  try {
    return normaliseRelayUrl(launched);
  } catch {
    return null;
  }
}

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
