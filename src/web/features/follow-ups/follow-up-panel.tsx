import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import {
  type ContactMethod,
  contactMethods,
  type FollowUpStatus,
  followUpStatuses,
} from '../../../core/enums.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import {
  type FollowUp,
  type FollowUpAttempt,
  type FollowUpAttemptInput,
  type FollowUpResultInput,
  followUpAttemptInput,
  followUpResultInput,
} from '../../../core/schemas/follow-up.schema.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAddAttempt, useRecordResult } from './follow-ups.queries.ts';

/** The follow-up of an exited enrolment: due date, result, contact attempts, and the forms to record them. */
export function FollowUpPanel({
  enrolment,
  followUp,
  mayWrite,
}: {
  enrolment: Enrolment;
  followUp: FollowUp;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const overdue = followUp.status === null && followUp.dueOn < todayInSweden();
  const columns: Column<FollowUpAttempt>[] = [
    {
      key: 'date',
      header: t('field.attemptedOn'),
      isRowHeader: true,
      cell: (a) => formatDate(a.attemptedOn),
    },
    {
      key: 'contactMethod',
      header: t('field.contactMethod'),
      cell: (a) => t(`contactMethod.${a.contactMethod}`),
    },
    {
      key: 'reached',
      header: t('field.reached'),
      cell: (a) => (a.reached ? t('followUps.reachedYes') : t('followUps.reachedNo')),
    },
    { key: 'note', header: t('field.note'), cell: (a) => a.note ?? '' },
    { key: 'by', header: t('followUps.attemptedBy'), cell: (a) => a.attemptedBy },
  ];
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('followUps.sectionHeading')}: {enrolment.programmeName}
      </h3>
      <dl className="description-list">
        <div className="description-item">
          <dt>{t('enrolments.exitedOn')}</dt>
          <dd>
            {formatDate(enrolment.exitedOn)}
            {enrolment.exitOutcome ? ` – ${t(`exitOutcome.${enrolment.exitOutcome}`)}` : ''}
            {enrolment.exitOrganisation ? `, ${enrolment.exitOrganisation}` : ''}
          </dd>
        </div>
        <div className="description-item">
          <dt>{t('followUps.columns.due')}</dt>
          <dd>
            {formatDate(followUp.dueOn)}{' '}
            {overdue ? <span className="badge badge-warning">{t('followUps.overdue')}</span> : null}
          </dd>
        </div>
        <div className="description-item">
          <dt>{t('followUps.result')}</dt>
          <dd>
            {followUp.status ? t(`followUpStatus.${followUp.status}`) : t('followUps.notRecorded')}
            {followUp.organisation ? `, ${followUp.organisation}` : ''}
            {followUp.recordedOn && followUp.recordedBy ? (
              <span className="cell-note">
                {t('followUps.recordedBy', {
                  date: formatDate(followUp.recordedOn),
                  name: followUp.recordedBy,
                })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <h4>{t('followUps.attemptsHeading')}</h4>
      <DataTable
        caption={t('followUps.attemptsCaption')}
        captionHidden
        columns={columns}
        rows={followUp.attempts}
        rowKey={(a) => a.id}
        emptyText={t('followUps.noAttempts')}
      />
      {mayWrite ? (
        <>
          <AttemptForm participantId={enrolment.participantId} followUp={followUp} />
          <ResultForm participantId={enrolment.participantId} followUp={followUp} />
        </>
      ) : null}
    </section>
  );
}

function AttemptForm({ participantId, followUp }: { participantId: string; followUp: FollowUp }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddAttempt(participantId);
  const form = useFormFailure(locale);
  const formId = `attempt-${followUp.id}`;
  const idFor = (name: string) => fieldDomId(formId, name);
  const [attemptedOn, setAttemptedOn] = useState(todayInSweden());
  const [contactMethod, setContactMethod] = useState<string>('phone');
  const [reached, setReached] = useState(false);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const input: FollowUpAttemptInput = {
      attemptedOn,
      contactMethod: contactMethod as ContactMethod,
      reached,
      note,
    };
    const parsed = followUpAttemptInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    setSaved(false);
    add.mutate(
      { followUpId: followUp.id, ...input },
      {
        onSuccess: () => {
          form.clear();
          setNote('');
          setSaved(true);
        },
        onError: form.fromError,
      },
    );
  }

  return (
    <div className="stack">
      <h4 id={`${formId}-heading`}>{t('followUps.addAttempt')}</h4>
      {saved ? (
        <Notice tone="success" live>
          {t('followUps.attemptSaved')}
        </Notice>
      ) : null}
      <ErrorSummary failure={form.failure} fieldId={(field) => idFor(field)} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <DateInputField
          id={idFor('attemptedOn')}
          label={t('field.attemptedOn')}
          error={form.errorFor('attemptedOn')}
          value={attemptedOn}
          onChange={setAttemptedOn}
          isRequired
        />
        <SelectField
          id={idFor('contactMethod')}
          label={t('field.contactMethod')}
          error={form.errorFor('contactMethod')}
          value={contactMethod}
          onChange={setContactMethod}
          options={contactMethods.map((m) => ({ value: m, label: t(`contactMethod.${m}`) }))}
          isRequired
        />
        <CheckboxField
          id={idFor('reached')}
          label={t('followUps.reachedLabel')}
          isSelected={reached}
          onChange={setReached}
        />
        <TextInputField
          id={idFor('note')}
          label={t('field.note')}
          error={form.errorFor('note')}
          value={note}
          onChange={setNote}
        />
        <div className="form-actions">
          <SubmitButton isPending={add.isPending}>{t('followUps.addAttemptSubmit')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function ResultForm({ participantId, followUp }: { participantId: string; followUp: FollowUp }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordResult(participantId);
  const form = useFormFailure(locale);
  const formId = `result-${followUp.id}`;
  const idFor = (name: string) => fieldDomId(formId, name);
  const [status, setStatus] = useState<string>(followUp.status ?? '');
  const [organisation, setOrganisation] = useState(followUp.organisation ?? '');
  const [recordedOn, setRecordedOn] = useState(followUp.recordedOn ?? todayInSweden());
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const input: FollowUpResultInput = {
      status: (status || undefined) as FollowUpStatus,
      organisation,
      recordedOn,
      version: followUp.version,
    };
    const parsed = followUpResultInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    setSaved(false);
    record.mutate(
      { followUpId: followUp.id, ...input },
      {
        onSuccess: () => {
          form.clear();
          setSaved(true);
        },
        onError: form.fromError,
      },
    );
  }

  return (
    <div className="stack">
      <h4 id={`${formId}-heading`}>{t('followUps.resultHeading')}</h4>
      {saved ? (
        <Notice tone="success" live>
          {t('followUps.resultSaved')}
        </Notice>
      ) : null}
      <ErrorSummary failure={form.failure} fieldId={(field) => idFor(field)} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
        <SelectField
          id={idFor('status')}
          label={t('followUps.result')}
          description={t('followUps.unreachableHint')}
          error={form.errorFor('status')}
          value={status}
          onChange={setStatus}
          placeholder={t('common.choose')}
          options={followUpStatuses.map((s) => ({ value: s, label: t(`followUpStatus.${s}`) }))}
          isRequired
        />
        <TextInputField
          id={idFor('organisation')}
          label={t('field.organisation')}
          error={form.errorFor('organisation')}
          value={organisation}
          onChange={setOrganisation}
        />
        <DateInputField
          id={idFor('recordedOn')}
          label={t('field.recordedOn')}
          error={form.errorFor('recordedOn')}
          value={recordedOn}
          onChange={setRecordedOn}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={record.isPending}>{t('followUps.resultSubmit')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
