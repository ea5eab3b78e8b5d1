import { z } from 'zod';
import { monthCount } from '../dashboard.ts';
import { exitOutcomes, targetGroupKinds } from '../enums.ts';
import { id, isoDate } from './common.ts';

/** The longest period the dashboard shows month by month: ten years. */
export const maxDashboardMonths = 120;

/** The dashboard's filters. Without a period: from the programme's start to today. */
export const dashboardQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    centreId: id.optional(),
    municipality: z
      .string()
      .regex(/^\d{4}$/, { message: 'invalid_format' })
      .optional(),
    targetGroup: z.enum(targetGroupKinds, { message: 'invalid_choice' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.from || !value.to) return;
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'end_before_start' });
    else if (monthCount({ from: value.from, to: value.to }) > maxDashboardMonths)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_too_long' });
  });
export type DashboardQuery = z.input<typeof dashboardQuery>;

const count = z.number().int();
/** A count by legal gender, side by side; `total` is their sum. */
export const genderCounts = z.object({ female: count, male: count, unknown: count, total: count });

const share = z.object({ numerator: count, denominator: count, percent: z.number().nullable() });
/** A share by legal gender, each part with what it counts (numerator) out of what (denominator). */
export const genderShares = z.object({ female: share, male: share, unknown: share, total: share });
const genderFlags = z.object({
  female: z.boolean(),
  male: z.boolean(),
  unknown: z.boolean(),
  total: z.boolean(),
});
const genderDays = z.object({
  female: z.number().nullable(),
  male: z.number().nullable(),
  unknown: z.number().nullable(),
  total: z.number().nullable(),
});

const median = z.object({
  /** The median in days; null where no one is counted. */
  days: genderDays,
  /** How many exits the median is taken over. */
  counts: genderCounts,
});

export const dashboard = z.object({
  programme: z.object({
    id,
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    plannedParticipants: count,
    goalPercent: z.number(),
    followUpDays: count,
  }),
  /** The filters in effect, defaults filled in. */
  filters: z.object({
    from: z.string(),
    to: z.string(),
    centreId: id.nullable(),
    municipality: z.string().nullable(),
    targetGroup: z.enum(targetGroupKinds).nullable(),
  }),
  choices: z.object({
    centres: z.array(z.object({ id, name: z.string() })),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    targetGroups: z.array(z.object({ kind: z.enum(targetGroupKinds), name: z.string() })),
  }),
  /** People enrolled in the period, against the programme's planned number of participants. */
  enrolled: z.object({ counts: genderCounts, ofPlanned: share }),
  /** Enrolled on the period's last day: in all, by step (steps run in parallel), by centre, by target group. */
  active: z.object({
    on: z.string(),
    counts: genderCounts,
    byStep: z.array(z.object({ stepId: id, ordinal: count, name: z.string(), counts: genderCounts })),
    byCentre: z.array(z.object({ centreId: id, name: z.string(), counts: genderCounts })),
    byTargetGroup: z.array(
      z.object({ kind: z.enum(targetGroupKinds), name: z.string(), counts: genderCounts }),
    ),
  }),
  /** Exits in the period, by outcome (only outcomes that occur). */
  exits: z.object({
    counts: genderCounts,
    byOutcome: z.array(z.object({ outcome: z.enum(exitOutcomes), counts: genderCounts })),
  }),
  /** Exits in the period to work or studies, of all exits in the period. */
  atExit: z.object({ shares: genderShares, goalReached: genderFlags }),
  /** Of the exits in the period with a recorded follow-up: in work or studies then; pending are not counted. */
  atFollowUp: z.object({ shares: genderShares, goalReached: genderFlags, pending: genderCounts }),
  /** Days from enrolment to exit: every exit in the period, and exits to work or studies. */
  medianDays: z.object({ toExit: median, toWorkOrStudies: median }),
  months: z.array(
    z.object({
      month: z.string(),
      from: z.string(),
      to: z.string(),
      enrolled: genderCounts,
      exited: genderCounts,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboard>;
