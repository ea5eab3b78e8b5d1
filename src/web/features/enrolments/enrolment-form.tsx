import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, plannedEndDate, todayInSweden } from '../../../core/dates.ts';
import { type LabourMarketStatus, openReferralStatuses } from '../../../core/enums.ts';
import { type EnrolmentInput, enrolmentInput } from '../../../core/schemas/enrolment.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { targetGroupKindForEducation } from '../../../core/target-group.ts';
import { useProgrammes } from '../../api/reference.queries.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { customIssue, fieldDomId, type Issue, useFormFailure } from '../../components/form-errors.ts';
import { Notice } from '../../components/notice.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useReferralList } from '../referrals/referrals.queries.ts';
import { useEnrol } from './enrolments.queries.ts';
import { LabourMarketStatusField } from './labour-market-status-field.tsx';

const formId = 'enrolment';
const knownFields = new Set([
  'programmeId',
  'centreId',
  'startsOn',
  'targetGroupId',
  'targetGroupOverrideReason',
  'labourMarketStatus',
]);

type EnrolmentFormProps = {
  participant: ParticipantDetail;
  activeProgrammeIds: string[];
  onEnrolled: () => void;
};

export function EnrolmentForm({ participant, activeProgrammeIds, onEnrolled }: EnrolmentFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const referrals = useReferralList({ participantId: participant.id, pageSize: 200 });
  const enrol = useEnrol(participant.id);
  const form = useFormFailure(locale);
  const idFor = (name: string) => fieldDomId(formId, name);

  const available = useSortedByName(
    useMemo(
      () => (programmes.data?.items ?? []).filter((p) => !activeProgrammeIds.includes(p.id)),
      [programmes.data, activeProgrammeIds],
    ),
  );
  const openReferrals = useMemo(
    () =>
      (referrals.data?.items ?? []).filter((r) =>
        (openReferralStatuses as readonly string[]).includes(r.status),
      ),
    [referrals.data],
  );

  const [chosenProgrammeId, setProgrammeId] = useState('');
  const [chosenCentreId, setCentreId] = useState('');
  const [startsOn, setStartsOn] = useState(todayInSweden());
  const [targetGroupId, setTargetGroupId] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [labourMarketStatus, setLabourMarketStatus] = useState('');

  // Defaults: the programme of an open referral, else the only programme; the participant's own centre.
  const programmeId =
    chosenProgrammeId ||
    available.find((p) => openReferrals.some((r) => r.programmeId === p.id))?.id ||
    (available.length === 1 ? (available[0]?.id ?? '') : '');
  const programme = available.find((p) => p.id === programmeId);
  const centres = useSortedByName(
    useMemo(() => {
      if (!programme || programme.centres.length === 0) return user.centres;
      const inProgramme = new Set(programme.centres.map((c) => c.id));
      return user.centres.filter((c) => inProgramme.has(c.id));
    }, [programme, user.centres]),
  );
  const centreId =
    chosenCentreId ||
    centres.find((c) => c.id === participant.centreId)?.id ||
    (centres.length === 1 ? (centres[0]?.id ?? '') : '');

  const derivedKind = targetGroupKindForEducation(participant.educationLevelCode);
  const targetGroups = programme?.targetGroups ?? [];
  const derivedGroup = targetGroups.find((g) => g.kind === derivedKind);
  // Without an education level nothing can be derived: staff must choose, since the group sets the time limit.
  const selectedGroupId = targetGroupId;
  const chosenGroup = selectedGroupId ? targetGroups.find((g) => g.id === selectedGroupId) : derivedGroup;
  const needsReason = Boolean(derivedGroup && chosenGroup && chosenGroup.id !== derivedGroup.id);
  const plannedEnd =
    chosenGroup && isValidIsoDate(startsOn) ? plannedEndDate(startsOn, chosenGroup.maxDurationMonths) : null;
  const referral = openReferrals.find((r) => r.programmeId === programmeId);

  if (programmes.isPending) return <Loading />;
  if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => programmes.refetch()} />;
  if (available.length === 0) return <Notice>{t('enrolments.alreadyEnrolledEverywhere')}</Notice>;

  const groupLabel = (group: { name: string; maxDurationMonths: number }) =>
    t('enrolments.targetGroupOption', { name: group.name, months: group.maxDurationMonths });
  const targetGroupOptions = targetGroups
    .filter((g) => g.id !== derivedGroup?.id)
    .map((g) => ({ value: g.id, label: groupLabel(g) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (enrol.isPending) return;
    const input: EnrolmentInput = {
      programmeId: programmeId || (undefined as unknown as string),
      centreId: centreId || (undefined as unknown as string),
      startsOn,
      targetGroupId: selectedGroupId || null,
      targetGroupOverrideReason: needsReason ? overrideReason : null,
      referralId: referral?.id ?? null,
      labourMarketStatus: (labourMarketStatus || null) as LabourMarketStatus | null,
    };
    const parsed = enrolmentInput.safeParse(input);
    const issues: Issue[] = parsed.success ? [] : [...parsed.error.issues];
    // The same rules the server applies, said before the round trip.
    if (!derivedGroup && !selectedGroupId) issues.push(customIssue('targetGroupId', 'required'));
    if (needsReason && overrideReason.trim() === '') {
      issues.push(customIssue('targetGroupOverrideReason', 'override_reason_required'));
    }
    if (issues.length > 0) {
      form.fromIssues(issues);
      return;
    }
    enrol.mutate(input, {
      onSuccess: () => {
        form.clear();
        onEnrolled();
      },
      onError: form.fromError,
    });
  }

  const preview: DescriptionItem[] = [
    {
      key: 'derived',
      term: t('enrolments.derivedTargetGroup'),
      value: derivedGroup
        ? groupLabel(derivedGroup)
        : derivedKind
          ? t(`targetGroupKind.${derivedKind}`)
          : t('enrolments.noEducationLevel'),
    },
    { key: 'plannedEnd', term: t('enrolments.plannedEnd'), value: plannedEnd ?? '' },
  ];

  const failureCode = form.failure?.apiError?.code;
  return (
    <section className="panel">
      <h2 id="enrolment-form-heading">{t('enrolments.formHeading')}</h2>
      {referral ? <p>{t('enrolments.fromReferral', { date: referral.referredOn })}</p> : null}
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => {
          // The server names these rules by code, not by field.
          if (field === 'targetGroupId' || failureCode === 'TARGET_GROUP_REQUIRED')
            return idFor('targetGroupId');
          return knownFields.has(field) ? idFor(field) : undefined;
        }}
      >
        {failureCode === 'CONSENT_REQUIRED' ? <p>{t('enrolments.consentRequiredHelp')}</p> : null}
      </ErrorSummary>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id={idFor('programmeId')}
          label={t('field.programmeId')}
          error={form.errorFor('programmeId')}
          value={programmeId}
          onChange={(value) => {
            setProgrammeId(value);
            setCentreId('');
            setTargetGroupId('');
          }}
          options={available.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={t('common.choose')}
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
        <DateInputField
          id={idFor('startsOn')}
          label={t('field.startsOn')}
          error={form.errorFor('startsOn')}
          value={startsOn}
          onChange={setStartsOn}
          isRequired
        />
        {derivedGroup ? null : <Notice tone="warning">{t('enrolments.targetGroupChooseHint')}</Notice>}
        <SelectField
          id={idFor('targetGroupId')}
          label={t('field.targetGroupId')}
          description={derivedGroup ? t('enrolments.targetGroupHint') : undefined}
          error={form.errorFor('targetGroupId')}
          value={selectedGroupId}
          onChange={setTargetGroupId}
          options={targetGroupOptions}
          placeholder={
            derivedGroup
              ? t('enrolments.derivedOption', { group: groupLabel(derivedGroup) })
              : t('common.choose')
          }
          isRequired
        />
        {needsReason ? (
          <TextInputField
            id={idFor('targetGroupOverrideReason')}
            label={t('field.targetGroupOverrideReason')}
            error={form.errorFor('targetGroupOverrideReason')}
            value={overrideReason}
            onChange={setOverrideReason}
            multiline
            isRequired
          />
        ) : null}
        <LabourMarketStatusField
          id={idFor('labourMarketStatus')}
          error={form.errorFor('labourMarketStatus')}
          value={labourMarketStatus}
          onChange={setLabourMarketStatus}
        />
        <div className="preview">
          <p className="preview-title">{t('enrolments.previewLabel')}</p>
          <DescriptionList items={preview} emptyLabel={t('common.notGiven')} />
        </div>
        <div className="form-actions">
          <SubmitButton isPending={enrol.isPending}>{t('enrolments.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
