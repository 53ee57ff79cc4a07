/**
 * The app page's Content-Security-Policy: the meta tag in renderer/index.html, the header Electron
 * adds, and the header a workshop host sends (electron/main.test.ts checks the meta tag matches).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * The policy served over HTTP (a workshop host on a LAN): the same, and no page may frame the app
 * (`frame-ancestors` works only in a header, not in a meta tag), so another site cannot overlay it to
 * steal a facilitator's clicks.
 */
export const SERVED_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
