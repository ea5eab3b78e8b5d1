import { accessWhatLabel } from '../../../core/access-log.ts';
import type { AccessAction, Role } from '../../../core/enums.ts';
import { roleLabels } from '../../../core/permissions.ts';
import { csvMediaType, type ExportRow, toCsv, toXlsx, xlsxMediaType } from '../../lib/export.ts';
import type { ExportFile } from '../attendance/attendance-export.ts';

// The access log as files for Swedish spreadsheets. Headers and labels are the export's user interface, so they
// are Swedish here, in the pages' own words for what was touched and for the roles.

const actionLabels: Record<AccessAction, string> = {
  read: 'Läste',
  create: 'Skapade',
  update: 'Ändrade',
  refused: 'Nekades',
};

/** The instant as Stockholm's wall-clock time, `YYYY-MM-DD HH:MM:SS`, as the log is read by people here. */
export function stockholmTime(at: Date): string {
  return at.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', hour12: false });
}

/** The participant as an export names them: masked as "skyddad identitet" when the viewer may not know them. */
export function participantLabel(entry: {
  participantName: string | null;
  protectedIdentity: boolean;
}): string {
  return entry.participantName ?? 'Skyddad identitet';
}

type UserEntry = {
  at: Date;
  role: string;
  centreName: string | null;
  action: string;
  what: string;
  participantName: string | null;
  protectedIdentity: boolean;
};

export async function userAccessLogFile(
  userName: string,
  format: 'csv' | 'xlsx',
  entries: readonly UserEntry[],
): Promise<ExportFile> {
  const headers = ['Tid', 'Deltagare', 'Åtgärd', 'Vad', 'Roll', 'Centrum'];
  const rows: ExportRow[] = entries.map((e) => [
    stockholmTime(e.at),
    participantLabel(e),
    actionLabels[e.action as AccessAction] ?? e.action,
    accessWhatLabel('sv', e.what),
    roleLabels.sv[e.role as Role] ?? e.role,
    e.centreName,
  ]);
  return exportFile('atkomstlogg-anvandare', `Åtkomst ${userName}`, format, headers, rows);
}

type ParticipantEntry = {
  at: Date;
  userName: string;
  role: string;
  centreName: string | null;
  action: string;
  what: string;
};

export async function participantAccessLogFile(
  format: 'csv' | 'xlsx',
  entries: readonly ParticipantEntry[],
): Promise<ExportFile> {
  const headers = ['Tid', 'Användare', 'Åtgärd', 'Vad', 'Roll', 'Centrum'];
  const rows: ExportRow[] = entries.map((e) => [
    stockholmTime(e.at),
    e.userName,
    actionLabels[e.action as AccessAction] ?? e.action,
    accessWhatLabel('sv', e.what),
    roleLabels.sv[e.role as Role] ?? e.role,
    e.centreName,
  ]);
  return exportFile('atkomstlogg-deltagare', 'Åtkomstlogg', format, headers, rows);
}

async function exportFile(
  basename: string,
  sheetName: string,
  format: 'csv' | 'xlsx',
  headers: string[],
  rows: ExportRow[],
): Promise<ExportFile> {
  if (format === 'csv')
    return { filename: `${basename}.csv`, mediaType: csvMediaType, content: toCsv(headers, rows) };
  return {
    filename: `${basename}.xlsx`,
    mediaType: xlsxMediaType,
    content: await toXlsx(sheetName, headers, rows),
  };
}
