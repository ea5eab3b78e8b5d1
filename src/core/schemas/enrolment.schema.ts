import { z } from 'zod';
import { exitOutcomes, targetGroupKinds } from '../enums.ts';
import { id, isoDate, optionalText } from './common.ts';
import { followUp } from './follow-up.schema.ts';
import { enrolmentStep } from './step.schema.ts';

/** Without a target group the one derived from the education level is used; choosing another needs a reason. */
export const enrolmentInput = z.object({
  programmeId: id,
  centreId: id,
  startsOn: isoDate,
  targetGroupId: id.nullish(),
  targetGroupOverrideReason: optionalText(1000),
  referralId: id.nullish(),
});
export type EnrolmentInput = z.input<typeof enrolmentInput>;

export const enrolment = z.object({
  id,
  participantId: id,
  programmeId: id,
  programmeName: z.string(),
  centreId: id,
  centreName: z.string(),
  targetGroupId: id,
  targetGroupName: z.string(),
  targetGroupKind: z.enum(targetGroupKinds),
  targetGroupOverrideReason: z.string().nullable(),
  startsOn: z.string(),
  plannedEndOn: z.string(),
  exitedOn: z.string().nullable(),
  exitOutcome: z.enum(exitOutcomes).nullable(),
  /** The employer of an exit to work, when it was chosen from the register. */
  exitEmployerId: z.string().nullable(),
  exitOrganisation: z.string().nullable(),
  exitReason: z.string().nullable(),
  /** Created at exit; null while the enrolment is active. */
  followUp: followUp.nullable(),
  version: z.number().int(),
  steps: z.array(enrolmentStep),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolment>;
export const enrolmentList = z.object({ items: z.array(enrolment) });
