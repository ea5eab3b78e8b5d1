import { describe, expect, it } from 'vitest';
import {
  type AttendanceRecord,
  type RollCall,
  rollCallInput,
} from '../../../core/schemas/activity.schema.ts';
import {
  changedByOthers,
  markAllPresent,
  rebaseRows,
  rowFieldOf,
  rowsFromRollCall,
  toRollCallInput,
} from './roll-call-values.ts';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;

function record(patch: Partial<AttendanceRecord>): AttendanceRecord {
  return {
    status: 'present',
    lateMinutes: null,
    absenceReason: null,
    reasonText: null,
    attendedMinutes: 180,
    deviation: false,
    recordedByName: 'Lena Lärare',
    version: 1,
    ...patch,
  };
}

function rollCall(first: AttendanceRecord | null, second: AttendanceRecord | null): RollCall {
  const row = (enrolmentId: string, attendance: AttendanceRecord | null) => ({
    enrolmentId,
    participantId: enrolmentId,
    firstName: 'A',
    lastName: 'B',
    protectedIdentity: false,
    attendance,
  });
  return { session: {} as RollCall['session'], rows: [row(ids[0], first), row(ids[1], second)] };
}

describe('roll call form values', () => {
  it('sends only rows that changed, each against the version read', () => {
    const base = rollCall(record({ version: 3 }), null);
    const rows = rowsFromRollCall(base);
    expect(toRollCallInput(rows, base).input.rows).toEqual([]);

    const marked = markAllPresent(rows);
    expect(marked.map((r) => r.status)).toEqual(['present', 'present']);
    const { input, enrolmentIds } = toRollCallInput(marked, base);
    expect(enrolmentIds).toEqual([ids[1]]);
    expect(input.rows).toEqual([
      {
        enrolmentId: ids[1],
        status: 'present',
        lateMinutes: null,
        absenceReason: null,
        reasonText: null,
        version: null,
      },
    ]);
  });

  it('keeps only the fields the status allows and parses minutes', () => {
    const base = rollCall(record({ version: 2 }), null);
    const rows = rowsFromRollCall(base).map((r, i) =>
      i === 0
        ? {
            ...r,
            status: 'late' as const,
            lateMinutes: ' 20 ',
            absenceReason: 'ill' as const,
            reasonText: 'x',
          }
        : { ...r, status: 'absent' as const, absenceReason: 'ill' as const, reasonText: 'left over' },
    );
    const { input } = toRollCallInput(rows, base);
    expect(input.rows[0]).toMatchObject({ status: 'late', lateMinutes: 20, absenceReason: null, version: 2 });
    expect(input.rows[1]).toMatchObject({ status: 'absent', absenceReason: 'ill', reasonText: null });
    expect(rollCallInput.safeParse(input).success).toBe(true);
  });

  it('leaves errors to the schema, at the row sent', () => {
    const base = rollCall(null, null);
    const rows = rowsFromRollCall(base).map((r, i) =>
      i === 1 ? { ...r, status: 'late' as const, lateMinutes: '1,5' } : r,
    );
    const { input, enrolmentIds } = toRollCallInput(rows, base);
    const parsed = rollCallInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const path = parsed.error?.issues[0]?.path.join('.') ?? '';
    expect(path).toBe('rows.0.lateMinutes');
    expect(rowFieldOf(path, enrolmentIds)).toEqual({ enrolmentId: ids[1], field: 'lateMinutes' });
    expect(rowFieldOf('rows', enrolmentIds)).toBeNull();
  });

  it('on a conflict keeps what was typed and takes the rest from the current roll call', () => {
    const base = rollCall(record({ version: 1 }), null);
    const typed = rowsFromRollCall(base).map((r, i) =>
      i === 1 ? { ...r, status: 'absent' as const, absenceReason: 'other' as const, reasonText: 'Flytt' } : r,
    );
    const current = rollCall(
      record({ version: 2, status: 'absent', absenceReason: 'ill', recordedByName: 'Sara' }),
      record({ version: 1 }),
    );
    const rebased = rebaseRows(typed, base, current);
    expect(rebased[0]).toMatchObject({ status: 'absent', absenceReason: 'ill' });
    expect(rebased[1]).toMatchObject({ status: 'absent', absenceReason: 'other', reasonText: 'Flytt' });
    expect(changedByOthers(base, current).map((r) => r.enrolmentId)).toEqual([ids[0], ids[1]]);

    const { input } = toRollCallInput(rebased, current);
    expect(input.rows).toEqual([
      expect.objectContaining({ enrolmentId: ids[1], status: 'absent', reasonText: 'Flytt', version: 1 }),
    ]);
  });
});
