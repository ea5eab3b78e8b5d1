import { type ChangeEvent, type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import { type ReferralImportReport, referralImportInput } from '../../../core/schemas/referral.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, type Issue, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useImportReferrals } from '../referrals/referrals.queries.ts';
import { ImportReport } from './import-report.tsx';

const formId = 'import';
const knownFields = new Set(['programmeId', 'centreId', 'csv']);
const expectedHeader =
  'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Kontor;Grund;Anteckning;Telefon;E-post;Språk';

export function ReferralImportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const sortedProgrammes = useSortedByName(programmes.data?.items);
  const importReferrals = useImportReferrals();
  const form = useFormFailure(locale);
  const [chosenProgrammeId, setProgrammeId] = useState('');
  const [chosenCentreId, setCentreId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ReferralImportReport | null>(null);
  const [fileName, setFileName] = useState('');
  const idFor = (name: string) => fieldDomId(formId, name);

  const programmeId =
    chosenProgrammeId || (sortedProgrammes.length === 1 ? (sortedProgrammes[0]?.id ?? '') : '');
  const programme = sortedProgrammes.find((p) => p.id === programmeId);
  const centres = useSortedByName(
    useMemo(() => {
      if (!programme || programme.centres.length === 0) return user.centres;
      const inProgramme = new Set(programme.centres.map((c) => c.id));
      return user.centres.filter((c) => inProgramme.has(c.id));
    }, [programme, user.centres]),
  );
  const centreId = chosenCentreId || (centres.length === 1 ? (centres[0]?.id ?? '') : '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (importReferrals.isPending) return;
    setReport(null);
    // The server removes a byte order mark and accepts ; or , as separator.
    const csv = file ? await file.text() : '';
    const input = { programmeId, centreId, csv };
    const parsed = referralImportInput.safeParse(input);
    const issues: Issue[] = parsed.success
      ? []
      : parsed.error.issues.filter((i) => i.path[0] !== 'csv' || file !== null);
    if (!file) issues.push(customIssue('csv', 'required'));
    if (issues.length > 0) {
      form.fromIssues(issues);
      return;
    }
    importReferrals.mutate(input, {
      onSuccess: (result) => {
        form.clear();
        setFileName(file?.name ?? '');
        setReport(result);
      },
      onError: form.fromError,
    });
  }

  if (!can(user.role, 'referral.write')) {
    return (
      <>
        <PageHeader title={t('import.title')} />
        <Notice tone="warning">{t('common.noPermission')}</Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <ExpectedColumns />
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      />
      {programmes.isError ? (
        <ErrorState error={programmes.error} onRetry={() => programmes.refetch()} />
      ) : null}
      <form className="form panel" onSubmit={submit} noValidate>
        <SelectField
          id={idFor('programmeId')}
          label={t('field.programmeId')}
          error={form.errorFor('programmeId')}
          value={programmeId}
          onChange={(value) => {
            setProgrammeId(value);
            setCentreId('');
          }}
          options={sortedProgrammes.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={programmes.isPending ? t('common.loading') : t('common.choose')}
          isRequired
        />
        <SelectField
          id={idFor('centreId')}
          label={t('field.centreId')}
          error={form.errorFor('centreId')}
          value={centreId}
          onChange={setCentreId}
          options={centres.map((c) => ({ value: c.id, label: c.name }))}
          placeholder={t('common.choose')}
          isRequired
        />
        <FileField
          id={idFor('csv')}
          label={t('import.file')}
          description={t('import.fileHint')}
          error={form.errorFor('csv')}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
        <div className="form-actions">
          <SubmitButton isPending={importReferrals.isPending}>{t('import.submit')}</SubmitButton>
        </div>
      </form>
      {report ? <ImportReport report={report} fileName={fileName} /> : null}
    </>
  );
}

function FileField({
  id,
  label,
  description,
  error,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const baseId = useId();
  const describedBy = [`${baseId}-description`, error ? `${baseId}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <span className="required-marker" aria-hidden="true">
          *
        </span>
      </div>
      <div id={`${baseId}-description`} className="field-description">
        {description}
      </div>
      {error ? (
        <div id={`${baseId}-error`} className="field-error">
          {error}
        </div>
      ) : null}
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="file-input"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        required
        onChange={onChange}
      />
    </div>
  );
}

function ExpectedColumns() {
  const { t } = useTranslation();
  return (
    <section className="panel panel-muted">
      <h2 id="import-columns-heading">{t('import.columnsHeading')}</h2>
      <p>{t('import.columnsLead')}</p>
      <pre className="code-block">
        <code>{expectedHeader}</code>
      </pre>
      <ul>
        <li>{t('import.columnPersonnummer')}</li>
        <li>{t('import.columnRemissdatum')}</li>
        <li>
          {t('import.columnGrund')}
          <ul>
            <li>
              <code>etableringsprogrammet</code>
            </li>
            <li>
              <code>jobb- och utvecklingsgarantin</code>
            </li>
            <li>
              <code>socialtjänst efter etableringsprogrammet</code>
            </li>
          </ul>
        </li>
        <li>{t('import.columnSprak')}</li>
        <li>{t('import.columnOptional')}</li>
        <li>{t('import.repeatable')}</li>
      </ul>
    </section>
  );
}
