import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { type Consent, consentWithdrawal } from '../../../core/schemas/consent.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useWithdrawConsent } from './consents.queries.ts';

const formId = 'withdraw-consent';
const knownFields = new Set(['withdrawnOn', 'note']);

export function WithdrawConsentDialog({
  participantId,
  consent,
  onClose,
}: {
  participantId: string;
  consent: Consent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const withdraw = useWithdrawConsent(participantId);
  const form = useFormFailure(locale);
  const [withdrawnOn, setWithdrawnOn] = useState(todayInSweden());
  const [note, setNote] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (withdraw.isPending) return;
    const input = { withdrawnOn, note };
    const parsed = consentWithdrawal.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    withdraw.mutate({ id: consent.id, ...input }, { onSuccess: onClose, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('consents.withdrawHeading')}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{t('consents.withdrawLead', { date: formatDate(consent.givenOn) })}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={idFor('withdrawnOn')}
          label={t('field.withdrawnOn')}
          error={form.errorFor('withdrawnOn')}
          value={withdrawnOn}
          onChange={setWithdrawnOn}
          isRequired
        />
        <TextInputField
          id={idFor('note')}
          label={t('field.note')}
          error={form.errorFor('note')}
          value={note}
          onChange={setNote}
          multiline
        />
        <div className="form-actions">
          <SubmitButton isPending={withdraw.isPending} variant="danger">
            {t('consents.withdrawSubmit')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
