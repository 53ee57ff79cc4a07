import type { z } from 'zod';
import type { MilestoneSchema, PartySchema } from '../../../../shared/agreements/agreement';

export type Party = z.infer<typeof PartySchema>;
export type AgreementMilestone = z.infer<typeof MilestoneSchema>;
