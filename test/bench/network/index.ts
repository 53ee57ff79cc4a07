import * as Y from 'yjs';
import { buildAssemblyIndex } from '../../../shared/assembly/assemblyIndex';
import { updatePersonInIndex } from '../../../shared/assembly/indexUpdates';
import { generateNetwork } from '../../../shared/demo/generateNetwork';
import { importNetwork, openNetworkDoc, readNetwork, updatePerson } from '../../../shared/model/docs/networkDoc';
import { NetworkView } from '../../../shared/model/docs/networkView';
import { createEngine } from '../../../renderer/src/engine/engineApi';
import type { Bench, BenchRow } from '../harness';

const PEOPLE = 10_000;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One single-field edit in a 10,000-person network (the demo generator's, ~74k ties), as the app
 * handles it:
 * - UI thread: the network view after the edit. Today's path (`readNetwork`, the whole network
 *   re-read and re-validated) against the incremental NetworkView.
 * - Engine worker: applying the forwarded Yjs update to its replica and updating the assembly
 *   index in place, against rebuilding the index from the whole network (the old `setNetwork`).
 * - What crosses to the worker: the update's bytes, against the structured clone of the network.
 */
export const networkBench: Bench = {
  name: 'network',
  async run(): Promise<BenchRow[]> {
    const doc = new Y.Doc();
    openNetworkDoc(doc, 'bench');
    const net = generateNetwork({ people: PEOPLE, seed: 1 });
    importNetwork(doc, net, 'bench');
    const view = new NetworkView(doc);
    view.snapshot();
    const ids = net.people.map((p) => p.id);
    let n = 0;
    let lastUpdate: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (lastUpdate = u));
    const edit = () => updatePerson(doc, ids[(n * 7919) % ids.length], { rate: 10 + (n++ % 90) }, 'bench');

    const incremental: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      edit();
      view.snapshot();
      incremental.push(performance.now() - t);
      t = performance.now();
      readNetwork(doc);
      full.push(performance.now() - t);
    }

    const engine = createEngine();
    await engine.loadNetwork(Y.encodeStateAsUpdate(doc));
    await engine.plan('build a mobile app'); // builds the index once
    const worker: number[] = [];
    const rebuild: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < 10; i++) {
      edit();
      bytes.push(lastUpdate.byteLength);
      let t = performance.now();
      await engine.applyNetworkUpdate(lastUpdate);
      await engine.plan('build a mobile app');
      worker.push(performance.now() - t);
      const snapshot = view.snapshot();
      t = performance.now();
      buildAssemblyIndex(snapshot);
      rebuild.push(performance.now() - t);
    }
    // sanity: the in-place path is what ran (an index built once, then patched)
    const index = buildAssemblyIndex(view.snapshot());
    if (!updatePersonInIndex(index, view.snapshot().people[0])) throw new Error('in-place index update refused');
    const cloneBytes = new TextEncoder().encode(JSON.stringify({ people: view.snapshot().people, ties: view.snapshot().ties })).byteLength;
    view.destroy();
    doc.destroy();
    return [
      { measure: `UI thread per edit at ${PEOPLE / 1000}k people (NetworkView)`, figure: median(incremental), baseline: median(full), baselineName: 'readNetwork, whole network', unit: 'ms', target: 5 },
      { measure: 'worker per edit: replica update + index in place + a forecast', figure: median(worker), baseline: median(rebuild), baselineName: 'index rebuilt from the network', unit: 'ms' },
      { measure: 'bytes sent to the worker per edit', figure: median(bytes), baseline: cloneBytes, baselineName: 'the network as JSON (≈ structured clone)', unit: 'B' },
    ];
  },
};
