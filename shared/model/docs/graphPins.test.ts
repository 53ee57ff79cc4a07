import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { clearGraphPin, observeGraphPins, readGraphPins, setGraphPin } from './graphPins';

describe('graph pins in the network document', () => {
  it('are shared between replicas, cleared, and malformed entries are reported, not applied', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    let changes = 0;
    const stop = observeGraphPins(b, () => changes++);
    setGraphPin(a, 'p1', { x: 10.123, y: -4 }, 'test');
    expect(readGraphPins(b).pins.get('p1')).toEqual({ x: 10.12, y: -4 });
    expect(changes).toBe(1);
    expect(() => setGraphPin(a, 'p2', { x: Number.NaN, y: 0 }, 'test')).toThrow(/graph pin/);
    expect(readGraphPins(b).pins.has('p2')).toBe(false);
    a.getMap('graphPins').set('p3', { x: 'left' });
    expect(readGraphPins(b)).toMatchObject({ invalid: ['p3'] });
    clearGraphPin(a, 'p1', 'test');
    expect(readGraphPins(b).pins.size).toBe(0);
    stop();
    a.destroy();
    b.destroy();
  });
});
