import { createServer } from 'node:net';
import { expect } from 'vitest';
import type { DesktopWorkshopStatus } from '../../shared/platformApi';
import { tryUpgrade } from './yClient';

/** A web build stand-in that carries the app's CSP meta tag, as renderer/index.html does. */
export const stubIndexHtml = (csp: string) => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Archipelago</title></head><body><div id="root"></div></body></html>`;

/**
 * Checks a running desktop workshop host over real HTTP and websockets: the app page (under the
 * CSP), a join by code that hands out a token for the workshop's workspace, the relay on the same
 * port (refusing a connection without a token), and the QR code of the join link.
 */
export async function probeRunningWorkshop(status: DesktopWorkshopStatus, csp: string) {
  if (!status.running) throw new Error('the workshop is not running');
  expect(status.url).toBe(`http://127.0.0.1:${status.port}`);
  expect(status.joinCode).toMatch(/^[A-Z2-9]{6}$/);
  expect(status.joinUrl).toBe(`${status.url}/join/${status.joinCode}`);
  expect(status.qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  const page = await fetch(status.url);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toBe(`${csp}; frame-ancestors 'none'`); // a header can forbid framing; a meta tag cannot
  expect(await page.text()).toContain(`content="${csp}"`);
  const wrong = await fetch(`${status.url}/join/ZZZZZZ?name=Ana`, { redirect: 'manual' });
  expect(wrong.status).toBe(404);
  const joined = await fetch(`${status.joinUrl}?name=Ana`, { redirect: 'manual' });
  expect(joined.status).toBe(302);
  const app = new URL(joined.headers.get('location')!, status.url);
  const workspace = app.searchParams.get('workspace')!;
  const token = new URL(app.searchParams.get('relay')!).searchParams.get('token')!;
  expect(workspace).toMatch(/^workshop-/);
  expect(await tryUpgrade(`ws://127.0.0.1:${status.port}/${workspace}.network?token=${token}`)).toBe('open');
  expect(await tryUpgrade(`ws://127.0.0.1:${status.port}/${workspace}.network`)).toMatchObject({ status: 401 });
  return { workspace, token };
}

/** Whether nothing listens on 127.0.0.1:port any more: we can bind it ourselves. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
