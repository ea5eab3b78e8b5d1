import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { employerInput } from '../../../core/schemas/employer.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { EmployerFields } from './employer-fields.tsx';
import {
  type EmployerFormValues,
  employerFieldNames,
  emptyEmployerValues,
  toEmployerInput,
} from './employer-form-values.ts';
import { useCreateEmployer } from './employers.queries.ts';

const formId = 'employer-new';
const idFor = (path: string) => fieldDomId(formId, path);
const knownFields = new Set<string>(employerFieldNames);

/** Registers an employer; an organisation number already registered is refused with a link to that employer. */
export function NewEmployerPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!can(user.role, 'employer.manage')) {
    return (
      <>
        <PageHeader title={t('newEmployer.title')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }
  return <NewEmployerForm />;
}

function NewEmployerForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const create = useCreateEmployer();
  const form = useFormFailure(locale);
  const [values, setValues] = useState<EmployerFormValues>(emptyEmployerValues);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input = toEmployerInput(values);
    const parsed = employerInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    create.mutate(input, {
      onSuccess: (employer) => navigate(`/arbetsgivare/${employer.id}`, { state: { notice: 'created' } }),
      onError: form.fromError,
    });
  }

  const duplicateId =
    form.failure?.apiError?.code === 'EMPLOYER_ALREADY_REGISTERED'
      ? form.failure.apiError.existingId
      : undefined;

  return (
    <>
      <PageHeader title={t('newEmployer.title')} lead={t('newEmployer.lead')} />
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          const top = field.split('.')[0] ?? '';
          return knownFields.has(top) ? idFor(top) : undefined;
        }}
      >
        {duplicateId ? (
          <p>
            <Link to={`/arbetsgivare/${duplicateId}`}>{t('newEmployer.goToExisting')}</Link>
          </p>
        ) : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('newEmployer.title')}>
        <EmployerFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          idFor={idFor}
          errorFor={form.errorFor}
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('newEmployer.submit')}</SubmitButton>
          <Link to="/arbetsgivare" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
