import { transfer, wrap, type Remote } from 'comlink';
import * as Y from 'yjs';
import { createEngine, type EngineApi } from './engineApi';

let client: EngineApi | Remote<EngineApi> | undefined;
let worker: Worker | undefined;

/** The app's engine: in a Web Worker where the platform has them, in-thread otherwise. */
export function engine(): EngineApi | Remote<EngineApi> {
  if (!client) {
    if (typeof Worker === 'undefined') client = createEngine();
    else {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'archipelago-engine' });
      client = wrap<EngineApi>(worker);
    }
  }
  return client;
}

/** What a cancelled engine call rejects with. */
export class EngineCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'EngineCancelled';
  }
}

let cancelGeneration = newGeneration();
function newGeneration() {
  let reject!: (e: Error) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => {}); // only observed through `cancellable`
  return { promise, reject };
}

/** `call`, unless the engine is cancelled first (then it rejects with EngineCancelled). */
export function cancellable<T>(call: Promise<T>): Promise<T> {
  return Promise.race([call, cancelGeneration.promise]);
}

/** Whether a long call can be stopped (only a worker can be: the in-thread engine runs to the end). */
export function canCancel(): boolean {
  return worker !== undefined;
}

/**
 * Stops whatever the engine is computing: the worker is terminated, every pending `cancellable` call
 * rejects, and a fresh worker takes over, re-attached to the open network (its replica is rebuilt
 * from the document's state, so nothing is lost).
 */
export function cancelEngine(): void {
  if (!worker) return;
  worker.terminate();
  worker = undefined;
  client = undefined;
  const generation = cancelGeneration;
  cancelGeneration = newGeneration();
  generation.reject(new EngineCancelled());
  const doc = attached?.doc;
  attached?.detach();
  attached = null;
  if (doc) void attachNetwork(doc);
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
