/**
 * A token bucket: `ratePerSecond` tokens flow in, up to `burst`; `take(n)` spends n if they are
 * there. The clock is passed in so tests are exact. A class, not closures: the relay holds two per
 * connection, so each is one small object.
 */
export interface TokenBucket {
  take(n?: number): boolean;
}

const performanceNow = () => performance.now();

class Bucket implements TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

export function createTokenBucket({ ratePerSecond, burst, now = performanceNow }: { ratePerSecond: number; burst: number; now?: () => number }): TokenBucket {
  return new Bucket(ratePerSecond, burst, now);
}
