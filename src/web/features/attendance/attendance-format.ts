import { addMonths, format, parseISO } from 'date-fns';
import { isoMonthPattern, minutesToHours } from '../../../core/attendance.ts';
import type { Locale } from '../../../core/enums.ts';

// Hours as the funder reads them: two decimals with the language's decimal sign (3,50 in Swedish).

const numberLocale: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatHours(hours: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(hours);
}

export function formatMinutesAsHours(minutes: number, locale: Locale): string {
  return formatHours(minutesToHours(minutes), locale);
}

/** A month as YYYY-MM. */
export function isMonth(value: string | null | undefined): value is string {
  return isoMonthPattern.test(value ?? '');
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `offset` months before (negative) or after a month. */
export function shiftMonth(month: string, offset: number): string {
  return format(addMonths(parseISO(`${month}-01`), offset), 'yyyy-MM');
}

/** "november 2026", "November 2026". */
export function monthName(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale[locale], { month: 'long', year: 'numeric' }).format(
    parseISO(`${month}-15`),
  );
}

/** The first and last day of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const last = addMonths(parseISO(from), 1);
  last.setDate(0);
  return { from, to: format(last, 'yyyy-MM-dd') };
}
