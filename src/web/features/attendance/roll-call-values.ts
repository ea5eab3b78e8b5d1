import type { AbsenceReason, AttendanceStatus } from '../../../core/enums.ts';
import type { AttendanceRecord, RollCall, RollCallInput } from '../../../core/schemas/activity.schema.ts';

// The roll call form keeps what is typed as text; the input sent is built against the roll call last read,
// whose row versions say which record each change applies to.

export type RollCallRowValues = {
  enrolmentId: string;
  /** '' while nothing is chosen for a participant without a record. */
  status: AttendanceStatus | '';
  lateMinutes: string;
  absenceReason: AbsenceReason | '';
  reasonText: string;
};

export function rowFromRecord(enrolmentId: string, record: AttendanceRecord | null): RollCallRowValues {
  return {
    enrolmentId,
    status: record?.status ?? '',
    lateMinutes: record?.lateMinutes === null || record === null ? '' : String(record.lateMinutes),
    absenceReason: record?.absenceReason ?? '',
    reasonText: record?.reasonText ?? '',
  };
}

export function rowsFromRollCall(rollCall: RollCall): RollCallRowValues[] {
  return rollCall.rows.map((r) => rowFromRecord(r.enrolmentId, r.attendance));
}

/** "Alla närvarande": every row without a status becomes present; rows already marked keep their mark. */
export function markAllPresent(rows: readonly RollCallRowValues[]): RollCallRowValues[] {
  return rows.map((row) => (row.status === '' ? { ...row, status: 'present' } : row));
}

/** Whether a row says something other than its saved record (only the fields its status keeps count). */
export function isRowChanged(row: RollCallRowValues, record: AttendanceRecord | null): boolean {
  if (record === null) return row.status !== '';
  if (row.status !== record.status) return true;
  if (row.status === 'late') return row.lateMinutes.trim() !== String(record.lateMinutes ?? '');
  if (row.status === 'absent') {
    if (row.absenceReason !== (record.absenceReason ?? '')) return true;
    return row.absenceReason === 'other' && row.reasonText.trim() !== (record.reasonText ?? '');
  }
  return false;
}

/** Whole minutes as typed; anything else is NaN so that the schema names the field. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The rows that changed since `base` was read, each against the version read. `enrolmentIds` says whose row
 * each index is, so that errors at rows.N.field find their way back to the participant.
 */
export function toRollCallInput(
  rows: readonly RollCallRowValues[],
  base: RollCall,
): { input: RollCallInput; enrolmentIds: string[] } {
  const records = new Map(base.rows.map((r) => [r.enrolmentId, r.attendance]));
  const changed = rows.filter(
    (row) => row.status !== '' && isRowChanged(row, records.get(row.enrolmentId) ?? null),
  );
  return {
    input: {
      rows: changed.map((row) => {
        const status = row.status as AttendanceStatus;
        const reason = status === 'absent' && row.absenceReason !== '' ? row.absenceReason : null;
        return {
          enrolmentId: row.enrolmentId,
          status,
          lateMinutes: status === 'late' ? parseMinutes(row.lateMinutes) : null,
          absenceReason: reason,
          reasonText: reason === 'other' ? row.reasonText : null,
          version: records.get(row.enrolmentId)?.version ?? null,
        };
      }),
    },
    enrolmentIds: changed.map((row) => row.enrolmentId),
  };
}

/**
 * After a conflict: rows the user left as they were read take what is saved now; rows the user changed keep
 * what was typed (the next save applies them on the versions now current). New members are added.
 */
export function rebaseRows(
  typed: readonly RollCallRowValues[],
  base: RollCall,
  current: RollCall,
): RollCallRowValues[] {
  const before = new Map(base.rows.map((r) => [r.enrolmentId, r.attendance]));
  const mine = new Map(typed.map((row) => [row.enrolmentId, row]));
  return current.rows.map((r) => {
    const row = mine.get(r.enrolmentId);
    if (row && isRowChanged(row, before.get(r.enrolmentId) ?? null)) return row;
    return rowFromRecord(r.enrolmentId, r.attendance);
  });
}

/** The rows someone else saved between `base` and `current`. */
export function changedByOthers(base: RollCall, current: RollCall): RollCall['rows'] {
  const before = new Map(base.rows.map((r) => [r.enrolmentId, r.attendance?.version ?? null]));
  return current.rows.filter(
    (r) => r.attendance !== null && r.attendance.version !== (before.get(r.enrolmentId) ?? null),
  );
}

/** The row index and field of an error path such as rows.2.lateMinutes, by the ids of the rows sent. */
export function rowFieldOf(
  path: string,
  enrolmentIds: readonly string[],
): { enrolmentId: string; field: string } | null {
  const match = /^rows\.(\d+)\.(\w+)/.exec(path);
  if (!match) return null;
  const enrolmentId = enrolmentIds[Number(match[1])];
  return enrolmentId ? { enrolmentId, field: match[2] as string } : null;
}
