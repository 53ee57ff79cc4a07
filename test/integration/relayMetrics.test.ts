import { describe, expect, it } from 'vitest';
import { mintToken } from '../../sync-server/auth';
import { relayFixture } from '../support/relayFixture';
import { officialClient, tryUpgrade, until } from '../support/yClient';

const { relay, cleanup } = relayFixture();
/** One sample's value from Prometheus text, e.g. value(text, 'archipelago_relay_messages_total{direction="in"}'). */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('relay observability (real process)', () => {
  it('GET /metrics gives Prometheus text: connections, rooms, messages, bytes, receive-to-store histogram', async () => {
    const r = await relay();
    const a = officialClient(r.url, 'observed');
    const b = officialClient(r.url, 'observed');
    cleanup(a.destroy, b.destroy);
    await until(() => a.provider.synced && b.provider.synced, 10_000, 'connected');
    for (let i = 0; i < 10; i++) {
      a.doc.getMap('m').set(`k${i}`, i); // each its own message
      await new Promise((res) => setTimeout(res, 5));
    }
    await until(() => b.doc.getMap('m').size === 10, 10_000, 'sync');
    const res = await fetch(`http://127.0.0.1:${r.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(value(text, 'archipelago_relay_connections')).toBe(2);
    expect(value(text, 'archipelago_relay_rooms')).toBe(1);
    expect(value(text, 'archipelago_relay_messages_total{direction="in"}')).toBeGreaterThanOrEqual(10);
    expect(value(text, 'archipelago_relay_messages_total{direction="out"}')).toBeGreaterThanOrEqual(10);
    expect(value(text, 'archipelago_relay_bytes_total{direction="in"}')).toBeGreaterThan(0);
    const stored = value(text, 'archipelago_relay_update_store_seconds_count');
    expect(stored).toBeGreaterThanOrEqual(1); // batched: at least one write, at most one per update
    expect(stored).toBeLessThanOrEqual(10 + 2);
    expect(value(text, 'archipelago_relay_update_store_seconds_bucket{le="+Inf"}')).toBe(stored);
    expect(text).toContain('# TYPE archipelago_relay_update_store_seconds histogram');
    // the process's own health, read at scrape time (processMetrics.ts)
    expect(value(text, 'archipelago_relay_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(text, 'archipelago_relay_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value(text, 'archipelago_relay_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(value(text, 'archipelago_relay_process_open_fds')).toBeGreaterThanOrEqual(2); // at least the two websockets
    expect(value(text, 'archipelago_relay_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).not.toContain('observed'); // no room names in labels
  });

  it('counts refusals; logs are JSON with room and connection ids, and never contain a token', async () => {
    const secret = 'metrics-secret-metrics-secret-metrics';
    const r = await relay(['--auth-secret', secret, '--log-level', 'trace']);
    const good = await mintToken({ room: 'logged', secret, ttlSeconds: 60, scope: 'rw' });
    const expired = await mintToken({ room: 'logged', secret, ttlSeconds: 60, scope: 'rw', now: Math.floor(Date.now() / 1000) - 3600 });
    const wrongRoom = await mintToken({ room: 'elsewhere', secret, ttlSeconds: 60, scope: 'r' });
    const forged = await mintToken({ room: 'logged', secret: 'not-the-secret-not-the-secret-xxxx', ttlSeconds: 60, scope: 'rw' });
    const client = officialClient(r.url, 'logged', undefined, { token: good });
    cleanup(client.destroy);
    client.doc.getText('t').insert(0, 'hello');
    await until(() => client.provider.synced, 10_000, 'sync');
    expect(await tryUpgrade(`${r.url}/logged?token=${expired}`)).toMatchObject({ status: 401 });
    expect(await tryUpgrade(`${r.url}/logged?token=${wrongRoom}`)).toMatchObject({ status: 403 });
    expect(await tryUpgrade(`${r.url}/logged?token=${forged}`)).toMatchObject({ status: 401 });
    expect(await tryUpgrade(`${r.url}/logged?token=garbage-token-value`)).toMatchObject({ status: 401 });
    client.provider.disconnect();
    await until(() => r.stderr().includes('"msg":"disconnected"'), 10_000, 'the disconnect log line');
    const text = await (await fetch(`http://127.0.0.1:${r.port}/metrics`)).text();
    expect(value(text, 'archipelago_relay_upgrade_refusals_total{status="401"}')).toBe(3);
    expect(value(text, 'archipelago_relay_upgrade_refusals_total{status="403"}')).toBe(1);

    const log = r.stderr();
    for (const token of [good, expired, wrongRoom, forged]) {
      expect(log).not.toContain(token);
      for (const part of token.split('.')) expect(log).not.toContain(part); // not even a piece of it
    }
    expect(log).not.toContain('garbage-token-value');
    expect(log).not.toContain('token=');
    const lines = log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const connected = lines.find((l) => l.msg === 'connected');
    expect(connected).toMatchObject({ room: 'logged', conn: expect.stringMatching(/^c\d+$/), scope: 'rw' });
    expect(lines.filter((l) => l.msg === 'upgrade refused').map((l) => [l.room, l.status])).toEqual([
      ['logged', 401],
      ['logged', 403],
      ['logged', 401],
      ['logged', 401],
    ]);
  });
});
