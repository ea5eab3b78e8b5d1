import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { civicOrientationAreaCodes, civicOrientationAreaNames } from '../../../core/civic-orientation.ts';
import {
  type Session,
  sessionCancelInput,
  sessionUpdateInput,
} from '../../../core/schemas/activity.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCancelSession, useUpdateSession } from './groups.queries.ts';
import { useLeaderOptions } from './leader-options.ts';

const editFields = new Set([
  'date',
  'startTime',
  'endTime',
  'room',
  'leaderId',
  'civicAreas',
  'guestEmployer',
]);

/** Moves a session (date, times, room, leader); for civic orientation also records what it covered. */
export function SessionEditDialog({
  session,
  isCivic,
  onClose,
  onSaved,
}: {
  session: Session;
  isCivic: boolean;
  onClose: () => void;
  onSaved: (saved: Session) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateSession();
  const form = useFormFailure(locale);
  const formId = 'session-edit';
  const idFor = (name: string) => fieldDomId(formId, name);
  const [date, setDate] = useState(session.date);
  const [startTime, setStartTime] = useState(session.startTime);
  const [endTime, setEndTime] = useState(session.endTime);
  const [room, setRoom] = useState(session.room ?? '');
  const [leaderId, setLeaderId] = useState(session.leaderId);
  const [civicAreas, setCivicAreas] = useState(session.civicAreas.map(String));
  const [guestEmployer, setGuestEmployer] = useState(session.guestEmployer ?? '');
  const [version, setVersion] = useState(session.version);
  const leaderOptions = useLeaderOptions(session.centreId, {
    id: session.leaderId,
    name: session.leaderName,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const input = {
      date: date.trim(),
      startTime: startTime.trim(),
      endTime: endTime.trim(),
      room,
      leaderId,
      civicAreas: civicAreas.map(Number),
      guestEmployer,
      version,
    };
    const parsed = sessionUpdateInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    update.mutate(
      { id: session.id, ...input },
      {
        onSuccess: onSaved,
        onError: (error) => {
          // Saving again overwrites the newer version on purpose: the summary has said so.
          if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
            setVersion((error.current as Session).version);
          }
          form.fromError(error);
        },
      },
    );
  }

  return (
    <ModalDialog
      title={t('sessions.editHeading', { date: session.date })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{t('sessions.editLead', { group: session.groupName })}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const top = field.split('.')[0] ?? '';
          return editFields.has(top) ? idFor(top) : undefined;
        }}
      />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={idFor('date')}
          label={t('field.date')}
          error={form.errorFor('date')}
          value={date}
          onChange={setDate}
          isRequired
        />
        <div className="field-row">
          <TextInputField
            id={idFor('startTime')}
            label={t('field.startTime')}
            description={t('common.timeHint')}
            error={form.errorFor('startTime')}
            value={startTime}
            onChange={setStartTime}
            width="short"
            autoComplete="off"
            isRequired
          />
          <TextInputField
            id={idFor('endTime')}
            label={t('field.endTime')}
            description={t('common.timeHint')}
            error={form.errorFor('endTime')}
            value={endTime}
            onChange={setEndTime}
            width="short"
            autoComplete="off"
            isRequired
          />
        </div>
        <TextInputField
          id={idFor('room')}
          label={t('field.room')}
          error={form.errorFor('room')}
          value={room}
          onChange={setRoom}
          width="medium"
          autoComplete="off"
        />
        <SelectField
          id={idFor('leaderId')}
          label={t('field.leaderId')}
          error={form.errorFor('leaderId')}
          value={leaderId}
          onChange={setLeaderId}
          options={leaderOptions}
          isRequired
        />
        {isCivic ? (
          <>
            <CheckboxGroupField
              id={idFor('civicAreas')}
              label={t('field.civicAreas')}
              description={t('sessions.civicAreasHint')}
              error={form.errorFor('civicAreas')}
              value={civicAreas}
              onChange={setCivicAreas}
              options={civicOrientationAreaCodes.map((code) => ({
                value: String(code),
                label: `${code}. ${civicOrientationAreaNames[code]}`,
              }))}
            />
            <TextInputField
              id={idFor('guestEmployer')}
              label={t('field.guestEmployer')}
              description={t('sessions.guestEmployerHint')}
              error={form.errorFor('guestEmployer')}
              value={guestEmployer}
              onChange={setGuestEmployer}
              autoComplete="off"
            />
          </>
        ) : null}
        <div className="form-actions">
          <SubmitButton isPending={update.isPending}>{t('sessions.save')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Cancels a session with a reason; the session stays in the schedule, marked cancelled. */
export function SessionCancelDialog({
  session,
  onClose,
  onCancelled,
}: {
  session: Session;
  onClose: () => void;
  onCancelled: (cancelled: Session) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cancel = useCancelSession();
  const form = useFormFailure(locale);
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(session.version);
  const id = fieldDomId('session-cancel', 'reason');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const input = { reason, version };
    const parsed = sessionCancelInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    cancel.mutate(
      { id: session.id, ...input },
      {
        onSuccess: onCancelled,
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
            setVersion((error.current as Session).version);
          }
          form.fromError(error);
        },
      },
    );
  }

  return (
    <ModalDialog
      title={t('sessions.cancelHeading', { date: session.date })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>
        {t('sessions.cancelLead', {
          group: session.groupName,
          time: `${session.startTime}–${session.endTime}`,
        })}
      </p>
      <ErrorSummary failure={form.failure} fieldId={(field) => (field === 'reason' ? id : undefined)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={id}
          label={t('field.reason')}
          description={t('sessions.cancelReasonHint')}
          error={form.errorFor('reason')}
          value={reason}
          onChange={setReason}
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={cancel.isPending} variant="danger">
            {t('sessions.cancelSubmit')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('sessions.keep')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
