import { z } from 'zod';

/**
 * The network file, version 1 (DESIGN.md §3). External tools rely on this shape: keep it stable and
 * add a new version with a migration rather than changing it.
 */
export const NETWORK_FILE_VERSION = 1;

export const SkillLevelSchema = z.object({
  skill: z.string().min(1),
  level: z.number().min(0).max(1),
});

export const LocationSchema = z.object({
  city: z.string().min(1),
  country: z.string().min(2).max(3),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  skills: z.array(SkillLevelSchema),
  location: LocationSchema.optional(),
  timezone: z.string().min(1).optional(),
  rate: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  availability: z.number().min(0).max(1).optional(),
});

export const TIE_KINDS = ['worked-with', 'vouched-for', 'introduced', 'knows', 'mentored'] as const;

export const TieSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  trust: z.number().gt(0).max(1),
  kind: z.string().min(1).optional(),
});

export const NetworkFileSchema = z
  .object({
    version: z.literal(NETWORK_FILE_VERSION),
    people: z.array(PersonSchema),
    ties: z.array(TieSchema),
  })
  .superRefine((net, ctx) => {
    const ids = new Set<string>();
    net.people.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `duplicate person id "${p.id}"` });
      ids.add(p.id);
    });
    net.ties.forEach((t, i) => {
      if (!ids.has(t.from)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'from'], message: `unknown person "${t.from}"` });
      if (!ids.has(t.to)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'to'], message: `unknown person "${t.to}"` });
      if (t.from === t.to) ctx.addIssue({ code: 'custom', path: ['ties', i, 'to'], message: 'a tie cannot point to its own source' });
    });
  });

export type SkillLevel = z.infer<typeof SkillLevelSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Tie = z.infer<typeof TieSchema>;
export type NetworkFile = z.infer<typeof NetworkFileSchema>;
