import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isLocalOrigin, localOnlyAccess } from './access';

describe('an open relay on loopback takes only this machine\'s pages', () => {
  it('knows a local origin', () => {
    for (const o of [undefined, 'file://', 'http://127.0.0.1:5173', 'http://localhost:4455', 'http://[::1]:80', 'https://127.0.0.2']) expect(isLocalOrigin(o), String(o)).toBe(true);
    // `null` comes from any site's sandboxed frame or data: page
    for (const o of ['null', 'https://evil.example', 'http://192.168.1.5:5173', 'http://127.0.0.1.evil.example', 'chrome-extension://abc', 'not a url']) expect(isLocalOrigin(o), o).toBe(false);
  });
  it('refuses another site with 403 and says how to share the relay', async () => {
    const req = (origin?: string) => ({ headers: origin ? { origin } : {} }) as IncomingMessage;
    expect(await localOnlyAccess(req(), 'r')).toEqual({ ok: true, scope: 'rw' });
    expect(await localOnlyAccess(req('http://127.0.0.1:5180'), 'r')).toEqual({ ok: true, scope: 'rw' });
    expect(await localOnlyAccess(req('https://evil.example'), 'r')).toEqual({ ok: false, status: 403, reason: "this open relay serves only this machine's pages, not https://evil.example; give it --auth-secret to share it" });
  });
});
