// A small static server for the built renderer (dist/renderer), bound to loopback.
// Used by `npm start` in web mode and by the end-to-end tests.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * `relayUrl`: the relay this launcher started, announced to the page as
 * `<meta name="archipelago-relay">` so that it syncs there and nowhere else (shared/platformApi.ts).
 */
export function serveWeb({ root = resolve('dist/renderer'), host = '127.0.0.1', port = 5173, relayUrl = null } = {}) {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no web build at ${root}: run npm run build:renderer`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (relayUrl && file === join(root, 'index.html')) {
      const meta = `<meta name="archipelago-relay" content="${relayUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">`;
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      res.end(readFileSync(file, 'utf8').replace('</head>', `${meta}</head>`));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen({ server, url: `http://${host}:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  const { url } = await serveWeb({ port });
  process.stdout.write(`Archipelago web build at ${url}\n`);
}
