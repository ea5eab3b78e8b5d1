import { addDays } from './dates.ts';
import type { PlacementStatus } from './enums.ts';
import { sessionMinutes } from './schedule.ts';

type Slot = { weekday: number; startTime: string; endTime: string };

/** Hours per week of a weekly schedule, to two decimals (Monday–Thursday 08:00–16:30 → 34). */
export function weeklyHours(schedule: readonly Slot[]): number {
  const minutes = schedule.reduce((sum, s) => sum + sessionMinutes(s.startTime, s.endTime), 0);
  return Math.round((minutes * 100) / 60) / 100;
}

/** The day halfway through a period, when the mid-point evaluation is due (rounded down). */
export function midpoint(startsOn: string, endsOn: string): string {
  const days = Math.round(
    (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000,
  );
  return addDays(startsOn, Math.floor(days / 2));
}

/** What can be done to a placement in each status: start it, end it, cancel it, evaluate it, edit it. */
export const placementActions = {
  planned: ['start', 'cancel', 'edit'],
  ongoing: ['end', 'evaluate', 'edit'],
  ended: ['evaluate'],
  cancelled: [],
} as const satisfies Record<PlacementStatus, readonly string[]>;
export type PlacementAction = (typeof placementActions)[PlacementStatus][number];

export function placementAllows(status: PlacementStatus, action: PlacementAction): boolean {
  return (placementActions[status] as readonly string[]).includes(action);
}
