import { readdirSync, readFileSync } from 'node:fs';
import type { Registry } from 'prom-client';
import Counter from 'prom-client/lib/counter.js';
import Gauge from 'prom-client/lib/gauge.js';

/**
 * The process's own health, read when /metrics is scraped and at no other time: CPU, resident
 * memory, the V8 heap, open file descriptors (each websocket is one) and event-loop lag. Named as
 * prom-client's default metrics name them, so their dashboards work.
 *
 * Not prom-client's `collectDefaultMetrics`: it keeps a GC observer (an entry per garbage
 * collection), an event-loop delay monitor waking every 10 ms, and lists every active handle (each
 * socket) at each scrape: ~1.1 MiB of the relay's RSS with 1,000 clients on one room, scraped
 * every second (test/bench/fanout), and wake-ups between scrapes.
 */
export function registerProcessMetrics(registry: Registry, prefix: string): void {
  const registers = [registry];
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  new Gauge({ name: `${prefix}process_start_time_seconds`, help: 'Start time of the process since unix epoch in seconds.', registers, collect() { this.set(startSeconds); } });

  /** A counter set from an absolute reading at scrape time (CPU seconds only grow). */
  const cpu = (name: string, help: string, read: (u: NodeJS.CpuUsage) => number) =>
    new Counter({ name: `${prefix}${name}`, help, registers, collect() { this.reset(); this.inc(read(process.cpuUsage()) / 1e6); } });
  cpu('process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', (u) => u.user);
  cpu('process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', (u) => u.system);
  cpu('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', (u) => u.user + u.system);

  const memory = (name: string, help: string, read: (m: NodeJS.MemoryUsage) => number) =>
    new Gauge({ name: `${prefix}${name}`, help, registers, collect() { this.set(read(process.memoryUsage())); } });
  memory('process_resident_memory_bytes', 'Resident memory size in bytes.', (m) => m.rss);
  memory('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', (m) => m.heapTotal);
  memory('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', (m) => m.heapUsed);
  memory('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', (m) => m.external);

  if (process.platform === 'linux') {
    new Gauge({
      name: `${prefix}process_open_fds`,
      help: 'Number of open file descriptors.',
      registers,
      collect() {
        try {
          this.set(readdirSync('/proc/self/fd').length - 1); // less the one readdir opened
        } catch {
          // /proc unreadable (a sandbox): leave the series out rather than report a wrong number
        }
      },
    });
    const maxFds = /Max open files\s+(\d+)/.exec(safeRead('/proc/self/limits'))?.[1];
    if (maxFds) new Gauge({ name: `${prefix}process_max_fds`, help: 'Maximum number of open file descriptors.', registers, collect() { this.set(Number(maxFds)); } });
  }

  new Gauge({
    name: `${prefix}nodejs_eventloop_lag_seconds`,
    help: 'Lag of event loop in seconds (how long a callback queued at scrape time waited).',
    registers,
    collect() {
      const start = process.hrtime.bigint();
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          this.set(Number(process.hrtime.bigint() - start) / 1e9);
          resolve();
        }),
      );
    },
  });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
