import { eigenTrust } from '../../../shared/trust/eigenTrust';
import { personalizedTrust } from '../../../shared/trust/personalizedTrust';
import { trustReport } from '../../../shared/trust/trustReport';
import { bigIndex } from '../bigNetwork';
import { medianMs, type Bench } from '../harness';
import { pushRows } from './push';

/** Personalised trust on 100k people / 1M ties, against global EigenTrust in the same run. */
export const trustBench: Bench = {
  name: 'trust',
  run() {
    const { graph } = bigIndex();
    const ppr = medianMs(() => personalizedTrust(graph, 17), 5);
    const eigen = medianMs(() => eigenTrust(graph, [17, 18, 19]), 5);
    const report = medianMs(() => trustReport(graph, graph.ids[17], 20), 3);
    return [
      { measure: 'personalised trust from one viewer, 100k people / 1M ties', figure: ppr, baseline: eigen, baselineName: 'EigenTrust, same iterations', unit: 'ms', target: 300 },
      { measure: 'trust report: top 20 with paths', figure: report, baseline: ppr, baselineName: 'scores alone', unit: 'ms' },
      ...pushRows(),
    ];
  },
};
