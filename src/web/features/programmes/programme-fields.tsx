import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { funderReportCheckModes, targetGroupKinds } from '../../../core/enums.ts';
import type { FieldError } from '../../../core/messages.ts';
import { maxSteps, type OrganisationDetail } from '../../../core/schemas/programme.schema.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import type { FormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator } from '../../i18n/index.ts';
import {
  emptyStep,
  emptyTargetGroup,
  moveRow,
  type ProgrammeFormValues,
  programmeFieldNames,
  type StepValues,
  type TargetGroupValues,
} from './programme-form-values.ts';

/** The field a server or schema error belongs to, as a path the form has a control for. */
export function programmeFieldPath(field: string): string | undefined {
  const [top, index, leaf] = field.split('.');
  if (!top || !(programmeFieldNames as readonly string[]).includes(top)) return undefined;
  if ((top === 'targetGroups' || top === 'steps') && index !== undefined) {
    return leaf && leaf !== 'id' ? `${top}.${index}.${leaf}` : `${top}.${index}`;
  }
  return top;
}

/**
 * The failure as the error summary lists it: an error inside a target group or step names the row, as
 * "Namn måste fyllas i" alone could be any of several fields.
 */
export function useSummaryFailure(failure: FormFailure | null): FormFailure | null {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!failure) return null;
    return {
      ...failure,
      fields: failure.fields.map((f) => {
        const [top, index] = f.field.split('.');
        if (index === undefined || !/^\d+$/.test(index)) return f;
        const number = Number(index) + 1;
        if (top === 'targetGroups')
          return { ...f, message: `${t('programmeForm.targetGroupLegend', { number })}: ${f.message}` };
        if (top === 'steps')
          return { ...f, message: `${t('programmeForm.stepLegend', { number })}: ${f.message}` };
        return f;
      }),
    };
  }, [failure, t]);
}

type ProgrammeFieldsProps = {
  values: ProgrammeFormValues;
  onChange: (patch: Partial<ProgrammeFormValues>) => void;
  idFor: (path: string) => string;
  /** Field errors of the last attempt, from the schema or the server. */
  errors: readonly FieldError[];
  owner: { id: string; name: string };
  organisations: readonly OrganisationDetail[];
};

/** The fields of a programme, shared by the new-programme page and the edit form. */
export function ProgrammeFields({
  values,
  onChange,
  idFor,
  errors,
  owner,
  organisations,
}: ProgrammeFieldsProps) {
  const { t } = useTranslation();
  const collator = useCollator();
  // After adding, removing or moving a row, focus goes where the user can carry on.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // An error on a list (steps.3.name) belongs to that list's control; one on the list itself only to the list.
  const errorFor = (path: string) =>
    errors.find((e) => e.field === path || e.field.startsWith(`${path}.`))?.message;
  const exactErrorFor = (...paths: string[]) => errors.find((e) => paths.includes(e.field))?.message;

  const organisationOptions = useMemo(
    () =>
      organisations
        .filter((o) => o.id !== owner.id)
        .map((o) => ({ value: o.id, label: o.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [organisations, owner.id, collator],
  );
  const centreOptions = useMemo(
    () =>
      organisations
        .flatMap((o) =>
          o.centres.map((c) => ({
            value: c.id,
            label: t('programmeForm.centreOption', { centre: c.name, organisation: o.name }),
          })),
        )
        .sort((a, b) => collator.compare(a.label, b.label)),
    [organisations, collator, t],
  );
  const kindOptions = targetGroupKinds.map((kind) => ({ value: kind, label: t(`targetGroupKind.${kind}`) }));

  const text = (name: 'name' | 'funderProjectNumber' | 'goalDescription') => ({
    id: idFor(name),
    label: t(`field.${name}`),
    error: errorFor(name),
    value: values[name],
    onChange: (value: string) => onChange({ [name]: value }),
  });
  const number = (name: 'plannedParticipants' | 'goalPercent' | 'followUpDays' | 'retentionYears') => ({
    id: idFor(name),
    label: t(`field.${name}`),
    error: errorFor(name),
    value: values[name],
    onChange: (value: string) => onChange({ [name]: value }),
    inputMode: name === 'goalPercent' ? ('text' as const) : ('numeric' as const),
    width: 'short' as const,
    autoComplete: 'off',
    isRequired: name !== 'followUpDays',
  });

  const setGroup = (index: number, patch: Partial<TargetGroupValues>) =>
    onChange({ targetGroups: values.targetGroups.map((g, i) => (i === index ? { ...g, ...patch } : g)) });
  const setStep = (index: number, patch: Partial<StepValues>) =>
    onChange({ steps: values.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const moveStep = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    onChange({ steps: moveRow(values.steps, index, offset) });
    // Focus follows the step; at the top or bottom the other button takes it, as that one is then disabled.
    const atEnd = offset < 0 ? target === 0 : target === values.steps.length - 1;
    const sameWay = offset < 0 ? 'up' : 'down';
    const otherWay = offset < 0 ? 'down' : 'up';
    setFocusTarget(idFor(`steps.${target}.${atEnd ? otherWay : sameWay}`));
  };

  return (
    <>
      <fieldset className="form-section">
        <legend className="form-section-title">{t('programmeForm.factsSection')}</legend>
        <TextInputField {...text('name')} autoComplete="off" isRequired />
        <TextInputField
          {...text('funderProjectNumber')}
          description={t('programmeForm.funderProjectNumberHint')}
          width="medium"
          autoComplete="off"
        />
        <div className="field-row">
          <DateInputField
            id={idFor('startsOn')}
            label={t('field.startsOn')}
            error={errorFor('startsOn')}
            value={values.startsOn}
            onChange={(startsOn) => onChange({ startsOn })}
            isRequired
          />
          <DateInputField
            id={idFor('endsOn')}
            label={t('field.endsOn')}
            error={errorFor('endsOn')}
            value={values.endsOn}
            onChange={(endsOn) => onChange({ endsOn })}
            isRequired
          />
        </div>
        <TextInputField {...number('plannedParticipants')} />
        <TextInputField {...number('goalPercent')} description={t('programmeForm.goalPercentHint')} />
        <TextInputField
          {...text('goalDescription')}
          description={t('programmeForm.goalDescriptionHint')}
          multiline
          isRequired
        />
        <TextInputField {...number('followUpDays')} description={t('programmeForm.followUpDaysHint')} />
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('programmeForm.funderSection')}</legend>
        <TextInputField
          id={idFor('cofinancingHourlyRate')}
          label={t('field.cofinancingHourlyRate')}
          description={t('programmeForm.cofinancingHourlyRateHint')}
          error={errorFor('cofinancingHourlyRate')}
          value={values.cofinancingHourlyRate}
          onChange={(cofinancingHourlyRate) => onChange({ cofinancingHourlyRate })}
          inputMode="text"
          width="short"
          autoComplete="off"
        />
        <SelectField
          id={idFor('funderReportCheck')}
          label={t('field.funderReportCheck')}
          description={t('programmeForm.funderReportCheckHint')}
          error={errorFor('funderReportCheck')}
          value={values.funderReportCheck}
          onChange={(funderReportCheck) => onChange({ funderReportCheck })}
          options={funderReportCheckModes.map((mode) => ({
            value: mode,
            label: t(`funderReportCheckMode.${mode}`),
          }))}
          isRequired
        />
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('programmeForm.retentionSection')}</legend>
        <TextInputField {...number('retentionYears')} description={t('programmeForm.retentionYearsHint')} />
        <DateInputField
          id={idFor('holdUntil')}
          label={t('field.holdUntil')}
          description={t('programmeForm.holdUntilHint')}
          error={errorFor('holdUntil')}
          value={values.holdUntil}
          onChange={(holdUntil) => onChange({ holdUntil })}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">{t('programmeForm.partiesSection')}</legend>
        <div className="read-only-field">
          <p className="field-label">{t('programmeForm.owner')}</p>
          <p>{t('programmeForm.ownerNote', { name: owner.name })}</p>
        </div>
        <CheckboxGroupField
          id={idFor('organisationIds')}
          label={t('field.organisationIds')}
          description={t('programmeForm.organisationIdsHint')}
          error={errorFor('organisationIds')}
          value={values.organisationIds}
          onChange={(organisationIds) => onChange({ organisationIds })}
          options={organisationOptions}
        />
        <CheckboxGroupField
          id={idFor('centreIds')}
          label={t('field.centreIds')}
          description={t('programmeForm.centreIdsHint')}
          error={errorFor('centreIds')}
          value={values.centreIds}
          onChange={(centreIds) => onChange({ centreIds })}
          options={centreOptions}
          isRequired
        />
      </fieldset>

      <ListSection
        id={idFor('targetGroups')}
        legend={t('field.targetGroups')}
        hint={t('programmeForm.targetGroupsHint')}
        error={exactErrorFor('targetGroups')}
      >
        {values.targetGroups.map((group, index) => (
          <RowFieldset
            key={group.key}
            id={idFor(`targetGroups.${index}`)}
            legend={t('programmeForm.targetGroupLegend', { number: index + 1 })}
            error={exactErrorFor(`targetGroups.${index}`, `targetGroups.${index}.id`)}
          >
            <SelectField
              id={idFor(`targetGroups.${index}.kind`)}
              label={t('field.kind')}
              error={errorFor(`targetGroups.${index}.kind`)}
              value={group.kind}
              onChange={(kind) => setGroup(index, { kind })}
              options={kindOptions}
              placeholder={t('common.choose')}
              isRequired
            />
            <TextInputField
              id={idFor(`targetGroups.${index}.name`)}
              label={t('field.name')}
              error={errorFor(`targetGroups.${index}.name`)}
              value={group.name}
              onChange={(name) => setGroup(index, { name })}
              autoComplete="off"
              isRequired
            />
            <TextInputField
              id={idFor(`targetGroups.${index}.maxDurationMonths`)}
              label={t('field.maxDurationMonths')}
              error={errorFor(`targetGroups.${index}.maxDurationMonths`)}
              value={group.maxDurationMonths}
              onChange={(maxDurationMonths) => setGroup(index, { maxDurationMonths })}
              inputMode="numeric"
              width="short"
              autoComplete="off"
              isRequired
            />
            <div className="row-actions">
              <Button
                className="button button-secondary button-small"
                onPress={() => {
                  onChange({ targetGroups: values.targetGroups.filter((_, i) => i !== index) });
                  setFocusTarget(idFor('addTargetGroup'));
                }}
              >
                {t('programmeForm.removeRow')}
                <span className="visually-hidden">
                  {' '}
                  {t('programmeForm.targetGroupLegend', { number: index + 1 })}
                </span>
              </Button>
            </div>
          </RowFieldset>
        ))}
        {values.targetGroups.length < targetGroupKinds.length ? (
          <Button
            id={idFor('addTargetGroup')}
            className="button button-secondary"
            onPress={() => {
              onChange({ targetGroups: [...values.targetGroups, emptyTargetGroup()] });
              setFocusTarget(idFor(`targetGroups.${values.targetGroups.length}.kind`));
            }}
          >
            {t('programmeForm.addTargetGroup')}
          </Button>
        ) : null}
      </ListSection>

      <ListSection
        id={idFor('steps')}
        legend={t('field.steps')}
        hint={t('programmeForm.stepsHint', { max: maxSteps })}
        error={exactErrorFor('steps')}
      >
        {values.steps.map((step, index) => {
          const legend = t('programmeForm.stepLegend', { number: index + 1 });
          const hidden = <span className="visually-hidden"> {legend}</span>;
          return (
            <RowFieldset
              key={step.key}
              id={idFor(`steps.${index}`)}
              legend={legend}
              error={exactErrorFor(`steps.${index}`, `steps.${index}.id`)}
            >
              <TextInputField
                id={idFor(`steps.${index}.name`)}
                label={t('field.name')}
                error={errorFor(`steps.${index}.name`)}
                value={step.name}
                onChange={(name) => setStep(index, { name })}
                autoComplete="off"
                isRequired
              />
              <div className="row-actions">
                <Button
                  id={idFor(`steps.${index}.up`)}
                  className="button button-secondary button-small"
                  isDisabled={index === 0}
                  onPress={() => moveStep(index, -1)}
                >
                  {t('programmeForm.moveUp')}
                  {hidden}
                </Button>
                <Button
                  id={idFor(`steps.${index}.down`)}
                  className="button button-secondary button-small"
                  isDisabled={index === values.steps.length - 1}
                  onPress={() => moveStep(index, 1)}
                >
                  {t('programmeForm.moveDown')}
                  {hidden}
                </Button>
                <Button
                  className="button button-secondary button-small"
                  onPress={() => {
                    onChange({ steps: values.steps.filter((_, i) => i !== index) });
                    setFocusTarget(idFor('addStep'));
                  }}
                >
                  {t('programmeForm.removeRow')}
                  {hidden}
                </Button>
              </div>
            </RowFieldset>
          );
        })}
        {values.steps.length < maxSteps ? (
          <Button
            id={idFor('addStep')}
            className="button button-secondary"
            onPress={() => {
              onChange({ steps: [...values.steps, emptyStep()] });
              setFocusTarget(idFor(`steps.${values.steps.length}.name`));
            }}
          >
            {t('programmeForm.addStep')}
          </Button>
        ) : null}
      </ListSection>
    </>
  );
}

/** A section holding a list of rows; an error about the list as a whole shows under its legend. */
function ListSection({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      className="form-section"
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      data-invalid={error ? true : undefined}
    >
      <legend className="form-section-title">{legend}</legend>
      <p id={`${id}-hint`} className="field-description">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="stack">{children}</div>
    </fieldset>
  );
}

function RowFieldset({
  id,
  legend,
  error,
  children,
}: {
  id: string;
  legend: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset id={id} className="panel" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
