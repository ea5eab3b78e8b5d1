import { useTranslation } from 'react-i18next';
import type { ScheduleSlot } from '../../../core/schemas/activity.schema.ts';
import { useWeekdayName } from './weekday-name.ts';

/** A weekly schedule as text: "mån 09:00–12:00, tors 13:00–15:30". */
export function useScheduleText(): (schedule: readonly ScheduleSlot[]) => string {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  return (schedule) =>
    [...schedule]
      .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime))
      .map((slot) =>
        t('groups.slot', {
          weekday: weekdayName(slot.weekday, 'short'),
          start: slot.startTime,
          end: slot.endTime,
        }),
      )
      .join(', ');
}
