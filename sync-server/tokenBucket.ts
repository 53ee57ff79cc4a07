/**
 * A token bucket: `ratePerSecond` tokens flow in, up to `burst`; `take(n)` spends n if they are
 * there. The clock is passed in so tests are exact.
 */
export interface TokenBucket {
  take(n?: number): boolean;
}

export function createTokenBucket({ ratePerSecond, burst, now = () => performance.now() }: { ratePerSecond: number; burst: number; now?: () => number }): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take(n = 1) {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < n) return false;
      tokens -= n;
      return true;
    },
  };
}
