import { z } from 'zod';

/** The requirements file (DESIGN.md §3). `budget`, `pinned` and `banned` are optional. */
export const RoleSchema = z.object({
  id: z.string().min(1),
  skill: z.string().min(1),
  minLevel: z.number().min(0).max(1).default(0),
  label: z.string().optional(),
});

/** A pin may name the role it fills: `{ personId, roleId }`; a bare id lets the solver choose the role. */
export const PinSchema = z.union([z.string().min(1), z.object({ personId: z.string().min(1), roleId: z.string().min(1).optional() })]);

export const RequirementsFileSchema = z
  .object({
    roles: z.array(RoleSchema).min(1, 'at least one role is required'),
    budget: z.number().positive().optional(),
    pinned: z.array(PinSchema).optional(),
    banned: z.array(z.string().min(1)).optional(),
  })
  .superRefine((req, ctx) => {
    const ids = new Set<string>();
    req.roles.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `duplicate role id "${r.id}"` });
      ids.add(r.id);
    });
    req.pinned?.forEach((p, i) => {
      if (typeof p !== 'string' && p.roleId && !ids.has(p.roleId)) {
        ctx.addIssue({ code: 'custom', path: ['pinned', i, 'roleId'], message: `unknown role "${p.roleId}"` });
      }
    });
  });

export type Role = z.infer<typeof RoleSchema>;
export type Pin = z.infer<typeof PinSchema>;
export type RequirementsFile = z.infer<typeof RequirementsFileSchema>;

/**
 * The requirements file for a forecast's requirements (what `forecast --requirements-out` writes and
 * `assemble --requirements` reads): one role per capability, its id the skill, its minimum the
 * forecast's level.
 */
export function requirementsFileFrom(requirements: readonly { skill: string; label: string; level: number }[], budget?: number): RequirementsFile {
  return RequirementsFileSchema.parse({
    roles: requirements.map((r) => ({ id: r.skill, skill: r.skill, minLevel: r.level, label: r.label })),
    ...(budget !== undefined ? { budget } : {}),
  });
}
