import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { activityTypes } from '../../../core/enums.ts';
import { languageCodes } from '../../../core/languages.ts';
import { type Activity, activityInput, activityUpdateInput } from '../../../core/schemas/activity.schema.ts';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxField, CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { activityKeys, useCreateActivity, useUpdateActivity } from './activities.queries.ts';
import {
  type ActivityFormValues,
  activityFieldNames,
  activityValues,
  emptyActivityValues,
  toActivityInput,
} from './activity-form-values.ts';

/** Adds an activity to the catalogue, or edits one against the version it was read at. */
export function ActivityForm({
  programme,
  activity,
  onDone,
}: {
  programme: Programme;
  /** The activity to edit; none to add a new one. */
  activity?: Activity;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const collator = useCollator();
  const queryClient = useQueryClient();
  const create = useCreateActivity(programme.id);
  const update = useUpdateActivity(programme.id);
  const form = useFormFailure(locale);
  const formId = activity ? `activity-${activity.id}` : 'activity-new';
  const idFor = (path: string) => fieldDomId(formId, path);
  const [values, setValues] = useState<ActivityFormValues>(() =>
    activity ? activityValues(activity) : emptyActivityValues(),
  );
  const [version, setVersion] = useState(activity?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const set = (patch: Partial<ActivityFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const isPending = create.isPending || update.isPending;

  // The button that opened the form is gone: focus goes to the form's heading, so it is announced.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const input = toActivityInput(values);
    const parsed = (activity ? activityUpdateInput : activityInput).safeParse(
      activity ? { ...input, version } : input,
    );
    if (!parsed.success) {
      // A choice left blank is missing, not an invalid choice.
      form.fromIssues(
        parsed.error.issues.map((issue) =>
          issue.path.length === 1 && issue.path[0] === 'type' && values.type === ''
            ? customIssue('type', 'required')
            : issue,
        ),
      );
      return;
    }
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
        // Saving again now overwrites the newer version on purpose: the user has been told.
        setVersion((error.current as Activity).version);
        setConflict(true);
        void queryClient.invalidateQueries({ queryKey: activityKeys.list(programme.id) });
      }
      form.fromError(error);
    };
    if (activity) {
      update.mutate({ id: activity.id, ...input, version }, { onSuccess: () => onDone(true), onError });
    } else {
      create.mutate(input, { onSuccess: () => onDone(true), onError });
    }
  }

  const errorFor = form.errorFor;
  const headingId = `${formId}-heading`;
  const stepOptions = programme.steps.map((s) => ({ value: s.id, label: `${s.ordinal}. ${s.name}` }));
  const languageOptions = languageCodes
    .map((code) => ({ value: code, label: t(`language.${code}`) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {activity ? t('activities.editHeading', { name: activity.name }) : t('activities.addHeading')}
      </h3>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const top = field.split('.')[0] ?? '';
          return (activityFieldNames as readonly string[]).includes(top) ? idFor(top) : undefined;
        }}
      >
        {conflict ? <p>{t('activities.conflictHelp')}</p> : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={errorFor('name')}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          isRequired
        />
        <SelectField
          id={idFor('type')}
          label={t('field.type')}
          error={errorFor('type')}
          value={values.type}
          onChange={(type) => set({ type })}
          placeholder={t('common.choose')}
          options={activityTypes.map((type) => ({ value: type, label: t(`activityType.${type}`) }))}
          isRequired
        />
        <SelectField
          id={idFor('stepId')}
          label={t('field.stepId')}
          description={t('activities.stepHint')}
          error={errorFor('stepId')}
          value={values.stepId}
          onChange={(stepId) => set({ stepId })}
          placeholder={t('activities.noStep')}
          options={stepOptions}
        />
        <TextInputField
          id={idFor('plannedHours')}
          label={t('field.plannedHours')}
          error={errorFor('plannedHours')}
          value={values.plannedHours}
          onChange={(plannedHours) => set({ plannedHours })}
          inputMode="numeric"
          width="short"
          autoComplete="off"
          isRequired
        />
        <SelectField
          id={idFor('deliveryLanguage')}
          label={t('field.deliveryLanguage')}
          error={errorFor('deliveryLanguage')}
          value={values.deliveryLanguage}
          onChange={(deliveryLanguage) => set({ deliveryLanguage })}
          options={languageOptions}
          isRequired
        />
        <CheckboxField
          id={idFor('interpreter')}
          label={t('activities.interpreterLabel')}
          isSelected={values.interpreter}
          onChange={(interpreter) => set({ interpreter })}
        />
        <CheckboxGroupField
          id={idFor('mandatoryTargetGroupIds')}
          label={t('field.mandatoryTargetGroupIds')}
          description={t('activities.mandatoryHint')}
          error={errorFor('mandatoryTargetGroupIds')}
          value={values.mandatoryTargetGroupIds}
          onChange={(mandatoryTargetGroupIds) => set({ mandatoryTargetGroupIds })}
          options={programme.targetGroups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <TextInputField
          id={idFor('description')}
          label={t('field.description')}
          error={errorFor('description')}
          value={values.description}
          onChange={(description) => set({ description })}
          multiline
        />
        <CheckboxField
          id={idFor('active')}
          label={t('activities.activeLabel')}
          description={t('activities.activeHint')}
          isSelected={values.active}
          onChange={(active) => set({ active })}
        />
        <div className="form-actions">
          <SubmitButton isPending={isPending}>
            {conflict ? t('activities.saveAgain') : t('activities.save')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
