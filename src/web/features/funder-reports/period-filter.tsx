import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { periodQuery } from '../../../core/schemas/funder-report.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { DateInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import type { Period } from './funder-reports.queries.ts';

/**
 * A report's period: from and to, checked by the endpoint's own schema and applied to the address. Empty, the
 * server's default shows (the programme from its start), and the fields show what it chose.
 */
export function PeriodFilter({
  formId,
  period,
  loaded,
  onApply,
}: {
  formId: string;
  period: Period;
  /** The period the report on screen covers. */
  loaded: { from: string; to: string } | undefined;
  onApply: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { failure, fromIssues, errorFor, clear } = useFormFailure(locale);
  const idFor = (field: string) => fieldDomId(formId, field);
  const valuesOf = () => ({ from: period.from ?? loaded?.from ?? '', to: period.to ?? loaded?.to ?? '' });
  const [values, setValues] = useState(valuesOf);
  const key = `${period.from}/${period.to}/${loaded?.from}/${loaded?.to}`;
  // Follow the address (back and forward) and the period the server filled in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for period and loaded.
  useEffect(() => setValues(valuesOf()), [key]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = periodQuery.safeParse({ from: values.from || undefined, to: values.to || undefined });
    if (!parsed.success) {
      fromIssues(parsed.error.issues);
      return;
    }
    clear();
    onApply({ from: parsed.data.from, to: parsed.data.to });
  }

  return (
    <form id={formId} className="filters" onSubmit={submit} noValidate aria-label={t('funderReports.period')}>
      {failure ? <ErrorSummary failure={failure} fieldId={idFor} /> : null}
      <div className="filter-row">
        <DateInputField
          id={idFor('from')}
          label={t('field.from')}
          value={values.from}
          onChange={(from) => setValues((v) => ({ ...v, from }))}
          error={errorFor('from')}
        />
        <DateInputField
          id={idFor('to')}
          label={t('field.to')}
          value={values.to}
          onChange={(to) => setValues((v) => ({ ...v, to }))}
          error={errorFor('to')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" className="button button-primary">
          {t('funderReports.apply')}
        </Button>
        <Button
          className="button button-secondary"
          onPress={() => {
            clear();
            onApply({});
          }}
        >
          {t('funderReports.reset')}
        </Button>
      </div>
    </form>
  );
}
