import { describe, expect, it } from 'vitest';
import { mintToken } from '../../sync-server/auth';
import { relayFixture } from '../support/relayFixture';
import { appClient, until } from '../support/yClient';

/** The app's connection against a real relay with room tokens: a refusal is told in words, and edits stay local. */
const SECRET = 'app-refusal-secret-app-refusal-secret';
const { relay, cleanup } = relayFixture();

describe('the app when the relay refuses access', () => {
  it('read-only (4403): says so, keeps the edit on this device unconfirmed, and the relay keeps nothing of it', async () => {
    const r = await relay(['--auth-secret', SECRET]);
    const room = 'ws-1.network';
    const writer = appClient(`${r.url}/?token=${await mintToken({ room: 'ws-1.*', secret: SECRET, ttlSeconds: 600, scope: 'rw' })}`, room);
    const reader = appClient(`${r.url}/?token=${await mintToken({ room: 'ws-1.*', secret: SECRET, ttlSeconds: 600, scope: 'r' })}`, room);
    cleanup(writer.destroy, reader.destroy);
    writer.doc.getMap('m').set('shared', 1);
    await until(() => reader.doc.getMap('m').get('shared') === 1, 10_000, 'reader syncs');
    expect(reader.conn.getState().refused).toBeNull();
    reader.doc.getMap('m').set('mine', 'kept here');
    await until(() => reader.conn.getState().refused !== null, 10_000, 'refusal shown');
    expect(reader.conn.getState().refused).toContain('read-only');
    expect(reader.conn.getState().unconfirmed).toBeGreaterThan(0);
    expect(reader.doc.getMap('m').get('mine')).toBe('kept here');
    await new Promise((res) => setTimeout(res, 300));
    expect(writer.doc.getMap('m').has('mine')).toBe(false);
  });

  it('an expired token (refused at the upgrade, 1006 in a browser): read from the token, in words', async () => {
    const r = await relay(['--auth-secret', SECRET]);
    const expired = await mintToken({ room: 'ws-1.*', secret: SECRET, ttlSeconds: 60, scope: 'rw', now: Math.floor(Date.now() / 1000) - 600 });
    const c = appClient(`${r.url}/?token=${expired}`, 'ws-1.network');
    cleanup(c.destroy);
    c.doc.getMap('m').set('offline edit', 1);
    await until(() => c.conn.getState().refused !== null, 10_000, 'refusal shown');
    expect(c.conn.getState().refused).toMatch(/^the access token expired at .*: ask for a new link$/);
    expect(c.conn.getState().unconfirmed).toBe(1);
  });
});
