import { describe, expect, it } from 'vitest';
import { relayFixture } from '../support/relayFixture';
import { tryUpgrade } from '../support/yClient';

const { relay } = relayFixture();

describe('an open relay (no --auth-secret) on loopback (real process)', () => {
  it('refuses a page from another site, and takes this machine\'s pages and non-browser clients', async () => {
    const r = await relay();
    expect(await tryUpgrade(`${r.url}/room`, { origin: 'https://evil.example' })).toEqual({ status: 403, body: "this open relay serves only this machine's pages, not https://evil.example; give it --auth-secret to share it\n" });
    expect(await tryUpgrade(`${r.url}/room`, { origin: 'http://127.0.0.1:5173' })).toBe('open');
    expect(await tryUpgrade(`${r.url}/room`, { origin: 'file://' })).toBe('open');
    expect(await tryUpgrade(`${r.url}/room`)).toBe('open');
  });
});
