import { buildAssemblyIndex, type AssemblyIndex } from '../../shared/assembly/assemblyIndex';
import { generateNetwork } from '../../shared/demo/generateNetwork';

let cached: AssemblyIndex | undefined;
/** The benchmark network: 100k people and about 1M trust ties, generated once per run. */
export function bigIndex(): AssemblyIndex {
  if (!cached) {
    const net = generateNetwork({ people: 100_000, seed: 7, tiesPerPerson: 7.1 });
    cached = buildAssemblyIndex(net);
    process.stderr.write(`bench network: ${net.people.length} people, ${net.ties.length} ties\n`);
  }
  return cached;
}
