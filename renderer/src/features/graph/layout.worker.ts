/// <reference lib="webworker" />
import { communities } from './communities';
import { ForceLayout, type CommunitiesFrame, type LayoutRequest } from './layoutCore';

/**
 * The force layout off the UI thread: it ticks in small slices and posts positions as transferred
 * typed arrays until the layout settles, and starts again when pins change. Louvain communities of
 * a new graph are computed here too (between layout slices) and posted once.
 */
const layout = new ForceLayout();
let running = false;
let generation = 0;

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
  if (req.type === 'graph') {
    layout.setGraph(req);
    const mine = ++generation;
    setTimeout(() => {
      if (mine !== generation) return;
      const community = communities(req.n, req.source, req.target, req.trust, 1);
      const out: CommunitiesFrame = { type: 'communities', community };
      self.postMessage(out, [community.buffer]);
    }, 30);
  } else if (req.type === 'pin') layout.pin(req.i, req.x, req.y);
  else if (req.type === 'unpin') layout.unpin(req.i);
  else if (req.type === 'pins') layout.setPins(req.pins);
  else return;
  wake();
};
