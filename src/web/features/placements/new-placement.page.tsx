import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { can } from '../../../core/permissions.ts';
import type { Opening } from '../../../core/schemas/employer.schema.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { placementInput } from '../../../core/schemas/placement.schema.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { usePlan } from '../action-plans/action-plans.queries.ts';
import { useActivities } from '../activities/activities.queries.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { EmployerComboBox } from '../employers/employer-combobox.tsx';
import { useEmployer } from '../employers/employers.queries.ts';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { useLeaderOptions } from '../groups/leader-options.ts';
import { ScheduleFieldset, scheduleErrorTarget, useScheduleRowsNamed } from '../groups/schedule-fieldset.tsx';
import { useOpening, useOpeningList } from '../openings/openings.queries.ts';
import { useParticipant } from '../participants/participants.queries.ts';
import {
  blankChoicesAsMissing,
  emptyPlacementValues,
  type PlacementFormValues,
  placementFieldPath,
  toPlacementInput,
} from './placement-form-values.ts';
import { useCreatePlacement } from './placements.queries.ts';

const formId = 'placement-new';
const idFor = (path: string) => fieldDomId(formId, path);

/**
 * A new internship placement for a participant (?deltagare=), from an opening (?plats=) or at an employer
 * chosen here. Its weekly days become the participant's schedule and roll calls.
 */
export function NewPlacementPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const participantId = params.get('deltagare') ?? '';
  const openingId = params.get('plats') ?? '';
  const participant = useParticipant(participantId, participantId !== '');
  const opening = useOpening(openingId, openingId !== '');
  const enrolments = useEnrolments(participantId, participantId !== '');

  const header = <PageHeader title={t('newPlacement.title')} />;
  if (!can(user.role, 'placement.write')) {
    return (
      <>
        {header}
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }
  if (participantId === '') {
    return (
      <>
        {header}
        <Notice>{t('newPlacement.startFromParticipant')}</Notice>
      </>
    );
  }
  const failed = [participant, enrolments, ...(openingId ? [opening] : [])].find((q) => q.isError);
  if (failed) {
    return (
      <>
        {header}
        <ErrorState error={failed.error} onRetry={() => failed.refetch()} />
      </>
    );
  }
  if (!participant.data || !enrolments.data || (openingId && !opening.data)) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  const mine = new Set(user.centres.map((c) => c.id));
  const active = enrolments.data.items.filter((e) => !e.exitedOn && mine.has(e.centreId));
  if (active.length === 0) {
    return (
      <>
        {header}
        <Notice tone="warning">{t('newPlacement.noActiveEnrolment')}</Notice>
        <p>
          <Link to={`/deltagare/${participantId}?flik=inskrivning`}>{t('newPlacement.toEnrolments')}</Link>
        </p>
      </>
    );
  }
  return (
    <NewPlacementForm
      participant={participant.data}
      enrolments={active}
      opening={openingId ? (opening.data ?? null) : null}
    />
  );
}

function NewPlacementForm({
  participant,
  enrolments,
  opening,
}: {
  participant: ParticipantDetail;
  enrolments: Enrolment[];
  opening: Opening | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const collator = useCollator();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreatePlacement();
  const form = useFormFailure(locale);
  const today = todayInSweden();
  const [values, setValues] = useState<PlacementFormValues>(() =>
    emptyPlacementValues({
      enrolmentId: enrolments.length === 1 ? (enrolments[0]?.id ?? '') : '',
      employer: opening
        ? { id: opening.employerId, name: opening.employerName, organisationNumber: '' }
        : null,
      openingId: opening?.id ?? '',
      startsOn: opening?.startsOn && opening.startsOn > today ? opening.startsOn : '',
    }),
  );
  const set = (patch: Partial<PlacementFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const enrolment = enrolments.find((e) => e.id === values.enrolmentId);
  const employerId = values.employer?.id ?? '';
  const employer = useEmployer(employerId, employerId !== '');
  const openings = useOpeningList(
    { employerId, kind: 'internship', status: 'open', page: 1, pageSize: 100 },
    employerId !== '' && !opening,
  );
  const activities = useActivities(enrolment?.programmeId ?? '', enrolment !== undefined);
  const plan = usePlan(values.enrolmentId, values.enrolmentId !== '');
  const leaderOptions = useLeaderOptions(enrolment?.centreId ?? '');

  const internshipActivities = (activities.data?.items ?? []).filter(
    (a) => a.active && a.type === 'internship',
  );
  const activityOptions = internshipActivities
    .map((a) => ({ value: a.id, label: a.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  // Where there is one obvious choice, it is made: the only internship activity, the user as responsible.
  const activityId =
    values.activityId || (internshipActivities.length === 1 ? (internshipActivities[0]?.id ?? '') : '');
  const responsibleId =
    values.responsibleId || (leaderOptions.some((o) => o.value === user.id) ? user.id : '');
  const supervisorOptions = (employer.data?.contacts ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.id, label: c.title ? `${c.name}, ${c.title}` : c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const openingOptions = opening
    ? [{ value: opening.id, label: opening.title }]
    : (openings.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }));
  const goalOptions = (plan.data?.goals ?? [])
    .filter((g) => g.status === 'planned' || g.status === 'in_progress')
    .map((g) => ({ value: g.id, label: `${t(`goalTerm.${g.term}`)}: ${g.description}` }));

  const summaryFailure = useScheduleRowsNamed(form.failure);
  const fieldError = (path: string) => form.failure?.fields.find((f) => f.field === path)?.message;
  const fieldId = (field: string) => {
    const path = placementFieldPath(field);
    if (!path) return undefined;
    return path.startsWith('schedule') ? scheduleErrorTarget(formId, values.schedule, path) : idFor(path);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const chosen = { ...values, activityId, responsibleId };
    const input = toPlacementInput(chosen);
    const parsed = placementInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(blankChoicesAsMissing(parsed.error.issues, chosen));
      return;
    }
    create.mutate(input, {
      onSuccess: (placement) => navigate(`/praktik/${placement.id}`, { state: { notice: 'created' } }),
      onError: form.fromError,
    });
  }

  const noContacts = employer.data !== undefined && supervisorOptions.length === 0;
  return (
    <>
      <PageHeader
        title={t('newPlacement.title')}
        lead={
          <>
            <Link to={`/deltagare/${participant.id}?flik=platser`}>
              <bdi>{personName(participant)}</bdi>
            </Link>
            {opening ? ` – ${opening.title}, ${opening.employerName}` : null}
          </>
        }
      />
      <ErrorSummary failure={summaryFailure} fieldId={fieldId} />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('newPlacement.title')}>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newPlacement.whereSection')}</legend>
          <SelectField
            id={idFor('enrolmentId')}
            label={t('newPlacement.enrolment')}
            error={form.errorFor('enrolmentId')}
            value={values.enrolmentId}
            onChange={(enrolmentId) => set({ enrolmentId, activityId: '', responsibleId: '', goalIds: [] })}
            placeholder={t('common.choose')}
            options={enrolments.map((e) => ({ value: e.id, label: `${e.programmeName}, ${e.centreName}` }))}
            isRequired
          />
          {opening ? (
            <p>
              <span className="field-label">{t('field.employerId')}: </span>
              <Link to={`/arbetsgivare/${opening.employerId}`}>
                <bdi>{opening.employerName}</bdi>
              </Link>
            </p>
          ) : (
            <EmployerComboBox
              id={idFor('employerId')}
              label={t('field.employerId')}
              error={form.errorFor('employerId')}
              value={values.employer}
              onChange={(choice) => set({ employer: choice, openingId: '', supervisorId: '' })}
              isRequired
            />
          )}
          <SelectField
            id={idFor('openingId')}
            label={t('field.openingId')}
            description={opening ? undefined : t('newPlacement.openingHint')}
            error={form.errorFor('openingId')}
            value={values.openingId}
            onChange={(openingId) => set({ openingId })}
            placeholder={opening ? undefined : t('newPlacement.noOpening')}
            options={openingOptions}
            isDisabled={employerId === ''}
          />
          <SelectField
            id={idFor('supervisorId')}
            label={t('field.supervisorId')}
            description={
              employerId === ''
                ? t('newPlacement.chooseEmployerFirst')
                : noContacts
                  ? t('newPlacement.noContacts')
                  : t('newPlacement.supervisorHint')
            }
            error={form.errorFor('supervisorId')}
            value={values.supervisorId}
            onChange={(supervisorId) => set({ supervisorId })}
            placeholder={t('common.choose')}
            options={supervisorOptions}
            isDisabled={employerId === '' || noContacts}
            isRequired
          />
          {noContacts ? (
            <p>
              <Link to={`/arbetsgivare/${employerId}`}>{t('newPlacement.toEmployer')}</Link>
            </p>
          ) : null}
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newPlacement.howSection')}</legend>
          <SelectField
            id={idFor('activityId')}
            label={t('field.activityId')}
            description={
              enrolment && activities.data && activityOptions.length === 0
                ? t('newPlacement.noInternshipActivity')
                : t('newPlacement.activityHint')
            }
            error={form.errorFor('activityId')}
            value={activityId}
            onChange={(id) => set({ activityId: id })}
            placeholder={t('common.choose')}
            options={activityOptions}
            isDisabled={!enrolment}
            isRequired
          />
          <SelectField
            id={idFor('responsibleId')}
            label={t('field.responsibleId')}
            description={t('newPlacement.responsibleHint')}
            error={form.errorFor('responsibleId')}
            value={responsibleId}
            onChange={(id) => set({ responsibleId: id })}
            placeholder={t('common.choose')}
            options={leaderOptions}
            isDisabled={!enrolment}
            isRequired
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
              description={
                enrolment ? t('newPlacement.endsOnHint', { date: enrolment.plannedEndOn }) : undefined
              }
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
          hint={t('newPlacement.scheduleHint')}
        />
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newPlacement.tasksSection')}</legend>
          <TextInputField
            id={idFor('tasks')}
            label={t('field.tasks')}
            description={t('newPlacement.tasksHint')}
            error={form.errorFor('tasks')}
            value={values.tasks}
            onChange={(tasks) => set({ tasks })}
            multiline
            isRequired
          />
          <CheckboxGroupField
            id={idFor('goalIds')}
            label={t('field.goalIds')}
            description={
              values.enrolmentId === ''
                ? t('newPlacement.chooseEnrolmentFirst')
                : plan.data && goalOptions.length === 0
                  ? t('newPlacement.noGoals')
                  : t('newPlacement.goalsHint')
            }
            error={form.errorFor('goalIds')}
            value={values.goalIds}
            onChange={(goalIds) => set({ goalIds })}
            options={goalOptions}
          />
        </fieldset>
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('newPlacement.submit')}</SubmitButton>
          <Link
            to={opening ? `/platser/${opening.id}` : `/deltagare/${participant.id}?flik=platser`}
            className="button button-secondary"
          >
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
