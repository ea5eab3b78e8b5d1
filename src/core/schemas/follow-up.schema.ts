import { z } from 'zod';
import { contactMethods, exitOutcomes, followUpStatuses, workExitOutcomes } from '../enums.ts';
import { id, isoDate, optionalText, pageQuery, version } from './common.ts';

/** Outcomes that have an employer or a school, which must then be named. */
export function exitOutcomeNeedsOrganisation(outcome: string): boolean {
  return outcome.startsWith('work_') || outcome.startsWith('studies_');
}

/** Exits to work, which may name the employer from the register. */
export function isWorkExit(outcome: string): boolean {
  return (workExitOutcomes as readonly string[]).includes(outcome);
}

export const exitInput = z
  .object({
    exitedOn: isoDate,
    outcome: z.enum(exitOutcomes, { message: 'invalid_choice' }),
    /** The employer of an exit to work, when it is in the register; its name is then the organisation. */
    employerId: id.nullish().transform((value) => value ?? null),
    organisation: optionalText(200),
    reason: optionalText(1000),
    version,
  })
  .superRefine((value, ctx) => {
    if (value.employerId && !isWorkExit(value.outcome)) {
      ctx.addIssue({ code: 'custom', path: ['employerId'], message: 'not_work_outcome' });
    }
    if (exitOutcomeNeedsOrganisation(value.outcome) && !value.organisation && !value.employerId) {
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'required' });
    }
  });
export type ExitInput = z.input<typeof exitInput>;

export const followUpAttemptInput = z.object({
  attemptedOn: isoDate,
  // Not `method`: a consent's method is its signature, and errors name a field by its last key.
  contactMethod: z.enum(contactMethods, { message: 'invalid_choice' }),
  reached: z.boolean({ message: 'required' }),
  note: optionalText(1000),
});
export type FollowUpAttemptInput = z.input<typeof followUpAttemptInput>;

export const followUpResultInput = z.object({
  status: z.enum(followUpStatuses, { message: 'invalid_choice' }),
  organisation: optionalText(200),
  recordedOn: isoDate,
  version,
});
export type FollowUpResultInput = z.input<typeof followUpResultInput>;

export const followUpAttempt = z.object({
  id,
  attemptedOn: z.string(),
  contactMethod: z.enum(contactMethods),
  reached: z.boolean(),
  note: z.string().nullable(),
  attemptedBy: z.string(),
});
export type FollowUpAttempt = z.infer<typeof followUpAttempt>;

export const followUp = z.object({
  id,
  enrolmentId: id,
  participantId: id,
  dueOn: z.string(),
  status: z.enum(followUpStatuses).nullable(),
  organisation: z.string().nullable(),
  recordedOn: z.string().nullable(),
  recordedBy: z.string().nullable(),
  attempts: z.array(followUpAttempt),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpDueFilters = ['open', 'overdue', 'all'] as const;
export type FollowUpDueFilter = (typeof followUpDueFilters)[number];

export const followUpListQuery = pageQuery.extend({
  due: z.enum(followUpDueFilters, { message: 'invalid_choice' }).default('open'),
  centreId: id.optional(),
});

export const followUpSummary = z.object({
  id,
  enrolmentId: id,
  participantId: id,
  participantName: z.string(),
  programmeName: z.string(),
  centreName: z.string(),
  exitedOn: z.string(),
  exitOutcome: z.enum(exitOutcomes),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(followUpStatuses).nullable(),
  attemptCount: z.number().int(),
});
export type FollowUpSummary = z.infer<typeof followUpSummary>;
export const followUpList = z.object({
  items: z.array(followUpSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FollowUpList = z.infer<typeof followUpList>;

const goalFigurePart = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.number().nullable(),
  pending: z.number().int(),
  goalReached: z.boolean(),
});
export const goalFigureResponse = goalFigurePart.extend({
  programmeId: id,
  programmeName: z.string(),
  goalPercent: z.number(),
  followUpDays: z.number().int(),
  women: goalFigurePart,
  men: goalFigurePart,
});
export type GoalFigureResponse = z.infer<typeof goalFigureResponse>;
