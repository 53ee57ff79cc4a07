import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RenewalRefused, renewAtRelay } from '../../renderer/src/sync/renewAtRelay';
import { mintToken } from '../../sync-server/auth';
import { health, relayFixture } from '../support/relayFixture';
import { officialClient, tryUpgrade, until } from '../support/yClient';

const SECRET = 'integration-secret-integration-secret';
const { relay, cleanup } = relayFixture();
const token = (room: string, scope: 'rw' | 'r' = 'rw', ttlSeconds = 60, now?: number) => mintToken({ room, secret: SECRET, ttlSeconds, scope, now });

describe('relay with room tokens (real process)', () => {
  it('refuses at the upgrade: 401 missing, invalid or expired, 403 another room, before any room loads', async () => {
    const r = await relay(['--auth-secret', SECRET]);
    expect(r.stderr()).not.toContain('OPEN RELAY');
    const refusals = [
      await tryUpgrade(`${r.url}/team-a`),
      await tryUpgrade(`${r.url}/team-a?token=not.a.jwt`),
      await tryUpgrade(`${r.url}/team-a?token=${await mintToken({ room: 'team-a', secret: 'some-other-secret-some-other-secret', ttlSeconds: 60, scope: 'rw' })}`),
      await tryUpgrade(`${r.url}/team-a?token=${await token('team-a', 'rw', 60, Math.floor(Date.now() / 1000) - 600)}`),
      await tryUpgrade(`${r.url}/team-a?token=${await token('team-b')}`),
      await tryUpgrade(`${r.url}/team-a?token=${await token('team-b*', 'r')}`),
    ];
    expect(refusals).toEqual([
      { status: 401, body: 'missing token\n' },
      { status: 401, body: 'invalid token\n' },
      { status: 401, body: 'invalid token\n' },
      { status: 401, body: 'expired token\n' },
      { status: 403, body: 'token is for another room\n' },
      { status: 403, body: 'token is for another room\n' },
    ]);
    expect(await health(r)).toMatchObject({ rooms: 0, connections: 0 });
    expect(await tryUpgrade(`${r.url}/team-a?token=${await token('team-*')}`)).toBe('open');
  });

  it('takes the secret from ARCHIPELAGO_RELAY_SECRET; rw and r clients of a prefix token sync', async () => {
    const r = await relay([], { env: { ARCHIPELAGO_RELAY_SECRET: SECRET } });
    expect(await tryUpgrade(`${r.url}/ws-1/network`)).toEqual({ status: 401, body: 'missing token\n' });
    const writer = officialClient(r.url, 'ws-1/network', undefined, { token: await token('ws-1/*') });
    const reader = officialClient(r.url, 'ws-1/network', undefined, { token: await token('ws-1/*', 'r') });
    cleanup(writer.destroy, reader.destroy);
    writer.doc.getMap('m').set('hello', 'world');
    await until(() => reader.doc.getMap('m').get('hello') === 'world', 10_000, 'the reader to receive');
  });

  it('closes a read-only connection that sends an edit with 4403, and nothing changes', async () => {
    const r = await relay(['--auth-secret', SECRET]);
    const writer = officialClient(r.url, 'doc', undefined, { token: await token('doc') });
    cleanup(writer.destroy);
    writer.doc.getMap('m').set('kept', 1);
    await until(() => writer.provider.synced, 10_000, 'writer synced');
    const reader = officialClient(r.url, 'doc', undefined, { token: await token('doc', 'r') });
    cleanup(reader.destroy);
    const codes: number[] = [];
    reader.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code));
    // it connects, sends its SyncStep2 and awareness, and stays: those are not edits
    await until(() => reader.doc.getMap('m').get('kept') === 1, 10_000, 'the reader to load');
    await new Promise((res) => setTimeout(res, 300));
    expect(codes).toEqual([]);
    reader.doc.getMap('m').set('sneaky', 1);
    await until(() => codes.includes(4403), 10_000, 'close code 4403');
    // y-websocket takes 4400-4499 as final: it stops reconnecting
    await new Promise((res) => setTimeout(res, 500));
    expect(reader.provider.shouldConnect).toBe(false);
    // connected again by hand, its SyncStep2 carries the edit: not taken, and it stays connected
    reader.provider.connect();
    await until(() => reader.provider.wsconnected && reader.provider.synced, 10_000, 'the reader to reconnect');
    writer.doc.getMap('m').set('after', 2);
    await until(() => reader.doc.getMap('m').get('after') === 2, 10_000, 'the reader to keep receiving');
    expect(writer.doc.getMap('m').has('sneaky')).toBe(false);
    // and a fresh client (reading what the relay stored) never sees it either
    const fresh = officialClient(r.url, 'doc', undefined, { token: await token('doc', 'r') });
    cleanup(fresh.destroy);
    await until(() => fresh.doc.getMap('m').get('after') === 2, 10_000, 'fresh load');
    expect(fresh.doc.getMap('m').toJSON()).toEqual({ kept: 1, after: 2 });
  });

  it('renews a renewable token over its renewal path, and refuses a token that is not renewable, expired or forged', async () => {
    const r = await relay(['--auth-secret', SECRET, '--log-level', 'info']); // info: the renewal is logged, and the token must not be
    const now = Math.floor(Date.now() / 1000);
    const renewable = await mintToken({ room: 'team-*', secret: SECRET, ttlSeconds: 30, scope: 'r', subject: 'p-7', now: now - 20, renewableUntil: now + 600 });
    const fresh = await renewAtRelay(r.url, renewable, { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
    expect(decodeJwt(fresh)).toMatchObject({ room: 'team-*', scope: 'r', sub: 'p-7', ren: now + 600 });
    expect(decodeJwt(fresh).exp! - decodeJwt(fresh).iat!).toBe(30);
    expect(await tryUpgrade(`${r.url}/team-x?token=${fresh}`)).toBe('open');
    const refusal = (t: string) => renewAtRelay(r.url, t, { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket }).then(() => 'renewed', (e: Error) => e.message);
    expect(await refusal(await token('team-a'))).toBe('this token is not renewable: ask for a new one');
    expect(await refusal(await mintToken({ room: 'a', secret: SECRET, ttlSeconds: 10, scope: 'rw', now: now - 60, renewableUntil: now + 600 }))).toBe('the token has expired: ask for a new one');
    expect(await refusal(await mintToken({ room: 'a', secret: 'another-secret-another-secret-another', ttlSeconds: 60, scope: 'rw', renewableUntil: now + 600 }))).toBe('not a token of this relay');
    expect(await renewAtRelay(r.url, await token('team-a'), { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket }).catch((e) => e)).toBeInstanceOf(RenewalRefused); // final: the app stops asking
    expect(r.stderr()).toContain('token renewed');
    expect(r.stderr()).not.toContain(renewable); // never logged
    expect(r.stderr()).not.toContain(fresh);
    // an open relay renews nothing
    const open = await relay();
    const fromOpen = await renewAtRelay(open.url, renewable, { WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket }).then(() => new Error('renewed'), (e: Error) => e);
    expect(fromOpen.message).toMatch(/does not renew/);
    expect(fromOpen).not.toBeInstanceOf(RenewalRefused); // maybe another relay of the list does
    expect(await tryUpgrade(`${open.url}/~renew`)).toEqual({ status: 404, body: 'this relay does not renew tokens\n' });
  });

  it('says loudly that it is open without a secret, and will not bind a reachable address without one unless --insecure', async () => {
    const open = await relay();
    expect(open.stderr()).toContain('OPEN RELAY');
    expect(open.stdout()).toMatch(/listening on ws:\/\/127\.0\.0\.1:\d+ .*OPEN: no auth/);
    const refused = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../sync-server/main.ts'), '--host', '0.0.0.0', '--port', '0', '--data', open.dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    refused.stderr.on('data', (d) => (err += d));
    const code = await new Promise((res) => refused.once('exit', res));
    expect(code).toBe(2);
    expect(err).toContain('refusing to bind 0.0.0.0 without --auth-secret');
    const insecure = await relay(['--host', '0.0.0.0', '--insecure']);
    expect(insecure.stdout()).toMatch(/listening on ws:\/\/0\.0\.0\.0:\d+/);
    expect(insecure.stderr()).toContain('OPEN RELAY');
    const secured = await relay(['--host', '0.0.0.0', '--auth-secret', SECRET]);
    expect(await tryUpgrade(`ws://127.0.0.1:${secured.port}/x`)).toMatchObject({ status: 401 });
  });
});
