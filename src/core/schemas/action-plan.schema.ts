import { z } from 'zod';
import { goalStatuses, goalTerms, planChangeKinds } from '../enums.ts';
import { id, isoDate, requiredText } from './common.ts';

// The individual action plan (handlingsplan) of one enrolment: saved as a whole with the version it was read at,
// so two staff editing at once never overwrite each other (the second save gets VERSION_CONFLICT and the
// current plan). Version 0 is a plan that has not been saved yet.

export const planGoalInput = z.object({
  /** An existing goal keeps its id; a goal without one is new. */
  id: id.optional(),
  term: z.enum(goalTerms, { message: 'invalid_choice' }),
  description: requiredText(500),
  targetOn: isoDate,
  /** A staff member on the participant's team, or null when the participant owns the goal. */
  ownerUserId: id.nullable(),
  status: z.enum(goalStatuses, { message: 'invalid_choice' }),
  /** An occupation the goal aims at: an SSYK 2012 unit group (four digits). */
  occupationCode: z
    .string()
    .regex(/^\d{4}$/, { message: 'invalid_format' })
    .nullish()
    .transform((v) => v ?? null),
  /** The programme's steps that serve the goal. */
  stepIds: z.array(id, { message: 'invalid_value' }).max(20, { message: 'too_many' }).default([]),
  /** The programme's activities that serve the goal. */
  activityIds: z.array(id, { message: 'invalid_value' }).max(20, { message: 'too_many' }).default([]),
});
export type PlanGoalInput = z.input<typeof planGoalInput>;

/**
 * The whole plan, goals in order. Every existing goal must be in the list: a goal is never removed, it is
 * dropped. Saving without a change records that the plan was reviewed.
 */
export const planInput = z.object({
  version: z.number().int().min(0).max(2_147_483_647),
  goals: z.array(planGoalInput, { message: 'invalid_value' }).max(50, { message: 'too_many' }),
});
export type PlanInput = z.input<typeof planInput>;

export const planGoal = z.object({
  id,
  ordinal: z.number().int(),
  term: z.enum(goalTerms),
  description: z.string(),
  targetOn: z.string(),
  ownerUserId: id.nullable(),
  /** The staff member's name; null when the participant owns the goal. */
  ownerName: z.string().nullable(),
  status: z.enum(goalStatuses),
  occupationCode: z.string().nullable(),
  occupationName: z.string().nullable(),
  steps: z.array(z.object({ id, ordinal: z.number().int(), name: z.string() })),
  activities: z.array(z.object({ id, name: z.string() })),
  /** When the goal was achieved or dropped, or the exit date for a goal still open at exit. */
  endedOn: z.string().nullable(),
});
export type PlanGoal = z.infer<typeof planGoal>;

export const actionPlan = z.object({
  enrolmentId: id,
  participantId: id,
  programmeId: id,
  programmeName: z.string(),
  version: z.number().int(),
  reviewedOn: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  /**
   * Set at exit; a closed plan is read-only. An enrolment that ended before its plan was ever saved reads as
   * closed on its exit date.
   */
  closedOn: z.string().nullable(),
  goals: z.array(planGoal),
});
export type ActionPlan = z.infer<typeof actionPlan>;

/**
 * The fields a change can name; from/to are the readable values at the time of the change: term and status as
 * their codes, owner as the staff member's name (null: the participant), occupation as "code name", steps and
 * activities as their names joined by ", " (null: none), dates as YYYY-MM-DD, ordinal as the number. A new goal
 * is field `goal` from null to its description. In a 'closed' entry each goal still open at exit is field `goal`
 * from its status (planned or in_progress, which it keeps) to null: it ended with the enrolment.
 */
export const planChangeFields = [
  'goal',
  'term',
  'description',
  'targetOn',
  'owner',
  'status',
  'occupation',
  'steps',
  'activities',
  'ordinal',
] as const;
export type PlanChangeField = (typeof planChangeFields)[number];

export const planChange = z.object({
  goalId: id,
  /** The goal's description when the change was made. */
  goal: z.string(),
  field: z.enum(planChangeFields),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type PlanChange = z.infer<typeof planChange>;

export const planHistory = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      kind: z.enum(planChangeKinds),
      changedAt: z.string(),
      changedByName: z.string(),
      changes: z.array(planChange),
    }),
  ),
});
export type PlanHistory = z.infer<typeof planHistory>;
