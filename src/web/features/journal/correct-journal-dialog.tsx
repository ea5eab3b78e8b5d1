import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type JournalCategory, journalCategories } from '../../../core/enums.ts';
import {
  type JournalCorrectionInput,
  type JournalEntry,
  journalCorrectionInput,
} from '../../../core/schemas/journal.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCorrectJournalEntry } from './journal.queries.ts';

const formId = 'correct-journal';
const knownFields = new Set(['entryDate', 'category', 'text', 'reason']);

export function CorrectJournalDialog({
  participantId,
  entry,
  onClose,
  onCorrected,
}: {
  participantId: string;
  entry: JournalEntry;
  onClose: () => void;
  onCorrected: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const correct = useCorrectJournalEntry(participantId);
  const form = useFormFailure(locale);
  const [entryDate, setEntryDate] = useState(entry.entryDate);
  const [category, setCategory] = useState<string>(entry.category);
  const [text, setText] = useState(entry.text);
  const [reason, setReason] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (correct.isPending) return;
    const input: JournalCorrectionInput = {
      text,
      reason,
      entryDate,
      category: category as JournalCategory,
    };
    const parsed = journalCorrectionInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    correct.mutate({ id: entry.id, ...input }, { onSuccess: onCorrected, onError: form.fromError });
  }

  return (
    <ModalDialog
      title={t('journal.correctHeading')}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <p>{t('journal.correctLead', { date: formatDate(entry.entryDate) })}</p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <DateInputField
          id={idFor('entryDate')}
          label={t('field.entryDate')}
          error={form.errorFor('entryDate')}
          value={entryDate}
          onChange={setEntryDate}
          isRequired
        />
        <SelectField
          id={idFor('category')}
          label={t('field.category')}
          error={form.errorFor('category')}
          value={category}
          onChange={setCategory}
          options={journalCategories.map((c) => ({ value: c, label: t(`journalCategory.${c}`) }))}
          isRequired
        />
        <TextInputField
          id={idFor('text')}
          label={t('field.text')}
          error={form.errorFor('text')}
          value={text}
          onChange={setText}
          dir="auto"
          multiline
          isRequired
        />
        <TextInputField
          id={idFor('reason')}
          label={t('field.reason')}
          error={form.errorFor('reason')}
          value={reason}
          onChange={setReason}
          dir="auto"
          isRequired
        />
        <div className="form-actions">
          <SubmitButton isPending={correct.isPending}>{t('journal.correctSubmit')}</SubmitButton>
          <Button className="button button-secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
