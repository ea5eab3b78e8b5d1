import type { FastifyReply } from 'fastify';
import type { AbsenceReason, AttendanceStatus } from '../../../core/enums.ts';
import type { DeviationReport, MonthlyAttendance } from '../../../core/schemas/activity.schema.ts';
import { csvMediaType, type ExportRow, exportDate, toCsv, toXlsx, xlsxMediaType } from '../../lib/export.ts';

// The monthly attendance and the deviation report as files for Swedish spreadsheets. The headers and labels
// are the export's user interface, so they are Swedish here like the UI's own strings.

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { filename: string; mediaType: string; content: string | Buffer };

const statusLabels: Record<AttendanceStatus, string> = {
  present: 'Närvarande',
  late: 'Sen ankomst',
  absent: 'Frånvarande',
};

const reasonLabels: Record<AbsenceReason, string> = {
  ill: 'Sjuk',
  sick_child: 'Vård av barn',
  authority_appointment: 'Myndighetsbesök',
  other: 'Annat skäl',
  none: 'Utan giltigt skäl',
};

const monthlyHeaders = [
  'Efternamn',
  'Förnamn',
  'Datum',
  'Aktivitet',
  'Start',
  'Slut',
  'Planerad tid (min)',
  'Närvarotid (min)',
  'Närvaro',
  'Frånvaroorsak',
  'Avvikelse',
];

const deviationHeaders = [
  'Efternamn',
  'Förnamn',
  'Datum',
  'Aktivitet',
  'Förväntad start',
  'Förväntat slut',
  'Frånvarotid (min)',
  'Avvikelse',
  'Orsak',
  'Förklaring',
];

/** One row per session and a last row with the month's totals. */
export async function monthlyAttendanceFile(
  data: MonthlyAttendance,
  person: { firstName: string; lastName: string },
  format: ExportFormat,
): Promise<ExportFile> {
  const rows: ExportRow[] = data.days.map((d) => [
    person.lastName,
    person.firstName,
    exportDate(d.date),
    d.activityName,
    d.startTime,
    d.endTime,
    d.plannedMinutes,
    d.attendedMinutes,
    d.status ? statusLabels[d.status] : 'Ej registrerad',
    d.absenceReason ? reasonLabels[d.absenceReason] : null,
    d.deviation ? 'Ja' : 'Nej',
  ]);
  rows.push([
    person.lastName,
    person.firstName,
    null,
    'Summa',
    null,
    null,
    data.plannedMinutes,
    data.attendedMinutes,
    null,
    null,
    null,
  ]);
  return file(`narvaro-${data.month}-${filenamePart(person.lastName)}`, `Närvaro ${data.month}`, format, {
    headers: monthlyHeaders,
    rows,
  });
}

export async function deviationReportFile(
  report: DeviationReport,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows: ExportRow[] = report.rows.map((r) => [
    r.lastName,
    r.firstName,
    exportDate(r.date),
    r.activityName,
    r.expectedStart,
    r.expectedEnd,
    r.absentMinutes,
    statusLabels[r.status],
    r.absenceReason ? reasonLabels[r.absenceReason] : null,
    r.reasonText,
  ]);
  return file(`avvikelser-${report.month}`, `Avvikelser ${report.month}`, format, {
    headers: deviationHeaders,
    rows,
  });
}

async function file(
  basename: string,
  sheetName: string,
  format: ExportFormat,
  table: { headers: string[]; rows: ExportRow[] },
): Promise<ExportFile> {
  if (format === 'csv') {
    return {
      filename: `${basename}.csv`,
      mediaType: csvMediaType,
      content: toCsv(table.headers, table.rows),
    };
  }
  return {
    filename: `${basename}.xlsx`,
    mediaType: xlsxMediaType,
    content: await toXlsx(sheetName, table.headers, table.rows),
  };
}

/** A name as a safe, plain file-name part: Öberg → oberg, "O'Neil-Å" → o-neil-a. */
export function filenamePart(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return plain || 'deltagare';
}

/** A Content-Disposition value; file names are plain ASCII (see filenamePart), so no quoting is needed. */
/** Sends an export as a download; JSON answers go through the response schema as usual. */
export function sendExport<T extends object>(reply: FastifyReply, result: T | ExportFile) {
  if ('filename' in result && 'content' in result) {
    return reply
      .header('content-disposition', attachment(result.filename))
      .type(result.mediaType)
      .send(result.content);
  }
  return result as T;
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
