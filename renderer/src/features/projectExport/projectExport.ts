import { z } from 'zod';
import type { TeamPlan } from '../../../../shared/model/docs/projectTeam';
import type { Person } from '../../../../shared/model/network';

/** A project as a JSON file: what it is for, what it needs, its constraints and the team it accepted. */
export const ProjectExportSchema = z.object({
  format: z.literal('archipelago-project'),
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  objective: z.string(),
  requirements: z.array(z.object({ id: z.string(), skill: z.string(), label: z.string(), minLevel: z.number(), why: z.string().optional(), source: z.enum(['forecast', 'user']) })),
  constraints: z.object({
    budget: z.number().optional(),
    weights: z.record(z.string(), z.number()).optional(),
    pinned: z.array(z.object({ personId: z.string(), name: z.string().optional(), roleId: z.string().optional() })),
    banned: z.array(z.object({ personId: z.string(), name: z.string().optional() })),
  }),
  acceptedTeam: z
    .object({
      acceptedBy: z.string(),
      acceptedAt: z.string(),
      score: z.number(),
      terms: z.record(z.string(), z.number()),
      members: z.array(z.object({ roleId: z.string(), role: z.string(), personId: z.string(), name: z.string().optional() })),
    })
    .nullable(),
  exportedAt: z.string(),
});
export type ProjectExport = z.infer<typeof ProjectExportSchema>;

export function projectExport(o: { id: string; name: string; objective: string; plan: TeamPlan; people: readonly Person[]; now?: Date }): ProjectExport {
  const { plan } = o;
  const names = new Map(o.people.map((p) => [p.id, p.name]));
  const named = (personId: string) => (names.has(personId) ? { personId, name: names.get(personId)! } : { personId });
  const labels = new Map(plan.roles.map((r) => [r.id, r.label]));
  const out: ProjectExport = {
    format: 'archipelago-project',
    version: 1,
    id: o.id,
    name: o.name,
    objective: o.objective,
    requirements: plan.roles.map((r) => ({ id: r.id, skill: r.skill, label: r.label, minLevel: r.minLevel, ...(r.why ? { why: r.why } : {}), source: r.source })),
    constraints: {
      ...(plan.budget !== undefined ? { budget: plan.budget } : {}),
      ...(plan.weights ? { weights: { ...plan.weights } } : {}),
      pinned: plan.pinned.map((p) => ({ ...named(p.personId), ...(p.roleId ? { roleId: p.roleId } : {}) })),
      banned: plan.banned.map(named),
    },
    acceptedTeam: plan.accepted
      ? {
          acceptedBy: plan.accepted.acceptedBy,
          acceptedAt: new Date(plan.accepted.acceptedAt).toISOString(),
          score: plan.accepted.score,
          terms: plan.accepted.terms,
          members: plan.accepted.members.map((m) => ({ roleId: m.roleId, role: labels.get(m.roleId) ?? m.roleId, ...named(m.personId) })),
        }
      : null,
    exportedAt: (o.now ?? new Date()).toISOString(),
  };
  // what we write must read back as what we promise
  return ProjectExportSchema.parse(out);
}

/** A file name from the project name: letters, digits and dashes. */
export const exportFileName = (name: string) => `${name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'project'}.json`;
