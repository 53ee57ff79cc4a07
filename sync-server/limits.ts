import type { Rates } from './tokenBucket';

/**
 * What one relay process lets clients do. Each limit, when hit, refuses with a clear code
 * (sync-server/PROTOCOL.md, "Limits") and logs one line.
 */
export interface RelayLimits {
  /** Open connections from one IP address; the next upgrade gets HTTP 429. */
  maxConnectionsPerIp: number;
  /** Messages a connection may send per second (a second's worth at once); over it: close 4429. */
  messagesPerSecond: number;
  /** Bytes a connection may send per second (a burst may also carry one maximal frame); over it: close 4429. */
  bytesPerSecond: number;
  /** After a 4429, upgrades from that IP get HTTP 429 for this long, so reconnecting does not reset the budget. */
  rateLimitPenaltyMs: number;
  /** Rooms loaded at once; a connection that would load one more is closed with 4503. */
  maxRooms: number;
  /** A room's stored size; an update that would take it over closes its sender with 4413, unstored. */
  maxDocBytes: number;
  /** Bytes queued to a slow reader; over it, that reader is closed with 4508 (it resyncs on reconnect). */
  maxBufferedBytes: number;
  /** Messages of one connection waiting in its room's inbox; at this many, its socket stops being read. */
  maxPendingMessages: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxConnectionsPerIp: 256,
  messagesPerSecond: 500,
  bytesPerSecond: 4 * 1024 * 1024,
  rateLimitPenaltyMs: 10_000,
  maxRooms: 10_000,
  maxDocBytes: 64 * 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxPendingMessages: 256,
};

/**
 * What one connection may send, as token buckets: a second's worth of messages at once; bytes in
 * bursts of two seconds' worth, or one maximal frame if that is more (a frame the relay accepts
 * must be sendable).
 */
export const connectionRates = (limits: RelayLimits, maxFrameBytes: number): Rates => ({
  messages: { perSecond: limits.messagesPerSecond, burst: limits.messagesPerSecond },
  bytes: { perSecond: limits.bytesPerSecond, burst: Math.max(2 * limits.bytesPerSecond, maxFrameBytes) },
});
