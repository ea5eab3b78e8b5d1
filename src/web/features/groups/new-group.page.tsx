import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { isoWeekdays } from '../../../core/schedule.ts';
import { groupInput } from '../../../core/schemas/activity.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, type FormFailure, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import { useActivities } from '../activities/activities.queries.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import {
  emptyGroupValues,
  emptySlot,
  type GroupFormValues,
  groupFieldPath,
  type SlotValues,
  toGroupInput,
} from './group-form-values.ts';
import { useCreateGroup } from './groups.queries.ts';
import { useLeaderOptions } from './leader-options.ts';
import { useWeekdayName } from './weekday-name.ts';

const formId = 'group-new';
const blankChoices = ['activityId', 'centreId', 'leaderId'] as const;
type BlankChoice = (typeof blankChoices)[number];
const idFor = (path: string) => fieldDomId(formId, path);
// Schedule controls are named by the row's key, not its place, so an id stays with its row after a removal.
const slotId = (key: string, control: 'weekday' | 'startTime' | 'endTime' | 'remove') =>
  idFor(`slot.${key}.${control}`);

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
  const weekdayName = useWeekdayName();

  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

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
  const weekdayOptions = isoWeekdays.map((d) => ({ value: String(d), label: weekdayName(d) }));

  // "Starttid måste fyllas i" alone could be any row, so the summary names the row.
  const summaryFailure = useMemo<FormFailure | null>(() => {
    if (!form.failure) return null;
    return {
      ...form.failure,
      fields: form.failure.fields.map((f) => {
        const [top, index] = f.field.split('.');
        if (top !== 'schedule' || index === undefined || !/^\d+$/.test(index)) return f;
        return { ...f, message: `${t('newGroup.slotLegend', { number: Number(index) + 1 })}: ${f.message}` };
      }),
    };
  }, [form.failure, t]);
  const fieldError = (path: string) => form.failure?.fields.find((f) => f.field === path)?.message;
  const fieldId = (field: string) => {
    const path = groupFieldPath(field);
    if (!path) return undefined;
    const [top, index, leaf] = path.split('.');
    if (top === 'schedule' && index !== undefined) {
      const key = values.schedule[Number(index)]?.key;
      return key ? slotId(key, leaf as 'weekday') : idFor('addSlot');
    }
    return top === 'schedule' ? idFor('addSlot') : idFor(path);
  };
  const setSlot = (index: number, patch: Partial<SlotValues>) =>
    set({ schedule: values.schedule.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

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

  const scheduleError = fieldError('schedule');
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
        <fieldset
          className="form-section"
          aria-describedby={['group-new-schedule-hint', scheduleError ? 'group-new-schedule-error' : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend className="form-section-title">{t('field.schedule')}</legend>
          <p id="group-new-schedule-hint" className="field-description">
            {t('newGroup.scheduleHint')}
          </p>
          {scheduleError ? (
            <p id="group-new-schedule-error" className="field-error">
              {scheduleError}
            </p>
          ) : null}
          <ol className="plain-list stack">
            {values.schedule.map((slot, index) => {
              const legend = t('newGroup.slotLegend', { number: index + 1 });
              return (
                <li key={slot.key}>
                  <fieldset className="panel">
                    <legend className="field-label">{legend}</legend>
                    <div className="field-row">
                      <SelectField
                        id={slotId(slot.key, 'weekday')}
                        label={t('field.weekday')}
                        error={fieldError(`schedule.${index}.weekday`) ?? fieldError(`schedule.${index}`)}
                        value={slot.weekday}
                        onChange={(weekday) => setSlot(index, { weekday })}
                        placeholder={t('common.choose')}
                        options={weekdayOptions}
                        isRequired
                      />
                      <TextInputField
                        id={slotId(slot.key, 'startTime')}
                        label={t('field.startTime')}
                        description={t('common.timeHint')}
                        error={fieldError(`schedule.${index}.startTime`)}
                        value={slot.startTime}
                        onChange={(startTime) => setSlot(index, { startTime })}
                        width="short"
                        autoComplete="off"
                        isRequired
                      />
                      <TextInputField
                        id={slotId(slot.key, 'endTime')}
                        label={t('field.endTime')}
                        description={t('common.timeHint')}
                        error={fieldError(`schedule.${index}.endTime`)}
                        value={slot.endTime}
                        onChange={(endTime) => setSlot(index, { endTime })}
                        width="short"
                        autoComplete="off"
                        isRequired
                      />
                    </div>
                    {values.schedule.length > 1 ? (
                      <Button
                        className="button button-secondary button-small"
                        onPress={() => {
                          set({ schedule: values.schedule.filter((_, i) => i !== index) });
                          setFocusTarget(idFor('addSlot'));
                        }}
                      >
                        {t('programmeForm.removeRow')}
                        <span className="visually-hidden"> {legend}</span>
                      </Button>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {values.schedule.length < 14 ? (
            <Button
              id={idFor('addSlot')}
              className="button button-secondary"
              onPress={() => {
                const slot = emptySlot();
                set({ schedule: [...values.schedule, slot] });
                setFocusTarget(slotId(slot.key, 'weekday'));
              }}
            >
              {t('newGroup.addSlot')}
            </Button>
          ) : null}
        </fieldset>
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
