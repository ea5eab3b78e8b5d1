import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import type { ReferralBasis } from '../../../core/enums.ts';
import { type ReferralInput, referralInput } from '../../../core/schemas/referral.schema.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useReferralBasisOptions, useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { ParticipantFields } from '../participants/participant-fields.tsx';
import {
  emptyParticipantValues,
  type ParticipantFormValues,
  participantFieldNames,
  participantFormIssues,
  toParticipantInput,
} from '../participants/participant-form-values.ts';
import { useParticipant } from '../participants/participants.queries.ts';
import { useCreateReferral } from './referrals.queries.ts';

const formId = 'referral';
const referralFieldNames = [
  'participant',
  'programmeId',
  'centreId',
  'referringOfficer',
  'referringOffice',
  'referredOn',
  'basis',
  'note',
];
const knownFields = new Set([
  ...referralFieldNames,
  ...participantFieldNames.map((name) => `participant.${name}`),
]);

type ReferralValues = {
  programmeId: string;
  centreId: string;
  referringOfficer: string;
  referringOffice: string;
  referredOn: string;
  basis: string;
  note: string;
};

/** Blank choices are left out, so the schema reports them as missing rather than malformed. */
function blankToUndefined<T extends string>(value: string): T {
  return (value === '' ? undefined : value) as T;
}

export function NewReferralPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const existingId = searchParams.get('deltagare');
  const existing = useParticipant(existingId ?? '', Boolean(existingId));
  const title = t('newReferral.title');

  if (existingId && existing.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (existingId && existing.isError) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorState error={existing.error} onRetry={() => existing.refetch()} />
      </>
    );
  }
  return <NewReferralForm existing={existingId && existing.data ? existing.data : null} />;
}

function NewReferralForm({
  existing,
}: {
  existing: { id: string; firstName: string; lastName: string } | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const sortedProgrammes = useSortedByName(programmes.data?.items);
  const basisOptions = useReferralBasisOptions();
  const create = useCreateReferral();
  const form = useFormFailure(locale);

  const [person, setPerson] = useState<ParticipantFormValues>(emptyParticipantValues);
  const [referral, setReferral] = useState<ReferralValues>(() => ({
    programmeId: '',
    centreId: user.centres.length === 1 ? (user.centres[0]?.id ?? '') : '',
    referringOfficer: '',
    referringOffice: '',
    referredOn: todayInSweden(),
    // Most referrals come from the establishment programme; the choice stays visible and can be changed.
    basis: 'establishment_programme',
    note: '',
  }));
  const update = (patch: Partial<ReferralValues>) => setReferral((current) => ({ ...current, ...patch }));

  // With a single programme there is nothing to choose.
  const programmeId =
    referral.programmeId || (sortedProgrammes.length === 1 ? (sortedProgrammes[0]?.id ?? '') : '');
  const programme = sortedProgrammes.find((p) => p.id === programmeId);
  const centres = useSortedByName(
    useMemo(() => {
      const mine = user.centres;
      if (!programme || programme.centres.length === 0) return mine;
      const inProgramme = new Set(programme.centres.map((c) => c.id));
      return mine.filter((c) => inProgramme.has(c.id));
    }, [user.centres, programme]),
  );
  const centreId = referral.centreId || (centres.length === 1 ? (centres[0]?.id ?? '') : '');

  const idFor = (path: string) => fieldDomId(formId, path);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const input: ReferralInput = {
      participantId: existing?.id ?? null,
      participant: existing ? null : toParticipantInput(person),
      programmeId: blankToUndefined(programmeId),
      centreId: blankToUndefined(centreId),
      referringOfficer: referral.referringOfficer,
      referringOffice: referral.referringOffice,
      referredOn: referral.referredOn,
      basis: blankToUndefined<ReferralBasis>(referral.basis),
      note: referral.note,
    };
    const parsed = referralInput.safeParse(input);
    const issues = parsed.success ? [] : parsed.error.issues;
    const shown = existing ? issues : participantFormIssues(person, issues, 'participant.');
    if (shown.length > 0) {
      form.fromIssues(shown);
      return;
    }
    create.mutate(input, {
      onSuccess: (saved) =>
        navigate(`/deltagare/${saved.participantId}`, { state: { notice: 'referralSaved' } }),
      onError: form.fromError,
    });
  }

  const duplicateId =
    form.failure?.apiError?.code === 'PARTICIPANT_ALREADY_REGISTERED'
      ? form.failure.apiError.existingId
      : undefined;

  return (
    <>
      <PageHeader
        title={t('newReferral.title')}
        lead={
          existing ? t('newReferral.leadExisting', { name: personName(existing) }) : t('newReferral.lead')
        }
      />
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (knownFields.has(field) ? idFor(field) : undefined)}
      >
        {duplicateId ? (
          <p>
            <Link to={`/deltagare/${duplicateId}`}>{t('newReferral.goToExisting')}</Link>
          </p>
        ) : null}
      </ErrorSummary>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {existing ? null : (
          <ParticipantFields
            values={person}
            onChange={(patch) => setPerson((current) => ({ ...current, ...patch }))}
            idFor={(name) => idFor(`participant.${name}`)}
            errorFor={(name) => form.errorFor(`participant.${name}`)}
          />
        )}
        <fieldset className="form-section">
          <legend className="form-section-title">{t('newReferral.referralSection')}</legend>
          {programmes.isError ? (
            <ErrorState error={programmes.error} onRetry={() => programmes.refetch()} />
          ) : null}
          <SelectField
            id={idFor('programmeId')}
            label={t('field.programmeId')}
            error={form.errorFor('programmeId')}
            value={programmeId}
            onChange={(value) => update({ programmeId: value, centreId: '' })}
            options={sortedProgrammes.map((p) => ({ value: p.id, label: p.name }))}
            placeholder={programmes.isPending ? t('common.loading') : t('common.choose')}
            isRequired
          />
          <SelectField
            id={idFor('centreId')}
            label={t('field.centreId')}
            error={form.errorFor('centreId')}
            value={centreId}
            onChange={(value) => update({ centreId: value })}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('common.choose')}
            isRequired
          />
          <TextInputField
            id={idFor('referringOfficer')}
            label={t('field.referringOfficer')}
            error={form.errorFor('referringOfficer')}
            value={referral.referringOfficer}
            onChange={(value) => update({ referringOfficer: value })}
            autoComplete="off"
            isRequired
          />
          <TextInputField
            id={idFor('referringOffice')}
            label={t('field.referringOffice')}
            error={form.errorFor('referringOffice')}
            value={referral.referringOffice}
            onChange={(value) => update({ referringOffice: value })}
            autoComplete="off"
          />
          <DateInputField
            id={idFor('referredOn')}
            label={t('field.referredOn')}
            error={form.errorFor('referredOn')}
            value={referral.referredOn}
            onChange={(value) => update({ referredOn: value })}
            isRequired
          />
          <SelectField
            id={idFor('basis')}
            label={t('field.basis')}
            error={form.errorFor('basis')}
            value={referral.basis}
            onChange={(value) => update({ basis: value })}
            options={basisOptions}
            placeholder={t('common.choose')}
            isRequired
          />
          <TextInputField
            id={idFor('note')}
            label={t('field.note')}
            error={form.errorFor('note')}
            value={referral.note}
            onChange={(value) => update({ note: value })}
            dir="auto"
            multiline
          />
        </fieldset>
        <div className="form-actions">
          <SubmitButton isPending={create.isPending}>{t('newReferral.submit')}</SubmitButton>
          <Link to={existing ? `/deltagare/${existing.id}` : '/remisser'} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
