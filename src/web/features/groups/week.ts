import { getISOWeekYear, parseISO } from 'date-fns';
import { addDays, type IsoDate, isoWeek, isValidIsoDate, todayInSweden } from '../../../core/dates.ts';
import { isoWeekRange } from '../../../core/schedule.ts';

// ISO weeks as the API names them ('2026-W48') and as the week view moves between them.

export type WeekParts = { year: number; week: number };

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** The ISO week a date belongs to: 2027-01-01 is in 2026-W53. */
export function weekOf(date: IsoDate): string {
  const year = getISOWeekYear(parseISO(date));
  return `${year}-W${String(isoWeek(date)).padStart(2, '0')}`;
}

/** The parts of a week such as '2026-W48', or null for anything that is not an existing ISO week. */
export function parseWeek(value: string | null | undefined): WeekParts | null {
  const match = weekPattern.exec(value ?? '');
  if (!match) return null;
  const parts = { year: Number(match[1]), week: Number(match[2]) };
  try {
    isoWeekRange(parts.year, parts.week);
  } catch {
    return null;
  }
  return parts;
}

/** Monday to Sunday of a week. Throws a RangeError for a week that does not exist. */
export function weekDates(week: string): IsoDate[] {
  const parts = parseWeek(week);
  if (!parts) throw new RangeError(`Not an ISO week: ${week}`);
  const { from } = isoWeekRange(parts.year, parts.week);
  return Array.from({ length: 7 }, (_, i) => addDays(from, i));
}

/** The week `offset` weeks before (negative) or after a week. */
export function shiftWeek(week: string, offset: number): string {
  const [monday] = weekDates(week);
  return weekOf(addDays(monday as IsoDate, offset * 7));
}

/** The week in the address if it is one, else the week of the given date. */
export function weekOrDefault(value: string | null | undefined, today: IsoDate): string {
  return parseWeek(value) ? (value as string) : weekOf(today);
}

/** Groups items by ISO week in date order, e.g. the sessions of a group. */
export function groupByWeek<T extends { date: string }>(items: readonly T[]): { week: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));
  const weeks: { week: string; items: T[] }[] = [];
  for (const item of sorted) {
    if (!isValidIsoDate(item.date)) continue;
    const week = weekOf(item.date);
    const last = weeks.at(-1);
    if (last?.week === week) last.items.push(item);
    else weeks.push({ week, items: [item] });
  }
  return weeks;
}

/** The default first day in a group: today, or the group's first day if it has not started yet. */
export function firstDayFrom(startsOn: IsoDate, today: IsoDate = todayInSweden()): IsoDate {
  return [startsOn, today].sort().at(-1) ?? today;
}
