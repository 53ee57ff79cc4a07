import { assemble, type AssemblyProgress, type Team } from '../../../shared/assembly/assemble';
import { buildAssemblyIndex, type AssemblyIndex } from '../../../shared/assembly/assemblyIndex';
import { InfeasibleError } from '../../../shared/assembly/errors';
import type { ObjectiveWeights } from '../../../shared/assembly/objective';
import { DistanceOracle } from '../../../shared/assembly/poolDistances';
import type { AssemblyRequest } from '../../../shared/assembly/problem';
import { coverage, type CoverageLine } from '../../../shared/forecast/coverage';
import { forecast, type Forecast } from '../../../shared/forecast/forecast';
import * as Y from 'yjs';
import { NetworkView, type NetworkChange } from '../../../shared/model/docs/networkView';
import { updatePersonInIndex, updateTieTrustInIndex } from '../../../shared/assembly/indexUpdates';
import { adjacentPossible, type CompoundCapability } from '../../../shared/adjacent/adjacentPossible';
import { riskAdviceFor, type RiskAdvice } from '../../../shared/trust/riskAdvice';
import { teamTrust, type TeamTrust } from '../../../shared/trust/teamTrust';
import { applyEvidence } from '../../../shared/trust/evidenceTrust';
import { pushTrust } from '../../../shared/trust/pushTrust';
import { trustPaths } from '../../../shared/trust/trustPaths';

/**
 * The boundary between the UI and the engine. The engine runs in a Web Worker (engine.worker.ts),
 * so heavy calls never freeze the UI; components only see this interface.
 */
export interface EngineApi {
  /** Starts the worker's replica of the network document from its full state; returns the revision. */
  loadNetwork(state: Uint8Array): Promise<number>;
  /** Applies one Yjs update of the network document to the replica; returns the revision. */
  applyNetworkUpdate(update: Uint8Array): Promise<number>;
  /**
   * The forecast of an objective, with coverage against the network: of the forecast's own
   * requirements, or of `requirements` (the project's accepted ones) when given.
   */
  plan(objective: string, requirements?: readonly { skill: string; level: number }[]): Promise<PlanResult>;
  /**
   * Trust advice from `viewerId` about each of `personIds`: rely on reputation, require escrow, or
   * ask a named introducer (shared/trust/riskAdvice.ts), with the best trust path.
   */
  advise(viewerId: string, personIds: readonly string[], stakes?: number): Promise<RiskAdvice[] | { error: string }>;
  /** The trust paths between a team's members, weakest pairs first, and the outsiders they run through. */
  teamTrust(personIds: readonly string[]): Promise<TeamTrust>;
  /**
   * The ties' trust derived from signed evidence (feedback and attestations in the ledger,
   * shared/trust/evidenceTrust.ts). It replaces the hand-set trust of those ties (or adds ties) in
   * everything the engine computes: advice, assembly, coverage. Returns the revision.
   */
  setEvidence(ties: readonly EvidenceTrust[]): Promise<number>;
  /** Compound capabilities the network could form next, those touching `skills` first. */
  adjacent(skills: readonly string[], limit?: number): Promise<CompoundCapability[]>;
  /**
   * Personalised trust from `viewerId` to everyone (local push, shared/trust/pushTrust.ts), scaled so
   * the most trusted other person is 1, aligned with `ids`; and the best trust paths to `targets`.
   */
  trustFrom(viewerId: string, targets?: readonly string[]): Promise<TrustView | { error: string }>;
  /** The best `k` teams for a request (DESIGN.md §3 rules), each explained; or why none exists. */
  assemble(request: AssemblyRequest, options: { k?: number; weights?: Partial<ObjectiveWeights> }, onProgress?: (progress: AssemblyProgress) => void): Promise<AssembleOutcome>;
}

export interface EvidenceTrust {
  from: string;
  to: string;
  trust: number;
}

export interface TrustView {
  networkVersion: number;
  ids: string[];
  /** Trust from the viewer, 0..1 (1 = the most trusted other person; the viewer is 1). */
  scores: Float32Array;
  /** The best trust path from the viewer to each target that is reachable (person ids, viewer first). */
  paths: Record<string, { path: string[]; trust: number }>;
}

export type AssembleOutcome =
  | { ok: true; networkVersion: number; teams: Team[]; exact: boolean; ms: number }
  | { ok: false; error: string; subject?: InfeasibleError['subject'] };

export type PlanResult =
  | { ok: true; networkVersion: number; forecast: Forecast; coverage: CoverageLine[] }
  | { ok: false; error: string };

/**
 * The engine itself, without a worker (the worker exposes exactly this; tests call it directly).
 *
 * It keeps its own replica of the network document, fed with the Yjs updates the UI thread
 * forwards (small), never whole copies of the network. A NetworkView on the replica says which
 * people and ties each update touched; edits to people and to trust are applied to the assembly
 * index in place (indexUpdates.ts), while people or ties added or removed mark it for a rebuild,
 * done lazily before the next query.
 */
export function createEngine(): EngineApi {
  let replica: Y.Doc | null = null;
  let view: NetworkView | null = null;
  let index: AssemblyIndex | null = null;
  let stale = true;
  let revision = 0;
  // trust distances are reused across re-solves of one network state (pins, bans, weights)
  let oracle: DistanceOracle | undefined;
  let evidence: readonly EvidenceTrust[] = [];
  let evidenceByPair = new Map<string, number>();
  let trustCache: { viewer: string; revision: number; scores: Float32Array } | null = null;

  const onChange = (change: NetworkChange) => {
    revision++;
    oracle = undefined;
    if (stale || !index || change.membership) return void (stale = true);
    const snapshot = view!;
    for (const id of change.people) {
      const person = snapshot.person(id);
      if (!person || !updatePersonInIndex(index, person)) return void (stale = true);
    }
    for (const key of change.ties) {
      const tie = snapshot.tie(key);
      const evidenced = tie && evidenceByPair.get(`${tie.from}\u0000${tie.to}`);
      if (!tie || !updateTieTrustInIndex(index, evidenced === undefined ? tie : { ...tie, trust: evidenced })) return void (stale = true);
    }
  };
  const current = (): AssemblyIndex | null => {
    if (!view) return null;
    if (stale || !index) {
      const snapshot = view.snapshot();
      let known: Set<string> | undefined;
      const present = (id: string) => (known ??= new Set(snapshot.people.map((p) => p.id))).has(id);
      // evidence about someone no longer in the network is kept, but not drawn as a tie
      index = buildAssemblyIndex(evidence.length ? { ...snapshot, ties: applyEvidence(snapshot, evidence.filter((t) => present(t.from) && present(t.to))) } : snapshot);
      stale = false;
    }
    return index;
  };
  return {
    async loadNetwork(state) {
      view?.destroy();
      replica?.destroy();
      replica = new Y.Doc();
      Y.applyUpdate(replica, state);
      view = new NetworkView(replica);
      view.subscribe(onChange);
      stale = true;
      oracle = undefined;
      return ++revision;
    },
    async applyNetworkUpdate(update) {
      if (!replica) throw new Error('no network loaded');
      Y.applyUpdate(replica, update);
      return revision;
    },
    async setEvidence(ties) {
      evidence = ties.map((t) => ({ from: t.from, to: t.to, trust: Math.min(1, Math.max(0.01, t.trust)) }));
      evidenceByPair = new Map(evidence.map((t) => [`${t.from}\u0000${t.to}`, t.trust]));
      stale = true;
      oracle = undefined;
      return ++revision;
    },
    async plan(objective, requirements) {
      try {
        const f = forecast(objective);
        const idx = current();
        return {
          ok: true,
          networkVersion: revision,
          forecast: f,
          coverage: idx ? coverage(idx, requirements ?? f.requirements) : [],
        };
      } catch (e) {
        return { ok: false, error: (e as Error).message.replace(/^objective: /, '') };
      }
    },
    async advise(viewerId, personIds, stakes = 0) {
      const idx = current();
      if (!idx) return { error: 'the network is not loaded yet' };
      const source = idx.graph.indexOf.get(viewerId);
      if (source === undefined) return { error: `${viewerId} is not in this network` };
      const targets = personIds.map((id) => idx.graph.indexOf.get(id)).filter((i): i is number => i !== undefined);
      return riskAdviceFor(idx.graph, source, targets, { stakes });
    },
    async teamTrust(personIds) {
      const idx = current();
      return idx ? teamTrust(idx.graph, personIds) : { pairs: [], bridges: [] };
    },
    async trustFrom(viewerId, targets = []) {
      const idx = current();
      if (!idx) return { error: 'the network is not loaded yet' };
      const g = idx.graph;
      const source = g.indexOf.get(viewerId);
      if (source === undefined) return { error: `${viewerId} is not in this network` };
      if (trustCache?.viewer !== viewerId || trustCache.revision !== revision) {
        const raw = pushTrust(g, source).scores();
        let max = 0;
        for (let i = 0; i < raw.length; i++) if (i !== source && raw[i] > max) max = raw[i];
        const scores = Float32Array.from(raw, (v, i) => (i === source ? 1 : max > 0 ? Math.min(1, v / max) : 0));
        trustCache = { viewer: viewerId, revision, scores };
      }
      const wanted = targets.map((id) => g.indexOf.get(id)).filter((i): i is number => i !== undefined);
      const paths: TrustView['paths'] = {};
      if (wanted.length) {
        for (const [t, options] of trustPaths(g, source, wanted, 1)) {
          if (options[0]) paths[g.ids[t]] = { path: options[0].path.map((i) => g.ids[i]), trust: options[0].trust };
        }
      }
      return { networkVersion: revision, ids: [...g.ids], scores: trustCache.scores.slice(), paths };
    },
    async adjacent(skills, limit = 6) {
      const idx = current();
      if (!idx) return [];
      const wanted = new Set(skills);
      const all = adjacentPossible(idx, { limit: 60 });
      const touching = all.filter((c) => c.skills.some((s) => wanted.has(s)));
      return (touching.length ? touching : all).slice(0, limit);
    },
    async assemble(request, options, onProgress) {
      const idx = current();
      if (!idx) return { ok: false, error: 'the network is not loaded yet' };
      const started = performance.now();
      try {
        const { teams, exact } = assemble(idx, request, { k: options.k ?? 3, weights: options.weights, distances: (oracle ??= new DistanceOracle(idx)), onProgress });
        return { ok: true, networkVersion: revision, teams, exact, ms: performance.now() - started };
      } catch (e) {
        if (e instanceof InfeasibleError) return { ok: false, error: e.message, subject: e.subject };
        return { ok: false, error: (e as Error).message };
      }
    },
  };
}
