import { z } from 'zod';
import {
  exitOutcomes,
  followUpStatuses,
  placementEvaluationAreas,
  placementEvaluationKinds,
  placementStatuses,
} from '../enums.ts';
import { scheduleSlot } from './activity.schema.ts';
import { id, isoDate, optionalText, requiredText, version } from './common.ts';

// Internship placements (praktik): a participant at an employer with a supervisor, on a weekly schedule, with
// tasks that serve goals of the action plan, a mid-point and a final evaluation (issue 5).

export const placementInput = z
  .object({
    enrolmentId: id,
    employerId: id,
    /** The opening the placement fills, if it came from one. */
    openingId: id.nullish().transform((v) => v ?? null),
    /** A contact person of the employer. */
    supervisorId: id,
    /** The programme's internship activity the placement's hours count under. */
    activityId: id,
    /** The staff member responsible (job agent or coordinator): leads the placement's schedule and roll call. */
    responsibleId: id,
    startsOn: isoDate,
    endsOn: isoDate,
    schedule: z.array(scheduleSlot).min(1, { message: 'required' }).max(14, { message: 'too_many' }),
    tasks: requiredText(4000),
    goalIds: z.array(id).max(50).default([]),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'end_before_start' });
export type PlacementInput = z.input<typeof placementInput>;

/** Supervisor, tasks and goals can change while the placement runs; the period and schedule stay. */
export const placementUpdateInput = z.object({
  supervisorId: id,
  tasks: requiredText(4000),
  goalIds: z.array(id).max(50).default([]),
  version,
});
export type PlacementUpdateInput = z.input<typeof placementUpdateInput>;

export const placementStartInput = z.object({ firstDay: isoDate, version });
export type PlacementStartInput = z.input<typeof placementStartInput>;

export const placementEndInput = z.object({ lastDay: isoDate, reason: optionalText(1000), version });
export type PlacementEndInput = z.input<typeof placementEndInput>;

export const placementCancelInput = z.object({ reason: requiredText(1000), version });
export type PlacementCancelInput = z.input<typeof placementCancelInput>;

const rating = z
  .number({ message: 'required' })
  .int({ message: 'whole_number' })
  .min(1, { message: 'too_small' })
  .max(5, { message: 'too_large' });

const optionalRating = rating.nullish().transform((v) => v ?? null);
/** One rating per placementEvaluationAreas entry; an area not discussed stays empty. */
export const evaluationRatings = z.object({
  punctuality: optionalRating,
  cooperation: optionalRating,
  initiative: optionalRating,
  work_tasks: optionalRating,
  swedish_at_work: optionalRating,
  safety: optionalRating,
} satisfies Record<(typeof placementEvaluationAreas)[number], typeof optionalRating>);
export type EvaluationRatings = z.output<typeof evaluationRatings>;

export const evaluationInput = z.object({
  heldOn: isoDate,
  ratings: evaluationRatings,
  summary: requiredText(4000),
  nextSteps: optionalText(2000),
  /** The version read; null or absent for a first save. */
  version: version.nullish().transform((v) => v ?? null),
});
export type EvaluationInput = z.input<typeof evaluationInput>;

export const evaluationKindParams = z.object({
  id,
  kind: z.enum(placementEvaluationKinds, { message: 'invalid_choice' }),
});

export const placementEvaluation = z.object({
  id,
  kind: z.enum(placementEvaluationKinds),
  heldOn: z.string(),
  ratings: z.record(z.enum(placementEvaluationAreas), z.number().int().nullable()),
  summary: z.string(),
  nextSteps: z.string().nullable(),
  recordedByName: z.string(),
  version: z.number().int(),
});
export type PlacementEvaluation = z.infer<typeof placementEvaluation>;

export const placementSummary = z.object({
  id,
  enrolmentId: id,
  participantId: id,
  firstName: z.string(),
  lastName: z.string(),
  protectedIdentity: z.boolean(),
  programmeId: id,
  centreId: id,
  employerId: id,
  employerName: z.string(),
  openingId: id.nullable(),
  openingTitle: z.string().nullable(),
  supervisorId: id,
  supervisorName: z.string(),
  groupId: id,
  activityId: id,
  activityName: z.string(),
  responsibleId: id,
  responsibleName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  schedule: z.array(scheduleSlot),
  /** From the weekly schedule. */
  hoursPerWeek: z.number(),
  status: z.enum(placementStatuses),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  version: z.number().int(),
});
export type PlacementSummary = z.infer<typeof placementSummary>;

export const placement = placementSummary.extend({
  tasks: z.string(),
  goals: z.array(z.object({ id, description: z.string() })),
  evaluations: z.array(placementEvaluation),
  /** Attendance so far, from the roll calls of the placement's days. */
  plannedMinutes: z.number().int(),
  attendedMinutes: z.number().int(),
  recordedDays: z.number().int(),
  days: z.number().int(),
});
export type Placement = z.infer<typeof placement>;

export const placementList = z.object({ items: z.array(placementSummary) });
export type PlacementList = z.infer<typeof placementList>;

/** Per employer: its placements, the jobs that followed (exits to work there) and who is in follow-up. */
export const employerOutcomes = z.object({
  placements: z.array(placementSummary),
  jobs: z.array(
    z.object({
      enrolmentId: id,
      participantId: id,
      firstName: z.string(),
      lastName: z.string(),
      exitedOn: z.string(),
      outcome: z.enum(exitOutcomes),
      /** The participant had a placement at this employer before the job. */
      afterPlacement: z.boolean(),
      /** The 90-day follow-up: open (due on) or its recorded status. */
      followUpDueOn: z.string().nullable(),
      followUpStatus: z.enum(followUpStatuses).nullable(),
    }),
  ),
  counts: z.object({
    placements: z.number().int(),
    ongoingPlacements: z.number().int(),
    jobs: z.number().int(),
    jobsAfterPlacement: z.number().int(),
    inFollowUp: z.number().int(),
  }),
});
export type EmployerOutcomes = z.infer<typeof employerOutcomes>;
