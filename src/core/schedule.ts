import { getISOWeekYear, parseISO } from 'date-fns';
import { addDays, type IsoDate, isoWeek, isValidIsoDate } from './dates.ts';
import { type Holiday, holidaysOn } from './holidays.ts';

/** A wall-clock time in Swedish local time as HH:MM (24-hour). */
export type ClockTime = string;

export const clockTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidClockTime(value: string): boolean {
  return clockTimePattern.test(value);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof isoWeekdays)[number];

export type ScheduleInput = {
  startsOn: IsoDate;
  /** Inclusive. */
  endsOn: IsoDate;
  weekdays: readonly IsoWeekday[];
  startTime: ClockTime;
  endTime: ClockTime;
  /** The programme's own closure days (planning days, summer break…). */
  closureDays?: readonly IsoDate[];
};

export type PlannedSession = {
  date: IsoDate;
  start: ClockTime;
  end: ClockTime;
  weekday: IsoWeekday;
  isoWeek: number;
  /** The year the ISO week belongs to: 2025-12-29 is in week 1 of 2026. */
  isoWeekYear: number;
};

/** A date on one of the schedule's weekdays that gets no session, and why. A holiday wins over a closure day. */
export type SkippedDate =
  | { date: IsoDate; isoWeek: number; reason: 'holiday'; holidays: readonly Holiday[] }
  | { date: IsoDate; isoWeek: number; reason: 'closure_day' };

export type GeneratedSchedule = { sessions: PlannedSession[]; skipped: SkippedDate[] };

/**
 * The weekly sessions of a group between two dates, skipping holidays (public and de facto) and the
 * programme's closure days. Throws a RangeError on input a schema should have refused.
 */
export function generateSessions(input: ScheduleInput): GeneratedSchedule {
  const { startsOn, endsOn, weekdays, startTime, endTime, closureDays = [] } = input;
  for (const date of [startsOn, endsOn, ...closureDays]) {
    if (!isValidIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  }
  if (endsOn < startsOn) throw new RangeError(`The period ends (${endsOn}) before it starts (${startsOn})`);
  for (const weekday of weekdays) {
    if (!isoWeekdays.includes(weekday)) throw new RangeError(`Not an ISO weekday: ${weekday}`);
  }
  sessionMinutes(startTime, endTime);

  const wanted = new Set(weekdays);
  const closed = new Set(closureDays);
  const sessions: PlannedSession[] = [];
  const skipped: SkippedDate[] = [];
  let weekday = isoWeekday(startsOn);
  for (let date = startsOn; date <= endsOn; date = addDays(date, 1)) {
    if (wanted.has(weekday)) {
      const holidays = holidaysOn(date);
      const week = isoWeek(date);
      if (holidays.length > 0) skipped.push({ date, isoWeek: week, reason: 'holiday', holidays });
      else if (closed.has(date)) skipped.push({ date, isoWeek: week, reason: 'closure_day' });
      else {
        sessions.push({
          date,
          start: startTime,
          end: endTime,
          weekday,
          isoWeek: week,
          isoWeekYear: getISOWeekYear(parseISO(date)),
        });
      }
    }
    weekday = weekday === 7 ? 1 : ((weekday + 1) as IsoWeekday);
  }
  return { sessions, skipped };
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  const sundayZero = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

/** The Monday and Sunday of an ISO week, for the week view ("vecka 14"). */
export function isoWeekRange(isoWeekYear: number, week: number): { from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(week) || week < 1 || week > 53) throw new RangeError(`Not an ISO week: ${week}`);
  // 4 January is always in week 1.
  const jan4 = `${String(isoWeekYear).padStart(4, '0')}-01-04`;
  const from = addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
  if (isoWeek(from) !== week) throw new RangeError(`${isoWeekYear} has no week ${week}`);
  return { from, to: addDays(from, 6) };
}

/**
 * Minutes between two wall-clock times of the same day. A session's length is its planned wall-clock length,
 * also on the nights the clocks change (no session runs at 02:00–03:00). End must be after start.
 */
export function sessionMinutes(start: ClockTime, end: ClockTime): number {
  if (!isValidClockTime(start)) throw new RangeError(`Not a time: ${start}`);
  if (!isValidClockTime(end)) throw new RangeError(`Not a time: ${end}`);
  const minutes = toMinutes(end) - toMinutes(start);
  if (minutes <= 0) throw new RangeError(`The session ends (${end}) before or when it starts (${start})`);
  return minutes;
}

/** The clock time a number of minutes after another, within the same day (09:00 + 20 → 09:20). */
export function addMinutesToClockTime(time: ClockTime, minutes: number): ClockTime {
  if (!isValidClockTime(time)) throw new RangeError(`Not a time: ${time}`);
  const total = toMinutes(time) + minutes;
  if (!Number.isInteger(minutes) || total < 0 || total >= 24 * 60) {
    throw new RangeError(`${time} + ${minutes} minutes is not a time of the same day`);
  }
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const stockholmClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Minutes Stockholm is ahead of UTC at an instant: 60 in winter, 120 in summer. */
function stockholmOffsetMinutes(epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of stockholmClock.formatToParts(new Date(epochMs))) parts[type] = Number(value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - (epochMs - (epochMs % 1000))) / 60_000);
}

/**
 * The instant of a Swedish wall-clock time, as a UTC ISO timestamp (2026-01-05 09:00 → 2026-01-05T08:00:00.000Z).
 * Times that do not exist (02:30 on the last Sunday of March) move forward by the hour the clocks skip;
 * times that occur twice (02:30 on the last Sunday of October) take the first, as Temporal's "compatible".
 */
export function sessionInstant(date: IsoDate, time: ClockTime): string {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  if (!isValidClockTime(time)) throw new RangeError(`Not a time: ${time}`);
  const wall = Date.parse(`${date}T${time}:00Z`);
  const hour = 3_600_000;
  // Stockholm's clocks change at most once within a day, so the offsets 12 hours either side are the only ones.
  const before = stockholmOffsetMinutes(wall - 12 * hour);
  const after = stockholmOffsetMinutes(wall + 12 * hour);
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - stockholmOffsetMinutes(instant) * 60_000 === instant)
    .sort((a, b) => a - b);
  const instant = fits[0] ?? wall - before * 60_000;
  return new Date(instant).toISOString();
}

function toMinutes(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
