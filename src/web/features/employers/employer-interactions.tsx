import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.ts';
import { employerInteractionKinds } from '../../../core/enums.ts';
import {
  type Employer,
  type EmployerInteraction,
  employerInteractionInput,
} from '../../../core/schemas/employer.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import {
  emptyInteractionValues,
  type InteractionFormValues,
  interactionFieldNames,
  toInteractionInput,
} from './employer-form-values.ts';
import { useAddInteraction } from './employers.queries.ts';

/** The interaction log, newest first, with a form to log a call, visit, meeting or agreement. */
export function EmployerInteractions({ employer, mayManage }: { employer: Employer; mayManage: boolean }) {
  const { t } = useTranslation();
  const [isLogging, setLogging] = useState(false);
  const [saved, setSaved] = useState(false);
  // Newest first: by date, then by when it was logged.
  const entries = [...employer.interactions].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <section aria-labelledby="employer-interactions-heading" className="stack">
      <div className="section-header">
        <h2 id="employer-interactions-heading">{t('employer.interactionsHeading')}</h2>
        {mayManage && !isLogging ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setLogging(true);
            }}
          >
            {t('employer.logContact')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('employer.interactionSaved')}
        </Notice>
      ) : null}
      {isLogging ? (
        <InteractionForm
          employer={employer}
          onDone={(didSave) => {
            setLogging(false);
            setSaved(didSave);
          }}
        />
      ) : null}
      {entries.length === 0 ? (
        <p className="empty">{t('employer.noInteractions')}</p>
      ) : (
        <>
          <p className="muted">{t('employer.interactionsLead')}</p>
          <ol className="plain-list stack" aria-labelledby="employer-interactions-heading">
            {entries.map((entry) => (
              <InteractionEntry key={entry.id} entry={entry} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function InteractionEntry({ entry }: { entry: EmployerInteraction }) {
  const { t } = useTranslation();
  return (
    <li className="panel">
      <h3>
        {formatDate(entry.occurredOn)} {t(`employerInteractionKind.${entry.kind}`)}
        {entry.contactName ? (
          <>
            {' '}
            <bdi>{t('employer.interactionWith', { name: entry.contactName })}</bdi>
          </>
        ) : null}
      </h3>
      <p className="journal-text" dir="auto">
        {entry.note}
      </p>
      {entry.nextStep ? (
        <p>
          <strong>{t('employer.nextStep')}:</strong>{' '}
          <span dir="auto">
            {entry.nextStepOn
              ? t('employer.nextStepOnValue', { step: entry.nextStep, date: formatDate(entry.nextStepOn) })
              : entry.nextStep}
          </span>
        </p>
      ) : null}
      <p className="muted">
        {t('employer.loggedBy', { name: entry.userName, at: formatDateTime(entry.createdAt) })}
      </p>
    </li>
  );
}

const formId = 'interaction-new';
const idFor = (name: string) => fieldDomId(formId, name);

function InteractionForm({ employer, onDone }: { employer: Employer; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const collator = useCollator();
  const add = useAddInteraction(employer.id);
  const form = useFormFailure(locale);
  const [values, setValues] = useState<InteractionFormValues>(() => emptyInteractionValues(todayInSweden()));
  const set = (patch: Partial<InteractionFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const contactOptions = employer.contacts
    .filter((c) => c.active)
    .map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const input = toInteractionInput(values);
    const parsed = employerInteractionInput.safeParse(input);
    if (!parsed.success) {
      // A choice left blank is missing, not an invalid choice.
      form.fromIssues(
        parsed.error.issues.map((issue) =>
          issue.path.length === 1 && issue.path[0] === 'kind' && values.kind === ''
            ? customIssue('kind', 'required')
            : issue,
        ),
      );
      return;
    }
    add.mutate(input, { onSuccess: () => onDone(true), onError: form.fromError });
  }

  const headingId = `${formId}-heading`;
  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('employer.logContact')}
      </h3>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) =>
          (interactionFieldNames as readonly string[]).includes(field) ? idFor(field) : undefined
        }
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <div className="field-row">
          <SelectField
            id={idFor('kind')}
            label={t('field.kind')}
            error={form.errorFor('kind')}
            value={values.kind}
            onChange={(kind) => set({ kind })}
            placeholder={t('common.choose')}
            options={employerInteractionKinds.map((k) => ({
              value: k,
              label: t(`employerInteractionKind.${k}`),
            }))}
            isRequired
          />
          <DateInputField
            id={idFor('occurredOn')}
            label={t('field.occurredOn')}
            error={form.errorFor('occurredOn')}
            value={values.occurredOn}
            onChange={(occurredOn) => set({ occurredOn })}
            isRequired
          />
        </div>
        <SelectField
          id={idFor('contactId')}
          label={t('field.contactId')}
          error={form.errorFor('contactId')}
          value={values.contactId}
          onChange={(contactId) => set({ contactId })}
          placeholder={t('employer.noContactPerson')}
          options={contactOptions}
        />
        <TextInputField
          id={idFor('note')}
          label={t('field.note')}
          error={form.errorFor('note')}
          value={values.note}
          onChange={(note) => set({ note })}
          dir="auto"
          multiline
          isRequired
        />
        <TextInputField
          id={idFor('nextStep')}
          label={t('field.nextStep')}
          description={t('employer.nextStepHint')}
          error={form.errorFor('nextStep')}
          value={values.nextStep}
          onChange={(nextStep) => set({ nextStep })}
          dir="auto"
          autoComplete="off"
        />
        <DateInputField
          id={idFor('nextStepOn')}
          label={t('field.nextStepOn')}
          error={form.errorFor('nextStepOn')}
          value={values.nextStepOn}
          onChange={(nextStepOn) => set({ nextStepOn })}
        />
        <div className="form-actions">
          <SubmitButton isPending={add.isPending}>{t('employer.saveInteraction')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
