/**
 * Electron security policy as pure functions, so it can be tested without Electron (after Actual
 * Budget's trusted-url.ts). main.ts only wires these to Electron's events.
 */

/** The baseline of DESIGN.md §5: a sandboxed renderer with no Node and isolated context. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** The same policy as the meta tag in renderer/index.html, also sent as a header where one applies. */
export { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';

/** Only the app's own page may be shown in a window: same protocol, host and path. */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  let t: URL;
  let a: URL;
  try {
    t = new URL(target);
    a = new URL(appUrl);
  } catch {
    return false;
  }
  return t.protocol === a.protocol && t.host === a.host && t.pathname === a.pathname;
}

/** Links that may leave the app, to the system browser or mail client: https and mailto only. */
export function isSafeExternalUrl(target: string): boolean {
  try {
    const u = new URL(target);
    return (u.protocol === 'https:' && u.hostname.length > 0 && !u.username && !u.password) || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, geolocation, …) is denied: the app needs none. */
export const permissionDecision = (_permission: string): boolean => false;
