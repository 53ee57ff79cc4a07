/** The view transform (d3-zoom's): screen = world × k + (x, y). */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export const toWorld = (c: Camera, sx: number, sy: number): [number, number] => [(sx - c.x) / c.k, (sy - c.y) / c.k];

/** The world rectangle visible in a `width` × `height` screen, grown by `margin` screen pixels. */
export function visibleWorld(c: Camera, width: number, height: number, margin = 0) {
  const [x0, y0] = toWorld(c, -margin, -margin);
  const [x1, y1] = toWorld(c, width + margin, height + margin);
  return { x0, y0, x1, y1 };
}

/** The camera that centres world point (wx, wy) at zoom k in a `width` × `height` screen. */
export const centreOn = (wx: number, wy: number, k: number, width: number, height: number): Camera => ({ x: width / 2 - wx * k, y: height / 2 - wy * k, k });

/** The camera that frames every point with a margin (at most zoom `maxK`). */
export function fitAll(x: ArrayLike<number>, y: ArrayLike<number>, width: number, height: number, maxK = 4): Camera {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < x.length; i++) {
    x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]); y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]);
  }
  if (!x.length) return { x: width / 2, y: height / 2, k: 1 };
  const k = Math.min(maxK, 0.88 * Math.min(width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0)));
  return centreOn((x0 + x1) / 2, (y0 + y1) / 2, k, width, height);
}
