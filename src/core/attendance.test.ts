import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AbsenceReason,
  type AttendanceMark,
  absenceReasons,
  attendanceMarkProblem,
  attendedMinutes,
  isDeviation,
  monthlyAttendance,
  type SessionAttendance,
} from './attendance.ts';
import { addDays } from './dates.ts';

const present: AttendanceMark = { status: 'present', lateMinutes: null, reason: null, reasonText: null };
const late = (lateMinutes: number): AttendanceMark => ({
  status: 'late',
  lateMinutes,
  reason: null,
  reasonText: null,
});
const absent = (reason: AbsenceReason, reasonText: string | null = null): AttendanceMark => ({
  status: 'absent',
  lateMinutes: null,
  reason,
  reasonText,
});

function session(
  sessionDate: string,
  mark: AttendanceMark,
  overrides: Partial<SessionAttendance> = {},
): SessionAttendance {
  return {
    sessionDate,
    start: '09:00',
    end: '12:00',
    activityId: 'sfi',
    activityName: 'Svenska för invandrare',
    ...mark,
    ...overrides,
  };
}

describe('attendedMinutes', () => {
  it('counts the whole session when present, less the lateness when late, nothing when absent', () => {
    expect(attendedMinutes(180, present)).toBe(180);
    expect(attendedMinutes(180, late(20))).toBe(160);
    expect(attendedMinutes(180, absent('ill'))).toBe(0);
  });

  it('never goes below zero', () => {
    expect(attendedMinutes(60, late(90))).toBe(0);
  });
});

describe('isDeviation', () => {
  it('flags every absence, valid reason or not, and lateness of more than 15 minutes', () => {
    expect(isDeviation(present)).toBe(false);
    expect(isDeviation(late(15))).toBe(false);
    expect(isDeviation(late(16))).toBe(true);
    for (const reason of absenceReasons) expect(isDeviation(absent(reason, 'x'))).toBe(true);
  });
});

describe('attendanceMarkProblem', () => {
  it('accepts complete marks', () => {
    expect(attendanceMarkProblem(present)).toBeNull();
    expect(attendanceMarkProblem(late(5))).toBeNull();
    expect(attendanceMarkProblem({ ...late(40), reason: 'authority_appointment' })).toBeNull();
    expect(attendanceMarkProblem(absent('sick_child'))).toBeNull();
    expect(attendanceMarkProblem(absent('other', 'Begravning'))).toBeNull();
    expect(attendanceMarkProblem(absent('none'))).toBeNull();
  });

  it('names what is missing or out of place', () => {
    expect(attendanceMarkProblem(late(0))).toBe('late_minutes_required');
    expect(attendanceMarkProblem({ ...late(5), lateMinutes: null })).toBe('late_minutes_required');
    expect(attendanceMarkProblem({ ...present, lateMinutes: 5 })).toBe('late_minutes_not_allowed');
    expect(attendanceMarkProblem({ ...absent('ill'), reason: null })).toBe('reason_required');
    expect(attendanceMarkProblem({ ...present, reason: 'ill' })).toBe('reason_not_allowed');
    expect(attendanceMarkProblem(absent('other', '  '))).toBe('reason_text_required');
    expect(attendanceMarkProblem(absent('ill', 'feber'))).toBe('reason_text_not_allowed');
  });
});

describe('monthlyAttendance', () => {
  it('counts a session on the last day of a month in that month and the first of the next in the next', () => {
    const records = [
      session('2026-03-31', present),
      session('2026-04-01', late(30)),
      session('2026-02-28', absent('ill')),
    ];
    const march = monthlyAttendance(records, '2026-03');
    expect(march).toMatchObject({ sessions: 1, plannedMinutes: 180, attendedMinutes: 180, attendedHours: 3 });
    expect(march.byDay.map((d) => d.date)).toEqual(['2026-03-31']);
    expect(march.deviations).toEqual([]);
    const april = monthlyAttendance(records, '2026-04');
    expect(april).toMatchObject({
      sessions: 1,
      plannedMinutes: 180,
      attendedMinutes: 150,
      attendedHours: 2.5,
    });
    expect(april.deviations.map((d) => d.date)).toEqual(['2026-04-01']);
    expect(monthlyAttendance(records, '2026-05')).toMatchObject({
      sessions: 0,
      attendedMinutes: 0,
      byDay: [],
    });
  });

  it('totals hours per activity and per day, with lateness', () => {
    const practice = { activityId: 'prao', activityName: 'Arbetsplatspraktik', start: '13:00', end: '16:30' };
    const records = [
      session('2026-09-07', present),
      session('2026-09-07', late(10), practice),
      session('2026-09-08', late(50)),
      session('2026-09-09', absent('authority_appointment')),
      session('2026-09-09', present, practice),
    ];
    const month = monthlyAttendance(records, '2026-09');
    expect(month).toMatchObject({
      sessions: 5,
      plannedMinutes: 3 * 180 + 2 * 210,
      attendedMinutes: 180 + 200 + 130 + 0 + 210,
      attendedHours: 12,
      plannedHours: 16,
    });
    expect(
      month.byActivity.map((a) => [a.activityName, a.sessions, a.attendedMinutes, a.attendedHours]),
    ).toEqual([
      ['Arbetsplatspraktik', 2, 410, 6.83],
      ['Svenska för invandrare', 3, 310, 5.17],
    ]);
    expect(month.byActivity[1]?.days).toEqual([
      { date: '2026-09-07', plannedMinutes: 180, attendedMinutes: 180 },
      { date: '2026-09-08', plannedMinutes: 180, attendedMinutes: 130 },
      { date: '2026-09-09', plannedMinutes: 180, attendedMinutes: 0 },
    ]);
    expect(month.byDay.map((d) => [d.date, d.plannedMinutes, d.attendedMinutes])).toEqual([
      ['2026-09-07', 390, 380],
      ['2026-09-08', 180, 130],
      ['2026-09-09', 390, 210],
    ]);
  });

  it('lists the deviations for the employment service with the times missed and the reason', () => {
    const records = [
      session('2026-10-12', late(15)),
      session('2026-10-13', { ...late(25), reason: 'authority_appointment' }),
      session('2026-10-14', absent('other', 'Begravning')),
      session('2026-10-15', absent('none')),
    ];
    expect(monthlyAttendance(records, '2026-10').deviations).toEqual([
      {
        date: '2026-10-13',
        activityId: 'sfi',
        activityName: 'Svenska för invandrare',
        start: '09:00',
        end: '12:00',
        absentFrom: '09:00',
        absentTo: '09:25',
        absentMinutes: 25,
        status: 'late',
        lateMinutes: 25,
        reason: 'authority_appointment',
        reasonText: null,
      },
      expect.objectContaining({
        date: '2026-10-14',
        absentFrom: '09:00',
        absentTo: '12:00',
        absentMinutes: 180,
        status: 'absent',
        reason: 'other',
        reasonText: 'Begravning',
      }),
      expect.objectContaining({ date: '2026-10-15', status: 'absent', reason: 'none', reasonText: null }),
    ]);
  });

  it('counts a session with nothing recorded yet as planned, not attended and no deviation', () => {
    const unrecorded = { ...session('2026-11-02', present), status: null };
    const month = monthlyAttendance([unrecorded, session('2026-11-03', present)], '2026-11');
    expect(month).toMatchObject({ sessions: 2, plannedMinutes: 360, attendedMinutes: 180, deviations: [] });
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthlyAttendance([], '2026-13')).toThrow(RangeError);
    expect(() => monthlyAttendance([], '2026-1')).toThrow(RangeError);
  });

  const markArb: fc.Arbitrary<AttendanceMark> = fc.oneof(
    fc.constant(present),
    fc.integer({ min: 1, max: 300 }).map(late),
    fc.constantFrom(...absenceReasons).map((r) => absent(r, r === 'other' ? 'Annat' : null)),
  );
  const recordArb: fc.Arbitrary<SessionAttendance> = fc
    .record({
      day: fc.integer({ min: -3, max: 33 }),
      startMinute: fc.integer({ min: 6 * 60, max: 17 * 60 }),
      length: fc.integer({ min: 15, max: 5 * 60 }),
      activity: fc.constantFrom('a', 'b', 'c'),
      mark: markArb,
    })
    .map(({ day, startMinute, length, activity, mark }) =>
      session(addDays('2026-03-01', day), mark, {
        start: clock(startMinute),
        end: clock(startMinute + length),
        activityId: activity,
        activityName: `Aktivitet ${activity}`,
      }),
    );

  it('never counts more attended than planned, and the parts add up to the totals', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
        const month = monthlyAttendance(records, '2026-03');
        expect(month.attendedMinutes).toBeLessThanOrEqual(month.plannedMinutes);
        expect(month.attendedMinutes).toBeGreaterThanOrEqual(0);
        const sum = (xs: { attendedMinutes: number }[]) => xs.reduce((n, x) => n + x.attendedMinutes, 0);
        expect(sum(month.byActivity)).toBe(month.attendedMinutes);
        expect(sum(month.byDay)).toBe(month.attendedMinutes);
        for (const activity of month.byActivity) {
          expect(sum(activity.days)).toBe(activity.attendedMinutes);
          expect(activity.attendedMinutes).toBeLessThanOrEqual(activity.plannedMinutes);
        }
        expect(month.sessions).toBe(records.filter((r) => r.sessionDate.startsWith('2026-03')).length);
        expect(month.deviations.length).toBe(
          records.filter((r) => r.sessionDate.startsWith('2026-03') && isDeviation(r)).length,
        );
      }),
    );
  });
});

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
