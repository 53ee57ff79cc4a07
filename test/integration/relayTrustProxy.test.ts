import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { relayFixture } from '../support/relayFixture';
import { tryUpgrade } from '../support/yClient';

const { relay, cleanup } = relayFixture();

/** An open websocket that says it was forwarded for `client`. */
async function openAs(url: string, client: string) {
  const ws = new WebSocket(url, { headers: { 'x-forwarded-for': client } });
  cleanup(() => ws.terminate());
  await new Promise((res, rej) => (ws.once('open', res), ws.once('error', rej)));
  return ws;
}

describe('per-address limits behind a load balancer (real process)', () => {
  it('with --trust-proxy, counts each forwarded client on its own: one client at its limit does not lock out the others', async () => {
    const r = await relay(['--max-connections-per-ip', '2', '--trust-proxy', '127.0.0.1']);
    await openAs(`${r.url}/a`, '198.51.100.1');
    await openAs(`${r.url}/b`, '198.51.100.1');
    expect(await tryUpgrade(`${r.url}/c`, { 'x-forwarded-for': '198.51.100.1' })).toEqual({ status: 429, body: 'too many connections from this address (max 2)\n' });
    // the same balancer, other clients: still accepted
    expect(await tryUpgrade(`${r.url}/c`, { 'x-forwarded-for': '198.51.100.2' })).toBe('open');
    // a client cannot dodge its limit by writing its own header: the balancer's entry is the rightmost
    expect(await tryUpgrade(`${r.url}/c`, { 'x-forwarded-for': '203.0.113.50, 198.51.100.1' })).toMatchObject({ status: 429 });
  });

  it('without it, the header is ignored: a client cannot pose as many addresses', async () => {
    const r = await relay(['--max-connections-per-ip', '2']);
    await openAs(`${r.url}/a`, '198.51.100.1');
    await openAs(`${r.url}/b`, '198.51.100.2');
    expect(await tryUpgrade(`${r.url}/c`, { 'x-forwarded-for': '198.51.100.3' })).toMatchObject({ status: 429 });
  });

  it('refuses a --trust-proxy that is not a list of addresses, with exit code 2', async () => {
    await expect(relay(['--trust-proxy', 'balancer.local'])).rejects.toThrow(/exited with 2: [^]*--trust-proxy takes IP addresses/);
  });
});
