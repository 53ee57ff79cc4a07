import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { health, relayFixture } from '../support/relayFixture';
import { officialClient, tryUpgrade, until } from '../support/yClient';

const { relay, cleanup } = relayFixture();
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** A raw websocket, open, with its close code as a promise. */
async function raw(url: string) {
  const ws = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));
  await new Promise((res, rej) => (ws.once('open', res), ws.once('error', rej)));
  cleanup(() => ws.terminate());
  return { ws, closed };
}

describe('relay limits (real process)', () => {
  it('refuses the connection after the Nth from one IP with HTTP 429, and frees the slot on close', async () => {
    const r = await relay(['--max-connections-per-ip', '2']);
    const a = await raw(`${r.url}/one`);
    await raw(`${r.url}/two`);
    expect(await tryUpgrade(`${r.url}/three`)).toEqual({ status: 429, body: 'too many connections from this address (max 2)\n' });
    a.ws.close();
    await a.closed;
    await until(() => false, 100).catch(() => {});
    expect(await tryUpgrade(`${r.url}/three`)).toBe('open');
    expect(r.stderr()).toContain('upgrade refused');
  });

  it('a malformed handshake does not use up its address\'s connection slot', async () => {
    const r = await relay(['--max-connections-per-ip', '1']);
    const port = Number(new URL(r.url).port);
    // upgrades ws refuses itself after the relay took the slot (bad key, bad version): 400, no connection
    for (const header of ['Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7']) {
      const status = await new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1');
        cleanup(() => s.destroy());
        let data = '';
        s.on('data', (d) => (data += d.toString('latin1')));
        s.once('error', reject);
        s.once('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 'none'));
        s.write(`GET /room-x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${header}\r\n\r\n`);
      });
      expect(status).toBe('400');
    }
    // the one slot is still free
    expect(await tryUpgrade(`${r.url}/room-y`)).toBe('open');
  });

  it('closes a connection over its message rate with 4429, then refuses its address with 429 for a while', async () => {
    const r = await relay(['--max-messages-per-second', '50']);
    const c = await raw(`${r.url}/chatty`);
    for (let i = 0; i < 300; i++) c.ws.send(Uint8Array.of(3)); // query awareness: tiny and valid
    expect((await c.closed).code).toBe(4429);
    expect(await tryUpgrade(`${r.url}/chatty`)).toEqual({ status: 429, body: 'rate limit exceeded: wait before reconnecting\n' });
    expect(r.stderr()).toContain('rate limit: closing the connection');
  });

  it('by default a normal client can send 100 updates a second (here 2 s of them) and is not limited', async () => {
    const r = await relay();
    const a = officialClient(r.url, 'busy');
    const b = officialClient(r.url, 'busy');
    cleanup(a.destroy, b.destroy);
    const closes: number[] = [];
    a.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    await until(() => a.provider.synced && b.provider.synced, 10_000, 'synced');
    for (let i = 0; i < 200; i++) {
      a.doc.getMap('m').set(`k${i}`, i); // an update, plus y-websocket's awareness traffic
      if (i % 10 === 9) await sleep(100);
    }
    await until(() => b.doc.getMap('m').size === 200, 10_000, 'all 200 to arrive');
    expect(closes).toEqual([]);
  });

  it('closes a connection that would load one room too many with 4503', async () => {
    const r = await relay(['--max-rooms', '2']);
    await raw(`${r.url}/r1`);
    await raw(`${r.url}/r2`);
    const third = await raw(`${r.url}/r3`);
    expect(await third.closed).toEqual({ code: 4503, reason: 'the relay holds its maximum of 2 rooms: try again later' });
    expect((await health(r)).rooms).toBe(2);
    expect(await tryUpgrade(`${r.url}/r1`)).toBe('open'); // a loaded room still takes connections
    expect(r.stderr()).toContain('room limit');
  });

  it('closes the sender of an update that would take its room over the size limit with 4413, and stores nothing of it', async () => {
    const r = await relay(['--max-doc-bytes', '8192']);
    const a = officialClient(r.url, 'small');
    cleanup(a.destroy);
    const closes: number[] = [];
    a.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    await until(() => a.provider.synced, 10_000, 'synced');
    a.doc.getText('t').insert(0, 'fits');
    await sleep(200);
    a.doc.getText('t').insert(4, 'x'.repeat(10_000));
    await until(() => closes.includes(4413), 10_000, 'close 4413');
    const fresh = officialClient(r.url, 'small');
    cleanup(fresh.destroy);
    await until(() => fresh.provider.synced, 10_000, 'fresh synced');
    expect(fresh.doc.getText('t').toString()).toBe('fits');
    expect(r.stderr()).toContain('document size limit');
  });

  it('closes a reader that does not keep up with 4508 instead of queueing for it without bound', async () => {
    const r = await relay(['--max-buffered-bytes', '262144', '--max-bytes-per-second', '100000000', '--max-messages-per-second', '10000']);
    const writer = officialClient(r.url, 'firehose');
    cleanup(writer.destroy);
    await until(() => writer.provider.synced, 10_000, 'writer synced');
    const slow = await raw(`${r.url}/firehose`);
    slow.ws.pause(); // reads nothing: the relay's send buffer for it fills up
    const map = writer.doc.getMap('m');
    // far more than the kernel's socket buffers hold on loopback
    for (let i = 0; i < 1000 && !r.stderr().includes('slow reader'); i++) {
      map.set(`k${i % 50}`, 'y'.repeat(48 * 1024));
      if (i % 20 === 19) await sleep(20);
    }
    await until(() => r.stderr().includes('slow reader: closing it'), 20_000, 'the slow reader to be closed');
    slow.ws.resume();
    expect((await slow.closed).code).toBe(4508);
    expect(writer.provider.wsconnected).toBe(true);
  });

  it('a flooding client in one room does not slow a normal client in another: latency within 2x of unloaded', async () => {
    const r = await relay();
    const a = officialClient(r.url, 'quiet');
    const b = officialClient(r.url, 'quiet');
    cleanup(a.destroy, b.destroy);
    await until(() => a.provider.synced && b.provider.synced, 10_000, 'synced');
    let seq = 0;
    /** Ms from a change on a to its arrival on b, for `n` changes 20 ms apart. */
    const latencies = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const key = `k${seq++}`;
        const arrived = new Promise<void>((res) => {
          const check = () => (b.doc.getMap('m').has(key) ? (b.doc.getMap('m').unobserve(check), res()) : undefined);
          b.doc.getMap('m').observe(check);
        });
        const t = performance.now();
        a.doc.getMap('m').set(key, i);
        await arrived;
        times.push(performance.now() - t);
        await sleep(20);
      }
      return times;
    };
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    await latencies(20); // warm up
    // Rounds of unloaded, then flooded, samples: the test machine's own load drifts, so both kinds
    // are taken interleaved over the same stretch of time and compared as two pooled medians. Each
    // round's flooder comes from a loopback address of its own, so the relay's per-address penalty
    // from the previous round does not keep it out before it has flooded.
    const unloaded: number[] = [];
    const loaded: number[] = [];
    const floodLogs: string[] = [];
    for (let round = 0; round < 3; round++) {
      unloaded.push(...(await latencies(30)));
      const rateLimited = r.stderr().split('rate limit: closing the connection').length;
      const flooder = spawn(process.execPath, [join(import.meta.dirname, '../support/flooder.mjs'), `${r.url}/noisy`, '2048', `127.0.0.${round + 2}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      let floodLog = '';
      flooder.stdout.on('data', (d) => (floodLog += d));
      cleanup(() => flooder.kill('SIGKILL'));
      await until(() => r.stderr().split('rate limit: closing the connection').length > rateLimited, 10_000, `round ${round}: the flooder to hit the limit`);
      loaded.push(...(await latencies(40)));
      await until(() => floodLog.includes('refused 429'), 10_000, `round ${round}: the flooder to be kept out`); // it kept trying
      flooder.kill('SIGTERM');
      await new Promise((res) => flooder.once('exit', res));
      floodLogs.push(floodLog.trim().split('\n').slice(-1)[0]);
    }
    unloaded.push(...(await latencies(30)));
    process.stderr.write(`flood test: unloaded p50 ${median(unloaded).toFixed(2)} ms (${unloaded.length} samples), under flood p50 ${median(loaded).toFixed(2)} ms (${loaded.length}); flooders: ${floodLogs.join('; ')}\n`);
    expect(median(loaded)).toBeLessThanOrEqual(2 * median(unloaded));
  }, 60_000);
});
