import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.ts';
import {
  type Placement,
  placementCancelInput,
  placementEndInput,
  placementStartInput,
} from '../../../core/schemas/placement.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCancelPlacement, useEndPlacement, useStartPlacement } from './placements.queries.ts';

type DialogProps = { placement: Placement; onClose: () => void; onDone: () => void };

/**
 * The frame of the three status dialogs: validate with the schema, send, and show what the server said. A
 * version conflict shows its message; the page has the current placement by then.
 */
function StatusDialog<S extends z.ZodType>({
  formId,
  title,
  lead,
  schema,
  input,
  mutation,
  submitLabel,
  onClose,
  onDone,
  fields,
  children,
}: {
  formId: string;
  title: string;
  lead: string;
  schema: S;
  input: z.input<S>;
  mutation: {
    mutate: (input: z.input<S>, options: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
    isPending: boolean;
  };
  submitLabel: string;
  onClose: () => void;
  onDone: () => void;
  fields: readonly string[];
  children: (form: ReturnType<typeof useFormFailure>) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormFailure(locale);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    mutation.mutate(input, { onSuccess: onDone, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={title}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{lead}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (fields.includes(field) ? fieldDomId(formId, field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        {children(form)}
        <div className="form-actions">
          <SubmitButton isPending={mutation.isPending}>{submitLabel}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

const earlier = (a: string, b: string) => (a < b ? a : b);

export function StartPlacementDialog({ placement, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [firstDay, setFirstDay] = useState(earlier(placement.startsOn, todayInSweden()));
  return (
    <StatusDialog
      formId="placement-start"
      title={t('placementDialog.startTitle')}
      lead={t('placementDialog.startLead')}
      schema={placementStartInput}
      input={{ firstDay, version: placement.version }}
      mutation={useStartPlacement(placement.id)}
      submitLabel={t('placementDialog.startSubmit')}
      onClose={onClose}
      onDone={onDone}
      fields={['firstDay']}
    >
      {(form) => (
        <DateInputField
          id="placement-start-firstDay"
          label={t('field.firstDay')}
          error={form.errorFor('firstDay')}
          value={firstDay}
          onChange={setFirstDay}
          isRequired
        />
      )}
    </StatusDialog>
  );
}

export function EndPlacementDialog({ placement, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [lastDay, setLastDay] = useState(earlier(placement.endsOn, todayInSweden()));
  const [reason, setReason] = useState('');
  return (
    <StatusDialog
      formId="placement-end"
      title={t('placementDialog.endTitle')}
      lead={t('placementDialog.endLead')}
      schema={placementEndInput}
      input={{ lastDay, reason, version: placement.version }}
      mutation={useEndPlacement(placement.id)}
      submitLabel={t('placementDialog.endSubmit')}
      onClose={onClose}
      onDone={onDone}
      fields={['lastDay', 'reason']}
    >
      {(form) => (
        <>
          <DateInputField
            id="placement-end-lastDay"
            label={t('field.lastDay')}
            error={form.errorFor('lastDay')}
            value={lastDay}
            onChange={setLastDay}
            isRequired
          />
          <TextInputField
            id="placement-end-reason"
            label={t('field.reason')}
            description={t('placementDialog.endReasonHint')}
            error={form.errorFor('reason')}
            value={reason}
            onChange={setReason}
            multiline
          />
        </>
      )}
    </StatusDialog>
  );
}

export function CancelPlacementDialog({ placement, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <StatusDialog
      formId="placement-cancel"
      title={t('placementDialog.cancelTitle')}
      lead={t('placementDialog.cancelLead')}
      schema={placementCancelInput}
      input={{ reason, version: placement.version }}
      mutation={useCancelPlacement(placement.id)}
      submitLabel={t('placementDialog.cancelSubmit')}
      onClose={onClose}
      onDone={onDone}
      fields={['reason']}
    >
      {(form) => (
        <TextInputField
          id="placement-cancel-reason"
          label={t('field.reason')}
          error={form.errorFor('reason')}
          value={reason}
          onChange={setReason}
          multiline
          isRequired
        />
      )}
    </StatusDialog>
  );
}
