import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type EnrolmentFilter, enrolmentFilterKeys } from '../../../core/dashboard.ts';
import { useMunicipalities, useProgrammes } from '../../api/reference.queries.ts';
import { DescriptionList } from '../../components/description-list.tsx';

/** The dashboard conditions the list is narrowed to, in words, with a way back to everyone. */
export function EnrolmentFilterSummary({ filter }: { filter: EnrolmentFilter }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const municipalities = useMunicipalities();
  const programme = programmes.data?.items.find((p) => p.id === filter.programmeId);

  const describe = (key: (typeof enrolmentFilterKeys)[number]): string => {
    switch (key) {
      case 'programmeId':
        return programme?.name ?? '…';
      case 'enrolmentCentreId':
        return programme?.centres.find((c) => c.id === filter.enrolmentCentreId)?.name ?? '…';
      case 'targetGroup':
        return filter.targetGroup ? t(`targetGroupKind.${filter.targetGroup}`) : '';
      case 'municipalityCode':
        return (
          municipalities.data?.items.find((m) => m.code === filter.municipalityCode)?.name ??
          filter.municipalityCode ??
          ''
        );
      case 'legalGender':
        return filter.legalGender ? t(`legalGender.${filter.legalGender}`) : '';
      case 'stepId': {
        const step = programme?.steps.find((s) => s.id === filter.stepId);
        return step ? `${step.ordinal}. ${step.name}` : '…';
      }
      case 'outcome':
        return (filter.outcome ?? []).map((o) => t(`exitOutcome.${o}`)).join(', ');
      case 'followUp':
        return (filter.followUp ?? [])
          .map((f) => (f === 'pending' ? t('dashboard.followUpPending') : t(`followUpStatus.${f}`)))
          .join(', ');
      default:
        return filter[key] ?? '';
    }
  };

  const shown = enrolmentFilterKeys.filter((key) => filter[key] !== undefined);
  return (
    <section className="panel panel-muted" aria-labelledby="enrolment-filter-heading">
      <h2 id="enrolment-filter-heading">{t('dashboard.listFilterHeading')}</h2>
      <DescriptionList
        items={shown.map((key) => ({ key, term: t(`field.${key}`), value: describe(key) }))}
        emptyLabel={t('common.notGiven')}
      />
      <p>
        <Link to="/deltagare">{t('dashboard.listFilterClear')}</Link>
      </p>
    </section>
  );
}
