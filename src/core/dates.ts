import { addDays as addDaysToDate, addMonths, format, getISOWeek, parseISO } from 'date-fns';

/** A calendar date as YYYY-MM-DD, the only date format Stegvis shows or accepts. */
export type IsoDate = string;

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const d = parseISO(value);
  // The calendar, and PostgreSQL with it, has no year 0.
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === value && d.getFullYear() >= 1;
}

/**
 * The planned end of an enrolment: the start plus the target group's maximum duration.
 * A start on a day the end month lacks ends on that month's last day (2024-01-31 + 1 month = 2024-02-29).
 */
export function plannedEndDate(start: IsoDate, maxDurationMonths: number): IsoDate {
  return format(addMonths(parseISO(start), maxDurationMonths), 'yyyy-MM-dd');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(addDaysToDate(parseISO(date), days), 'yyyy-MM-dd');
}

export function isoWeek(date: IsoDate): number {
  return getISOWeek(parseISO(date));
}

/** Today in Swedish time as YYYY-MM-DD. */
export function todayInSweden(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}
