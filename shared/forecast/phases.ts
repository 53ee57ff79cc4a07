import type { SkillCategory } from '../taxonomy/skillTaxonomy';

/** Canonical phases of a capability pathway, with the phases each one waits for. */
export const PHASES = {
  discover: { name: 'Discover and frame', dependsOn: [] },
  strategy: { name: 'Strategy and planning', dependsOn: ['discover'] },
  design: { name: 'Design', dependsOn: ['discover'] },
  comply: { name: 'Regulatory and legal groundwork', dependsOn: ['strategy'] },
  fund: { name: 'Funding and finance', dependsOn: ['strategy'] },
  build: { name: 'Build and produce', dependsOn: ['design', 'strategy'] },
  validate: { name: 'Validate and certify', dependsOn: ['build'] },
  launch: { name: 'Launch and reach', dependsOn: ['validate', 'comply', 'fund'] },
  grow: { name: 'Grow and sustain', dependsOn: ['launch'] },
} as const satisfies Record<string, { name: string; dependsOn: readonly string[] }>;

export type PhaseId = keyof typeof PHASES;
export const PHASE_ORDER = Object.keys(PHASES) as PhaseId[];

/** Where a skill found only by the fallback goes, by its category. */
export const PHASE_OF_CATEGORY: Record<SkillCategory, PhaseId> = {
  design: 'design',
  engineering: 'build',
  data: 'build',
  science: 'discover',
  law: 'comply',
  finance: 'fund',
  operations: 'build',
  marketing: 'launch',
  storytelling: 'launch',
  sustainability: 'design',
  health: 'build',
  education: 'build',
  community: 'grow',
};
