/// <reference lib="webworker" />
import { ForceLayout, type LayoutRequest } from './layoutCore';

/**
 * The force layout off the UI thread: it ticks in small slices and posts positions as transferred
 * typed arrays until the layout settles, and starts again when pins change.
 */
const layout = new ForceLayout();
let running = false;

const loop = () => {
  const frame = layout.step(3);
  self.postMessage(frame, [frame.x.buffer, frame.y.buffer]);
  if (layout.settled) running = false;
  else setTimeout(loop, 0);
};
const wake = () => {
  if (running) return;
  running = true;
  setTimeout(loop, 0);
};

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const req = event.data;
  if (req.type === 'graph') layout.setGraph(req);
  else if (req.type === 'pin') layout.pin(req.i, req.x, req.y);
  else if (req.type === 'unpin') layout.unpin(req.i);
  else if (req.type === 'pins') layout.setPins(req.pins);
  else return;
  wake();
};
