import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { absenceReasons, attendanceStatuses } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import { isoWeekday } from '../../../core/schedule.ts';
import { type RollCall, rollCallInput } from '../../../core/schemas/activity.schema.ts';
import { isApiError } from '../../api/client.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { type FormFailure, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useWeekdayName } from '../groups/weekday-name.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { attendanceKeys, useRollCall, useSaveRollCall } from './attendance.queries.ts';
import { formatMinutesAsHours } from './attendance-format.ts';
import { MarkText } from './mark-text.tsx';
import {
  changedByOthers,
  isRowChanged,
  markAllPresent,
  type RollCallRowValues,
  rebaseRows,
  rowFieldOf,
  rowsFromRollCall,
  toRollCallInput,
} from './roll-call-values.ts';

const formId = 'roll-call';
const rowDomId = (enrolmentId: string, field: string) => fieldDomId(formId, `${enrolmentId}.${field}`);

/** The roll call of one session: one row per participant, saved at once. */
export function RollCallPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const rollCall = useRollCall(sessionId);
  const title = t('attendance.rollCall.title');

  if (rollCall.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (rollCall.isError) {
    if (isApiError(rollCall.error) && rollCall.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={title} />
        <ErrorState error={rollCall.error} onRetry={() => rollCall.refetch()} />
      </>
    );
  }
  return <RollCallView key={sessionId} rollCall={rollCall.data} />;
}

function RollCallView({ rollCall }: { rollCall: RollCall }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const weekdayName = useWeekdayName();
  const { session } = rollCall;
  const today = todayInSweden();
  const heldYet = session.date <= today;
  const cancelled = session.status === 'cancelled';
  const mayWrite = can(user.role, 'attendance.write') && heldYet && !cancelled;

  const facts: DescriptionItem[] = [
    { key: 'activity', term: t('field.activityId'), value: session.activityName },
    {
      key: 'group',
      term: t('field.groupId'),
      value: <Link to={`/grupper/${session.groupId}`}>{session.groupName}</Link>,
    },
    {
      key: 'date',
      term: t('field.date'),
      value: `${weekdayName(isoWeekday(session.date))} ${session.date}`,
    },
    { key: 'time', term: t('sessions.time'), value: `${session.startTime}–${session.endTime}` },
    { key: 'room', term: t('field.room'), value: session.room ?? '' },
    { key: 'leader', term: t('field.leaderId'), value: session.leaderName },
  ];

  return (
    <>
      <PageHeader
        title={t('attendance.rollCall.title')}
        documentTitle={t('attendance.rollCall.documentTitle', {
          group: session.groupName,
          date: session.date,
        })}
        lead={t('attendance.rollCall.lead', {
          activity: session.activityName,
          group: session.groupName,
          date: session.date,
          time: `${session.startTime}–${session.endTime}`,
        })}
      >
        <div className="key-facts">
          <DescriptionList items={facts} emptyLabel={t('common.notGiven')} />
        </div>
      </PageHeader>
      {cancelled ? (
        <Notice tone="warning">
          {t('attendance.rollCall.cancelledNotice')}
          {session.cancelReason ? ` ${session.cancelReason}` : ''}
        </Notice>
      ) : null}
      {!heldYet && !cancelled ? (
        <Notice tone="info">{t('attendance.rollCall.notHeldNotice', { date: session.date })}</Notice>
      ) : null}
      {heldYet && !cancelled && !can(user.role, 'attendance.write') ? (
        <Notice tone="info">{t('attendance.rollCall.readOnlyNotice')}</Notice>
      ) : null}
      {rollCall.rows.length === 0 ? (
        <p className="empty">{t('attendance.rollCall.noMembers')}</p>
      ) : mayWrite ? (
        <RollCallForm rollCall={rollCall} />
      ) : (
        <RollCallList rollCall={rollCall} />
      )}
    </>
  );
}

/** The saved roll call, for those who may not record it or when it cannot be recorded. */
function RollCallList({ rollCall }: { rollCall: RollCall }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="roll-call-heading" className="stack">
      <h2 id="roll-call-heading">{t('attendance.rollCall.participantsHeading')}</h2>
      <ul className="plain-list roll-call-list">
        {rollCall.rows.map((row) => (
          <li key={row.enrolmentId} className="roll-call-row">
            <p className="roll-call-name">
              <bdi>{personName(row)}</bdi> {row.protectedIdentity ? <ProtectedIdentityMarker /> : null}
            </p>
            <SavedResult record={row.attendance} />
          </li>
        ))}
      </ul>
    </section>
  );
}

type Outcome = 'saved' | 'nothing' | null;

/**
 * Radio buttons per participant (arrows move within a row, Tab goes on), the minutes or the reason beside
 * them. On a version conflict what was typed stays, the others' saved rows are shown, and saving again
 * applies the typed rows on the versions now current.
 */
function RollCallForm({ rollCall }: { rollCall: RollCall }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const save = useSaveRollCall(rollCall.session.id);
  const form = useFormFailure(locale);
  const [base, setBase] = useState(rollCall);
  const [rows, setRows] = useState<RollCallRowValues[]>(() => rowsFromRollCall(rollCall));
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [conflict, setConflict] = useState<RollCall['rows'] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const headingId = `${formId}-heading`;
  const names = useMemo(() => new Map(base.rows.map((r) => [r.enrolmentId, personName(r)])), [base]);
  const unrecorded = rows.filter((r) => r.status === '').length;

  const errorAt = (enrolmentId: string, field: string): string | undefined => {
    const index = sentIds.indexOf(enrolmentId);
    return index < 0 ? undefined : form.errorFor(`rows.${index}.${field}`);
  };

  // Messages in the summary name the participant: "Amina Hassan: Minuter sen måste fyllas i".
  const summary = useMemo<FormFailure | null>(() => {
    if (!form.failure) return null;
    return {
      ...form.failure,
      fields: form.failure.fields.map((f) => {
        const at = rowFieldOf(f.field, sentIds);
        const name = at ? names.get(at.enrolmentId) : undefined;
        return name ? { ...f, message: t('attendance.rollCall.rowError', { name, message: f.message }) } : f;
      }),
    };
  }, [form.failure, sentIds, names, t]);

  function update(enrolmentId: string, patch: Partial<RollCallRowValues>) {
    setOutcome(null);
    setRows((current) => current.map((r) => (r.enrolmentId === enrolmentId ? { ...r, ...patch } : r)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const { input, enrolmentIds } = toRollCallInput(rows, base);
    setSentIds(enrolmentIds);
    if (input.rows.length === 0) {
      form.clear();
      setOutcome('nothing');
      return;
    }
    const parsed = rollCallInput.safeParse(input);
    if (!parsed.success) {
      setOutcome(null);
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate(input, {
      onSuccess: (saved) => {
        form.clear();
        setBase(saved);
        setRows(rowsFromRollCall(saved));
        setConflict(null);
        setOutcome('saved');
      },
      onError: (error) => {
        setOutcome(null);
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          const current = error.current as RollCall;
          setRows((typed) => rebaseRows(typed, base, current));
          setConflict(changedByOthers(base, current));
          setBase(current);
          queryClient.setQueryData(attendanceKeys.rollCall(rollCall.session.id), current);
        }
        form.fromError(error);
      },
    });
  }

  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('attendance.rollCall.participantsHeading')}</h2>
      {outcome === 'saved' ? (
        <Notice tone="success" live>
          {t('attendance.rollCall.savedNotice')}
        </Notice>
      ) : null}
      {outcome === 'nothing' ? (
        <Notice tone="info" live>
          {t('attendance.rollCall.nothingToSave')}
        </Notice>
      ) : null}
      <ErrorSummary
        failure={summary}
        fieldId={(field) => {
          const at = rowFieldOf(field, sentIds);
          return at ? rowDomId(at.enrolmentId, at.field) : undefined;
        }}
      >
        {conflict ? <p>{t('attendance.rollCall.conflictHelp')}</p> : null}
      </ErrorSummary>
      {conflict && conflict.length > 0 ? <ConflictTable rows={conflict} /> : null}
      <p className="field-description">{t('attendance.rollCall.keyboardHint')}</p>
      <form className="roll-call-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <div className="roll-call-toolbar">
          <Button
            className="button button-secondary"
            isDisabled={unrecorded === 0}
            onPress={() => {
              setOutcome(null);
              setRows(markAllPresent);
            }}
          >
            {t('attendance.rollCall.allPresent')}
          </Button>
          <span className="muted">{t('attendance.rollCall.unrecorded', { count: unrecorded })}</span>
        </div>
        <ul className="plain-list roll-call-list">
          {rows.map((row) => {
            const person = base.rows.find((r) => r.enrolmentId === row.enrolmentId);
            if (!person) return null;
            return (
              <li key={row.enrolmentId} className="roll-call-row">
                <RollCallRow
                  row={row}
                  person={person}
                  errorAt={(field) => errorAt(row.enrolmentId, field)}
                  onChange={(patch) => update(row.enrolmentId, patch)}
                />
              </li>
            );
          })}
        </ul>
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>
            {conflict ? t('attendance.rollCall.saveAgain') : t('attendance.rollCall.save')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function RollCallRow({
  row,
  person,
  errorAt,
  onChange,
}: {
  row: RollCallRowValues;
  person: RollCall['rows'][number];
  errorAt: (field: string) => string | undefined;
  onChange: (patch: Partial<RollCallRowValues>) => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => rowDomId(row.enrolmentId, field);
  const statusError = errorAt('status');
  return (
    <fieldset className="roll-call-fieldset" id={id('status')}>
      <legend className="roll-call-name">
        <bdi>{personName(person)}</bdi>
        {person.protectedIdentity ? (
          <>
            {' '}
            <ProtectedIdentityMarker />
          </>
        ) : null}
      </legend>
      <div className="roll-call-fields">
        <div className="roll-call-statuses">
          {statusError ? <div className="field-error">{statusError}</div> : null}
          {attendanceStatuses.map((status) => (
            <label key={status} className="checkbox roll-call-choice">
              <input
                type="radio"
                className="radio-input"
                name={`${formId}-${row.enrolmentId}-status`}
                value={status}
                checked={row.status === status}
                onChange={() => onChange({ status })}
                aria-invalid={statusError ? true : undefined}
              />
              <span>{t(`attendanceStatus.${status}`)}</span>
            </label>
          ))}
        </div>
        {row.status === 'late' ? (
          <TextInputField
            id={id('lateMinutes')}
            label={t('field.lateMinutes')}
            error={errorAt('lateMinutes')}
            value={row.lateMinutes}
            onChange={(lateMinutes) => onChange({ lateMinutes })}
            inputMode="numeric"
            width="short"
            autoComplete="off"
            isRequired
          />
        ) : null}
        {row.status === 'absent' ? (
          <SelectField
            id={id('absenceReason')}
            label={t('field.absenceReason')}
            error={errorAt('absenceReason')}
            value={row.absenceReason}
            onChange={(reason) => onChange({ absenceReason: reason as RollCallRowValues['absenceReason'] })}
            placeholder={t('common.choose')}
            options={absenceReasons.map((r) => ({ value: r, label: t(`absenceReason.${r}`) }))}
            isRequired
          />
        ) : null}
        {row.status === 'absent' && row.absenceReason === 'other' ? (
          <TextInputField
            id={id('reasonText')}
            label={t('field.reasonText')}
            error={errorAt('reasonText')}
            value={row.reasonText}
            onChange={(reasonText) => onChange({ reasonText })}
            isRequired
          />
        ) : null}
      </div>
      {isRowChanged(row, person.attendance) ? (
        <p className="roll-call-unsaved">
          <span className="badge badge-info">{t('attendance.rollCall.unsaved')}</span>
        </p>
      ) : null}
      <SavedResult record={person.attendance} />
    </fieldset>
  );
}

/** What is saved for a row: the mark, hours attended and, in words, whether it is a deviation. */
function SavedResult({ record }: { record: RollCall['rows'][number]['attendance'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!record) return <p className="roll-call-result muted">{t('attendance.rollCall.notRecorded')}</p>;
  return (
    <p className="roll-call-result">
      <span>
        {t('attendance.rollCall.saved')}: <MarkText mark={record} />
      </span>
      <span>
        {t('attendance.rollCall.attendedHours', {
          hours: formatMinutesAsHours(record.attendedMinutes, locale),
        })}
      </span>
      {record.deviation ? <span className="badge badge-warning">{t('attendance.deviation')}</span> : null}
      <span className="cell-note">
        {t('attendance.rollCall.recordedBy', { name: record.recordedByName })}
      </span>
    </p>
  );
}

function ConflictTable({ rows }: { rows: RollCall['rows'] }) {
  const { t } = useTranslation();
  return (
    <section className="conflict" aria-labelledby="roll-call-conflict">
      <h3 id="roll-call-conflict">{t('attendance.rollCall.conflictHeading')}</h3>
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">{t('attendance.rollCall.conflictHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.participant')}</th>
              <th scope="col">{t('attendance.rollCall.saved')}</th>
              <th scope="col">{t('attendance.rollCall.savedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.enrolmentId}>
                <th scope="row">
                  <bdi>{personName(row)}</bdi>
                </th>
                <td data-label={t('attendance.rollCall.saved')}>
                  {row.attendance ? <MarkText mark={row.attendance} /> : null}
                </td>
                <td data-label={t('attendance.rollCall.savedBy')}>{row.attendance?.recordedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
