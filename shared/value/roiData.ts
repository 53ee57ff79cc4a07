import type { MilestoneRecord } from './doc/valueDoc';
import { SETTLED } from './ledgerRules';
import type { MilestoneReplay } from './replayLedger';
import { milestoneRoi, type RoiRow } from './roi';

/** ROI rows for the project's milestones from the ledger: delivered once settled with money released; cost is what was released. */
export function roiChartData(records: readonly MilestoneRecord[], replays: readonly MilestoneReplay[]): { rows: (RoiRow & { title: string })[]; project: RoiRow } {
  const byId = new Map(replays.map((r) => [r.id, r]));
  const items = records.map((m) => {
    const r = byId.get(m.id);
    return { id: m.id, value: m.value, cost: r?.released ?? 0, delivered: !!r && SETTLED.has(r.state) && r.released > 0 };
  });
  const { milestones, project } = milestoneRoi(items);
  return { rows: milestones.map((row, i) => ({ ...row, title: records[i].title })), project };
}
