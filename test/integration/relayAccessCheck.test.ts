import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { askRelayWhyRefused } from '../../renderer/src/sync/relayConnection';
import { ACCESS_CHECK_PATH } from '../../shared/sync/relayProtocol';
import { relayFixture } from '../support/relayFixture';
import { appClient, officialClient, tryUpgrade, until } from '../support/yClient';

/**
 * HTTP 429 at the upgrade (too many connections from one address) stays the contract; a browser
 * only sees 1006 for it, so the app asks the relay's `/~access-check` why, and says so in words.
 */
const { relay, cleanup } = relayFixture();
const WS = WebSocket as unknown as typeof globalThis.WebSocket;

describe('telling "too many connections from this address" though the upgrade status is hidden', () => {
  it('the app says the relay refuses more connections from this address, and keeps the edit locally', async () => {
    const r = await relay(['--max-connections-per-ip', '1']);
    const first = officialClient(r.url, 'room-a');
    cleanup(first.destroy);
    await until(() => first.provider.wsconnected, 10_000, 'the first connection');
    // the contract is unchanged: the upgrade itself is refused with 429
    expect(await tryUpgrade(`${r.url}/room-b`)).toMatchObject({ status: 429 });

    const second = appClient(r.url, 'room-b');
    cleanup(second.destroy);
    second.doc.getMap('m').set('kept', 1);
    await until(() => second.conn.getState().refused !== null, 10_000, 'the refusal in words');
    expect(second.conn.getState().refused).toBe('the relay refuses more connections: too many connections from this address (max 1)');
    expect(second.conn.getState().unconfirmed).toBe(1);

    // once the other connection goes, the app connects and sends what it kept
    first.destroy();
    await second.conn.whenConfirmed();
    expect(second.conn.getState().refused).toBeNull();
  });

  it('the check answers nothing when no limit refuses the address, and does not count as a connection', async () => {
    const r = await relay(['--max-connections-per-ip', '1']);
    expect(await askRelayWhyRefused(r.url, WS)).toBeNull();
    expect(await askRelayWhyRefused(r.url, WS)).toBeNull();
    const only = officialClient(r.url, 'room-a');
    cleanup(only.destroy);
    await until(() => only.provider.wsconnected, 10_000, 'the one allowed connection');
    expect(await askRelayWhyRefused(r.url, WS)).toContain('too many connections from this address (max 1)');
  });

  it('one address may hold only a few access checks open at once (each holds a socket for up to 2 s)', async () => {
    const r = await relay();
    const port = Number(new URL(r.url).port);
    // raw sockets that upgrade and then never answer the relay's close: each check stays open ~2 s
    const held: Socket[] = [];
    cleanup(() => held.forEach((s) => s.destroy()));
    const hold = () =>
      new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1');
        held.push(s);
        s.once('error', reject);
        s.once('data', (d) => resolve(/^HTTP\/1\.1 (\d{3})/.exec(d.toString('latin1'))?.[1] ?? '?'));
        s.write(`GET ${ACCESS_CHECK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await hold());
    expect(statuses).toEqual(['101', '101', '101', '101', '429', '429']);
    // a room connection from the same address is not affected
    expect(await tryUpgrade(`${r.url}/room-a`)).toBe('open');
    // once they are gone, checks are answered again
    held.forEach((s) => s.destroy());
    let again = '';
    for (const deadline = Date.now() + 5_000; again !== '101' && Date.now() < deadline; ) {
      await new Promise((ok) => setTimeout(ok, 100));
      again = await hold();
    }
    expect(again).toBe('101');
  });

  it('an unreachable relay is not called a refusal', async () => {
    expect(await askRelayWhyRefused('ws://127.0.0.1:9', WS)).toBeNull();
  });
});
