import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The relay's Prometheus metrics, in a registry of its own (no module-level state: two relays in
 * one process, as in tests, do not share counters). Labels never carry room names or tokens.
 */
export interface RelayMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'direction'>;
  readonly bytes: Counter<'direction'>;
  /** Seconds from receiving an update to having stored it. */
  readonly storeSeconds: Histogram;
  /** Seconds from another relay appending an update to the shared log to this relay applying it (Redis lag). */
  readonly logLagSeconds: Histogram;
  readonly refusals: Counter<'status'>;
  readonly closes: Counter<'code'>;
}

export function createRelayMetrics(sample: () => { connections: number; rooms: number }, options: { processMetrics?: boolean } = {}): RelayMetrics {
  const registry = new Registry();
  new Gauge({ name: 'archipelago_relay_connections', help: 'Open websocket connections', registers: [registry], collect() { this.set(sample().connections); } });
  new Gauge({ name: 'archipelago_relay_rooms', help: 'Rooms loaded in memory', registers: [registry], collect() { this.set(sample().rooms); } });
  const metrics: RelayMetrics = {
    registry,
    messages: new Counter({ name: 'archipelago_relay_messages_total', help: 'Websocket messages received (in) and sent (out)', labelNames: ['direction'], registers: [registry] }),
    bytes: new Counter({ name: 'archipelago_relay_bytes_total', help: 'Websocket message bytes received (in) and sent (out)', labelNames: ['direction'], registers: [registry] }),
    storeSeconds: new Histogram({
      name: 'archipelago_relay_update_store_seconds',
      help: 'Time from receiving an update to having stored it durably (before it is forwarded or acknowledged)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    logLagSeconds: new Histogram({
      name: 'archipelago_relay_redis_lag_seconds',
      help: 'Time from another relay appending an update to the shared log (Redis) to this relay applying it',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    refusals: new Counter({ name: 'archipelago_relay_upgrade_refusals_total', help: 'Websocket upgrades refused, by HTTP status', labelNames: ['status'], registers: [registry] }),
    closes: new Counter({ name: 'archipelago_relay_closes_total', help: 'Connections the relay closed, by close code', labelNames: ['code'], registers: [registry] }),
  };
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'archipelago_relay_' });
  return metrics;
}
