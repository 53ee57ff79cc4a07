import { monotonicMs } from './clock';

/** A token bucket's rate: `perSecond` tokens flow in, up to `burst`. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** What a connection may send: messages and bytes, each a token bucket. Shared by every connection of a relay. */
export interface Rates {
  messages: Rate;
  bytes: Rate;
}

/**
 * One connection's two token buckets (messages and bytes), refilled from one clock reading. One
 * small object per connection, the rates shared: a relay holds thousands. The clock is passed in
 * so tests are exact.
 */
export class Allowance {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly rates: Rates,
    private readonly now: () => number = monotonicMs,
  ) {
    this.messages = rates.messages.burst;
    this.bytes = rates.bytes.burst;
    this.last = now();
  }

  /** Spends one message of `bytes` bytes if both buckets hold enough; false (nothing spent) if not. */
  take(bytes: number): boolean {
    const t = this.now();
    const seconds = (t - this.last) / 1000;
    this.last = t;
    const { messages, bytes: byteRate } = this.rates;
    this.messages = Math.min(messages.burst, this.messages + seconds * messages.perSecond);
    this.bytes = Math.min(byteRate.burst, this.bytes + seconds * byteRate.perSecond);
    if (this.messages < 1 || this.bytes < bytes) return false;
    this.messages -= 1;
    this.bytes -= bytes;
    return true;
  }
}
