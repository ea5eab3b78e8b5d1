import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { isNonWorkingHoliday } from './holidays.ts';
import {
  addMinutesToClockTime,
  generateSessions,
  type IsoWeekday,
  isoWeekday,
  isoWeekRange,
  sessionInstant,
  sessionMinutes,
} from './schedule.ts';

const weekly = { startTime: '09:00', endTime: '12:00' } as const;

describe('generateSessions', () => {
  it('skips Midsummer Eve and National Day, naming them', () => {
    // 2027: National Day is a Sunday, so take 2025 (a Friday) and Midsummer Eve 2025-06-20 (a Friday).
    const { sessions, skipped } = generateSessions({
      ...weekly,
      startsOn: '2025-06-02',
      endsOn: '2025-06-27',
      weekdays: [5],
    });
    expect(sessions.map((s) => s.date)).toEqual(['2025-06-13', '2025-06-27']);
    expect(
      skipped.map((s) => [s.date, s.reason === 'holiday' ? s.holidays.map((h) => h.name) : s.reason]),
    ).toEqual([
      ['2025-06-06', ['Sveriges nationaldag']],
      ['2025-06-20', ['Midsommarafton']],
    ]);
  });

  it('skips Christmas and New Year, and the programme’s closure days', () => {
    const { sessions, skipped } = generateSessions({
      ...weekly,
      startsOn: '2026-12-21',
      endsOn: '2027-01-08',
      weekdays: [1, 2, 3, 4, 5],
      closureDays: ['2026-12-23', '2026-12-24', '2027-01-07'],
    });
    expect(sessions.map((s) => s.date)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2027-01-04',
      '2027-01-05',
      '2027-01-08',
    ]);
    expect(skipped.map((s) => `${s.date} ${s.reason}`)).toEqual([
      '2026-12-23 closure_day',
      '2026-12-24 holiday', // a holiday wins over a closure day on the same date
      '2026-12-25 holiday',
      '2026-12-31 holiday',
      '2027-01-01 holiday',
      '2027-01-06 holiday',
      '2027-01-07 closure_day',
    ]);
  });

  it('follows Easter from year to year: Good Friday and Easter Monday skipped, Maundy Thursday kept', () => {
    const mondaysAndFridays = (year: number) =>
      generateSessions({
        ...weekly,
        startsOn: `${year}-03-20`,
        endsOn: `${year}-04-30`,
        weekdays: [1, 4, 5],
      }).skipped.map((s) => s.date);
    expect(mondaysAndFridays(2026)).toEqual(['2026-04-03', '2026-04-06']);
    expect(mondaysAndFridays(2027)).toEqual(['2027-03-26', '2027-03-29']);
    expect(mondaysAndFridays(2028)).toEqual(['2028-04-14', '2028-04-17']);
  });

  it('gives ISO weeks and their years across a year end', () => {
    const { sessions } = generateSessions({
      ...weekly,
      startsOn: '2026-12-28',
      endsOn: '2027-01-13',
      weekdays: [3],
    });
    expect(sessions.map((s) => [s.date, s.isoWeekYear, s.isoWeek, s.weekday])).toEqual([
      ['2026-12-30', 2026, 53, 3],
      ['2027-01-13', 2027, 2, 3], // Epiphany, Wednesday 6 January, skipped
    ]);
  });

  it('runs sessions on the weekends the clocks change, with their planned length', () => {
    // 2026: summer time starts Sunday 29 March, ends Sunday 25 October.
    const spring = generateSessions({
      startsOn: '2026-03-28',
      endsOn: '2026-03-29',
      weekdays: [6, 7],
      startTime: '10:00',
      endTime: '12:00',
    }).sessions;
    expect(spring.map((s) => [sessionInstant(s.date, s.start), sessionMinutes(s.start, s.end)])).toEqual([
      ['2026-03-28T09:00:00.000Z', 120],
      ['2026-03-29T08:00:00.000Z', 120],
    ]);
    const autumn = generateSessions({
      startsOn: '2026-10-24',
      endsOn: '2026-10-25',
      weekdays: [6, 7],
      startTime: '10:00',
      endTime: '12:00',
    }).sessions;
    expect(autumn.map((s) => sessionInstant(s.date, s.start))).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-25T09:00:00.000Z',
    ]);
  });

  it('refuses periods that end before they start, and sessions that end before they start', () => {
    expect(() =>
      generateSessions({ ...weekly, startsOn: '2026-02-02', endsOn: '2026-02-01', weekdays: [1] }),
    ).toThrow(RangeError);
    expect(() =>
      generateSessions({
        startsOn: '2026-02-02',
        endsOn: '2026-02-09',
        weekdays: [1],
        startTime: '12:00',
        endTime: '09:00',
      }),
    ).toThrow(RangeError);
    expect(() =>
      generateSessions({
        ...weekly,
        startsOn: '2026-02-02',
        endsOn: '2026-02-09',
        weekdays: [8 as IsoWeekday],
      }),
    ).toThrow(RangeError);
  });

  const dateArb = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2025-01-01', n));
  const scheduleArb = fc.record({
    startsOn: dateArb,
    length: fc.integer({ min: 0, max: 120 }),
    weekdays: fc.uniqueArray(fc.constantFrom<IsoWeekday>(1, 2, 3, 4, 5, 6, 7), { maxLength: 7 }),
    closureOffsets: fc.array(fc.integer({ min: -5, max: 125 }), { maxLength: 10 }),
  });

  it('only puts sessions on the chosen weekdays within the period, never on holidays or closure days', () => {
    fc.assert(
      fc.property(scheduleArb, ({ startsOn, length, weekdays, closureOffsets }) => {
        const endsOn = addDays(startsOn, length);
        const closureDays = closureOffsets.map((n) => addDays(startsOn, n));
        const { sessions, skipped } = generateSessions({
          ...weekly,
          startsOn,
          endsOn,
          weekdays,
          closureDays,
        });
        for (const s of sessions) {
          expect(weekdays).toContain(s.weekday);
          expect(isoWeekday(s.date)).toBe(s.weekday);
          expect(s.date >= startsOn && s.date <= endsOn).toBe(true);
          expect(isNonWorkingHoliday(s.date)).toBe(false);
          expect(closureDays).not.toContain(s.date);
        }
        let onWeekdays = 0;
        for (let d = startsOn; d <= endsOn; d = addDays(d, 1))
          if (weekdays.includes(isoWeekday(d))) onWeekdays++;
        expect(sessions.length).toBe(onWeekdays - skipped.length);
        const all = [...sessions.map((s) => s.date), ...skipped.map((s) => s.date)];
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });
});

describe('sessionInstant', () => {
  it('gives 08:00Z for Monday 09:00 in winter and 07:00Z in summer', () => {
    expect(sessionInstant('2026-01-05', '09:00')).toBe('2026-01-05T08:00:00.000Z');
    expect(sessionInstant('2026-06-08', '09:00')).toBe('2026-06-08T07:00:00.000Z');
  });

  it('switches on the last Sundays of March and October', () => {
    expect(sessionInstant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(sessionInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(sessionInstant('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(sessionInstant('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(sessionInstant('2027-03-28', '09:00')).toBe('2027-03-28T07:00:00.000Z');
    expect(sessionInstant('2027-03-27', '09:00')).toBe('2027-03-27T08:00:00.000Z');
  });

  it('moves a skipped time forward and takes the first of a repeated one', () => {
    expect(sessionInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z'); // shown as 03:30
    expect(sessionInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z'); // the summer-time 02:30
  });

  it('round-trips through Stockholm time for any day and minute outside the changes', () => {
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (n, h, m) => {
          const date = addDays('2024-01-01', n);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          fc.pre(h !== 2);
          expect(format.format(new Date(sessionInstant(date, time)))).toBe(`${date} ${time}`);
        },
      ),
    );
  });
});

describe('session times', () => {
  it('counts minutes between two times of a day', () => {
    expect(sessionMinutes('09:00', '12:00')).toBe(180);
    expect(sessionMinutes('08:15', '11:45')).toBe(210);
    expect(() => sessionMinutes('12:00', '12:00')).toThrow(RangeError);
    expect(() => sessionMinutes('9:00', '12:00')).toThrow(RangeError);
    expect(() => sessionMinutes('09:00', '24:00')).toThrow(RangeError);
  });

  it('adds minutes to a clock time', () => {
    expect(addMinutesToClockTime('09:00', 20)).toBe('09:20');
    expect(addMinutesToClockTime('09:50', 75)).toBe('11:05');
    expect(() => addMinutesToClockTime('23:50', 10)).toThrow(RangeError);
  });
});

describe('isoWeekRange', () => {
  it('gives Monday to Sunday of an ISO week, across year ends', () => {
    expect(isoWeekRange(2026, 14)).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect(isoWeekRange(2026, 1)).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(isoWeekRange(2026, 53)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(() => isoWeekRange(2025, 53)).toThrow(RangeError);
  });
});
