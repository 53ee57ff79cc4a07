/**
 * Milliseconds on a monotonic clock, as `performance.now()` gives them. Not `performance` itself:
 * node builds its whole performance timeline (user timing, resource timing, observers: ~0.3 MiB of
 * the relay's memory) the first time the global is touched, for one number.
 */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
