// The first port from `start` that nothing listens on (at most `tries` ports up, skipping `exclude`:
// ports this process has chosen but not bound yet), or null.
import { createServer } from 'node:net';

const isFree = (port, host) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

export async function freePort(start, host = '127.0.0.1', tries = 20, exclude = []) {
  for (let port = start; port < start + tries && port <= 65535; port++) if (!exclude.includes(port) && (await isFree(port, host))) return port;
  return null;
}
