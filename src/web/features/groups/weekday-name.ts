import { useTranslation } from 'react-i18next';

const weekdayKeys = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The name of an ISO weekday (1 Monday … 7 Sunday), in full or short ("Måndag", "mån"). */
export function useWeekdayName(): (weekday: number, form?: 'full' | 'short') => string {
  const { t } = useTranslation();
  return (weekday, form = 'full') => {
    const key = weekdayKeys[weekday - 1] ?? 'monday';
    return form === 'short' ? t(`weekdayShort.${key}`) : t(`weekday.${key}`);
  };
}
