import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { Connection, type ConnectionContext } from './connection';
import { connectionRates, DEFAULT_LIMITS } from './limits';
import type { Room } from './room';

/** A socket that records pause and resume (the backpressure under test). */
function fakeSocket() {
  const calls: string[] = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    isPaused: false,
    bufferedAmount: 0,
    pause() {
      this.isPaused = true;
      calls.push('pause');
    },
    resume() {
      this.isPaused = false;
      calls.push('resume');
    },
    send() {},
    close() {},
    terminate() {},
  };
  return { ws, calls };
}

describe('Connection backpressure', () => {
  it('stops reading a connection whose messages pile up in its busy room, and reads again once half are done', async () => {
    const limits = { ...DEFAULT_LIMITS, maxPendingMessages: 8 };
    const ctx: ConnectionContext = { log: pino({ level: 'silent' }), limits, rates: connectionRates(limits, 1 << 20), traffic: { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 }, countClose: () => {}, penalise: () => {} };
    // a room that is busy storing: each message waits until released
    const waiting: (() => void)[] = [];
    const room = { handleConnect() {}, handleClose() {}, handleMessage: () => new Promise<void>((resolve) => waiting.push(resolve)) } as unknown as Room;
    const { ws, calls } = fakeSocket();
    const conn = new Connection(ws as unknown as WebSocket, 'c1', 'r', 'rw', '127.0.0.1', undefined, ctx, Promise.resolve(room));
    await Promise.resolve();
    for (let i = 0; i < 7; i++) conn.receive(Buffer.from([0, 0, 0]), true);
    expect(calls).toEqual([]);
    conn.receive(Buffer.from([0, 0, 0]), true); // the 8th waiting message
    expect(calls).toEqual(['pause']);
    for (const release of waiting.splice(0, 3)) release();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['pause']); // 5 still waiting: more than half
    waiting.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['pause', 'resume']); // 4: read again
  });
});
