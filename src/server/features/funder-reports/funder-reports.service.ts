import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AccessWhat } from '../../../core/access-log.ts';
import { monthCount, monthsOf } from '../../../core/dashboard.ts';
import { todayInSweden } from '../../../core/dates.ts';
import { type LabourMarketStatus, labourMarketStatuses, legalGenders } from '../../../core/enums.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import {
  ageBandAt,
  cofinancingAmount,
  dataProblems,
  educationBandOf,
  exportBlocked,
  hoursOf,
  monthStatuses,
  reportedIdentityNumber,
} from '../../../core/funder-report.ts';
import { maxDashboardMonths } from '../../../core/schemas/dashboard.schema.ts';
import {
  ageBands,
  type Cofinancing,
  type CommonIndicators,
  type DataCheck,
  educationBands,
  type MonthlyFile,
  type MonthlyFileOverview,
  type monthlyFileQuery,
  type periodQuery,
} from '../../../core/schemas/funder-report.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import type { ExportFile } from '../attendance/attendance-export.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './funder-reports.repo.ts';
import { cofinancingExport, indicatorsExport, monthlyFileExport } from './funder-reports-export.ts';

type Format = z.output<typeof monthlyFileQuery>['format'];
type PeriodQuery = z.output<typeof periodQuery>;
type Row = MonthlyFile['rows'][number];

// The funder's reports name or count every participant of the programme, the protected included, so they are
// not narrowed to what the actor may see: they are for the programme managers of the programme's owner
// organisation only. `today` is a parameter so tests pin it.

/** Every month from the programme's start to this month, with its state towards Statistics Sweden. */
export async function monthlyOverview(
  db: Db,
  actor: Actor,
  programmeId: string,
  today: string = todayInSweden(),
): Promise<MonthlyFileOverview> {
  authorize(actor, 'funderReport.read');
  return db.transaction(
    async (tx) => {
      const programme = await loadProgramme(tx, actor, programmeId);
      const months = await readMonths(
        tx,
        programme,
        programme.startsOn.slice(0, 7),
        today.slice(0, 7),
        today,
      );
      return {
        programme: programmeSummary(programme),
        months: months.map((m) => ({
          month: m.month,
          status: m.status,
          started: m.enrolments.filter((e) => e.startsOn.startsWith(m.month)).length,
          ended: m.enrolments.filter((e) => e.exitedOn?.startsWith(m.month)).length,
          lastSubmission: m.lastSubmission
            ? {
                submittedAt: m.lastSubmission.submittedAt.toISOString(),
                submittedBy: m.lastSubmission.submittedBy,
                rowCount: m.lastSubmission.rowCount,
              }
            : null,
          becauseOf: m.becauseOf,
        })),
      };
    },
    // Only states and counts leave: no personal data, so no access-log rows and nothing to write.
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * A month's participant file: who started and who ended in the month. As JSON with its check, or as the file
 * (CSV or XLSX), which the programme may refuse while the check finds problems. Logs access to everyone in it.
 */
export async function monthlyFile(
  db: Db,
  actor: Actor,
  programmeId: string,
  month: string,
  format: Format,
  today: string = todayInSweden(),
): Promise<MonthlyFile | ExportFile> {
  authorize(actor, 'funderReport.read');
  // Repeatable read so the rows, their fingerprint and the states agree; not read only: the access log is
  // written in the same transaction.
  const file = await db.transaction(
    async (tx) => {
      const file = await readMonthlyFile(tx, actor, programmeId, month, today);
      if (format !== 'json' && file.check.blocked) throw new AppError('EXPORT_BLOCKED');
      await logMonth(
        tx,
        actor,
        file,
        format === 'json' ? 'funderReport.monthly' : 'funderReport.monthly.export',
      );
      return file.result;
    },
    { isolationLevel: 'repeatable read' },
  );
  return format === 'json' ? file : monthlyFileExport(file, format);
}

/**
 * Records that the month's file was sent to Statistics Sweden, as the actor saw it: the fingerprint sent must be
 * that of the rows now (else STALE_REPORT), the month must have ended and the check must not refuse it.
 */
export async function submitMonth(
  db: Db,
  actor: Actor,
  programmeId: string,
  month: string,
  fingerprint: string,
  today: string = todayInSweden(),
): Promise<MonthlyFile> {
  authorize(actor, 'funderReport.read');
  return db.transaction(
    async (tx) => {
      const before = await readMonthlyFile(tx, actor, programmeId, month, today);
      if (month >= today.slice(0, 7)) throw new AppError('MONTH_NOT_ENDED');
      if (fingerprint !== before.result.fingerprint) throw new AppError('STALE_REPORT');
      if (before.check.blocked) throw new AppError('EXPORT_BLOCKED');
      await repo.insertSubmission(tx, {
        programmeId,
        month,
        rowCount: before.result.rows.length,
        fingerprint,
        submittedBy: actor.userId,
      });
      const after = await readMonthlyFile(tx, actor, programmeId, month, today);
      await logMonth(tx, actor, after, 'funderReport.monthly.submit');
      return after.result;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** The common indicators of those who started in the period, counted in SQL, with the check of those people. */
export async function commonIndicators(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: PeriodQuery,
  today: string = todayInSweden(),
): Promise<CommonIndicators | ExportFile> {
  authorize(actor, 'funderReport.read');
  const report = await db.transaction(
    async (tx) => {
      const programme = await loadProgramme(tx, actor, programmeId);
      const period = periodOf(programme, query, today);
      const cells = await repo.indicatorCells(tx, programmeId, period);
      const starters = await repo.enrolmentsStartingOrEnding(tx, programmeId, period, 'starting');
      const check = checkOf(programme, starters);
      if (query.format !== 'json' && check.blocked) throw new AppError('EXPORT_BLOCKED');
      // Only counts leave, but the check names the people it finds problems with.
      await logAccess(
        tx,
        actor,
        uniqueTargets(
          starters.filter((s) => check.participants.some((p) => p.enrolmentId === s.enrolmentId)),
        ),
        'read',
        'funderReport.indicators.check',
      );
      const marginal = <K extends string>(keys: readonly K[], keyOf: (c: (typeof cells)[number]) => K) =>
        keys.map((key) => ({ key, counts: countsBy(cells.filter((c) => keyOf(c) === key)) }));
      return {
        ...period,
        total: countsBy(cells),
        byAgeBand: marginal(ageBands, (c) => c.ageBand),
        byEducation: marginal(educationBands, (c) => c.education),
        byLabourMarketStatus: marginal(
          [...labourMarketStatuses, 'unknown'] as (LabourMarketStatus | 'unknown')[],
          (c) => c.labourMarketStatus,
        ),
        cells: cells.toSorted(cellOrder),
        check,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
  return query.format === 'json' ? report : indicatorsExport(report, query.format);
}

/** Attended hours per month by legal gender at the programme's activities, times its hourly rate. */
export async function cofinancing(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: PeriodQuery,
  today: string = todayInSweden(),
): Promise<Cofinancing | ExportFile> {
  authorize(actor, 'funderReport.read');
  const report = await db.transaction(
    async (tx) => {
      const programme = await loadProgramme(tx, actor, programmeId);
      const period = periodOf(programme, query, today);
      if (monthCount(period) > maxDashboardMonths) throw fieldError('to', 'period_too_long');
      const minutes = await repo.attendedMinutesByMonth(tx, programmeId, period);
      const rate = programme.cofinancingHourlyRate;
      const sumOf = (rows: typeof minutes) => {
        const by = (g: (typeof legalGenders)[number]) =>
          rows.filter((r) => r.legalGender === g).reduce((sum, r) => sum + r.minutes, 0);
        const total = rows.reduce((sum, r) => sum + r.minutes, 0);
        // Minutes are summed exactly; hours and the amount are rounded once, here.
        return {
          hours: {
            female: hoursOf(by('female')),
            male: hoursOf(by('male')),
            unknown: hoursOf(by('unknown')),
            total: hoursOf(total),
          },
          amount: cofinancingAmount(total, rate),
        };
      };
      return {
        ...period,
        hourlyRate: rate,
        months: monthsOf(period).map((m) => ({
          month: m.month,
          ...sumOf(minutes.filter((r) => r.month === m.month)),
        })),
        total: sumOf(minutes),
      };
    },
    // Only sums leave: nothing to log.
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return query.format === 'json' ? report : cofinancingExport(report, query.format);
}

// ---------------------------------------------------------------- inside

/** The programme, for programme managers of its owner organisation only. */
async function loadProgramme(db: Executor, actor: Actor, programmeId: string): Promise<repo.ProgrammeRow> {
  const programme = await repo.findProgramme(db, programmeId);
  if (!programme) throw new AppError('NOT_FOUND');
  if (programme.ownerOrganisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
  return programme;
}

function programmeSummary(p: repo.ProgrammeRow): MonthlyFile['programme'] {
  return { id: p.id, name: p.name, funderProjectNumber: p.funderProjectNumber };
}

type MonthData = {
  month: string;
  enrolments: repo.ReportEnrolment[];
  rows: Row[];
  fingerprint: string;
  lastSubmission: repo.LastSubmission | null;
  status: MonthlyFile['status'];
  becauseOf: string | null;
};

/** The months from `first` to `last` (YYYY-MM) with their rows, fingerprints and states. */
async function readMonths(
  db: Executor,
  programme: repo.ProgrammeRow,
  first: string,
  last: string,
  today: string,
): Promise<MonthData[]> {
  if (last < first) return [];
  const calendar = monthsOf({ from: `${first}-01`, to: `${last}-01` }).map((m) => m.month);
  const period = { from: `${first}-01`, to: lastDayOf(last) };
  const byMonth = new Map<string, repo.ReportEnrolment[]>(calendar.map((m) => [m, []]));
  for (const e of await repo.enrolmentsStartingOrEnding(db, programme.id, period)) {
    const started = e.startsOn.slice(0, 7);
    const ended = e.exitedOn?.slice(0, 7);
    byMonth.get(started)?.push(e);
    if (ended && ended !== started) byMonth.get(ended)?.push(e);
  }
  const submissions = new Map((await repo.lastSubmissions(db, programme.id)).map((s) => [s.month, s]));
  const months = calendar.map((month) => {
    const rows = rowsOf(byMonth.get(month) ?? [], month);
    return { month, enrolments: byMonth.get(month) ?? [], rows, fingerprint: fingerprintOf(rows) };
  });
  const states = monthStatuses(
    months.map((m) => {
      const last = submissions.get(m.month);
      // A sent month naming someone since anonymised can never be made again as it was: what was sent stands,
      // and the anonymisation is no correction to send (the programme's hold date keeps data until the audit).
      const frozen = last !== undefined && m.enrolments.some((e) => e.anonymised);
      return {
        month: m.month,
        fingerprint: frozen ? last.fingerprint : m.fingerprint,
        lastSubmission: last ? { fingerprint: last.fingerprint, at: last.order } : null,
      };
    }),
    today.slice(0, 7),
  );
  return months.map((m, i) => ({
    ...m,
    lastSubmission: submissions.get(m.month) ?? null,
    status: states[i]?.status ?? 'not_due',
    becauseOf: states[i]?.becauseOf ?? null,
  }));
}

/** The month's file with its state, which depends on every earlier month of the programme. */
async function readMonthlyFile(
  db: Executor,
  actor: Actor,
  programmeId: string,
  month: string,
  today: string,
) {
  const programme = await loadProgramme(db, actor, programmeId);
  const startMonth = programme.startsOn.slice(0, 7);
  // A month's state depends on the earlier months; one not yet ended is not due whatever they are.
  const first = month < startMonth || month >= today.slice(0, 7) ? month : startMonth;
  const months = await readMonths(db, programme, first, month, today);
  const data = months.at(-1);
  if (!data) throw new Error('no month read');
  const check = checkOf(programme, data.enrolments, data.rows);
  const result: MonthlyFile = {
    programme: programmeSummary(programme),
    month,
    rows: data.rows,
    fingerprint: data.fingerprint,
    status: data.status,
    check,
  };
  return { result, check, enrolments: data.enrolments };
}

async function logMonth(
  db: Executor,
  actor: Actor,
  file: { enrolments: repo.ReportEnrolment[] },
  what: AccessWhat,
): Promise<void> {
  await logAccess(db, actor, uniqueTargets(file.enrolments), 'read', what);
}

function uniqueTargets(rows: readonly repo.ReportEnrolment[]) {
  const targets = new Map(rows.map((r) => [r.participantId, { id: r.participantId, centreId: r.centreId }]));
  return [...targets.values()];
}

/**
 * The file's rows: one per enrolment, the end date only when it falls in or before the month; ordered by the
 * date of the event in the month (the end for those who ended, else the start), then by identity number.
 */
function rowsOf(enrolments: readonly repo.ReportEnrolment[], month: string): Row[] {
  const monthEnd = lastDayOf(month);
  const rows = enrolments.map((e): Row => {
    const identity = e.anonymised ? { identityNumber: null, masked: false } : reportedIdentityNumber(e);
    return {
      enrolmentId: e.enrolmentId,
      participantId: e.protectedIdentity ? null : e.participantId,
      identityNumber: identity.identityNumber,
      masked: identity.masked,
      legalGender: e.legalGender,
      startsOn: e.startsOn,
      endsOn: e.exitedOn && e.exitedOn <= monthEnd ? e.exitedOn : null,
      ageBand: ageBandAt(e.birthDate, e.startsOn),
      education: educationBandOf(e.educationLevelCode),
      labourMarketStatus: e.labourMarketStatus,
    };
  });
  const eventOf = (r: Row) => r.endsOn ?? r.startsOn;
  return rows.sort(
    (a, b) =>
      compare(eventOf(a), eventOf(b)) ||
      compare(a.identityNumber, b.identityNumber) ||
      compare(a.enrolmentId, b.enrolmentId),
  );
}

/** Plain code-unit order, nulls last: the same on every machine, whatever its locale. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * SHA-256 of the rows as the file gives them, in a fixed order of fixed fields: any change to what the file says
 * changes it, and nothing else does.
 */
export function fingerprintOf(rows: readonly Row[]): string {
  const canonical = JSON.stringify(
    rows.map((r) => [
      r.identityNumber,
      r.masked,
      r.legalGender,
      r.startsOn,
      r.endsOn,
      r.ageBand,
      r.education,
      r.labourMarketStatus,
    ]),
  );
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function checkOf(
  programme: repo.ProgrammeRow,
  enrolments: readonly repo.ReportEnrolment[],
  rows?: readonly Row[],
): DataCheck {
  const order = rows ? new Map(rows.map((r, i) => [r.enrolmentId, i])) : null;
  const listed = enrolments
    // Nothing of an anonymised person can be completed any more: the check lists what someone can fix.
    .filter((e) => !e.anonymised)
    .map((e) => ({
      participantId: e.protectedIdentity ? null : e.participantId,
      enrolmentId: e.enrolmentId,
      // A protected person is shown by the masked number only.
      name: e.protectedIdentity
        ? (reportedIdentityNumber(e).identityNumber ?? 'Skyddad identitet')
        : `${e.firstName} ${e.lastName}`,
      problems: dataProblems(e, programme),
    }))
    .filter((p) => p.problems.length > 0);
  if (order) listed.sort((a, b) => (order.get(a.enrolmentId) ?? 0) - (order.get(b.enrolmentId) ?? 0));
  return {
    mode: programme.funderReportCheck,
    blocked: exportBlocked(programme.funderReportCheck, listed.length),
    participants: listed,
  };
}

function countsBy(cells: readonly { legalGender: (typeof legalGenders)[number]; count: number }[]) {
  const of = (g: (typeof legalGenders)[number]) =>
    cells.filter((c) => c.legalGender === g).reduce((sum, c) => sum + c.count, 0);
  const female = of('female');
  const male = of('male');
  const unknown = of('unknown');
  return { female, male, unknown, total: female + male + unknown };
}

/** Cells in the order of the enums: women before men, the youngest first, unknowns last. */
function cellOrder(a: CommonIndicators['cells'][number], b: CommonIndicators['cells'][number]): number {
  const statuses: readonly string[] = [...labourMarketStatuses, 'unknown'];
  return (
    legalGenders.indexOf(a.legalGender) - legalGenders.indexOf(b.legalGender) ||
    ageBands.indexOf(a.ageBand) - ageBands.indexOf(b.ageBand) ||
    educationBands.indexOf(a.education) - educationBands.indexOf(b.education) ||
    statuses.indexOf(a.labourMarketStatus) - statuses.indexOf(b.labourMarketStatus)
  );
}

function periodOf(programme: repo.ProgrammeRow, query: PeriodQuery, today: string) {
  const from = query.from ?? programme.startsOn;
  const to = query.to ?? (today < from ? from : today);
  // Only a given `to` can come before a default `from`; the query schema already compares two given ones.
  if (to < from) throw fieldError('to', 'end_before_start');
  return { from, to };
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
