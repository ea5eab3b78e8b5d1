import type { LabourMarketStatus, LegalGender } from '../../../core/enums.ts';
import type {
  AgeBand,
  Cofinancing,
  CommonIndicators,
  EducationBand,
  MonthlyFile,
} from '../../../core/schemas/funder-report.schema.ts';
import { csvMediaType, type ExportRow, exportDate, toCsv, toXlsx, xlsxMediaType } from '../../lib/export.ts';
import { type ExportFile, type ExportFormat, filenamePart } from '../attendance/attendance-export.ts';

// The funder's reports as files. Headers and labels are the files' user interface, so they are Swedish here like
// the UI's own strings. Names never appear in them: the monthly file identifies people by number (masked for the
// protected), the indicators and co-financing only count.

const genderLabels: Record<LegalGender, string> = { female: 'Kvinna', male: 'Man', unknown: 'Okänt' };

const ageBandLabels: Record<AgeBand, string> = {
  under_25: 'Under 25 år',
  from_25_to_54: '25–54 år',
  over_54: 'Över 54 år',
  unknown: 'Okänd',
};

const educationLabels: Record<EducationBand, string> = {
  isced_0_2: 'ISCED 0–2 förgymnasial',
  isced_3_4: 'ISCED 3–4 gymnasial',
  isced_5_8: 'ISCED 5–8 eftergymnasial',
  unknown: 'Okänd',
};

const statusLabels: Record<LabourMarketStatus | 'unknown', string> = {
  employed: 'Anställd eller egenföretagare',
  unemployed: 'Arbetslös',
  long_term_unemployed: 'Långtidsarbetslös',
  inactive_in_education: 'Inaktiv, i utbildning',
  inactive_not_in_education: 'Inaktiv, inte i utbildning',
  unknown: 'Okänd',
};

export const monthlyFileHeaders = [
  'Projektnummer',
  'Personnummer',
  'Kön',
  'Startdatum',
  'Slutdatum',
  'Åldersgrupp',
  'Utbildningsnivå (ISCED)',
  'Arbetsmarknadsstatus vid start',
];

export const indicatorHeaders = [
  'Kön',
  'Åldersgrupp',
  'Utbildningsnivå (ISCED)',
  'Arbetsmarknadsstatus vid start',
  'Antal deltagare',
];

export const cofinancingHeaders = [
  'Månad',
  'Timmar kvinnor',
  'Timmar män',
  'Timmar okänt kön',
  'Timmar totalt',
  'Timpris (kr)',
  'Belopp (kr)',
];

/** One row per enrolment that started or ended in the month, in the file's order. */
export async function monthlyFileExport(file: MonthlyFile, format: ExportFormat): Promise<ExportFile> {
  const project = file.programme.funderProjectNumber;
  const rows: ExportRow[] = file.rows.map((r) => [
    project,
    r.identityNumber,
    genderLabels[r.legalGender],
    exportDate(r.startsOn),
    r.endsOn ? exportDate(r.endsOn) : null,
    ageBandLabels[r.ageBand],
    educationLabels[r.education],
    r.labourMarketStatus ? statusLabels[r.labourMarketStatus] : null,
  ]);
  const name = `esf-manadsfil-${project ? `${filenamePart(project)}-` : ''}${file.month}`;
  return exportFile(name, `Månadsfil ${file.month}`, format, monthlyFileHeaders, rows);
}

/** The full cross-table: one row per combination that occurs. */
export async function indicatorsExport(report: CommonIndicators, format: ExportFormat): Promise<ExportFile> {
  const rows: ExportRow[] = report.cells.map((c) => [
    genderLabels[c.legalGender],
    ageBandLabels[c.ageBand],
    educationLabels[c.education],
    statusLabels[c.labourMarketStatus],
    c.count,
  ]);
  return exportFile(
    `esf-indikatorer-${report.from}-${report.to}`,
    `Indikatorer ${report.from}–${report.to}`,
    format,
    indicatorHeaders,
    rows,
  );
}

/** One row per month and a last row with the period's totals. */
export async function cofinancingExport(report: Cofinancing, format: ExportFormat): Promise<ExportFile> {
  const rows: ExportRow[] = report.months.map((m) => [
    m.month,
    m.hours.female,
    m.hours.male,
    m.hours.unknown,
    m.hours.total,
    report.hourlyRate,
    m.amount,
  ]);
  const t = report.total;
  rows.push([
    'Summa',
    t.hours.female,
    t.hours.male,
    t.hours.unknown,
    t.hours.total,
    report.hourlyRate,
    t.amount,
  ]);
  return exportFile(
    `esf-medfinansiering-${report.from}-${report.to}`,
    `Medfinansiering ${report.from}–${report.to}`,
    format,
    cofinancingHeaders,
    rows,
  );
}

async function exportFile(
  basename: string,
  sheetName: string,
  format: ExportFormat,
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
