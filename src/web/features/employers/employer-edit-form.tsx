import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Employer, employerUpdateInput } from '../../../core/schemas/employer.schema.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { EmployerFields } from './employer-fields.tsx';
import {
  type EmployerFormValues,
  employerFieldNames,
  employerValues,
  toEmployerInput,
} from './employer-form-values.ts';
import { useUpdateEmployer } from './employers.queries.ts';

const formId = 'employer-edit';
const idFor = (path: string) => fieldDomId(formId, path);
const knownFields = new Set<string>(employerFieldNames);

/** The employer's details against the version they were read at; a conflict keeps what was typed. */
export function EmployerEditForm({
  employer,
  onDone,
}: {
  employer: Employer;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateEmployer(employer.id);
  const form = useFormFailure(locale);
  const [values, setValues] = useState<EmployerFormValues>(() => employerValues(employer));
  const [version, setVersion] = useState(employer.version);
  const [conflict, setConflict] = useState<Employer | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const input = { ...toEmployerInput(values), version };
    const parsed = employerUpdateInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    update.mutate(input, {
      onSuccess: () => onDone(true),
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          // Saving again now overwrites the newer version on purpose: the user has seen it.
          const current = error.current as Employer;
          setConflict(current);
          setVersion(current.version);
        }
        form.fromError(error);
      },
    });
  }

  const headingId = `${formId}-heading`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('employer.editHeading')}
      </h2>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const top = field.split('.')[0] ?? '';
          return knownFields.has(top) ? idFor(top) : undefined;
        }}
      >
        {conflict ? (
          <p>
            {t('employer.conflictHelp', {
              name: conflict.name,
              offers: conflict.offers.map((o) => t(`employerOffer.${o}`)).join(', ') || t('common.notGiven'),
            })}
          </p>
        ) : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <EmployerFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          idFor={idFor}
          errorFor={form.errorFor}
        />
        <div className="form-actions">
          <SubmitButton isPending={update.isPending}>
            {conflict ? t('employer.saveAgain') : t('employer.save')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
