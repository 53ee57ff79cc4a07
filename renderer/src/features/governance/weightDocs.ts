import type { TermName } from '../../../../shared/assembly/objective';

/** What each weight of the assembly objective does (shared/assembly/objective.ts), in words. */
export const WEIGHT_DOCS: Record<TermName, { label: string; does: string }> = {
  coverage: { label: 'Skill margin', does: 'Rewards members whose skill level exceeds the role’s minimum: (level − minimum) / (1 − minimum), averaged over roles.' },
  trust: { label: 'Trust', does: 'Rewards teams whose members are close on the trust graph: 1 − distance/10 per pair, where distance is −ln(trust) along the best path.' },
  timezone: { label: 'Time-zone overlap', does: 'Rewards shared 09:00–17:00 working hours between every pair of members (hours shared / 8).' },
  cost: { label: 'Cost', does: 'Rewards teams whose hourly rates stay under the budget: 1 − Σ rates / budget.' },
  availability: { label: 'Availability', does: 'Rewards members with more of their time available (the mean of their availability).' },
};

export const weightsText = (w: Record<TermName, number>) =>
  (Object.keys(WEIGHT_DOCS) as TermName[]).map((t) => `${WEIGHT_DOCS[t].label.toLowerCase()} ${w[t].toFixed(2)}`).join(', ');
