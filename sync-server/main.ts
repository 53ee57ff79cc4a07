import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { localOnlyAccess } from './access';
import { hostForUrl, isLoopback } from './hostAddress';
import { localLog } from './localLog';
import { leveldbPersistence } from './persistence';
import { createRelay } from './relay';
import { ConfigError, parseRelayConfig, type RelayConfig } from './relayConfig';

/**
 * `npm run relay -- --port 4455 --host 127.0.0.1 --data ./relay-data` (those are the defaults).
 * Prints one line containing `listening on ws://HOST:PORT` when ready; SIGTERM flushes and exits 0.
 */
let config: RelayConfig;
try {
  config = parseRelayConfig(process.argv.slice(2), process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`relay: ${e.message}\n`);
  process.exit(2);
}

const dataDir = resolve(config.data);
mkdirSync(dataDir, { recursive: true });
// Logs go to stderr as JSON; stdout carries only the ready line other tools wait for.
const logger = pino({ level: config.logLevel }, pino.destination(2));
const persistence = leveldbPersistence(dataDir);
let log = localLog(persistence);
/** The Redis URL without its credentials, for printing. */
const shownRedis = config.redis?.replace(/\/\/[^@/]*@/, '//***@');
if (config.redis) {
  // loaded only when used: ioredis alone adds about 12 MiB to the process
  const { redisLog } = await import('./redisLog');
  const shared = redisLog({ url: config.redis, persistence, logger });
  try {
    await shared.ready(5000);
  } catch (e) {
    process.stderr.write(`relay: cannot reach redis at ${shownRedis}: ${(e as Error).message}\n`);
    process.exit(1);
  }
  log = shared;
}
// the token code (jose) is loaded only when tokens are checked (and renewed): an open local relay does
// without it; without a secret, a relay on a loopback address takes only this machine's pages
const auth = config.authSecret ? await import('./auth') : null;
const secret = config.authSecret;
const authenticate = auth && secret ? auth.tokenAuth(secret) : isLoopback(config.host) ? localOnlyAccess : undefined;
const relay = createRelay({
  host: config.host,
  port: config.port,
  log,
  logger,
  authenticate,
  idleUnloadMs: config.idleUnloadMs,
  maxFrameBytes: config.maxFrameBytes,
  limits: config.limits,
  trustProxy: config.trustProxy,
  renew: auth && secret ? (token) => auth.renewToken(secret, token) : undefined,
});

const bound = await relay.listen();
const url = `ws://${hostForUrl(config.host)}:${bound}`;
if (!config.authSecret) {
  process.stderr.write(
    `\n  !!! OPEN RELAY: no --auth-secret, so anyone who can reach ${url} can read and write every room.\n` +
      `  !!! Fine on this machine; set --auth-secret (or ARCHIPELAGO_RELAY_SECRET) before sharing it.\n\n`,
  );
}
process.stdout.write(`archipelago relay listening on ${url} (data: ${dataDir}${shownRedis ? `, redis: ${shownRedis}` : ''}${config.authSecret ? ', room tokens required' : ', OPEN: no auth'})\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  relay.close().then(
    () => process.exit(0),
    (err) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
