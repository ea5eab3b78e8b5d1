import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { isApiError } from '../../api/client.ts';
import { DataTable } from '../../components/data-table.tsx';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { NotFoundPage } from '../../layout/not-found.page.tsx';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { useParticipant } from '../participants/participants.queries.ts';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { usePlan } from './action-plans.queries.ts';
import { byOrdinal, useGoalColumns } from './plan-goals.tsx';

/** The plan on one A4 sheet to sign with the participant: who, which programme, the goals, two signatures. */
export function PlanPrintPage() {
  const { t } = useTranslation();
  const { id = '', enrolmentId = '' } = useParams();
  const participant = useParticipant(id);
  const enrolments = useEnrolments(id);
  const plan = usePlan(enrolmentId);
  const columns = useGoalColumns(true);
  const title = t('actionPlan.printTitle');
  const documentTitle = t('actionPlan.printDocumentTitle');
  const backTo = `/deltagare/${id}?flik=plan`;

  const error = participant.error ?? enrolments.error ?? plan.error;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFoundPage />;
    const retry = () => {
      void participant.refetch();
      void enrolments.refetch();
      void plan.refetch();
    };
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <ErrorState error={error} onRetry={retry} />
      </>
    );
  }
  const person = participant.data;
  const data = plan.data;
  if (!person || !enrolments.data || !data) {
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <Loading />
      </>
    );
  }

  const enrolment = enrolments.data.items.find((e) => e.id === enrolmentId);
  if (!enrolment) {
    return (
      <>
        <PageHeader title={title} documentTitle={documentTitle} />
        <Notice tone="error">{t('actionPlan.enrolmentNotFound')}</Notice>
      </>
    );
  }
  const facts: DescriptionItem[] = [
    { key: 'name', term: t('field.name'), value: <bdi>{personName(person)}</bdi> },
    { key: 'identity', term: t(`identityType.${person.identityType}`), value: person.identityNumber },
    { key: 'programme', term: t('actionPlan.programme'), value: data.programmeName },
    { key: 'centre', term: t('actionPlan.centre'), value: enrolment.centreName },
    { key: 'enrolled', term: t('actionPlan.enrolled'), value: formatDate(enrolment.startsOn) },
    {
      key: 'reviewed',
      term: t('actionPlan.lastReviewed'),
      value:
        data.reviewedOn && data.reviewedByName
          ? `${formatDate(data.reviewedOn)}, ${data.reviewedByName}`
          : t('actionPlan.notReviewed'),
    },
    { key: 'printed', term: t('actionPlan.printed'), value: todayInSweden() },
  ];

  return (
    <div className="print-sheet">
      <div className="print-actions">
        <Button className="button button-primary" onPress={() => window.print()}>
          {t('actionPlan.printButton')}
        </Button>
        <Link className="button button-secondary" to={backTo}>
          {t('actionPlan.backToParticipant')}
        </Link>
      </div>
      <PageHeader title={title} documentTitle={documentTitle} />
      {person.protectedIdentity ? (
        <p className="print-protected">
          <ProtectedIdentityMarker /> {t('actionPlan.protectedNotice')}
        </p>
      ) : null}
      <DescriptionList items={facts} emptyLabel={t('common.notGiven')} />
      {data.closedOn ? (
        <Notice tone="info">{t('actionPlan.closedNotice', { date: formatDate(data.closedOn) })}</Notice>
      ) : null}
      <h2>{t('actionPlan.goalsCaption')}</h2>
      <DataTable
        caption={t('actionPlan.goalsCaption')}
        captionHidden
        columns={columns}
        rows={[
          ...byOrdinal(data.goals.filter((g) => g.term === 'short')),
          ...byOrdinal(data.goals.filter((g) => g.term === 'long')),
        ]}
        rowKey={(g) => g.id}
        emptyText={t('actionPlan.noGoalsToPrint')}
      />
      <section className="print-signatures" aria-labelledby="print-signatures-heading">
        <h2 id="print-signatures-heading">{t('actionPlan.signaturesHeading')}</h2>
        <div className="print-signature-grid">
          {[t('actionPlan.signatureParticipant'), t('actionPlan.signatureStaff')].map((label) => (
            <div key={label} className="print-signature">
              <p className="print-signature-line">{label}</p>
              <p className="print-signature-line">{t('actionPlan.nameClarification')}</p>
              <p className="print-signature-line">{t('actionPlan.signatureDate')}</p>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
