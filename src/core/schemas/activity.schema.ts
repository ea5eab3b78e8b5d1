import { z } from 'zod';
import { absenceReasons, activityTypes, attendanceStatuses, sessionStatuses } from '../enums.ts';
import { languageCodes } from '../languages.ts';
import { id, isoDate, optionalText, requiredText, version } from './common.ts';

// Activities, groups, sessions and attendance (issue 4). Times are local wall-clock time in Europe/Stockholm,
// 'HH:MM'; dates YYYY-MM-DD; weeks ISO 8601 ('2026-W48').

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_format' });
export const isoWeekParam = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { message: 'invalid_format' });
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' });

// ---------------------------------------------------------------- activity catalogue (per programme)

export const activityInput = z.object({
  name: requiredText(200),
  type: z.enum(activityTypes, { message: 'invalid_choice' }),
  stepId: id.nullish().transform((v) => v ?? null),
  plannedHours: z.number({ message: 'required' }).int({ message: 'invalid_value' }).min(0).max(10_000),
  deliveryLanguage: z.enum(languageCodes, { message: 'invalid_choice' }),
  interpreter: z.boolean().default(false),
  description: optionalText(2000),
  /** Target groups of the programme for which the activity is mandatory (proposed at enrolment). */
  mandatoryTargetGroupIds: z.array(id).max(10).default([]),
  active: z.boolean().default(true),
});
export type ActivityInput = z.input<typeof activityInput>;
export const activityUpdateInput = activityInput.extend({ version });
export type ActivityUpdateInput = z.input<typeof activityUpdateInput>;

export const activity = z.object({
  id,
  programmeId: id,
  name: z.string(),
  type: z.enum(activityTypes),
  stepId: id.nullable(),
  stepName: z.string().nullable(),
  plannedHours: z.number().int(),
  deliveryLanguage: z.enum(languageCodes),
  interpreter: z.boolean(),
  description: z.string().nullable(),
  mandatoryTargetGroupIds: z.array(id),
  active: z.boolean(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof activity>;
export const activityList = z.object({ items: z.array(activity) });

/**
 * Days the programme does not run besides public holidays. Saving the list replaces it; a new closure day
 * cancels the planned sessions on it that have no attendance yet, with the reason.
 */
export const closureDaysInput = z.object({
  days: z.array(z.object({ day: isoDate, reason: requiredText(200) })).max(400),
});
export type ClosureDaysInput = z.input<typeof closureDaysInput>;
export const closureDays = z.object({
  items: z.array(z.object({ day: z.string(), reason: z.string() })),
});
export type ClosureDays = z.infer<typeof closureDays>;

// ---------------------------------------------------------------- groups and their sessions

export const scheduleSlot = z
  .object({
    weekday: z.number().int().min(1, { message: 'invalid_choice' }).max(7, { message: 'invalid_choice' }),
    startTime: clockTime,
    endTime: clockTime,
  })
  .refine((slot) => slot.endTime > slot.startTime, { path: ['endTime'], message: 'end_before_start' });
export type ScheduleSlot = z.infer<typeof scheduleSlot>;

/** A group is created with its weekly schedule; its sessions are generated at once, skipping holidays and
 * the programme's closure days. */
export const groupInput = z
  .object({
    activityId: id,
    centreId: id,
    name: requiredText(200),
    leaderId: id,
    room: optionalText(200),
    startsOn: isoDate,
    endsOn: isoDate,
    schedule: z.array(scheduleSlot).min(1, { message: 'required' }).max(14, { message: 'too_many' }),
  })
  .refine((g) => g.endsOn >= g.startsOn, { path: ['endsOn'], message: 'end_before_start' });
export type GroupInput = z.input<typeof groupInput>;

/** Name, leader and room can change; the schedule stays (move or cancel single sessions instead). */
export const groupUpdateInput = z.object({
  name: requiredText(200),
  leaderId: id,
  room: optionalText(200),
  version,
});
export type GroupUpdateInput = z.input<typeof groupUpdateInput>;

export const skippedDate = z.object({
  date: z.string(),
  /** 'holiday' (name is the holiday's Swedish name) or 'closure' (name is the closure day's reason). */
  kind: z.enum(['holiday', 'closure']),
  name: z.string(),
});

export const session = z.object({
  id,
  groupId: id,
  groupName: z.string(),
  activityId: id,
  activityName: z.string(),
  activityType: z.enum(activityTypes),
  centreId: id,
  centreName: z.string(),
  date: z.string(),
  /** ISO week, e.g. '2026-W48'. */
  week: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  room: z.string().nullable(),
  leaderId: id,
  leaderName: z.string(),
  status: z.enum(sessionStatuses),
  cancelReason: z.string().nullable(),
  movedFrom: z.string().nullable(),
  civicAreas: z.array(z.number().int()),
  guestEmployer: z.string().nullable(),
  /** Members on the session's date the actor may see, and how many of them have attendance recorded. */
  memberCount: z.number().int(),
  recordedCount: z.number().int(),
  version: z.number().int(),
});
export type Session = z.infer<typeof session>;

export const groupMember = z.object({
  id,
  groupId: id,
  enrolmentId: id,
  participantId: id,
  firstName: z.string(),
  lastName: z.string(),
  protectedIdentity: z.boolean(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const groupSummary = z.object({
  id,
  name: z.string(),
  activityId: id,
  activityName: z.string(),
  activityType: z.enum(activityTypes),
  programmeId: id,
  centreId: id,
  centreName: z.string(),
  leaderId: id,
  leaderName: z.string(),
  room: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  schedule: z.array(scheduleSlot),
  memberCount: z.number().int(),
  sessionCount: z.number().int(),
  version: z.number().int(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

/** Members are those the actor may see: a protected-identity participant only for their assigned staff. */
export const groupDetail = groupSummary.extend({
  members: z.array(groupMember),
  sessions: z.array(session),
  /** Dates of the schedule that have no session, and why. */
  skipped: z.array(skippedDate),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const groupListQuery = z.object({
  centreId: id.optional(),
  activityId: id.optional(),
  /** Only groups running on or after this date (default: all). */
  activeOn: isoDate.optional(),
});
export const groupList = z.object({ items: z.array(groupSummary) });

/** Move a session (date, times, room, leader) or record what a civic orientation session covered. */
export const sessionUpdateInput = z
  .object({
    date: isoDate,
    startTime: clockTime,
    endTime: clockTime,
    room: optionalText(200),
    leaderId: id,
    civicAreas: z.array(z.number().int().min(1).max(8)).max(8).default([]),
    guestEmployer: optionalText(200),
    version,
  })
  .refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: 'end_before_start' });
export type SessionUpdateInput = z.input<typeof sessionUpdateInput>;

export const sessionCancelInput = z.object({ reason: requiredText(500), version });
export type SessionCancelInput = z.input<typeof sessionCancelInput>;

/** One ISO week of sessions, for exactly one of: a centre, a group, a leader, a participant. */
export const weekQuery = z.object({
  week: isoWeekParam,
  centreId: id.optional(),
  groupId: id.optional(),
  leaderId: id.optional(),
  participantId: id.optional(),
});
export const weekSchedule = z.object({
  week: z.string(),
  /** Monday and Sunday of the week. */
  from: z.string(),
  to: z.string(),
  sessions: z.array(session),
});
export type WeekSchedule = z.infer<typeof weekSchedule>;

export const memberInput = z.object({ enrolmentId: id, joinedOn: isoDate });
export type MemberInput = z.input<typeof memberInput>;
export const memberLeaveInput = z.object({ leftOn: isoDate });
export type MemberLeaveInput = z.input<typeof memberLeaveInput>;

/** A participant's groups (all enrolments), current and past. */
export const participantGroups = z.object({
  items: z.array(
    groupMember.extend({
      groupName: z.string(),
      activityName: z.string(),
      activityType: z.enum(activityTypes),
    }),
  ),
});
export type ParticipantGroups = z.infer<typeof participantGroups>;

/** At enrolment: the activities mandatory for the enrolment's target group, with the centre's running groups. */
export const proposedActivities = z.object({
  items: z.array(
    z.object({
      activity,
      groups: z.array(groupSummary.extend({ isMember: z.boolean() })),
    }),
  ),
});
export type ProposedActivities = z.infer<typeof proposedActivities>;

// ---------------------------------------------------------------- attendance

export const attendanceRecordInput = z
  .object({
    enrolmentId: id,
    status: z.enum(attendanceStatuses, { message: 'invalid_choice' }),
    lateMinutes: z
      .number()
      .int()
      .min(1)
      .max(600)
      .nullish()
      .transform((v) => v ?? null),
    absenceReason: z
      .enum(absenceReasons, { message: 'invalid_choice' })
      .nullish()
      .transform((v) => v ?? null),
    reasonText: optionalText(500),
    /** The version read; null or absent when there was no record yet. */
    version: version.nullish().transform((v) => v ?? null),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'late' && r.lateMinutes === null) {
      ctx.addIssue({ code: 'custom', path: ['lateMinutes'], message: 'required' });
    }
    if (r.status === 'absent' && r.absenceReason === null) {
      ctx.addIssue({ code: 'custom', path: ['absenceReason'], message: 'required' });
    }
    if (r.status === 'absent' && r.absenceReason === 'other' && !r.reasonText) {
      ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'required' });
    }
  });
export type AttendanceRecordInput = z.input<typeof attendanceRecordInput>;

/** The roll call of one session, saved at once: all rows or none (a stale row version gives VERSION_CONFLICT). */
export const rollCallInput = z.object({ rows: z.array(attendanceRecordInput).max(200) });
export type RollCallInput = z.input<typeof rollCallInput>;

export const attendanceRecord = z.object({
  status: z.enum(attendanceStatuses),
  lateMinutes: z.number().int().nullable(),
  absenceReason: z.enum(absenceReasons).nullable(),
  reasonText: z.string().nullable(),
  attendedMinutes: z.number().int(),
  /** Absence, or lateness of more than 15 minutes. */
  deviation: z.boolean(),
  recordedByName: z.string(),
  version: z.number().int(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecord>;

export const rollCall = z.object({
  session,
  rows: z.array(
    z.object({
      enrolmentId: id,
      participantId: id,
      firstName: z.string(),
      lastName: z.string(),
      protectedIdentity: z.boolean(),
      attendance: attendanceRecord.nullable(),
    }),
  ),
});
export type RollCall = z.infer<typeof rollCall>;

export const monthQuery = z.object({ month: monthParam });
export const exportFormats = ['json', 'csv', 'xlsx'] as const;
export const exportQuery = monthQuery.extend({
  format: z.enum(exportFormats, { message: 'invalid_choice' }).default('json'),
});

/** A participant's month: hours per activity and day, totals and deviations (the attendance certificate). */
export const monthlyAttendance = z.object({
  participantId: id,
  month: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      activityId: id,
      activityName: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      plannedMinutes: z.number().int(),
      attendedMinutes: z.number().int(),
      status: z.enum(attendanceStatuses).nullable(),
      absenceReason: z.enum(absenceReasons).nullable(),
      deviation: z.boolean(),
    }),
  ),
  activities: z.array(
    z.object({
      activityId: id,
      activityName: z.string(),
      plannedMinutes: z.number().int(),
      attendedMinutes: z.number().int(),
    }),
  ),
  plannedMinutes: z.number().int(),
  attendedMinutes: z.number().int(),
});
export type MonthlyAttendance = z.infer<typeof monthlyAttendance>;

/** The monthly deviation report for the employment service: one row per absence or lateness over 15 min. */
export const deviationQuery = exportQuery.extend({ centreId: id.optional() });
export const deviationReport = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      participantId: id,
      firstName: z.string(),
      lastName: z.string(),
      date: z.string(),
      activityName: z.string(),
      expectedStart: z.string(),
      expectedEnd: z.string(),
      absentMinutes: z.number().int(),
      status: z.enum(attendanceStatuses),
      absenceReason: z.enum(absenceReasons).nullable(),
      reasonText: z.string().nullable(),
    }),
  ),
});
export type DeviationReport = z.infer<typeof deviationReport>;

/** Civic orientation of one participant: hours against the legal minimum (100) and the programme's target. */
export const civicOrientation = z.object({
  participantId: id,
  hours: z.number(),
  legalMinimum: z.number().int(),
  target: z.number().int(),
  metMinimum: z.boolean(),
  metTarget: z.boolean(),
  areasCovered: z.array(z.number().int()),
  areasMissing: z.array(z.number().int()),
  deliveryLanguages: z.array(z.string()),
  completed: z.boolean(),
});
export type CivicOrientation = z.infer<typeof civicOrientation>;
