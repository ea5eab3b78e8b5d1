import { z } from 'zod';
import { exitOutcomes, labourMarketStatuses, targetGroupKinds } from '../enums.ts';
import { choiceError, id, isoDate, optionalText, version } from './common.ts';
import { followUp } from './follow-up.schema.ts';
import { enrolmentStep } from './step.schema.ts';

/** The labour-market status at the start (ESF's common indicators); null until someone records it. */
const labourMarketStatus = z.enum(labourMarketStatuses, { error: choiceError }).nullable();

/**
 * Without a target group the one derived from the education level is used; choosing another needs a reason.
 * The labour-market status may be left out and recorded later.
 */
export const enrolmentInput = z.object({
  programmeId: id,
  centreId: id,
  startsOn: isoDate,
  targetGroupId: id.nullish(),
  targetGroupOverrideReason: optionalText(1000),
  referralId: id.nullish(),
  labourMarketStatus: labourMarketStatus.default(null),
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
  labourMarketStatus: z.enum(labourMarketStatuses).nullable(),
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

/**
 * Records or corrects the labour-market status at the start, also after exit (the funder's data must be right),
 * against the `version` the enrolment was read at. Null clears a status recorded by mistake.
 */
export const labourMarketStatusInput = z.object({ labourMarketStatus, version });
export type LabourMarketStatusInput = z.input<typeof labourMarketStatusInput>;
