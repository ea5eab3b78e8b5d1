import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DataProblemCode, MonthStatus } from '../../../core/schemas/funder-report.schema.ts';
import { formatDate } from '../../components/format.ts';

/** The participant page's tab where a problem found by the check is corrected. */
export type FixTab = 'oversikt' | 'inskrivning' | 'samtycke';

const fixTabs: Record<DataProblemCode, FixTab> = {
  no_personal_identity_number: 'oversikt',
  no_birth_date: 'oversikt',
  unknown_legal_gender: 'oversikt',
  no_education_level: 'oversikt',
  no_labour_market_status: 'inskrivning',
  no_funder_reporting_consent: 'samtycke',
  start_outside_programme: 'inskrivning',
  exit_outside_programme: 'inskrivning',
};

export function fixTabOf(problem: DataProblemCode): FixTab {
  return fixTabs[problem];
}

/** The tabs where a participant's problems are corrected, each once, in the order the problems come. */
export function fixLinks(participantId: string, problems: readonly DataProblemCode[]) {
  return [...new Set(problems.map(fixTabOf))].map((tab) => ({
    tab,
    href: `/deltagare/${participantId}?flik=${tab}`,
  }));
}

/** The badge's tone; the text always says the state, so colour is never the only sign. */
export const monthStatusTone: Record<MonthStatus, string> = {
  not_due: 'neutral',
  not_submitted: 'warning',
  submitted: 'success',
  changed: 'error',
  resubmit: 'error',
};

export type MonthState = {
  status: MonthStatus;
  lastSubmission?: { submittedAt: string } | null;
  becauseOf?: string | null;
};

/** A month's state in words: "Inskickad 2026-02-03", "Skicka in igen (p.g.a. ändring i 2026-01)". */
export function monthStatusText(t: TFunction, { status, lastSubmission, becauseOf }: MonthState): string {
  if (status === 'submitted')
    return lastSubmission
      ? t('funderReports.monthStatus.submitted', { date: formatDate(lastSubmission.submittedAt) })
      : t('funderReports.submittedUndated');
  if (status === 'resubmit')
    return becauseOf
      ? t('funderReports.monthStatus.resubmit', { month: becauseOf })
      : t('funderReports.resubmitUndated');
  return t(`funderReports.monthStatus.${status}`);
}

/** Numbers as the user's language writes them: hours with two decimals, amounts in kronor. */
export function useReportFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const hours = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK' });
  return {
    hours: (value: number) => hours.format(value),
    money: (value: number) => money.format(value),
  };
}
