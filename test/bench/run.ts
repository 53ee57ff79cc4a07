/**
 * `npm run bench`: every benchmark, then one table of measure, figure, baseline (measured in the
 * same run) and ratio. Targets from the issues are shown beside the figures, never asserted: timing
 * assertions are flaky on shared machines. `npm run bench -- assembly` runs one.
 */
import { assemblyBench } from './assembly/index';
import { fanoutBench } from './fanout/index';
import { graphBench } from './graph/index';
import { formatTable, type Bench, type BenchRow } from './harness';
import { networkBench } from './network/index';
import { reloadBench } from './reload/index';
import { scaleoutBench } from './scaleout/index';
import { syncBench } from './sync/index';
import { trustBench } from './trust/index';
import { valueBench } from './value/index';

const benches: Bench[] = [assemblyBench, trustBench, syncBench, networkBench, valueBench, fanoutBench, scaleoutBench, graphBench, reloadBench];
const only = process.argv.slice(2);
const rows: (BenchRow & { bench: string })[] = [];
for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  process.stderr.write(`running ${bench.name}…\n`);
  for (const row of await bench.run()) rows.push({ ...row, bench: bench.name });
}
process.stdout.write(`${formatTable(rows)}\n`);
