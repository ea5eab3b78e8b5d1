import type { SurveyQuestionKind } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import type { SurveyResults } from '../../../core/schemas/survey.schema.ts';
import { csvMediaType, type ExportRow, toCsv, toXlsx, xlsxMediaType } from '../../lib/export.ts';
import type { ExportFile } from '../attendance/attendance-export.ts';

const headers = ['Fråga', 'Frågetext', 'Typ', 'Svar', 'Antal', 'Andel (%)'];
const kindLabels: Record<SurveyQuestionKind, string> = {
  scale: 'Skala 1–5',
  yes_no: 'Ja eller nej',
  free_text: 'Fritext',
};

/**
 * The results as Swedish Excel reads them: one row per answer value with its count and share, the mean and the
 * shares of satisfied (4–5) and very satisfied (5) for a scale, and each free-text answer on a row of its own.
 */
export async function resultsFile(results: SurveyResults, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  // Too few answers: there is nothing to export that could not single someone out.
  if (results.withheld) throw new AppError('TOO_FEW_ANSWERS');
  const rows: ExportRow[] = results.questions.flatMap((q, index): ExportRow[] => {
    const lead = [index + 1, q.texts.sv ?? '', kindLabels[q.kind]] as const;
    const part = (count: number) => (q.answered === 0 ? null : Math.round((count * 1000) / q.answered) / 10);
    if (q.scale) {
      return [
        ...q.scale.counts.map((count, i) => [...lead, String(i + 1), count, part(count)]),
        [...lead, 'Nöjda (4–5)', q.scale.satisfied.numerator, q.scale.satisfied.percent],
        [...lead, 'Mycket nöjda (5)', q.scale.verySatisfied.numerator, q.scale.verySatisfied.percent],
        [...lead, 'Medelvärde', q.scale.mean, null],
      ];
    }
    if (q.yesNo) {
      return [
        [...lead, 'Ja', q.yesNo.yes.numerator, q.yesNo.yes.percent],
        [...lead, 'Nej', q.yesNo.no, part(q.yesNo.no)],
      ];
    }
    return (q.freeTexts ?? []).map((text) => [...lead, text, null, null]);
  });
  const basename = `enkat-${results.surveyId.slice(0, 8)}`;
  if (format === 'csv')
    return { filename: `${basename}.csv`, mediaType: csvMediaType, content: toCsv(headers, rows) };
  return {
    filename: `${basename}.xlsx`,
    mediaType: xlsxMediaType,
    content: await toXlsx('Enkätresultat', headers, rows),
  };
}
