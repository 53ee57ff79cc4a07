import { describe, expect, it } from 'vitest';
import type { Camera } from './camera';
import { blitTransform } from './sceneCache';

const apply = ([a, , , d, e, f]: number[], px: number, py: number) => [a * px + e, d * py + f];

describe('blitTransform: the cached picture lines up with the current camera', () => {
  it('puts every world point where the current camera puts it, with overscan', () => {
    const from: Camera = { x: 120, y: -40, k: 1.5 };
    const to: Camera = { x: -33, y: 210, k: 3.75 };
    const margin = 90;
    for (const [wx, wy] of [[0, 0], [10, -20], [-250.5, 77]]) {
      // where the picture holds that world point, and where the current camera wants it
      const px = wx * from.k + from.x + margin, py = wy * from.k + from.y + margin;
      const [sx, sy] = apply(blitTransform(from, to, margin), px, py);
      expect(sx).toBeCloseTo(wx * to.k + to.x, 9);
      expect(sy).toBeCloseTo(wy * to.k + to.y, 9);
    }
  });

  it('is a plain shift by the overscan at the camera it was drawn at', () => {
    const c: Camera = { x: 5, y: 6, k: 2 };
    expect(blitTransform(c, c, 40)).toEqual([1, 0, 0, 1, -40, -40]);
  });
});
