import { getHolidays } from 'swedish-holidays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { easterSunday, holidayNames, holidaysIn, holidaysOn, isNonWorkingHoliday } from './holidays.ts';

function datesOf(year: number): Record<string, string> {
  return Object.fromEntries(holidaysIn(year).map((h) => [h.code, h.date]));
}

describe('holidaysIn', () => {
  it('moves Good Friday, Easter Monday, Ascension and Whitsun with Easter, 2025–2028', () => {
    expect(datesOf(2025)).toMatchObject({
      good_friday: '2025-04-18',
      easter_sunday: '2025-04-20',
      easter_monday: '2025-04-21',
      ascension_day: '2025-05-29',
      whit_sunday: '2025-06-08',
    });
    expect(datesOf(2026)).toMatchObject({
      good_friday: '2026-04-03',
      easter_sunday: '2026-04-05',
      easter_monday: '2026-04-06',
      ascension_day: '2026-05-14',
      whit_sunday: '2026-05-24',
    });
    expect(datesOf(2027)).toMatchObject({
      good_friday: '2027-03-26',
      easter_sunday: '2027-03-28',
      easter_monday: '2027-03-29',
      ascension_day: '2027-05-06',
      whit_sunday: '2027-05-16',
    });
    expect(datesOf(2028)).toMatchObject({
      good_friday: '2028-04-14',
      easter_sunday: '2028-04-16',
      easter_monday: '2028-04-17',
      ascension_day: '2028-05-25',
      whit_sunday: '2028-06-04',
    });
  });

  it('puts Midsummer Eve on the Friday between 19 and 25 June, and Midsummer Day on the Saturday after', () => {
    const eves = [2025, 2026, 2027, 2028].map((y) => datesOf(y).midsummer_eve);
    expect(eves).toEqual(['2025-06-20', '2026-06-19', '2027-06-25', '2028-06-23']);
    expect([2025, 2026, 2027, 2028].map((y) => datesOf(y).midsummer_day)).toEqual([
      '2025-06-21',
      '2026-06-20',
      '2027-06-26',
      '2028-06-24',
    ]);
  });

  it('puts All Saints’ Day on the Saturday between 31 October and 6 November', () => {
    expect([2025, 2026, 2027, 2028].map((y) => datesOf(y).all_saints_day)).toEqual([
      '2025-11-01',
      '2026-10-31',
      '2027-11-06',
      '2028-11-04',
    ]);
  });

  it('lists the fixed days, with Swedish names and the de facto holidays marked as such', () => {
    const year = holidaysIn(2026);
    expect(year.map((h) => [h.date, h.name, h.kind])).toEqual([
      ['2026-01-01', 'Nyårsdagen', 'public'],
      ['2026-01-06', 'Trettondedag jul', 'public'],
      ['2026-04-03', 'Långfredagen', 'public'],
      ['2026-04-05', 'Påskdagen', 'public'],
      ['2026-04-06', 'Annandag påsk', 'public'],
      ['2026-05-01', 'Första maj', 'public'],
      ['2026-05-14', 'Kristi himmelsfärdsdag', 'public'],
      ['2026-05-24', 'Pingstdagen', 'public'],
      ['2026-06-06', 'Sveriges nationaldag', 'public'],
      ['2026-06-19', 'Midsommarafton', 'de_facto'],
      ['2026-06-20', 'Midsommardagen', 'public'],
      ['2026-10-31', 'Alla helgons dag', 'public'],
      ['2026-12-24', 'Julafton', 'de_facto'],
      ['2026-12-25', 'Juldagen', 'public'],
      ['2026-12-26', 'Annandag jul', 'public'],
      ['2026-12-31', 'Nyårsafton', 'de_facto'],
    ]);
  });

  it('refuses years outside the Gregorian four-digit range', () => {
    expect(() => holidaysIn(1582)).toThrow(RangeError);
    expect(() => holidaysIn(2026.5)).toThrow(RangeError);
  });
});

describe('isNonWorkingHoliday', () => {
  it('is true on public and de facto holidays, false on ordinary days and working eves', () => {
    expect(isNonWorkingHoliday('2026-06-06')).toBe(true); // National Day (a Saturday in 2026)
    expect(isNonWorkingHoliday('2027-06-25')).toBe(true); // Midsummer Eve
    expect(isNonWorkingHoliday('2026-12-24')).toBe(true);
    expect(isNonWorkingHoliday('2026-12-31')).toBe(true);
    expect(isNonWorkingHoliday('2027-03-29')).toBe(true); // Easter Monday
    expect(isNonWorkingHoliday('2026-04-02')).toBe(false); // Maundy Thursday is a working day
    expect(isNonWorkingHoliday('2026-04-30')).toBe(false); // Walpurgis Night too
    expect(isNonWorkingHoliday('2026-06-22')).toBe(false);
  });

  it('knows both holidays when Ascension falls on 1 May (2008)', () => {
    expect(holidaysOn('2008-05-01').map((h) => h.code)).toEqual(['may_day', 'ascension_day']);
  });

  it('refuses what is not a date', () => {
    expect(() => isNonWorkingHoliday('2026-02-30')).toThrow(RangeError);
  });
});

describe('agreement with the swedish-holidays package', () => {
  // That package computes in local time; in UTC it is exact, so it serves as an independent oracle there.
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('gives the same dates for every year 2005–2300', () => {
    const ours = new Set(Object.values(holidayNames));
    for (let year = 2005; year <= 2300; year++) {
      const theirs = getHolidays(year)
        .filter((h) => ours.has(h.name))
        .map((h) => `${h.name} ${h.date.toISOString().slice(0, 10)}`)
        .sort();
      const mine = holidaysIn(year)
        .map((h) => `${h.name} ${h.date}`)
        .sort();
      expect(mine, String(year)).toEqual(theirs);
    }
  });

  it('agrees on Easter Sunday back to 1583', () => {
    for (let year = 1583; year <= 2300; year++) {
      const theirs = getHolidays(year).find((h) => h.name === 'Påskdagen');
      expect(easterSunday(year), String(year)).toBe(theirs?.date.toISOString().slice(0, 10));
    }
  });
});
