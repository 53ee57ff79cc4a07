import type { Counter as CounterType, Histogram as HistogramType, Registry as RegistryType } from 'prom-client';
import Counter from 'prom-client/lib/counter.js';
import Gauge from 'prom-client/lib/gauge.js';
import Histogram from 'prom-client/lib/histogram.js';
import Registry from 'prom-client/lib/registry.js';
import { registerProcessMetrics } from './processMetrics';

/**
 * The relay's Prometheus metrics, in a registry of its own (no module-level state: two relays in
 * one process, as in tests, do not share counters). Labels never carry room names or tokens.
 * prom-client's metric types are imported from their own files, not its index, which also loads
 * what the relay does not use (the default metrics, push gateway, cluster aggregator, summaries).
 */
/**
 * Message and byte counts, as plain numbers the hot path adds to (a fan-out to 1,000 clients counts
 * 2,000 times per update; a prom-client `inc` allocates a label hash and a result object each time).
 * They are read into the `_total` counters when /metrics is scraped.
 */
export interface Traffic {
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export interface RelayMetrics {
  readonly registry: RegistryType;
  readonly traffic: Traffic;
  readonly messages: CounterType<'direction'>;
  readonly bytes: CounterType<'direction'>;
  /** Seconds from receiving an update to having stored it. */
  readonly storeSeconds: HistogramType;
  /** Seconds from another relay appending an update to the shared log to this relay applying it (Redis lag). */
  readonly logLagSeconds: HistogramType;
  readonly refusals: CounterType<'status'>;
  readonly closes: CounterType<'code'>;
}

export function createRelayMetrics(sample: () => { connections: number; rooms: number }, options: { processMetrics?: boolean } = {}): RelayMetrics {
  const registry = new Registry();
  new Gauge({ name: 'archipelago_relay_connections', help: 'Open websocket connections', registers: [registry], collect() { this.set(sample().connections); } });
  new Gauge({ name: 'archipelago_relay_rooms', help: 'Rooms loaded in memory', registers: [registry], collect() { this.set(sample().rooms); } });
  const traffic: Traffic = { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
  /** A counter whose two series are read from `traffic` at scrape time (the counts only grow). */
  const trafficCounter = (name: string, help: string, inKey: keyof Traffic, outKey: keyof Traffic) =>
    new Counter({
      name,
      help,
      labelNames: ['direction'],
      registers: [registry],
      collect() {
        this.reset();
        this.inc({ direction: 'in' }, traffic[inKey]);
        this.inc({ direction: 'out' }, traffic[outKey]);
      },
    });
  const metrics: RelayMetrics = {
    registry,
    traffic,
    messages: trafficCounter('archipelago_relay_messages_total', 'Websocket messages received (in) and sent (out)', 'messagesIn', 'messagesOut'),
    bytes: trafficCounter('archipelago_relay_bytes_total', 'Websocket message bytes received (in) and sent (out)', 'bytesIn', 'bytesOut'),
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
  if (options.processMetrics ?? true) registerProcessMetrics(registry, 'archipelago_relay_');
  return metrics;
}
