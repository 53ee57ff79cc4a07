import { buildAssemblyIndex, type AssemblyIndex } from '../../../shared/assembly/assemblyIndex';
import { coverage, type CoverageLine } from '../../../shared/forecast/coverage';
import { forecast, type Forecast } from '../../../shared/forecast/forecast';
import type { NetworkFile } from '../../../shared/model/network';

/**
 * The boundary between the UI and the engine. The engine runs in a Web Worker (engine.worker.ts),
 * so heavy calls never freeze the UI; components only see this interface. The worker keeps its
 * own copy of the network, replaced when the network document changes.
 */
export interface EngineApi {
  setNetwork(version: number, network: Pick<NetworkFile, 'people' | 'ties'>): Promise<void>;
  plan(objective: string): Promise<PlanResult>;
}

export type PlanResult =
  | { ok: true; networkVersion: number; forecast: Forecast; coverage: CoverageLine[] }
  | { ok: false; error: string };

/** The engine itself, without a worker (the worker exposes exactly this; tests call it directly). */
export function createEngine(): EngineApi {
  let index: AssemblyIndex | null = null;
  let version = -1;
  return {
    async setNetwork(v, network) {
      if (v === version) return;
      index = buildAssemblyIndex(network);
      version = v;
    },
    async plan(objective) {
      try {
        const f = forecast(objective);
        return {
          ok: true,
          networkVersion: version,
          forecast: f,
          coverage: index ? coverage(index, f.requirements) : [],
        };
      } catch (e) {
        return { ok: false, error: (e as Error).message.replace(/^objective: /, '') };
      }
    },
  };
}
