import { describe, expect, it, vi } from 'vitest';
import { watchWorkshopView, type ViewStream, type WorkshopConnection } from './workshopClient';

class FakeStream implements ViewStream {
  readyState = 0;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private removedListener: ((e: MessageEvent) => void) | null = null;
  constructor(readonly url: string) {}
  addEventListener(_type: 'removed', listener: (e: MessageEvent) => void) {
    this.removedListener = listener;
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  message(data: unknown) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
  removed(reason: string) {
    this.removedListener?.({ data: JSON.stringify({ reason }) } as MessageEvent);
  }
  /** A dropped connection (the EventSource retries: CONNECTING) or a refused one (it gives up: CLOSED). */
  error(refused: boolean) {
    this.readyState = refused ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

function watch(answer: { status: number; body: unknown } = { status: 200, body: {} }) {
  let conn: WorkshopConnection = { status: 'connecting' };
  const streams: FakeStream[] = [];
  const fetchImpl = vi.fn(async (url: string, init?: RequestInit) => {
    void url;
    void init;
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  const onRemoved = vi.fn();
  const stop = watchWorkshopView({
    token: 'a.b.c',
    openStream: (url) => {
      const s = new FakeStream(url);
      streams.push(s);
      return s;
    },
    fetchImpl: fetchImpl as unknown as typeof fetch,
    onRemoved,
    update: (next) => (conn = next(conn)),
    now: () => 1000,
  });
  return { conn: () => conn, streams, fetchImpl, onRemoved, stop };
}

const view = { follow: null, spotlight: null, timer: null, locked: false, vote: null, accepted: null, you: { id: 'p-1', name: 'Ana', role: 'participant' }, now: 1500 };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the workshop live view', () => {
  it('shows what the host pushes, with the host clock’s skew; a dropped connection is "lost" and asks nothing', async () => {
    const w = watch();
    expect(w.streams[0].url).toBe('/workshop/events?token=a.b.c');
    w.streams[0].message(view);
    expect(w.conn()).toEqual({ status: 'live', view, skewMs: 500 });
    w.streams[0].error(false);
    await settle();
    expect(w.conn()).toMatchObject({ status: 'lost', view });
    expect(w.fetchImpl).not.toHaveBeenCalled();
  });

  it('the host’s "removed" event is final: the stream is closed, the removal reported once, and later events change nothing', () => {
    const w = watch();
    w.streams[0].message(view);
    w.streams[0].removed('removed from the workshop by the facilitator');
    expect(w.conn()).toEqual({ status: 'removed', reason: 'removed from the workshop by the facilitator' });
    expect(w.streams[0].closed).toBe(true);
    expect(w.onRemoved).toHaveBeenCalledTimes(1);
    w.streams[0].message(view);
    w.streams[0].error(true);
    expect(w.conn().status).toBe('removed');
    expect(w.onRemoved).toHaveBeenCalledTimes(1);
    expect(w.fetchImpl).not.toHaveBeenCalled();
  });

  it('a refused stream (after a reload, say) is asked about once: the host’s removal answer makes it final', async () => {
    const w = watch({ status: 403, body: { error: 'removed from the workshop by the facilitator', code: 'removed' } });
    w.streams[0].error(true);
    await settle();
    await settle();
    expect(w.fetchImpl).toHaveBeenCalledTimes(1);
    expect(w.fetchImpl.mock.calls[0][0]).toBe('/workshop/state');
    expect(w.fetchImpl.mock.calls[0][1]).toEqual({ headers: { authorization: 'Bearer a.b.c' } });
    expect(w.conn().status).toBe('removed');
    expect(w.onRemoved).toHaveBeenCalledTimes(1);
    expect(w.streams).toHaveLength(1);
  });

  it('any other refusal is not a removal: the view stays "lost"', async () => {
    const w = watch({ status: 401, body: { error: 'token expired' } });
    w.streams[0].error(true);
    await settle();
    await settle();
    expect(w.conn().status).toBe('lost');
    expect(w.onRemoved).not.toHaveBeenCalled();
  });

  it('once stopped, a late answer changes nothing', async () => {
    const w = watch({ status: 403, body: { code: 'removed' } });
    w.streams[0].error(true);
    w.stop();
    await settle();
    await settle();
    expect(w.onRemoved).not.toHaveBeenCalled();
    expect(w.conn().status).toBe('lost');
  });
});
