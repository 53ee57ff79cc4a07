import type { Camera } from './camera';

/**
 * The camera `t` (0..1) of the way along a flight from `a` to `b`: eased, with the zoom interpolated
 * on a log scale and the centre of the screen moving in world units, so the flight neither lurches
 * nor overshoots.
 */
export function flightAt(a: Camera, b: Camera, t: number, width: number, height: number): Camera {
  const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
  const k = Math.exp(Math.log(a.k) + (Math.log(b.k) - Math.log(a.k)) * e);
  const ca = [(width / 2 - a.x) / a.k, (height / 2 - a.y) / a.k];
  const cb = [(width / 2 - b.x) / b.k, (height / 2 - b.y) / b.k];
  const cx = ca[0] + (cb[0] - ca[0]) * e;
  const cy = ca[1] + (cb[1] - ca[1]) * e;
  return { x: width / 2 - cx * k, y: height / 2 - cy * k, k };
}
