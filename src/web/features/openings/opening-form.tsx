import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { openingKinds, openingStatuses } from '../../../core/enums.ts';
import { sfiCourses } from '../../../core/schemas/assessment.schema.ts';
import { type Opening, openingInput, openingUpdateInput } from '../../../core/schemas/employer.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useEducationLevelOptions, useMunicipalityOptions } from '../employers/reference-options.ts';
import { OccupationComboBox } from './occupation-combobox.tsx';
import {
  emptyOpeningValues,
  type OpeningFormValues,
  openingFieldNames,
  openingValues,
  toOpeningInput,
} from './opening-form-values.ts';
import { useCreateOpening, useUpdateOpening } from './openings.queries.ts';

const blankChoices = ['kind', 'status'] as const;

type OpeningFormProps =
  | {
      employerId: string;
      municipalityCode: string | null;
      opening?: undefined;
      onDone: (saved: boolean) => void;
    }
  | {
      employerId?: undefined;
      municipalityCode?: undefined;
      opening: Opening;
      onDone: (saved: boolean) => void;
    };

/** A new internship or job at an employer, or an opening edited against the version it was read at. */
export function OpeningForm({ employerId, municipalityCode, opening, onDone }: OpeningFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateOpening(employerId ?? '');
  const update = useUpdateOpening(opening?.id ?? '');
  const form = useFormFailure(locale);
  const municipalities = useMunicipalityOptions();
  const educationLevels = useEducationLevelOptions();
  const formId = opening ? `opening-${opening.id}` : 'opening-new';
  const idFor = (name: string) => fieldDomId(formId, name);
  const [values, setValues] = useState<OpeningFormValues>(() =>
    opening ? openingValues(opening) : emptyOpeningValues(municipalityCode ?? ''),
  );
  const [version, setVersion] = useState(opening?.version ?? 0);
  const [conflict, setConflict] = useState<Opening | null>(null);
  const set = (patch: Partial<OpeningFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const isPending = create.isPending || update.isPending;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const input = toOpeningInput(values);
    const parsed = opening
      ? openingUpdateInput.safeParse({ ...input, version })
      : openingInput.safeParse(input);
    if (!parsed.success) {
      // A choice left blank is missing, not an invalid choice.
      form.fromIssues(
        parsed.error.issues.map((issue) => {
          const [field] = issue.path;
          return issue.path.length === 1 &&
            blankChoices.includes(field as (typeof blankChoices)[number]) &&
            values[field as (typeof blankChoices)[number]] === ''
            ? customIssue(String(field), 'required')
            : issue;
        }),
      );
      return;
    }
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
        // Saving again now overwrites the newer version on purpose: the user has seen it.
        const current = error.current as Opening;
        setConflict(current);
        setVersion(current.version);
      }
      form.fromError(error);
    };
    if (opening) update.mutate({ ...input, version }, { onSuccess: () => onDone(true), onError });
    else create.mutate(input, { onSuccess: () => onDone(true), onError });
  }

  const headingId = `${formId}-heading`;
  const HeadingTag = opening ? 'h2' : 'h3';
  return (
    <section className={opening ? 'stack' : 'panel stack'} aria-labelledby={headingId}>
      <HeadingTag id={headingId} ref={heading} tabIndex={-1}>
        {opening ? t('opening.editHeading') : t('opening.newHeading')}
      </HeadingTag>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const top = field.split('.')[0] ?? '';
          return (openingFieldNames as readonly string[]).includes(top) ? idFor(top) : undefined;
        }}
      >
        {conflict ? (
          <p>
            {t('opening.conflictHelp', {
              status: t(`openingStatus.${conflict.status}`),
              places: conflict.places,
            })}
          </p>
        ) : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('opening.detailsSection')}</legend>
          <SelectField
            id={idFor('kind')}
            label={t('field.kind')}
            error={form.errorFor('kind')}
            value={values.kind}
            onChange={(kind) => set({ kind })}
            placeholder={t('common.choose')}
            options={openingKinds.map((k) => ({ value: k, label: t(`openingKind.${k}`) }))}
            isRequired
          />
          <TextInputField
            id={idFor('title')}
            label={t('field.title')}
            error={form.errorFor('title')}
            value={values.title}
            onChange={(title) => set({ title })}
            autoComplete="off"
            dir="auto"
            isRequired
          />
          <OccupationComboBox
            id={idFor('occupationCode')}
            label={t('field.occupationCode')}
            description={t('opening.occupationHint')}
            error={form.errorFor('occupationCode')}
            value={values.occupation}
            onChange={(occupation) => set({ occupation })}
            isRequired
          />
          <div className="field-row">
            <TextInputField
              id={idFor('places')}
              label={t('field.places')}
              error={form.errorFor('places')}
              value={values.places}
              onChange={(places) => set({ places })}
              inputMode="numeric"
              width="short"
              autoComplete="off"
              isRequired
            />
            <TextInputField
              id={idFor('hoursPerWeek')}
              label={t('field.hoursPerWeek')}
              error={form.errorFor('hoursPerWeek')}
              value={values.hoursPerWeek}
              onChange={(hoursPerWeek) => set({ hoursPerWeek })}
              inputMode="numeric"
              width="short"
              autoComplete="off"
            />
          </div>
          <DateInputField
            id={idFor('startsOn')}
            label={t('field.startsOn')}
            error={form.errorFor('startsOn')}
            value={values.startsOn}
            onChange={(startsOn) => set({ startsOn })}
          />
          <SelectField
            id={idFor('municipalityCode')}
            label={t('field.municipality')}
            error={form.errorFor('municipalityCode')}
            value={values.municipalityCode}
            onChange={(municipalityCode) => set({ municipalityCode })}
            placeholder={t('common.notGiven')}
            options={municipalities}
          />
          <SelectField
            id={idFor('status')}
            label={t('field.status')}
            error={form.errorFor('status')}
            value={values.status}
            onChange={(status) => set({ status })}
            options={openingStatuses.map((s) => ({ value: s, label: t(`openingStatus.${s}`) }))}
            isRequired
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('opening.requirementsSection')}</legend>
          <SelectField
            id={idFor('requiredSfiCourse')}
            label={t('field.requiredSfiCourse')}
            error={form.errorFor('requiredSfiCourse')}
            value={values.requiredSfiCourse}
            onChange={(requiredSfiCourse) => set({ requiredSfiCourse })}
            placeholder={t('opening.noSfiRequired')}
            options={sfiCourses.map((c) => ({ value: c, label: t(`sfiCourse.${c}`) }))}
          />
          <CheckboxField
            id={idFor('drivingLicenceRequired')}
            label={t('opening.drivingLicenceLabel')}
            isSelected={values.drivingLicenceRequired}
            onChange={(drivingLicenceRequired) => set({ drivingLicenceRequired })}
          />
          <SelectField
            id={idFor('requiredEducationLevelCode')}
            label={t('field.requiredEducationLevelCode')}
            error={form.errorFor('requiredEducationLevelCode')}
            value={values.requiredEducationLevelCode}
            onChange={(requiredEducationLevelCode) => set({ requiredEducationLevelCode })}
            placeholder={t('opening.noEducationRequired')}
            options={educationLevels}
          />
          <TextInputField
            id={idFor('requirements')}
            label={t('field.requirements')}
            error={form.errorFor('requirements')}
            value={values.requirements}
            onChange={(requirements) => set({ requirements })}
            dir="auto"
            multiline
          />
        </fieldset>
        <div className="form-actions">
          <SubmitButton isPending={isPending}>
            {conflict ? t('opening.saveAgain') : t('opening.save')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
