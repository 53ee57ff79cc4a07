import { transfer, wrap, type Remote } from 'comlink';
import * as Y from 'yjs';
import { createEngine, type EngineApi } from './engineApi';

let client: EngineApi | Remote<EngineApi> | undefined;

/** The app's engine: in a Web Worker where the platform has them, in-thread otherwise. */
export function engine(): EngineApi | Remote<EngineApi> {
  if (!client) {
    client =
      typeof Worker === 'undefined'
        ? createEngine()
        : wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'archipelago-engine' }));
  }
  return client;
}

let attached: { doc: Y.Doc; ready: Promise<unknown>; detach(): void } | null = null;

/**
 * Makes the engine's replica follow `doc` (the open workspace's network document): its full state
 * once, transferred, then every update as it happens. Switching workspaces re-attaches.
 */
export function attachNetwork(doc: Y.Doc): Promise<unknown> {
  if (attached?.doc === doc) return attached.ready;
  attached?.detach();
  const e = engine();
  const state = Y.encodeStateAsUpdate(doc);
  const ready = e.loadNetwork(transfer(state, [state.buffer]));
  const onUpdate = (update: Uint8Array) => void e.applyNetworkUpdate(update);
  doc.on('update', onUpdate);
  const detach = () => doc.off('update', onUpdate);
  doc.once('destroy', () => {
    if (attached?.doc === doc) {
      detach();
      attached = null;
    }
  });
  attached = { doc, ready, detach };
  return ready;
}
