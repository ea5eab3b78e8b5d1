import { type IsoDate, isValidIsoDate } from './dates.ts';

// Computed here rather than with the `swedish-holidays` package: that package does its date arithmetic in the
// process's local time zone, so its answers move by a day depending on TZ (Easter-based days west of UTC,
// Ascension and Whitsun in Stockholm before 1980, New Year's Day east of UTC+12). The rules are few and fixed;
// holidays.test.ts checks that both agree where that package is right (in UTC).

/**
 * `public`: an allmän helgdag by lag (1989:253). `de_facto`: a day the law leaves a weekday on which
 * programmes do not run (Midsummer Eve, Christmas Eve, New Year's Eve).
 */
export const holidayKinds = ['public', 'de_facto'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export const holidayCodes = [
  'new_years_day',
  'epiphany',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'may_day',
  'ascension_day',
  'national_day',
  'whit_sunday',
  'midsummer_eve',
  'midsummer_day',
  'all_saints_day',
  'christmas_eve',
  'christmas_day',
  'boxing_day',
  'new_years_eve',
] as const;
export type HolidayCode = (typeof holidayCodes)[number];

/** The Swedish name of each holiday, as shown to users ("inställt: Midsommarafton"). */
export const holidayNames: Readonly<Record<HolidayCode, string>> = {
  new_years_day: 'Nyårsdagen',
  epiphany: 'Trettondedag jul',
  good_friday: 'Långfredagen',
  easter_sunday: 'Påskdagen',
  easter_monday: 'Annandag påsk',
  may_day: 'Första maj',
  ascension_day: 'Kristi himmelsfärdsdag',
  national_day: 'Sveriges nationaldag',
  whit_sunday: 'Pingstdagen',
  midsummer_eve: 'Midsommarafton',
  midsummer_day: 'Midsommardagen',
  all_saints_day: 'Alla helgons dag',
  christmas_eve: 'Julafton',
  christmas_day: 'Juldagen',
  boxing_day: 'Annandag jul',
  new_years_eve: 'Nyårsafton',
};

export type Holiday = { date: IsoDate; code: HolidayCode; name: string; kind: HolidayKind };

const deFacto: ReadonlySet<HolidayCode> = new Set(['midsummer_eve', 'christmas_eve', 'new_years_eve']);

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromUtc(Date.UTC(year, month - 1, day));
}

const cache = new Map<number, readonly Holiday[]>();

/**
 * The year's non-working holidays in date order: the public holidays (the rules in force since 2005, when
 * the National Day replaced Whit Monday) and the de facto ones. Sundays are not listed.
 */
export function holidaysIn(year: number): readonly Holiday[] {
  assertYear(year);
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const dates: Record<HolidayCode, number> = {
    new_years_day: Date.UTC(year, 0, 1),
    epiphany: Date.UTC(year, 0, 6),
    good_friday: easter - 2 * day,
    easter_sunday: easter,
    easter_monday: easter + day,
    may_day: Date.UTC(year, 4, 1),
    ascension_day: easter + 39 * day,
    national_day: Date.UTC(year, 5, 6),
    whit_sunday: easter + 49 * day,
    midsummer_eve: firstWeekdayFrom(Date.UTC(year, 5, 19), friday),
    midsummer_day: firstWeekdayFrom(Date.UTC(year, 5, 20), saturday),
    all_saints_day: firstWeekdayFrom(Date.UTC(year, 9, 31), saturday),
    christmas_eve: Date.UTC(year, 11, 24),
    christmas_day: Date.UTC(year, 11, 25),
    boxing_day: Date.UTC(year, 11, 26),
    new_years_eve: Date.UTC(year, 11, 31),
  };
  const holidays = holidayCodes
    .map(
      (code): Holiday => ({
        date: isoFromUtc(dates[code]),
        code,
        name: holidayNames[code],
        kind: deFacto.has(code) ? 'de_facto' : 'public',
      }),
    )
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, Object.freeze(holidays));
  return holidays;
}

/** The holidays on a date: usually none or one, two when a moving one meets a fixed one (Ascension on 1 May). */
export function holidaysOn(date: IsoDate): readonly Holiday[] {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return holidaysIn(Number(date.slice(0, 4))).filter((h) => h.date === date);
}

/** Whether programmes are closed on the date for a holiday, public or de facto (Sundays aside). */
export function isNonWorkingHoliday(date: IsoDate): boolean {
  return holidaysOn(date).length > 0;
}

const day = 86_400_000;
const friday = 5;
const saturday = 6;

function firstWeekdayFrom(utcMidnight: number, weekday: number): number {
  const offset = (weekday - new Date(utcMidnight).getUTCDay() + 7) % 7;
  return utcMidnight + offset * day;
}

function isoFromUtc(utcMidnight: number): IsoDate {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

// The Gregorian Easter rule starts in 1583; four digits keep dates in YYYY-MM-DD.
function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`Unsupported year: ${year}`);
}
