import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { parseTrustedProxies } from './clientAddress';
import { isLoopback } from './hostAddress';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';

/** A bad flag: main prints it and exits 2. */
export class ConfigError extends Error {}

// zod/mini, bundled into the relay: the same validation as zod's classic API for ~0.2 MiB instead of ~8
const int = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: `--${name} must be a number` }).check(
    z.refine((n: number) => Number.isInteger(n), `--${name} must be an integer`),
    z.minimum(min, `--${name} must be ≥ ${min}`),
    z.maximum(max, `--${name} must be ≤ ${max}`),
  );

const ConfigSchema = z.object({
  port: int('port', 0, 65535),
  host: z.string().check(z.minLength(1, '--host must not be empty')),
  data: z.string().check(z.minLength(1, '--data must not be empty')),
  idleUnloadMs: int('idle-unload-ms', 0),
  maxFrameBytes: int('max-frame-bytes', 1024),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: '--log-level must be one of fatal, error, warn, info, debug, trace, silent' }),
  authSecret: z.optional(z.string()),
  insecure: z.boolean(),
  redis: z.optional(z.string().check(z.regex(/^rediss?:\/\/[^\s]+$/, '--redis must be a URL like redis://HOST:PORT'))),
  limits: z.object({
    maxConnectionsPerIp: int('max-connections-per-ip', 1),
    messagesPerSecond: int('max-messages-per-second', 1),
    bytesPerSecond: int('max-bytes-per-second', 1024),
    maxRooms: int('max-rooms', 1),
    maxDocBytes: int('max-doc-bytes', 1024),
    maxBufferedBytes: int('max-buffered-bytes', 1024),
  }),
});

export type RelayConfig = z.infer<typeof ConfigSchema> & {
  limits: Partial<RelayLimits>;
  /** Balancers whose X-Forwarded-For names the client for per-address limits (clientAddress.ts). */
  trustProxy: string[];
};

/** The limit flags and the field of RelayLimits each sets. */
const LIMIT_FLAGS = {
  'max-connections-per-ip': 'maxConnectionsPerIp',
  'max-messages-per-second': 'messagesPerSecond',
  'max-bytes-per-second': 'bytesPerSecond',
  'max-rooms': 'maxRooms',
  'max-doc-bytes': 'maxDocBytes',
  'max-buffered-bytes': 'maxBufferedBytes',
} as const;

/**
 * The relay's command line (`npm run relay -- …`). Defaults: `--port 4455 --host 127.0.0.1 --data
 * ./relay-data`. `--auth-secret` falls back to ARCHIPELAGO_RELAY_SECRET. Binding to an address
 * other machines can reach without a secret needs `--insecure`.
 */
export function parseRelayConfig(argv: string[], env: Record<string, string | undefined>): RelayConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4455' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: './relay-data' },
        'idle-unload-ms': { type: 'string', default: '30000' },
        'max-frame-bytes': { type: 'string', default: String(5 * 1024 * 1024) },
        'log-level': { type: 'string', default: 'info' },
        'auth-secret': { type: 'string' },
        insecure: { type: 'boolean', default: false },
        redis: { type: 'string' },
        'trust-proxy': { type: 'string' },
        ...Object.fromEntries(Object.entries(LIMIT_FLAGS).map(([flag, field]) => [flag, { type: 'string' as const, default: String(DEFAULT_LIMITS[field]) }])),
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const parsed = ConfigSchema.safeParse({
    port: values.port,
    host: values.host,
    data: values.data,
    idleUnloadMs: values['idle-unload-ms'],
    maxFrameBytes: values['max-frame-bytes'],
    logLevel: values['log-level'],
    authSecret: values['auth-secret'] ?? (env.ARCHIPELAGO_RELAY_SECRET || undefined),
    insecure: values.insecure,
    redis: values.redis,
    limits: Object.fromEntries(Object.entries(LIMIT_FLAGS).map(([flag, field]) => [field, (values as Record<string, unknown>)[flag]])),
  });
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0].message);
  let trustProxy: string[];
  try {
    trustProxy = parseTrustedProxies(values['trust-proxy']);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const config = { ...parsed.data, trustProxy };
  if (config.authSecret !== undefined && config.authSecret.length === 0) throw new ConfigError('--auth-secret must not be empty');
  if (!config.authSecret && !isLoopback(config.host) && !config.insecure)
    throw new ConfigError(`refusing to bind ${config.host} without --auth-secret: anyone who can reach it could read and write every room. Set --auth-secret (or ARCHIPELAGO_RELAY_SECRET), or pass --insecure on a network you trust`);
  return config;
}
