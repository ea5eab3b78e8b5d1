import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type Employer,
  type EmployerContact,
  employerContactInput,
} from '../../../core/schemas/employer.schema.ts';
import { CheckboxField } from '../../components/checkbox-fields.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useCollator, useLocale } from '../../i18n/index.ts';
import {
  type ContactFormValues,
  contactFieldNames,
  contactValues,
  toContactInput,
} from './employer-form-values.ts';
import { useAddContact, useUpdateContact } from './employers.queries.ts';

type Editing = { kind: 'new' } | { kind: 'edit'; contact: EmployerContact } | null;

/** The employer's contact people, active first; those who manage employers add them and mark them inactive. */
export function EmployerContacts({ employer, mayManage }: { employer: Employer; mayManage: boolean }) {
  const { t } = useTranslation();
  const collator = useCollator();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);
  const rows = [...employer.contacts].sort(
    (a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name),
  );

  const columns: Column<EmployerContact>[] = [
    { key: 'name', header: t('field.name'), isRowHeader: true, cell: (c) => <bdi>{c.name}</bdi> },
    { key: 'title', header: t('field.title'), cell: (c) => c.title ?? '' },
    { key: 'phone', header: t('field.phone'), cell: (c) => c.phone ?? '' },
    {
      key: 'email',
      header: t('field.email'),
      cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''),
    },
    {
      key: 'status',
      header: t('employer.contactStatus'),
      cell: (c) =>
        c.active ? (
          t('employer.contactActive')
        ) : (
          <span className="badge badge-neutral">{t('employer.contactInactive')}</span>
        ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (c: EmployerContact) => (
              <Button
                className="button button-secondary button-small"
                onPress={() => {
                  setSaved(false);
                  setEditing({ kind: 'edit', contact: c });
                }}
              >
                {t('employer.editContact')}
                <span className="visually-hidden"> {c.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="employer-contacts-heading" className="stack">
      <div className="section-header">
        <h2 id="employer-contacts-heading">{t('employer.contactsHeading')}</h2>
        {mayManage && editing === null ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              setSaved(false);
              setEditing({ kind: 'new' });
            }}
          >
            {t('employer.addContact')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice tone="success" live>
          {t('employer.contactSaved')}
        </Notice>
      ) : null}
      {editing ? (
        <ContactForm
          key={editing.kind === 'edit' ? editing.contact.id : 'new'}
          employerId={employer.id}
          contact={editing.kind === 'edit' ? editing.contact : undefined}
          onDone={(didSave) => {
            setEditing(null);
            setSaved(didSave);
          }}
        />
      ) : null}
      <DataTable
        caption={t('employer.contactsCaption', { name: employer.name })}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        emptyText={t('employer.noContacts')}
      />
    </section>
  );
}

function ContactForm({
  employerId,
  contact,
  onDone,
}: {
  employerId: string;
  /** The contact to edit; none to add a new one. */
  contact?: EmployerContact;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddContact(employerId);
  const update = useUpdateContact();
  const form = useFormFailure(locale);
  const formId = contact ? `contact-${contact.id}` : 'contact-new';
  const idFor = (name: string) => fieldDomId(formId, name);
  const [values, setValues] = useState<ContactFormValues>(() => contactValues(contact));
  const set = (patch: Partial<ContactFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const isPending = add.isPending || update.isPending;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const input = toContactInput(values);
    const parsed = employerContactInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    const handlers = { onSuccess: () => onDone(true), onError: form.fromError };
    if (contact) update.mutate({ id: contact.id, ...input }, handlers);
    else add.mutate(input, handlers);
  }

  const headingId = `${formId}-heading`;
  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {contact ? t('employer.editContactHeading', { name: contact.name }) : t('employer.addContactHeading')}
      </h3>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) =>
          (contactFieldNames as readonly string[]).includes(field) ? idFor(field) : undefined
        }
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <TextInputField
          id={idFor('name')}
          label={t('field.name')}
          error={form.errorFor('name')}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          dir="auto"
          isRequired
        />
        <TextInputField
          id={idFor('title')}
          label={t('field.title')}
          error={form.errorFor('title')}
          value={values.title}
          onChange={(title) => set({ title })}
          autoComplete="off"
        />
        <div className="field-row">
          <TextInputField
            id={idFor('phone')}
            label={t('field.phone')}
            error={form.errorFor('phone')}
            value={values.phone}
            onChange={(phone) => set({ phone })}
            type="tel"
            width="medium"
            autoComplete="off"
          />
          <TextInputField
            id={idFor('email')}
            label={t('field.email')}
            error={form.errorFor('email')}
            value={values.email}
            onChange={(email) => set({ email })}
            type="email"
            width="medium"
            autoComplete="off"
          />
        </div>
        {contact ? (
          <CheckboxField
            id={idFor('active')}
            label={t('employer.contactActiveLabel')}
            description={t('employer.contactActiveHint')}
            isSelected={values.active}
            onChange={(active) => set({ active })}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton isPending={isPending}>{t('employer.saveContact')}</SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
