import { assemble, type Team } from '../../../shared/assembly/assemble';
import { buildAssemblyIndex, type AssemblyIndex } from '../../../shared/assembly/assemblyIndex';
import { InfeasibleError } from '../../../shared/assembly/errors';
import type { ObjectiveWeights } from '../../../shared/assembly/objective';
import { DistanceOracle } from '../../../shared/assembly/poolDistances';
import type { AssemblyRequest } from '../../../shared/assembly/problem';
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
  /**
   * The forecast of an objective, with coverage against the network: of the forecast's own
   * requirements, or of `requirements` (the project's accepted ones) when given.
   */
  plan(objective: string, requirements?: readonly { skill: string; level: number }[]): Promise<PlanResult>;
  /** The best `k` teams for a request (DESIGN.md §3 rules), each explained; or why none exists. */
  assemble(request: AssemblyRequest, options: { k?: number; weights?: Partial<ObjectiveWeights> }): Promise<AssembleOutcome>;
}

export type AssembleOutcome =
  | { ok: true; networkVersion: number; teams: Team[]; exact: boolean; ms: number }
  | { ok: false; error: string; subject?: InfeasibleError['subject'] };

export type PlanResult =
  | { ok: true; networkVersion: number; forecast: Forecast; coverage: CoverageLine[] }
  | { ok: false; error: string };

/** The engine itself, without a worker (the worker exposes exactly this; tests call it directly). */
export function createEngine(): EngineApi {
  let index: AssemblyIndex | null = null;
  let version = -1;
  // trust distances are reused across re-solves of one network (pins, bans, weights)
  let oracle: DistanceOracle | undefined;
  return {
    async setNetwork(v, network) {
      if (v === version) return;
      index = buildAssemblyIndex(network);
      oracle = undefined;
      version = v;
    },
    async plan(objective, requirements) {
      try {
        const f = forecast(objective);
        return {
          ok: true,
          networkVersion: version,
          forecast: f,
          coverage: index ? coverage(index, requirements ?? f.requirements) : [],
        };
      } catch (e) {
        return { ok: false, error: (e as Error).message.replace(/^objective: /, '') };
      }
    },
    async assemble(request, options) {
      if (!index) return { ok: false, error: 'the network is not loaded yet' };
      const started = performance.now();
      try {
        const { teams, exact } = assemble(index, request, { k: options.k ?? 3, weights: options.weights, distances: (oracle ??= new DistanceOracle(index)) });
        return { ok: true, networkVersion: version, teams, exact, ms: performance.now() - started };
      } catch (e) {
        if (e instanceof InfeasibleError) return { ok: false, error: e.message, subject: e.subject };
        return { ok: false, error: (e as Error).message };
      }
    },
  };
}
