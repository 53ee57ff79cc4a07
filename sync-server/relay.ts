import { createServer, type Server } from 'node:http';
import { createRelayHandler, type RelayHandler, type RelayHandlerOptions } from './relayHandler';

export { roomFromUrl } from './roomName';

export interface RelayOptions extends RelayHandlerOptions {
  host: string;
  port: number;
}

export interface Relay {
  readonly server: Server;
  readonly handler: RelayHandler;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number>;
  /** Stops accepting, closes every socket with 1001, waits for storage, closes storage. */
  close(): Promise<void>;
  stats(): { rooms: number; connections: number };
}

/** The standalone relay: its own HTTP server, feeding the mountable handler (relayHandler.ts). */
export function createRelay(options: RelayOptions): Relay {
  const handler = createRelayHandler(options);
  const server = createServer((req, res) => {
    if (handler.handleRequest(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Archipelago relay: connect with the y-websocket protocol at ws://host:port/<room>\n');
  });
  server.on('upgrade', handler.handleUpgrade);
  return {
    server,
    handler,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : options.port);
        });
      }),
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
      server.closeAllConnections?.();
      await stopped;
    },
    stats: handler.stats,
  };
}
