import { describe, expect, it } from 'vitest';
import { groupByWeek, parseWeek, shiftWeek, weekDates, weekOf, weekOrDefault } from './week.ts';

describe('week', () => {
  it('names the ISO week of a date, across the turn of the year', () => {
    expect(weekOf('2026-11-23')).toBe('2026-W48');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(weekOf('2025-12-29')).toBe('2026-W01');
  });

  it('parses only weeks that exist', () => {
    expect(parseWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2026-48')).toBeNull();
    expect(parseWeek(null)).toBeNull();
  });

  it('gives Monday to Sunday and moves a week at a time', () => {
    expect(weekDates('2026-W48')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
  });

  it('falls back to the week of today for a missing or broken week', () => {
    expect(weekOrDefault('2026-W10', '2026-11-23')).toBe('2026-W10');
    expect(weekOrDefault('vecka 10', '2026-11-23')).toBe('2026-W48');
  });

  it('groups dated items by week in date order', () => {
    const grouped = groupByWeek([{ date: '2026-11-30' }, { date: '2026-11-24' }, { date: '2026-11-26' }]);
    expect(grouped.map((g) => [g.week, g.items.map((i) => i.date)])).toEqual([
      ['2026-W48', ['2026-11-24', '2026-11-26']],
      ['2026-W49', ['2026-11-30']],
    ]);
  });
});
