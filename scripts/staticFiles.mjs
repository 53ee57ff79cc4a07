// Serves a built single-page app from one folder: the web build for `npm start`, the end-to-end
// tests and the workshop host (which shares its port with the relay, so it faces a LAN).
// Bad input never throws: a malformed URL is 400, a path out of the folder 403 (never served),
// a missing asset 404, any method but GET and HEAD 405. A path without a file extension that is
// not a file gets index.html (the app routes by hash, so that only covers typed-in links).
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const plain = (res, status, text, headers = {}) => {
  if (res.headersSent) return res.destroy();
  const body = `${text}\n`;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
};

/** The path a request asks for, decoded, or null when it is not a well-formed, safe path. */
export function requestPath(url) {
  if (typeof url !== 'string' || !url.startsWith('/')) return null;
  const raw = url.split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null; // e.g. /%E0%A4%A: a truncated UTF-8 escape
  }
  if (path.includes('\0')) return null;
  return path;
}

/** Whether `file` (absolute) is inside `root` (absolute), after resolving `..` and separators. */
export function isInside(root, file) {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function fileStat(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/**
 * A request handler `(req, res) => void` serving `root`. `headHtml`, when given, is added to the
 * page's <head> (npm start announces the relay it launched this way).
 */
export function createStaticHandler({ root, headHtml }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  const send = (req, res, file, size) => {
    if (headHtml && file === index) {
      const body = Buffer.from(readFileSync(file, 'utf8').replace('</head>', `${headHtml}</head>`));
      res.writeHead(200, { 'content-type': TYPES['.html'], 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  };
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const path = requestPath(req.url);
    if (path === null) return plain(res, 400, 'bad request: malformed URL');
    const file = resolve(base, `.${path.startsWith('/') ? path : `/${path}`}`);
    if (!isInside(base, file)) return plain(res, 403, 'forbidden');
    (async () => {
      const found = await fileStat(file);
      if (found?.isFile()) return send(req, res, file, found.size);
      if (extname(path) && !path.endsWith('/')) return plain(res, 404, 'not found');
      const page = await fileStat(index);
      if (!page?.isFile()) return plain(res, 404, 'no web build here');
      send(req, res, index, page.size);
    })().catch(() => plain(res, 500, 'internal error'));
  };
}
