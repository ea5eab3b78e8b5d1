import type { z } from 'zod';
import {
  type AttendanceMark,
  attendanceMarkProblem,
  attendedMinutes,
  isDeviation,
  minutesToHours,
  monthlyAttendance as summariseMonth,
} from '../../../core/attendance.ts';
import {
  civicOrientationLegalMinimumHours,
  civicOrientationProgress,
} from '../../../core/civic-orientation.ts';
import { todayInSweden } from '../../../core/dates.ts';
import { AppError } from '../../../core/errors.ts';
import { sessionMinutes } from '../../../core/schedule.ts';
import type {
  CivicOrientation,
  DeviationReport,
  deviationQuery,
  exportQuery,
  MonthlyAttendance,
  RollCall,
  rollCallInput,
} from '../../../core/schemas/activity.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type AccessTarget, logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as groups from '../groups/groups.service.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './attendance.repo.ts';
import { deviationReportFile, type ExportFile, monthlyAttendanceFile } from './attendance-export.ts';

type RollCallValues = z.output<typeof rollCallInput>;
type RowValues = RollCallValues['rows'][number];

/** The roll call of a session: its members on the day whom the actor may see, with their attendance. */
export async function getRollCall(db: Db, actor: Actor, sessionId: string): Promise<RollCall> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    await groups.loadSession(tx, actor, sessionId);
    const { rollCall, targets } = await readRollCall(tx, actor, sessionId);
    await logAccess(tx, actor, targets, 'read', 'attendance.rollCall');
    return rollCall;
  });
}

/** A save that lost to another: raised inside the transaction so that all of it rolls back. */
class StaleRow extends Error {}

/**
 * Saves the roll call, all rows or none. A row's version is the one read (null: there was no record); if
 * anyone saved that row since, nothing is saved and VERSION_CONFLICT carries the current roll call.
 * Sessions are recorded on or after their day, never ahead (SESSION_NOT_HELD_YET), and not when cancelled.
 */
export async function saveRollCall(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: RollCallValues,
): Promise<RollCall> {
  authorize(actor, 'attendance.write');
  try {
    return await db.transaction(async (tx) => {
      const { session } = await groups.loadSession(tx, actor, sessionId);
      if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED');
      if (session.sessionDate > todayInSweden()) throw new AppError('SESSION_NOT_HELD_YET');
      const members = new Map((await repo.rollCallRows(tx, actor, sessionId)).map((m) => [m.enrolmentId, m]));
      refuseInvalidRows(input.rows, members);
      // Withdrawn consent leaves the record read-only, its attendance too.
      if (input.rows.some((r) => members.get(r.enrolmentId)?.readOnly))
        throw new AppError('CONSENT_WITHDRAWN');
      const planned = sessionMinutes(session.startTime, session.endTime);
      // A fixed order of writes, so two saves of one session wait for each other instead of deadlocking.
      const rows = input.rows
        .toSorted((a, b) => (a.enrolmentId < b.enrolmentId ? -1 : 1))
        .map((row) => {
          const mark = markOf(row);
          const values: repo.AttendanceMark = {
            status: row.status,
            lateMinutes: mark.lateMinutes,
            absenceReason: mark.reason,
            reasonText: mark.reasonText,
            attendedMinutes: attendedMinutes(planned, mark),
            recordedBy: actor.userId,
          };
          return { enrolmentId: row.enrolmentId, version: row.version, mark: values };
        });
      // One statement for the updates and one for the new records: every row lands at its version, or none.
      const updates = rows.flatMap((r) => (r.version === null ? [] : [{ ...r, version: r.version }]));
      const inserts = rows.flatMap((r) =>
        r.version === null ? [{ sessionId, enrolmentId: r.enrolmentId, ...r.mark }] : [],
      );
      if ((await repo.updateAllVersioned(tx, sessionId, updates)) !== updates.length) throw new StaleRow();
      if ((await repo.insertAllIfAbsent(tx, inserts)) !== inserts.length) throw new StaleRow();
      const { rollCall, targets } = await readRollCall(tx, actor, sessionId);
      const changed = new Set(input.rows.map((r) => members.get(r.enrolmentId)?.participantId));
      await logAccess(
        tx,
        actor,
        targets.filter((t) => changed.has(t.id)),
        'update',
        'attendance.rollCall',
      );
      // The answer lists the others too.
      await logAccess(
        tx,
        actor,
        targets.filter((t) => !changed.has(t.id)),
        'read',
        'attendance.rollCall',
      );
      return rollCall;
    });
  } catch (error) {
    if (!(error instanceof StaleRow)) throw error;
    throw new AppError('VERSION_CONFLICT', { current: await getRollCall(db, actor, sessionId) });
  }
}

/**
 * A participant's month: every session held in it of the groups they were a member of on the day, with
 * planned and attended minutes (a session without a record is planned, not attended), as JSON or a file.
 */
export async function monthlyAttendance(
  db: Db,
  actor: Actor,
  participantId: string,
  query: z.output<typeof exportQuery>,
): Promise<MonthlyAttendance | ExportFile> {
  const { data, participant } = await db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const { from, to } = monthRange(query.month);
    const sessions = await repo.sessionsOfParticipant(tx, participantId, from, to);
    await logAccess(tx, actor, [participant], 'read', 'attendance.month');
    return { data: presentMonth(participantId, query.month, sessions), participant };
  });
  if (query.format === 'json') return data;
  return monthlyAttendanceFile(data, participant, query.format);
}

/**
 * The month's deviations for the employment service: each absence and each lateness over 15 minutes of the
 * participants of the actor's centres (or the one given) whom the actor may see.
 */
export async function deviationReport(
  db: Db,
  actor: Actor,
  query: z.output<typeof deviationQuery>,
): Promise<DeviationReport | ExportFile> {
  authorize(actor, 'participant.read');
  if (query.centreId && !actor.centreIds.includes(query.centreId)) throw new AppError('FORBIDDEN');
  const report = await db.transaction(async (tx) => {
    const { from, to } = monthRange(query.month);
    const centreIds = query.centreId ? [query.centreId] : actor.centreIds;
    const rows = (await repo.absencesAndLateness(tx, actor, centreIds, from, to)).filter((r) =>
      isDeviation(markOf(r)),
    );
    await logAccess(
      tx,
      actor,
      rows.map((r) => ({ id: r.participantId, centreId: r.centreId })).filter(unique),
      'read',
      'attendance.deviations',
    );
    return {
      month: query.month,
      rows: rows.map((r) => ({
        participantId: r.participantId,
        firstName: r.firstName,
        lastName: r.lastName,
        date: r.date,
        activityName: r.activityName,
        expectedStart: r.startTime,
        expectedEnd: r.endTime,
        absentMinutes: absentMinutes(r),
        status: r.status,
        absenceReason: r.absenceReason,
        reasonText: r.reasonText,
      })),
    };
  });
  if (query.format === 'json') return report;
  return deviationReportFile(report, query.format);
}

/** Hours of civic orientation attended, the parts covered and the languages, against minimum and target. */
export async function civicOrientation(
  db: Db,
  actor: Actor,
  participantId: string,
): Promise<CivicOrientation> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const rows = await repo.civicOrientationRows(tx, participantId);
    const target =
      (await repo.civicOrientationTarget(tx, participantId)) ?? civicOrientationLegalMinimumHours;
    await logAccess(tx, actor, [participant], 'read', 'attendance.civicOrientation');
    const attended = rows.filter((r) => r.status !== 'absent');
    const minutes = attended.reduce((sum, r) => sum + r.attendedMinutes, 0);
    const progress = civicOrientationProgress(
      minutesToHours(minutes),
      attended.flatMap((r) => r.civicAreas),
      target,
    );
    return {
      participantId,
      hours: progress.hours,
      legalMinimum: progress.legalMinimum,
      target: progress.target,
      metMinimum: progress.metMinimum,
      metTarget: progress.metTarget,
      areasCovered: progress.areasCovered,
      areasMissing: progress.areasMissing,
      deliveryLanguages: [...new Set(attended.map((r) => r.deliveryLanguage))].sort(),
      completed: progress.completed,
    };
  });
}

async function readRollCall(
  tx: Executor,
  actor: Actor,
  sessionId: string,
): Promise<{ rollCall: RollCall; targets: AccessTarget[] }> {
  const rows = await repo.rollCallRows(tx, actor, sessionId);
  const session = await groups.presentOneSession(tx, actor, sessionId);
  return {
    rollCall: {
      session,
      rows: rows.map((r) => ({
        enrolmentId: r.enrolmentId,
        participantId: r.participantId,
        firstName: r.firstName,
        lastName: r.lastName,
        protectedIdentity: r.protectedIdentity,
        attendance: r.attendance && {
          status: r.attendance.status,
          lateMinutes: r.attendance.lateMinutes,
          absenceReason: r.attendance.absenceReason,
          reasonText: r.attendance.reasonText,
          attendedMinutes: r.attendance.attendedMinutes,
          deviation: isDeviation(markOf(r.attendance)),
          recordedByName: r.recordedByName ?? '',
          version: r.attendance.version,
        },
      })),
    },
    targets: rows.map((r) => ({ id: r.participantId, centreId: r.centreId })).filter(unique),
  };
}

/** Rows for members the actor cannot see are refused like rows for strangers, so nothing leaks. */
function refuseInvalidRows(rows: readonly RowValues[], members: ReadonlyMap<string, unknown>): void {
  const fields: { code: 'custom'; path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const at = (field: string, message: string) =>
      fields.push({ code: 'custom', path: ['rows', index, field], message });
    if (!members.has(row.enrolmentId)) at('enrolmentId', 'not_group_member');
    else if (seen.has(row.enrolmentId)) at('enrolmentId', 'duplicate_row');
    seen.add(row.enrolmentId);
    // The database keeps a reason for absence only (lateness is told in minutes).
    if (row.status !== 'absent' && row.absenceReason !== null) at('absenceReason', 'not_allowed_for_status');
    else {
      const problem = attendanceMarkProblem(markOf(row));
      if (problem) at(problemField[problem][0], problemField[problem][1]);
    }
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

const problemField = {
  late_minutes_required: ['lateMinutes', 'required'],
  late_minutes_not_allowed: ['lateMinutes', 'not_allowed_for_status'],
  reason_required: ['absenceReason', 'required'],
  reason_not_allowed: ['absenceReason', 'not_allowed_for_status'],
  reason_text_required: ['reasonText', 'required'],
  reason_text_not_allowed: ['reasonText', 'not_allowed_for_status'],
} as const;

function markOf(row: {
  status: AttendanceMark['status'];
  lateMinutes: number | null;
  absenceReason: AttendanceMark['reason'];
  reasonText: string | null;
}): AttendanceMark {
  return {
    status: row.status,
    lateMinutes: row.lateMinutes,
    reason: row.absenceReason,
    reasonText: row.reasonText,
  };
}

function presentMonth(
  participantId: string,
  month: string,
  sessions: repo.ParticipantSessionRow[],
): MonthlyAttendance {
  const expected = sessions.map((s) => ({
    sessionDate: s.date,
    start: s.startTime,
    end: s.endTime,
    activityId: s.activityId,
    activityName: s.activityName,
    status: s.status,
    lateMinutes: s.lateMinutes,
    reason: s.absenceReason,
    reasonText: s.reasonText,
  }));
  const summary = summariseMonth(expected, month);
  return {
    participantId,
    month,
    days: sessions.map((s) => {
      const plannedMinutes = sessionMinutes(s.startTime, s.endTime);
      const mark = s.status === null ? null : markOf({ ...s, status: s.status });
      return {
        date: s.date,
        activityId: s.activityId,
        activityName: s.activityName,
        startTime: s.startTime,
        endTime: s.endTime,
        plannedMinutes,
        attendedMinutes: mark ? attendedMinutes(plannedMinutes, mark) : 0,
        status: s.status,
        absenceReason: s.absenceReason,
        deviation: mark ? isDeviation(mark) : false,
      };
    }),
    activities: summary.byActivity.map((a) => ({
      activityId: a.activityId,
      activityName: a.activityName,
      plannedMinutes: a.plannedMinutes,
      attendedMinutes: a.attendedMinutes,
    })),
    plannedMinutes: summary.plannedMinutes,
    attendedMinutes: summary.attendedMinutes,
  };
}

/** The time missed: the whole session when absent, the minutes late (at most the session) when late. */
function absentMinutes(row: Parameters<typeof markOf>[0] & { startTime: string; endTime: string }): number {
  const planned = sessionMinutes(row.startTime, row.endTime);
  return planned - attendedMinutes(planned, markOf(row));
}

/** The first and last day of a month given as YYYY-MM (already validated by the schema). */
function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

function unique(target: AccessTarget, index: number, all: readonly AccessTarget[]): boolean {
  return all.findIndex((t) => t.id === target.id) === index;
}
