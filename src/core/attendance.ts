import { swedishSortKey } from './collation.ts';
import type { IsoDate } from './dates.ts';
import { type AbsenceReason, type AttendanceStatus, absenceReasons, attendanceStatuses } from './enums.ts';
import { addMinutesToClockTime, type ClockTime, sessionMinutes } from './schedule.ts';

// The closed sets live in enums.ts with the others (database CHECKs, zod, labels); re-exported for callers here.
export { type AbsenceReason, type AttendanceStatus, absenceReasons, attendanceStatuses };

/** Reasons the employment service accepts as valid. */
export const validAbsenceReasons = [
  'ill',
  'sick_child',
  'authority_appointment',
  'other',
] as const satisfies readonly AbsenceReason[];

/** Lateness beyond this many minutes is reported as a deviation; absence always is. */
export const deviationThresholdMinutes = 15;

/**
 * One participant's attendance at one session, flat as a database row keeps it.
 * `late` carries `lateMinutes` (≥ 1) and may carry a reason; `absent` carries a reason; `present` neither.
 */
export type AttendanceMark = {
  status: AttendanceStatus;
  lateMinutes: number | null;
  reason: AbsenceReason | null;
  /** Required for the reason `other`, not kept otherwise. */
  reasonText: string | null;
};

export const attendanceMarkProblems = [
  'late_minutes_required',
  'late_minutes_not_allowed',
  'reason_required',
  'reason_not_allowed',
  'reason_text_required',
  'reason_text_not_allowed',
] as const;
export type AttendanceMarkProblem = (typeof attendanceMarkProblems)[number];

/** What is wrong with a mark, if anything, for the form and the schema to name. */
export function attendanceMarkProblem(mark: AttendanceMark): AttendanceMarkProblem | null {
  const { status, lateMinutes, reason, reasonText } = mark;
  if (status === 'late') {
    if (lateMinutes === null || !Number.isInteger(lateMinutes) || lateMinutes < 1)
      return 'late_minutes_required';
  } else if (lateMinutes !== null) return 'late_minutes_not_allowed';
  if (status === 'absent' && reason === null) return 'reason_required';
  if (status === 'present' && reason !== null) return 'reason_not_allowed';
  if (reason === 'other' && (reasonText === null || reasonText.trim() === '')) return 'reason_text_required';
  if (reason !== 'other' && reasonText !== null) return 'reason_text_not_allowed';
  return null;
}

/** Minutes attended of a session: all when present, less the lateness when late (never below 0), none when absent. */
export function attendedMinutes(plannedMinutes: number, mark: AttendanceMark): number {
  switch (mark.status) {
    case 'present':
      return plannedMinutes;
    case 'late':
      return Math.max(0, plannedMinutes - (mark.lateMinutes ?? 0));
    case 'absent':
      return 0;
  }
}

/** Whether the employment service is told: any absence, and lateness of more than 15 minutes. */
export function isDeviation(mark: AttendanceMark): boolean {
  if (mark.status === 'absent') return true;
  return mark.status === 'late' && (mark.lateMinutes ?? 0) > deviationThresholdMinutes;
}

/** A session a participant was expected at, with the attendance marked for it. Cancelled sessions are left out. */
export type SessionAttendance = AttendanceMark & {
  sessionDate: IsoDate;
  start: ClockTime;
  end: ClockTime;
  activityId: string;
  activityName: string;
};

/** A session as a month's reports see it: status null when nothing is recorded yet (planned, not attended, no deviation). */
export type ExpectedSession = Omit<SessionAttendance, 'status'> & { status: AttendanceStatus | null };

/** A month as YYYY-MM. */
export type IsoMonth = string;

export const isoMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export type AttendanceTotals = {
  sessions: number;
  plannedMinutes: number;
  attendedMinutes: number;
  /** attendedMinutes / 60 to two decimals, for showing; sum the minutes, not these. */
  attendedHours: number;
  plannedHours: number;
};

export type ActivityDay = { date: IsoDate; plannedMinutes: number; attendedMinutes: number };

export type ActivityAttendance = AttendanceTotals & {
  activityId: string;
  activityName: string;
  /** The days of the month with sessions of this activity, in date order. */
  days: ActivityDay[];
};

export type DayAttendance = AttendanceTotals & { date: IsoDate };

/** One line of the monthly deviation report to the employment service. */
export type Deviation = {
  date: IsoDate;
  activityId: string;
  activityName: string;
  /** The expected times. */
  start: ClockTime;
  end: ClockTime;
  /** The time missed: the whole session when absent, from the start until arrival when late. */
  absentFrom: ClockTime;
  absentTo: ClockTime;
  absentMinutes: number;
  status: 'late' | 'absent';
  lateMinutes: number | null;
  reason: AbsenceReason | null;
  reasonText: string | null;
};

export type MonthlyAttendance = AttendanceTotals & {
  month: IsoMonth;
  /** In order of activity name. */
  byActivity: ActivityAttendance[];
  /** Days with sessions, in date order. */
  byDay: DayAttendance[];
  /** In date and start-time order. */
  deviations: Deviation[];
};

/**
 * One participant's attendance in a month: hours per activity and per day, totals and the deviations.
 * Records of sessions outside the month are ignored, so a wider range may be passed in.
 */
export function monthlyAttendance(records: readonly ExpectedSession[], month: IsoMonth): MonthlyAttendance {
  if (!isoMonthPattern.test(month)) throw new RangeError(`Not a month: ${month}`);
  const inMonth = records
    .filter((r) => r.sessionDate.slice(0, 7) === month)
    .toSorted((a, b) => compare(a.sessionDate, b.sessionDate) || compare(a.start, b.start));

  const total = emptyTotals();
  const activities = new Map<string, ActivityAttendance>();
  const days = new Map<IsoDate, DayAttendance>();
  const deviations: Deviation[] = [];

  for (const record of inMonth) {
    const planned = sessionMinutes(record.start, record.end);
    const mark = record.status === null ? null : { ...record, status: record.status };
    const attended = mark ? attendedMinutes(planned, mark) : 0;

    let activity = activities.get(record.activityId);
    if (!activity) {
      activity = {
        activityId: record.activityId,
        activityName: record.activityName,
        ...emptyTotals(),
        days: [],
      };
      activities.set(record.activityId, activity);
    }
    let activityDay = activity.days.at(-1);
    if (activityDay?.date !== record.sessionDate) {
      activityDay = { date: record.sessionDate, plannedMinutes: 0, attendedMinutes: 0 };
      activity.days.push(activityDay);
    }
    activityDay.plannedMinutes += planned;
    activityDay.attendedMinutes += attended;

    let day = days.get(record.sessionDate);
    if (!day) {
      day = { date: record.sessionDate, ...emptyTotals() };
      days.set(record.sessionDate, day);
    }
    for (const totals of [total, activity, day]) add(totals, planned, attended);

    if (mark && isDeviation(mark)) deviations.push(deviationOf(record, planned, attended));
  }

  return {
    month,
    ...total,
    byActivity: [...activities.values()].sort(
      (a, b) =>
        compare(swedishSortKey(a.activityName), swedishSortKey(b.activityName)) ||
        compare(a.activityId, b.activityId),
    ),
    byDay: [...days.values()],
    deviations,
  };
}

/** Minutes as hours to two decimals (50 minutes → 0.83). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

function deviationOf(record: ExpectedSession, planned: number, attended: number): Deviation {
  const absentMinutes = planned - attended;
  return {
    date: record.sessionDate,
    activityId: record.activityId,
    activityName: record.activityName,
    start: record.start,
    end: record.end,
    absentFrom: record.start,
    absentTo: addMinutesToClockTime(record.start, absentMinutes),
    absentMinutes,
    status: record.status === 'absent' ? 'absent' : 'late',
    lateMinutes: record.status === 'late' ? record.lateMinutes : null,
    reason: record.reason,
    reasonText: record.reason === 'other' ? record.reasonText : null,
  };
}

function emptyTotals(): AttendanceTotals {
  return { sessions: 0, plannedMinutes: 0, attendedMinutes: 0, attendedHours: 0, plannedHours: 0 };
}

function add(totals: AttendanceTotals, planned: number, attended: number): void {
  totals.sessions += 1;
  totals.plannedMinutes += planned;
  totals.attendedMinutes += attended;
  totals.plannedHours = minutesToHours(totals.plannedMinutes);
  totals.attendedHours = minutesToHours(totals.attendedMinutes);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
