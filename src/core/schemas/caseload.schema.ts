import { z } from 'zod';
import { caseloadWarnings } from '../caseload-warnings.ts';
import { participantStatuses } from '../enums.ts';
import { id } from './common.ts';

export const caseloadItem = z.object({
  participantId: id,
  firstName: z.string(),
  lastName: z.string(),
  protectedIdentity: z.boolean(),
  status: z.enum(participantStatuses),
  centreName: z.string(),
  isContact: z.boolean(),
  plannedEndOn: z.string().nullable(),
  lastContactOn: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  warnings: z.array(z.enum(caseloadWarnings)),
});
export type CaseloadItem = z.infer<typeof caseloadItem>;
export const caseload = z.object({ today: z.string(), items: z.array(caseloadItem) });
export type Caseload = z.infer<typeof caseload>;

/** One participant's warnings (the same rules as the caseload), for the participant overview. */
export const participantWarnings = z.object({
  participantId: id,
  today: z.string(),
  warnings: z.array(z.enum(caseloadWarnings)),
});
export type ParticipantWarnings = z.infer<typeof participantWarnings>;
