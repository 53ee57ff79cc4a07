// A small static server for the built renderer (dist/renderer), bound to loopback.
// Used by `npm start` in web mode and by the end-to-end tests. The handler (staticFiles.mjs) is
// hardened and fuzzed (test/integration/serveWeb.test.ts): bad requests get 4xx, never a crash.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { createStaticHandler } from './staticFiles.mjs';

/**
 * `relayUrl`: the relay this launcher started, announced to the page as
 * `<meta name="archipelago-relay">` so that it syncs there and nowhere else (shared/platformApi.ts).
 */
export function serveWeb({ root = resolve('dist/renderer'), host = '127.0.0.1', port = 5173, relayUrl = null } = {}) {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no web build at ${root}: run npm run build:renderer`);
  const server = createServer(createStaticHandler({ root, headHtml: relayUrl ? `<meta name="archipelago-relay" content="${relayUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">` : undefined }));
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  const { url } = await serveWeb({ port, root: resolve(process.env.WEB_ROOT ?? 'dist/renderer') });
  process.stdout.write(`Archipelago web build at ${url}\n`);
}
