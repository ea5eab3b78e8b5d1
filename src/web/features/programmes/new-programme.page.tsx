import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../core/permissions.ts';
import { type OrganisationDetail, programmeInput } from '../../../core/schemas/programme.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { ProgrammeFields, programmeFieldPath, useSummaryFailure } from './programme-fields.tsx';
import { emptyProgrammeValues, type ProgrammeFormValues, toProgrammeInput } from './programme-form-values.ts';
import { useCreateProgramme, useOrganisations } from './programmes.queries.ts';

const formId = 'programme';

export function NewProgrammePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayCreate = can(user.role, 'programme.manage');
  const organisations = useOrganisations();

  if (!mayCreate) {
    return (
      <>
        <PageHeader title={t('programmeForm.newTitle')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('programmeForm.newTitle')} lead={t('programmeForm.newLead')} />
      <QueryState query={organisations}>
        {(data) => <NewProgrammeForm organisations={data.items} />}
      </QueryState>
    </>
  );
}

function NewProgrammeForm({ organisations }: { organisations: OrganisationDetail[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useCreateProgramme();
  const form = useFormFailure(locale);
  const summaryFailure = useSummaryFailure(form.failure);
  // With a single centre of one's own there is nothing to choose, but the choice stays visible.
  const [values, setValues] = useState<ProgrammeFormValues>(() =>
    emptyProgrammeValues(user.centres.length === 1 ? user.centres.map((c) => c.id) : []),
  );
  const idFor = (path: string) => fieldDomId(formId, path);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input = toProgrammeInput(values);
    const parsed = programmeInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    create.mutate(input, {
      onSuccess: (created) => navigate(`/program/${created.id}`, { state: { notice: 'created' } }),
      onError: form.fromError,
    });
  }

  return (
    <>
      <ErrorSummary
        failure={summaryFailure}
        fieldId={(field) => {
          const path = programmeFieldPath(field);
          return path ? idFor(path) : undefined;
        }}
      />
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProgrammeFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          idFor={idFor}
          errors={form.failure?.fields ?? []}
          owner={{ id: user.organisationId, name: user.organisationName }}
          organisations={organisations}
        />
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('programmeForm.submit')}</SubmitButton>
          <Link className="button button-secondary" to="/program">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
