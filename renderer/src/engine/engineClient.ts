import { wrap, type Remote } from 'comlink';
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
