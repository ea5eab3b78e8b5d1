import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { type JournalCategory, journalCategories } from '../../../core/enums.ts';
import { type JournalEntryInput, journalEntryInput } from '../../../core/schemas/journal.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAddJournalEntry } from './journal.queries.ts';

const formId = 'journal-entry';
const knownFields = new Set(['entryDate', 'category', 'text']);

export function JournalEntryForm({ participantId, onSaved }: { participantId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddJournalEntry(participantId);
  const form = useFormFailure(locale);
  const [entryDate, setEntryDate] = useState(todayInSweden());
  const [category, setCategory] = useState<string>('meeting');
  const [text, setText] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const input: JournalEntryInput = { entryDate, category: category as JournalCategory, text };
    const parsed = journalEntryInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    add.mutate(input, {
      onSuccess: () => {
        form.clear();
        setText('');
        onSaved();
      },
      onError: form.fromError,
    });
  }

  return (
    <section className="panel" aria-labelledby="journal-form-heading">
      <h2 id="journal-form-heading">{t('journal.formHeading')}</h2>
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
        <div className="form-actions">
          <SubmitButton isPending={add.isPending}>{t('journal.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
