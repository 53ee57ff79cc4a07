import { DEFAULT_RELAY_URL, type ArchipelagoDesktopApi, type DesktopSettings } from '../../shared/platformApi';

declare global {
  interface Window {
    archipelago?: ArchipelagoDesktopApi;
  }
}

const WEB_SETTINGS_KEY = 'archipelago.settings';

/** The web build's stand-in for the desktop API: settings in localStorage, overridable by `?relay=`. */
function webPlatform(): ArchipelagoDesktopApi {
  const read = (): DesktopSettings => {
    try {
      return { relayUrl: DEFAULT_RELAY_URL, ...JSON.parse(localStorage.getItem(WEB_SETTINGS_KEY) ?? '{}') };
    } catch {
      return { relayUrl: DEFAULT_RELAY_URL };
    }
  };
  const param = new URLSearchParams(location.search).get('relay');
  if (param !== null) localStorage.setItem(WEB_SETTINGS_KEY, JSON.stringify({ ...read(), relayUrl: param === 'off' ? null : param }));
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
