import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { groupInput } from '../../../core/schemas/activity.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { useActivities } from '../activities/activities.queries.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { emptyGroupValues, type GroupFormValues, groupFieldPath, toGroupInput } from './group-form-values.ts';
import { useCreateGroup } from './groups.queries.ts';
import { useLeaderOptions } from './leader-options.ts';
import { ScheduleFieldset, scheduleErrorTarget, useScheduleRowsNamed } from './schedule-fieldset.tsx';

const formId = 'group-new';
const blankChoices = ['activityId', 'centreId', 'leaderId'] as const;
type BlankChoice = (typeof blankChoices)[number];
const idFor = (path: string) => fieldDomId(formId, path);

/** A new group: activity, centre, leader, period and weekly schedule; the server generates its sessions. */
export function NewGroupPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!can(user.role, 'group.manage')) {
    return (
      <>
        <PageHeader title={t('newGroup.title')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }
  return <NewGroupForm />;
}

function NewGroupForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const collator = useCollator();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateGroup();
  const form = useFormFailure(locale);
  const [values, setValues] = useState<GroupFormValues>(() =>
    emptyGroupValues(user.centres.length === 1 ? (user.centres[0]?.id ?? '') : ''),
  );
  const set = (patch: Partial<GroupFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const programmes = useProgrammes();
  const activities = useActivities(values.programmeId);
  const leaderOptions = useLeaderOptions(values.centreId);

  const myCentreIds = new Set(user.centres.map((c) => c.id));
  const programmeOptions = (programmes.data?.items ?? [])
    .filter((p) => p.centres.some((c) => myCentreIds.has(c.id)))
    .map((p) => ({ value: p.id, label: p.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const programme = programmes.data?.items.find((p) => p.id === values.programmeId);
  const centreOptions = user.centres
    .filter((c) => !programme || programme.centres.some((pc) => pc.id === c.id))
    .map((c) => ({ value: c.id, label: c.name }));
  const activityOptions = (activities.data?.items ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`activityType.${a.type}`)})` }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const summaryFailure = useScheduleRowsNamed(form.failure);
  const fieldError = (path: string) => form.failure?.fields.find((f) => f.field === path)?.message;
  const fieldId = (field: string) => {
    const path = groupFieldPath(field);
    if (!path) return undefined;
    return path.startsWith('schedule') ? scheduleErrorTarget(formId, values.schedule, path) : idFor(path);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input = toGroupInput(values);
    const parsed = groupInput.safeParse(input);
    if (!parsed.success) {
      // An id the schema finds malformed is, for a choice left blank, simply missing.
      form.fromIssues(
        parsed.error.issues.map((issue) => {
          const [field] = issue.path;
          return issue.path.length === 1 &&
            blankChoices.includes(field as BlankChoice) &&
            values[field as BlankChoice] === ''
            ? customIssue(String(field), 'required')
            : issue;
        }),
      );
      return;
    }
    create.mutate(input, {
      onSuccess: (group) => navigate(`/grupper/${group.id}`, { state: { notice: 'created' } }),
      onError: form.fromError,
    });
  }

  return (
    <>
      <PageHeader title={t('newGroup.title')} lead={t('newGroup.lead')} />
      <ErrorSummary failure={summaryFailure} fieldId={fieldId} />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('newGroup.title')}>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newGroup.activitySection')}</legend>
          <SelectField
            id={idFor('programmeId')}
            label={t('newGroup.programme')}
            description={programmes.isError ? t('common.unexpectedError') : undefined}
            value={values.programmeId}
            onChange={(programmeId) => set({ programmeId, activityId: '' })}
            placeholder={t('common.choose')}
            options={programmeOptions}
            isRequired
          />
          <SelectField
            id={idFor('activityId')}
            label={t('field.activityId')}
            description={values.programmeId ? undefined : t('newGroup.chooseProgrammeFirst')}
            error={form.errorFor('activityId')}
            value={values.activityId}
            onChange={(activityId) => set({ activityId })}
            placeholder={t('common.choose')}
            options={activityOptions}
            isDisabled={values.programmeId === ''}
            isRequired
          />
          <SelectField
            id={idFor('centreId')}
            label={t('field.centreId')}
            error={form.errorFor('centreId')}
            value={values.centreId}
            onChange={(centreId) => set({ centreId, leaderId: '' })}
            placeholder={t('common.choose')}
            options={centreOptions}
            isRequired
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newGroup.groupSection')}</legend>
          <TextInputField
            id={idFor('name')}
            label={t('field.name')}
            description={t('newGroup.nameHint')}
            error={form.errorFor('name')}
            value={values.name}
            onChange={(name) => set({ name })}
            autoComplete="off"
            isRequired
          />
          <SelectField
            id={idFor('leaderId')}
            label={t('field.leaderId')}
            description={values.centreId ? t('newGroup.leaderHint') : t('newGroup.chooseCentreFirst')}
            error={form.errorFor('leaderId')}
            value={values.leaderId}
            onChange={(leaderId) => set({ leaderId })}
            placeholder={t('common.choose')}
            options={leaderOptions}
            isDisabled={values.centreId === ''}
            isRequired
          />
          <TextInputField
            id={idFor('room')}
            label={t('field.room')}
            error={form.errorFor('room')}
            value={values.room}
            onChange={(room) => set({ room })}
            width="medium"
            autoComplete="off"
          />
          <div className="field-row">
            <DateInputField
              id={idFor('startsOn')}
              label={t('field.startsOn')}
              error={form.errorFor('startsOn')}
              value={values.startsOn}
              onChange={(startsOn) => set({ startsOn })}
              isRequired
            />
            <DateInputField
              id={idFor('endsOn')}
              label={t('field.endsOn')}
              error={form.errorFor('endsOn')}
              value={values.endsOn}
              onChange={(endsOn) => set({ endsOn })}
              isRequired
            />
          </div>
        </fieldset>
        <ScheduleFieldset
          formId={formId}
          slots={values.schedule}
          onChange={(schedule) => set({ schedule })}
          fieldError={fieldError}
          hint={t('newGroup.scheduleHint')}
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('newGroup.submit')}</SubmitButton>
          <Link to="/grupper" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
