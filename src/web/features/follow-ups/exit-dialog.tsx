import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { type ExitOutcome, exitOutcomes } from '../../../core/enums.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import {
  type ExitInput,
  exitInput,
  exitOutcomeNeedsOrganisation,
  isWorkExit,
} from '../../../core/schemas/follow-up.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { type EmployerChoice, EmployerComboBox } from '../employers/employer-combobox.tsx';
import { useExitEnrolment } from './follow-ups.queries.ts';

const formId = 'exit';
const knownFields = new Set(['exitedOn', 'outcome', 'employerId', 'organisation', 'reason']);

/** The exit form: date, outcome, employer or school, reason. */
export function ExitDialog({
  enrolment,
  onClose,
  onExited,
}: {
  enrolment: Enrolment;
  onClose: () => void;
  onExited: (exited: Enrolment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exit = useExitEnrolment(enrolment.participantId);
  const form = useFormFailure(locale);
  const [exitedOn, setExitedOn] = useState(todayInSweden());
  const [outcome, setOutcome] = useState('');
  const [employer, setEmployer] = useState<EmployerChoice | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [reason, setReason] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (exit.isPending) return;
    const namesEmployer = employer !== null && isWorkExit(outcome);
    const input: ExitInput = {
      exitedOn,
      outcome: (outcome || undefined) as ExitOutcome,
      employerId: namesEmployer ? employer.id : null,
      organisation: namesEmployer ? '' : organisation,
      reason,
      version: enrolment.version,
    };
    const parsed = exitInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    exit.mutate({ enrolmentId: enrolment.id, ...input }, { onSuccess: onExited, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('exit.heading')}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>
        {enrolment.programmeName} – {t('exit.leadNoDays')}
      </p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={idFor('exitedOn')}
          label={t('field.exitedOn')}
          error={form.errorFor('exitedOn')}
          value={exitedOn}
          onChange={setExitedOn}
          isRequired
        />
        <SelectField
          id={idFor('outcome')}
          label={t('field.outcome')}
          error={form.errorFor('outcome')}
          value={outcome}
          onChange={setOutcome}
          placeholder={t('common.choose')}
          options={exitOutcomes.map((o) => ({ value: o, label: t(`exitOutcome.${o}`) }))}
          isRequired
        />
        {isWorkExit(outcome) ? (
          <EmployerComboBox
            id={idFor('employerId')}
            label={t('exit.employer')}
            description={t('exit.employerHint')}
            error={form.errorFor('employerId')}
            value={employer}
            onChange={setEmployer}
          />
        ) : null}
        {isWorkExit(outcome) && employer ? null : (
          <TextInputField
            id={idFor('organisation')}
            label={t('field.organisation')}
            description={t('exit.organisationHint')}
            error={form.errorFor('organisation')}
            value={organisation}
            onChange={setOrganisation}
            isRequired={outcome !== '' && exitOutcomeNeedsOrganisation(outcome)}
          />
        )}
        <TextInputField
          id={idFor('reason')}
          label={t('field.reason')}
          error={form.errorFor('reason')}
          value={reason}
          onChange={setReason}
          multiline
        />
        <div className="form-actions">
          <SubmitButton isPending={exit.isPending}>{t('exit.submit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
