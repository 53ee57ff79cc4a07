/**
 * Return on investment per milestone and per project: value delivered against cost, in minor
 * units of one currency. A milestone's value counts as delivered once its escrow is approved,
 * auto-released or resolved with a release; its cost is what was released to the team plus any
 * other costs recorded. ROI = (value − cost) / cost, undefined while nothing was spent.
 */
export interface RoiInput {
  id: string;
  /** The value the milestone delivers when done, as planned by the team. */
  value: number;
  delivered: boolean;
  /** Released from escrow plus other costs. */
  cost: number;
}

export interface RoiRow {
  id: string;
  value: number;
  cost: number;
  roi: number | undefined;
}

export function milestoneRoi(items: readonly RoiInput[]): { milestones: RoiRow[]; project: RoiRow } {
  for (const m of items) if (!(m.value >= 0 && m.cost >= 0)) throw new RangeError(`roi: ${m.id}: value and cost must be non-negative`);
  const rows = items.map((m) => {
    const value = m.delivered ? m.value : 0;
    return { id: m.id, value, cost: m.cost, roi: m.cost > 0 ? (value - m.cost) / m.cost : undefined };
  });
  const value = rows.reduce((s, r) => s + r.value, 0);
  const cost = rows.reduce((s, r) => s + r.cost, 0);
  return { milestones: rows, project: { id: 'project', value, cost, roi: cost > 0 ? (value - cost) / cost : undefined } };
}
