import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import QRCode from 'qrcode';
import { z } from 'zod';
import { hostForUrl } from '../hostAddress';
import { reachableHost } from './lanAddress';
import { createWorkshopHost } from './workshopHost';

/**
 * `npm run workshop -- [--port 8080] [--host 0.0.0.0] [--data DIR]`: one process on one port, the
 * web app over HTTP and the relay on websocket upgrades. Prints `workshop on http://HOST:PORT`, the
 * six-character join code and a QR code of the join link; the facilitator's private link last.
 */
const fail = (message: string): never => {
  process.stderr.write(`workshop: ${message}\n`);
  process.exit(2);
};
let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: './workshop-data' },
      web: { type: 'string', default: 'dist/renderer' },
      'code-ttl-seconds': { type: 'string', default: String(4 * 3600) },
      'token-ttl-seconds': { type: 'string', default: String(12 * 3600) },
      'log-level': { type: 'string', default: 'info' },
    },
    strict: true,
  }));
} catch (e) {
  fail((e as Error).message);
}
const Config = z.object({
  port: z.coerce.number().int().min(0, '--port must be 0..65535').max(65535, '--port must be 0..65535'),
  host: z.string().min(1),
  codeTtlSeconds: z.coerce.number().int('--code-ttl-seconds must be an integer').min(1, '--code-ttl-seconds must be ≥ 1'),
  tokenTtlSeconds: z.coerce.number().int('--token-ttl-seconds must be an integer').min(10, '--token-ttl-seconds must be ≥ 10').max(7 * 86400, '--token-ttl-seconds must be ≤ 7 days'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});
const parsed = Config.safeParse({ port: values!.port, host: values!.host, codeTtlSeconds: values!['code-ttl-seconds'], tokenTtlSeconds: values!['token-ttl-seconds'], logLevel: values!['log-level'] });
if (!parsed.success) fail(parsed.error.issues[0].message);
const config = parsed.data!;
const webRoot = resolve(values!.web!);
if (!existsSync(join(webRoot, 'index.html'))) fail(`no web build at ${webRoot}: run npm run build:renderer first`);

const logger = pino({ level: config.logLevel }, pino.destination(2));
const host = createWorkshopHost({ host: config.host, port: config.port, dataDir: resolve(values!.data!), webRoot, logger, codeTtlMs: config.codeTtlSeconds * 1000, tokenTtlSeconds: config.tokenTtlSeconds });
const port = await host.listen();
const base = `http://${hostForUrl(reachableHost(config.host))}:${port}`;
const joinUrl = `${base}/join/${host.joinCode()}`;
const qr = await QRCode.toString(joinUrl, { type: 'terminal', small: true });
process.stdout.write(
  `archipelago workshop on ${base}\n` +
    `join code: ${host.joinCode()}   (or open ${joinUrl})\n` +
    `${qr}\n` +
    `facilitator (keep private): ${base}/facilitator/${host.facilitatorKey}\n` +
    `  controls: POST ${base}/facilitator/<key>/lock | unlock | code | remove/<participant>; GET …/state\n`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  host.close().then(
    () => process.exit(0),
    (err) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
