import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { portIsFree, probeRunningWorkshop, stubIndexHtml } from '../test/support/workshopProbe';
import { CONTENT_SECURITY_POLICY } from './policy';
import { createWorkshopService, lanInterfaces, type WorkshopService } from './workshopService';

const dir = mkdtempSync(join(tmpdir(), 'archipelago-desktop-workshop-'));
const webRoot = join(dir, 'renderer');
mkdirSync(webRoot);
writeFileSync(join(webRoot, 'index.html'), stubIndexHtml(CONTENT_SECURITY_POLICY));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// this machine as the service sees it: a LAN card, a link-local IPv6 and loopback
const fakeInterfaces = () => ({
  eth0: [
    { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.168.1.20/24' },
    { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
  ],
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
}) as ReturnType<typeof import('node:os').networkInterfaces>;

const services: WorkshopService[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});
let n = 0;
const service = () => {
  const s = createWorkshopService({ dataDir: join(dir, `data-${n++}`), webRoot, logger: pino({ level: 'silent' }), interfaces: fakeInterfaces });
  services.push(s);
  return s;
};

describe('desktop workshop host (main process service)', () => {
  it('lists the LAN interfaces first and loopback last, without link-local IPv6', () => {
    expect(lanInterfaces(fakeInterfaces())).toEqual([
      { name: 'eth0', address: '192.168.1.20', family: 'IPv4', internal: false },
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true },
    ]);
  });

  it('starting really listens: it serves the app under the CSP, joins by code, is the relay; stopping frees the port', async () => {
    const s = service();
    expect(await s.status()).toEqual({ running: false });
    const status = await s.start({ address: '127.0.0.1', port: 0 });
    if (!status.running) throw new Error('not running');
    expect(status.port).toBeGreaterThan(0);
    expect(await s.status()).toMatchObject({ running: true, port: status.port, joinCode: status.joinCode });
    await probeRunningWorkshop(status, CONTENT_SECURITY_POLICY);
    expect(await s.status()).toMatchObject({ participants: 1 });
    expect(await portIsFree(status.port)).toBe(false);
    expect(await s.stop()).toEqual({ running: false });
    expect(await portIsFree(status.port)).toBe(true);
    await expect(fetch(status.url)).rejects.toThrow();
    // and it starts again on the same data (the same workshop workspace)
    const again = await s.start({ address: '127.0.0.1', port: status.port });
    expect(again).toMatchObject({ running: true, port: status.port });
  });

  it('refuses bad requests with a clear error, and nothing starts', async () => {
    const s = service();
    await expect(s.start({ address: '10.9.9.9', port: 0 })).rejects.toThrow(/not an address of this machine/);
    await expect(s.start({ address: '127.0.0.1', port: 70000 })).rejects.toThrow(/0-65535/);
    await expect(s.start({ address: '127.0.0.1', port: 0, extra: true })).rejects.toThrow();
    await expect(s.start('127.0.0.1:8080')).rejects.toThrow();
    expect(await s.status()).toEqual({ running: false });
  });

  it('a port in use gets a clear error and leaves nothing half-started; a second start is refused', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)));
    const s = service();
    await expect(s.start({ address: '127.0.0.1', port })).rejects.toThrow(new RegExp(`port ${port} is already in use`));
    expect(await s.status()).toEqual({ running: false });
    // the failed start released the workshop's storage: a start on a free port works
    const ok = await s.start({ address: '127.0.0.1', port: 0 });
    expect(ok.running).toBe(true);
    await expect(s.start({ address: '127.0.0.1', port: 0 })).rejects.toThrow(/already hosted/);
  });
});
