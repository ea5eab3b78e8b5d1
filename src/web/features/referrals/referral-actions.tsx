import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, todayInSweden } from '../../../core/dates.ts';
import type { Referral } from '../../../core/schemas/referral.schema.ts';
import { referralCloseInput } from '../../../core/schemas/referral.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDateTime, swedishDateTimeToIso } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useBookMeeting, useCloseReferral } from './referrals.queries.ts';

type ActionDialogProps = { referral: Referral; onClose: () => void; onDone: () => void };

/** After a conflict, the next attempt is made against the version the user has now seen. */
function useReferralVersion(referral: Referral) {
  const [current, setCurrent] = useState<Referral | null>(null);
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current)
      setCurrent(error.current as Referral);
  };
  return { version: current?.version ?? referral.version, current, onError };
}

function ConflictDetails({ current }: { current: Referral | null }) {
  const { t } = useTranslation();
  if (!current) return null;
  return (
    <p>
      {t('referrals.conflictCurrent')} <StatusBadge kind="referral" status={current.status} />
      {current.meetingAt
        ? ` ${t('referrals.conflictMeeting', { at: formatDateTime(current.meetingAt) })}`
        : ''}
    </p>
  );
}

export function BookMeetingDialog({ referral, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const book = useBookMeeting();
  const form = useFormFailure(locale);
  const { version, current, onError } = useReferralVersion(referral);
  const existing = referral.meetingAt ? formatDateTime(referral.meetingAt) : '';
  const [date, setDate] = useState(existing ? existing.slice(0, 10) : todayInSweden());
  const [time, setTime] = useState(existing ? existing.slice(11, 16) : '');
  const idFor = (name: string) => fieldDomId('meeting', name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (book.isPending) return;
    const issues = [];
    if (!isValidIsoDate(date)) issues.push(customIssue('meetingDate', 'invalid_date'));
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      issues.push(customIssue('meetingTime', time ? 'invalid_format' : 'required'));
    if (issues.length > 0) {
      // Both parts make one API field, meetingAt; the message names it as the server would.
      form.setFailure({
        fields: issues.map((issue) => {
          const [described] = form.describe([{ ...issue, path: ['meetingAt'] }]);
          return {
            field: String(issue.path[0]),
            code: described?.code ?? '',
            message: described?.message ?? '',
          };
        }),
      });
      return;
    }
    book.mutate(
      { id: referral.id, meetingAt: swedishDateTimeToIso(date, time), version },
      {
        onSuccess: onDone,
        onError: (error) => {
          onError(error);
          form.fromError(error);
        },
      },
    );
  }

  return (
    <ModalDialog
      title={t('referrals.bookMeetingHeading', { name: referral.participantName })}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) =>
          field === 'meetingDate' || field === 'meetingTime'
            ? idFor(field)
            : field === 'meetingAt'
              ? idFor('meetingDate')
              : undefined
        }
      >
        <ConflictDetails current={current} />
      </ErrorSummary>
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={idFor('meetingDate')}
          label={t('referrals.meetingDate')}
          error={form.errorFor('meetingDate') ?? form.errorFor('meetingAt')}
          value={date}
          onChange={setDate}
          isRequired
        />
        <TextInputField
          id={idFor('meetingTime')}
          label={t('referrals.meetingTime')}
          description={t('common.timeHint')}
          error={form.errorFor('meetingTime')}
          value={time}
          onChange={setTime}
          width="short"
          autoComplete="off"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={book.isPending}>{t('referrals.bookMeeting')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function CloseReferralDialog({
  referral,
  status,
  onClose,
  onDone,
}: ActionDialogProps & { status: 'declined' | 'withdrawn' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const close = useCloseReferral();
  const form = useFormFailure(locale);
  const { version, current, onError } = useReferralVersion(referral);
  const [reason, setReason] = useState('');
  const idFor = (name: string) => fieldDomId('close-referral', name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (close.isPending) return;
    const input = { status, reason, version };
    const parsed = referralCloseInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    close.mutate(
      { id: referral.id, ...input },
      {
        onSuccess: onDone,
        onError: (error) => {
          onError(error);
          form.fromError(error);
        },
      },
    );
  }

  const declined = status === 'declined';
  return (
    <ModalDialog
      title={
        declined
          ? t('referrals.declineHeading', { name: referral.participantName })
          : t('referrals.withdrawHeading', { name: referral.participantName })
      }
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{declined ? t('referrals.declineLead') : t('referrals.withdrawLead')}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field === 'reason' ? idFor('reason') : undefined)}
      >
        <ConflictDetails current={current} />
      </ErrorSummary>
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('reason')}
          label={t('field.reason')}
          error={form.errorFor('reason')}
          value={reason}
          onChange={setReason}
          multiline
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={close.isPending} variant="danger">
            {declined ? t('referrals.declineSubmit') : t('referrals.withdrawSubmit')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
