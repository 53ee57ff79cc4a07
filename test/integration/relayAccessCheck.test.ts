import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { askRelayWhyRefused } from '../../renderer/src/sync/relayConnection';
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

  it('an unreachable relay is not called a refusal', async () => {
    expect(await askRelayWhyRefused('ws://127.0.0.1:9', WS)).toBeNull();
  });
});
