import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { dashboardQuery } from '../../../core/schemas/dashboard.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { DateInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import type { DashboardParams } from './dashboard.queries.ts';

const formId = 'dashboard-filters';
const idFor = (field: string) => fieldDomId(formId, field);

type Values = Required<Record<keyof DashboardParams, string>>;

const valuesOf = (params: DashboardParams, data: Dashboard | undefined): Values => ({
  from: params.from ?? data?.filters.from ?? '',
  to: params.to ?? data?.filters.to ?? '',
  centreId: params.centreId ?? '',
  municipality: params.municipality ?? '',
  targetGroup: params.targetGroup ?? '',
});

/**
 * The dashboard's filters: programme (applied at once, as the other choices depend on it), then period, centre,
 * municipality and target group, applied together. Everything lives in the address, so a view can be shared.
 */
export function DashboardFilters({
  programmes,
  programmeId,
  params,
  data,
  onProgramme,
  onApply,
}: {
  programmes: readonly { id: string; name: string }[];
  programmeId: string;
  params: DashboardParams;
  data: Dashboard | undefined;
  onProgramme: (id: string) => void;
  onApply: (params: DashboardParams) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { failure, fromIssues, errorFor, clear } = useFormFailure(locale);
  const [values, setValues] = useState<Values>(() => valuesOf(params, data));
  const key = JSON.stringify(params);
  const loadedPeriod = `${data?.filters.from}/${data?.filters.to}`;
  // Follow the address (back and forward) and the period the server filled in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and loadedPeriod stand for params and data.
  useEffect(() => setValues(valuesOf(params, data)), [key, loadedPeriod]);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = dashboardQuery.safeParse(
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    );
    if (!parsed.success) {
      fromIssues(parsed.error.issues);
      return;
    }
    clear();
    onApply(parsed.data);
  }

  const choices = data?.choices;
  return (
    <section className="panel" aria-labelledby="dashboard-filters-heading">
      <h2 id="dashboard-filters-heading">{t('dashboard.filtersHeading')}</h2>
      <SelectField
        id={idFor('programme')}
        label={t('dashboard.programme')}
        value={programmeId}
        onChange={onProgramme}
        options={programmes.map((p) => ({ value: p.id, label: p.name }))}
      />
      <form id={formId} onSubmit={submit} noValidate>
        {failure ? <ErrorSummary failure={failure} fieldId={idFor} /> : null}
        <div className="filter-row">
          <DateInputField
            id={idFor('from')}
            label={t('field.from')}
            value={values.from}
            onChange={(from) => set({ from })}
            error={errorFor('from')}
          />
          <DateInputField
            id={idFor('to')}
            label={t('field.to')}
            value={values.to}
            onChange={(to) => set({ to })}
            error={errorFor('to')}
          />
          <SelectField
            id={idFor('centreId')}
            label={t('field.centreId')}
            value={values.centreId}
            onChange={(centreId) => set({ centreId })}
            options={(choices?.centres ?? []).map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('dashboard.allCentres')}
          />
          <SelectField
            id={idFor('municipality')}
            label={t('field.municipality')}
            description={t('dashboard.municipalityHint')}
            value={values.municipality}
            onChange={(municipality) => set({ municipality })}
            options={(choices?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name }))}
            placeholder={t('dashboard.allMunicipalities')}
          />
          <SelectField
            id={idFor('targetGroup')}
            label={t('field.targetGroup')}
            value={values.targetGroup}
            onChange={(targetGroup) => set({ targetGroup })}
            options={(choices?.targetGroups ?? []).map((g) => ({ value: g.kind, label: g.name }))}
            placeholder={t('dashboard.allTargetGroups')}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" className="button button-primary">
            {t('dashboard.apply')}
          </Button>
          <Button
            className="button button-secondary"
            onPress={() => {
              clear();
              // Without a period of its own, the figures on screen already show the default one.
              setValues(valuesOf({}, params.from || params.to ? undefined : data));
              onApply({});
            }}
          >
            {t('dashboard.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
