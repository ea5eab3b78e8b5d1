import { getISOWeekYear, parseISO } from 'date-fns';
import { isoWeek } from '../../../core/dates.ts';
import { generateSessions, type IsoWeekday } from '../../../core/schedule.ts';
import type { ScheduleSlot } from '../../../core/schemas/activity.schema.ts';

export type PlannedGroupSession = { date: string; startTime: string; endTime: string };
export type SkippedGroupDate = { date: string; kind: 'holiday' | 'closure'; name: string };

/**
 * A group's sessions from its weekly schedule: one core generateSessions call per slot, merged in date and
 * time order. A date skipped for several slots is listed once.
 */
export function planGroupSessions(
  schedule: readonly ScheduleSlot[],
  startsOn: string,
  endsOn: string,
  closureDays: readonly { day: string; reason: string }[],
): { sessions: PlannedGroupSession[]; skipped: SkippedGroupDate[] } {
  const reasons = new Map(closureDays.map((c) => [c.day, c.reason]));
  const sessions: PlannedGroupSession[] = [];
  const skipped = new Map<string, SkippedGroupDate>();
  for (const slot of schedule) {
    const generated = generateSessions({
      startsOn,
      endsOn,
      weekdays: [slot.weekday as IsoWeekday],
      startTime: slot.startTime,
      endTime: slot.endTime,
      closureDays: [...reasons.keys()],
    });
    for (const s of generated.sessions) sessions.push({ date: s.date, startTime: s.start, endTime: s.end });
    for (const s of generated.skipped) {
      skipped.set(s.date, {
        date: s.date,
        kind: s.reason === 'holiday' ? 'holiday' : 'closure',
        name: s.reason === 'holiday' ? s.holidays.map((h) => h.name).join(', ') : (reasons.get(s.date) ?? ''),
      });
    }
  }
  sessions.sort((a, b) => compare(a.date, b.date) || compare(a.startTime, b.startTime));
  return { sessions, skipped: [...skipped.values()].sort((a, b) => compare(a.date, b.date)) };
}

/** The ISO week of a date as '2026-W48'; 2027-01-01 is in '2026-W53'. */
export function isoWeekLabel(date: string): string {
  return `${getISOWeekYear(parseISO(date))}-W${String(isoWeek(date)).padStart(2, '0')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
