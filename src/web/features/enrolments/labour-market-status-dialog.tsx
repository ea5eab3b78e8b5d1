import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { LabourMarketStatus } from '../../../core/enums.ts';
import {
  type Enrolment,
  type LabourMarketStatusInput,
  labourMarketStatusInput,
} from '../../../core/schemas/enrolment.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSetLabourMarketStatus } from './enrolments.queries.ts';
import { LabourMarketStatusField } from './labour-market-status-field.tsx';

const formId = 'labour-market-status';

/**
 * Records or corrects the labour-market status at the start of an enrolment, also after exit. A conflict keeps
 * the choice and shows the status saved in between; saving again is made against that version.
 */
export function LabourMarketStatusDialog({
  enrolment,
  onClose,
  onSaved,
}: {
  enrolment: Enrolment;
  onClose: () => void;
  onSaved: (saved: Enrolment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSetLabourMarketStatus(enrolment.participantId);
  const form = useFormFailure(locale);
  const [status, setStatus] = useState<string>(enrolment.labourMarketStatus ?? '');
  const [conflict, setConflict] = useState<Enrolment | null>(null);
  const version = conflict?.version ?? enrolment.version;
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    // The empty choice clears the status: "not given" is a value one may correct to.
    const input: LabourMarketStatusInput = {
      labourMarketStatus: (status || null) as LabourMarketStatus | null,
      version,
    };
    const parsed = labourMarketStatusInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate(
      { enrolmentId: enrolment.id, ...input },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current)
            setConflict(error.current as Enrolment);
          form.fromError(error);
        },
      },
    );
  }

  const savedStatus = conflict?.labourMarketStatus;
  return (
    <ModalDialog
      title={t('field.labourMarketStatus')}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>
        {t('enrolments.labourMarketStatusLead', {
          programme: enrolment.programmeName,
          date: formatDate(enrolment.startsOn),
        })}
      </p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field === 'labourMarketStatus' ? idFor(field) : undefined)}
      >
        {conflict ? (
          <p>
            {t('enrolments.labourMarketStatusConflict', {
              status: savedStatus
                ? t(`labourMarketStatus.${savedStatus}`)
                : t('enrolments.labourMarketStatusNotGiven'),
            })}
          </p>
        ) : null}
      </ErrorSummary>
      <form className="form" onSubmit={submit} noValidate>
        <LabourMarketStatusField
          id={idFor('labourMarketStatus')}
          error={form.errorFor('labourMarketStatus')}
          value={status}
          onChange={setStatus}
        />
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>
            {conflict ? t('enrolments.labourMarketStatusSaveAgain') : t('enrolments.labourMarketStatusSave')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
