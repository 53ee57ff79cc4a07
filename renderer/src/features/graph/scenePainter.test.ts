import { describe, expect, it } from 'vitest';
import type { DrawOptions } from './drawScene';
import { ScenePainter, type Picture, type PictureFrame, type PainterRequest, type SceneBody } from './scenePainter';

/** A stand-in for the scene worker: records what it is sent and answers when told to. */
class FakeWorker {
  sent: { msg: PainterRequest; transfer: Transferable[] }[] = [];
  onmessage: ((e: MessageEvent<PictureFrame>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(msg: PainterRequest, transfer: Transferable[] = []) {
    this.sent.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number) {
    const state = { closed: false };
    const picture = Object.assign(state, { close: () => void (state.closed = true) }) as unknown as ImageBitmap & { closed: boolean };
    this.onmessage?.({ data: { type: 'picture', id, picture, ms: 12, stats: { nodes: 1, edges: 0, labels: 0 } } } as unknown as MessageEvent<PictureFrame>);
    return picture;
  }
}

const opts: DrawOptions = { width: 100, height: 80, labelZoom: 1.6, background: '#fff', edgeColour: '#999', labelColour: '#000', selectColour: '#f00' };
const body = (over: Partial<SceneBody> = {}): SceneBody => ({
  source: new Int32Array([0]),
  target: new Int32Array([1]),
  trust: new Float32Array([0.5]),
  group: new Uint16Array([0, 0]),
  colours: ['#123'],
  radius: new Float32Array([3, 3]),
  names: ['a', 'b'],
  pinned: new Uint8Array(2),
  selected: new Set<number>(),
  hovered: -1,
  ...over,
});

function setup() {
  const worker = new FakeWorker();
  const got: Picture[] = [];
  const clock = { now: 0 };
  const painter = new ScenePainter((p) => got.push(p), worker as unknown as Worker, () => clock.now);
  return { worker, got, painter, clock };
}

describe('ScenePainter: the main thread asks the scene worker for pictures', () => {
  it('sends only the scene fields that changed', () => {
    const { worker, painter } = setup();
    const first = body();
    painter.setScene(first);
    expect(Object.keys((worker.sent[0].msg as { patch: object }).patch).sort()).toEqual(Object.keys(first).sort());
    painter.setScene({ ...first });
    expect(worker.sent).toHaveLength(1);
    painter.setScene({ ...first, hovered: 1 });
    expect(worker.sent[1].msg).toEqual({ type: 'scene', patch: { hovered: 1 } });
  });

  it('asks for one picture at a time, with copied positions transferred and the overscan added', () => {
    const { worker, got, painter } = setup();
    const x = new Float32Array([1, 2]);
    const y = new Float32Array([3, 4]);
    painter.request(x, y, { x: 10, y: 20, k: 2 }, 5, true, opts);
    expect(painter.pending).toBe(true);
    const { msg, transfer } = worker.sent[0];
    if (msg.type !== 'draw') throw new Error('expected a draw request');
    expect(msg.camera).toEqual({ x: 15, y: 25, k: 2 });
    expect([msg.opts.width, msg.opts.height]).toEqual([110, 90]);
    expect(msg.x).not.toBe(x);
    expect([...msg.x, ...msg.y]).toEqual([1, 2, 3, 4]);
    expect(transfer).toEqual([msg.x.buffer, msg.y.buffer]);
    expect(x.length).toBe(2); // ours stay usable
    worker.answer(msg.id);
    expect(painter.pending).toBe(false);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ camera: { x: 10, y: 20, k: 2 }, margin: 5, reduced: true, ms: 12 });
  });

  it('throws away a picture asked for before a resize, and frees it', () => {
    const { worker, got, painter } = setup();
    painter.request(new Float32Array(2), new Float32Array(2), { x: 0, y: 0, k: 1 }, 0, false, opts);
    const old = (worker.sent[0].msg as { id: number }).id;
    painter.discard();
    expect(painter.pending).toBe(false);
    painter.request(new Float32Array(2), new Float32Array(2), { x: 0, y: 0, k: 1 }, 0, false, opts);
    const stale = worker.answer(old) as ImageBitmap & { closed: boolean };
    expect(stale.closed).toBe(true);
    expect(got).toHaveLength(0);
    expect(painter.pending).toBe(true);
    worker.answer((worker.sent[1].msg as { id: number }).id);
    expect(got).toHaveLength(1);
    painter.terminate();
    expect(worker.terminated).toBe(true);
  });

  it('after the worker fails, stops waiting for that picture and asks again a second later', () => {
    const { worker, painter, clock } = setup();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      painter.request(new Float32Array(2), new Float32Array(2), { x: 0, y: 0, k: 1 }, 0, false, opts);
      worker.onerror?.({ message: 'boom' } as ErrorEvent);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(painter.pending).toBe(true);
    clock.now = 999;
    expect(painter.pending).toBe(true);
    clock.now = 1000;
    expect(painter.pending).toBe(false);
  });
});
