import { createServer, type Server } from 'node:http';
import { createStaticHandler } from '../../scripts/staticFiles.mjs';

/** Serves a built web app (e.g. dist/renderer) on a free loopback port, for the browser benchmarks. */
export async function serveDist(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer(createStaticHandler({ root }));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
