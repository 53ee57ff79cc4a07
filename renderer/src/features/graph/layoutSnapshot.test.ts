import { describe, expect, it } from 'vitest';
import { ForceLayout, SEEDED_ALPHA } from './layoutCore';
import { layoutSeed, layoutSnapshot, parseLayoutSnapshot } from './layoutSnapshot';

const scene = {
  x: new Float32Array([10, -20, 30]),
  y: new Float32Array([5, 15, -25]),
  source: new Int32Array([0, 1]),
  target: new Int32Array([1, 2]),
  trust: new Float32Array([0.9, 0.4]),
  edgeOrder: new Int32Array([0, 1]),
  radius: new Float32Array([3, 4, 5]),
  group: new Uint16Array([0, 1, 0]),
  colours: ['#111111', '#222222'],
  names: ['Ana', 'Bo', 'Cy'],
  pinned: new Uint8Array([0, 1, 0]),
};

describe('the kept layout (first frame after a reload, and where the layout starts)', () => {
  it('round-trips, as copies of the live arrays', () => {
    const snap = layoutSnapshot('w', ['a', 'b', 'c'], scene, 42);
    expect(parseLayoutSnapshot(structuredClone(snap))).toEqual(snap);
    scene.x[0] = 99;
    expect(snap.x[0]).toBe(10);
    scene.x[0] = 10;
  });

  it('a damaged record is no layout (a cache), whatever is wrong with it', () => {
    const snap = layoutSnapshot('w', ['a', 'b', 'c'], scene);
    expect(parseLayoutSnapshot(undefined)).toBeNull();
    expect(parseLayoutSnapshot({ ...snap, x: [10, -20, 30] })).toBeNull(); // not a typed array
    expect(parseLayoutSnapshot({ ...snap, y: new Float32Array(2) })).toBeNull(); // too short
    expect(parseLayoutSnapshot({ ...snap, target: new Int32Array([1, 7]) })).toBeNull(); // a tie to nobody
    expect(parseLayoutSnapshot({ ...snap, group: new Uint16Array([0, 5, 0]) })).toBeNull(); // no such colour
  });

  it('seeds people by id, whatever their order now; newcomers get no position', () => {
    const snap = layoutSnapshot('w', ['a', 'b', 'c'], scene);
    const seed = layoutSeed(snap, ['c', 'new', 'a'])!;
    expect(seed.matched).toBe(2);
    expect([seed.x[0], seed.y[0]]).toEqual([30, -25]);
    expect(Number.isNaN(seed.x[1])).toBe(true);
    expect([seed.x[2], seed.y[2]]).toEqual([10, 5]);
    expect(layoutSeed(snap, ['x', 'y'])).toBeNull();
    expect(layoutSeed(null, ['a'])).toBeNull();
  });

  it('a layout seeded with every position starts cool, where it was; a partial one starts hot', () => {
    const graph = { type: 'graph' as const, n: 3, source: scene.source, target: scene.target, trust: scene.trust, pins: [] };
    const layout = new ForceLayout();
    layout.setGraph({ ...graph, start: { x: scene.x, y: scene.y, complete: true } });
    const frame = layout.step(1);
    expect(frame.alpha).toBeLessThanOrEqual(SEEDED_ALPHA);
    for (let i = 0; i < 3; i++) expect(Math.hypot(frame.x[i] - scene.x[i], frame.y[i] - scene.y[i])).toBeLessThan(5);
    const fresh = new ForceLayout();
    fresh.setGraph({ ...graph, start: { x: new Float32Array([1, NaN, 2]), y: new Float32Array([1, NaN, 2]), complete: false } });
    const first = fresh.step(1);
    expect(first.alpha).toBeGreaterThan(0.5);
    expect(Number.isFinite(first.x[1])).toBe(true); // the layout placed the newcomer
  });
});
