import { relaysOfSettings } from '../../shared/deviceRelays';
import { initialRelay, RELAY_META, type ArchipelagoDesktopApi, type DesktopSettings } from '../../shared/platformApi';

declare global {
  interface Window {
    archipelago?: ArchipelagoDesktopApi;
  }
}

const WEB_SETTINGS_KEY = 'archipelago.settings';

/**
 * The web build's stand-in for the desktop API: settings in localStorage, overridable by `?relay=`.
 * Until the user chooses a relay, the page syncs with the relay its launcher started (a meta tag),
 * or with none: never with whatever happens to listen on the default port.
 */
function webPlatform(): ArchipelagoDesktopApi {
  const launched = document.querySelector<HTMLMetaElement>(`meta[name="${RELAY_META}"]`)?.content ?? null;
  const read = (): DesktopSettings => {
    let saved: unknown = {};
    try {
      saved = JSON.parse(localStorage.getItem(WEB_SETTINGS_KEY) ?? '{}');
    } catch {
      // unreadable: as if nothing was saved
    }
    // the relays chosen (an earlier single `relayUrl` reads as a list of one), else the launcher's
    const chosen = relaysOfSettings(saved);
    if (chosen !== undefined) return { relayUrls: chosen };
    const relay = initialRelay(undefined, launched);
    return { relayUrls: relay ? [relay] : null };
  };
  const params = new URLSearchParams(location.search);
  const param = params.get('relay');
  // a relay with a room token for a linked workspace (a workshop link) is that workspace's access,
  // stored with it (composition.ts), not this device's relay for every workspace
  const forOneWorkspace = param !== null && params.has('workspace') && param.includes('token=');
  if (param !== null && !forOneWorkspace) localStorage.setItem(WEB_SETTINGS_KEY, JSON.stringify({ ...read(), relayUrls: param === 'off' ? null : [param] }));
  return {
    version: import.meta.env.VITE_APP_VERSION ?? 'dev',
    platform: 'web',
    getSettings: async () => read(),
    setSettings: async (patch) => {
      const next = { ...read(), ...patch };
      localStorage.setItem(WEB_SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
  };
}

export const platform: ArchipelagoDesktopApi = window.archipelago ?? webPlatform();
export const isDesktop = window.archipelago !== undefined;
