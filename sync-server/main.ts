import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { leveldbPersistence } from './persistence';
import { createRelay } from './relay';

/**
 * `npm run relay -- --port 4455 --host 127.0.0.1 --data ./relay-data` (those are the defaults).
 * Prints one line containing `listening on ws://HOST:PORT` when ready; SIGTERM flushes and exits 0.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4455' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './relay-data' },
    'idle-unload-ms': { type: 'string', default: '30000' },
    'max-frame-bytes': { type: 'string', default: String(5 * 1024 * 1024) },
    'log-level': { type: 'string', default: 'info' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`relay: --port must be 0..65535, got ${values.port}\n`);
  process.exit(2);
}
const dataDir = resolve(values.data!);
mkdirSync(dataDir, { recursive: true });
// Logs go to stderr as JSON; stdout carries only the ready line other tools wait for.
const logger = pino({ level: values['log-level'] }, pino.destination(2));
const relay = createRelay({
  host: values.host!,
  port,
  persistence: leveldbPersistence(dataDir),
  logger,
  idleUnloadMs: Number(values['idle-unload-ms']),
  maxFrameBytes: Number(values['max-frame-bytes']),
});

const bound = await relay.listen();
const shownHost = values.host!.includes(':') ? `[${values.host}]` : values.host;
process.stdout.write(`archipelago relay listening on ws://${shownHost}:${bound} (data: ${dataDir})\n`);

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
