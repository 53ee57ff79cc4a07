import { networkInterfaces } from 'node:os';
import type { Logger } from 'pino';
import QRCode from 'qrcode';
import { WorkshopStartSchema, type DesktopWorkshopStatus, type LanInterface } from '../shared/platformApi';
import { hostForUrl } from '../sync-server/hostAddress';
import { createWorkshopHost, type WorkshopHost, type WorkshopHostOptions } from '../sync-server/workshop/workshopHost';

/**
 * "Host a workshop" in the desktop app: the main process runs the same workshop host module as
 * `npm run workshop` (sync-server/workshop/workshopHost.ts: the web app and the relay on one port),
 * on the LAN interface and port the facilitator chose. The renderer reaches it only through the
 * narrow IPC calls of main.ts (interfaces, start, stop, status).
 */
export interface WorkshopServiceOptions {
  /** The workshop's relay storage and identity (kept across restarts of the app). */
  dataDir: string;
  /** The built web app to serve (dist/renderer). */
  webRoot: string;
  logger: Logger;
  /** This machine's interfaces (os.networkInterfaces; replaced in tests). */
  interfaces?: typeof networkInterfaces;
  createHost?: (options: WorkshopHostOptions) => WorkshopHost;
}

export interface WorkshopService {
  interfaces(): LanInterface[];
  start(request: unknown): Promise<DesktopWorkshopStatus>;
  stop(): Promise<DesktopWorkshopStatus>;
  status(): Promise<DesktopWorkshopStatus>;
}

/** The interfaces one can host on: LAN addresses first (IPv4 before IPv6), loopback last. */
export function lanInterfaces(all: ReturnType<typeof networkInterfaces>): LanInterface[] {
  const out: LanInterface[] = [];
  for (const [name, list] of Object.entries(all)) {
    for (const i of list ?? []) {
      if (i.family === 'IPv6' && i.scopeid) continue; // link-local (fe80::%if): not a URL a phone can open
      out.push({ name, address: i.address, family: i.family as 'IPv4' | 'IPv6', internal: i.internal });
    }
  }
  const rank = (i: LanInterface) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function createWorkshopService(options: WorkshopServiceOptions): WorkshopService {
  const listInterfaces = () => lanInterfaces((options.interfaces ?? networkInterfaces)());
  const make = options.createHost ?? createWorkshopHost;
  let running: { host: WorkshopHost; address: string; port: number } | null = null;
  // start and stop one at a time, in the order asked
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => {});
    return next;
  };

  const status = async (): Promise<DesktopWorkshopStatus> => {
    if (!running) return { running: false };
    const { host, address, port } = running;
    const url = `http://${hostForUrl(address)}:${port}`;
    const joinUrl = `${url}/join/${host.joinCode()}`;
    return {
      running: true,
      address,
      port,
      url,
      joinCode: host.joinCode(),
      joinUrl,
      qrDataUrl: await QRCode.toDataURL(joinUrl, { margin: 1, width: 240 }),
      facilitatorUrl: `${url}/facilitator/${host.facilitatorKey}`,
      participants: host.participants().filter((p) => !p.removed).length,
    };
  };

  return {
    interfaces: listInterfaces,
    status,
    start: (request) =>
      serial(async () => {
        const { address, port } = WorkshopStartSchema.parse(request);
        if (running) throw new Error(`a workshop is already hosted on http://${hostForUrl(running.address)}:${running.port}: stop it first`);
        if (!listInterfaces().some((i) => i.address === address)) throw new Error(`${address} is not an address of this machine: choose one of its network interfaces`);
        const host = make({ host: address, port, dataDir: options.dataDir, webRoot: options.webRoot, logger: options.logger });
        // the host serves the app page under the app's CSP itself (workshopHost.ts), as `npm run workshop` does
        let bound: number;
        try {
          bound = await host.listen();
        } catch (e) {
          await host.close().catch(() => {});
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use on ${address}: choose another port`, { cause: e });
          if (code === 'EADDRNOTAVAIL') throw new Error(`${address} is no longer an address of this machine: choose another interface`, { cause: e });
          if (code === 'EACCES') throw new Error(`port ${port} needs administrator rights: choose a port above 1023`, { cause: e });
          throw e;
        }
        running = { host, address, port: bound };
        options.logger.info({ address, port: bound }, 'workshop hosted');
        return status();
      }),
    stop: () =>
      serial(async () => {
        if (running) {
          const { host } = running;
          running = null;
          await host.close();
          options.logger.info('workshop stopped');
        }
        return status();
      }),
  };
}
