import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EmployerOutcomes, PlacementSummary } from '../../../core/schemas/placement.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { PlacementStatusBadge } from './placement-status-badge.tsx';
import { useEmployerOutcomes } from './placements.queries.ts';

type Job = EmployerOutcomes['jobs'][number];

/** What came of the employer: its placements, the jobs that followed and who is still in follow-up. */
export function EmployerOutcomesSection({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const outcomes = useEmployerOutcomes(employerId);
  return (
    <section aria-labelledby="employer-outcomes-heading">
      <h2 id="employer-outcomes-heading">{t('employerOutcomes.heading')}</h2>
      <QueryState query={outcomes}>
        {(data) => (
          <>
            <p>{t('employerOutcomes.summary', data.counts)}</p>
            <h3 id="employer-placements-heading">{t('employerOutcomes.placementsHeading')}</h3>
            <DataTable<PlacementSummary>
              caption={t('employerOutcomes.placementsHeading')}
              captionHidden
              columns={[
                {
                  key: 'name',
                  header: t('employerOutcomes.columns.participant'),
                  isRowHeader: true,
                  cell: (p) => (
                    <Link to={`/praktik/${p.id}`}>
                      <bdi>{personName(p)}</bdi>
                    </Link>
                  ),
                },
                {
                  key: 'period',
                  header: t('placements.columns.period'),
                  cell: (p) => `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`,
                },
                {
                  key: 'supervisor',
                  header: t('placements.columns.supervisor'),
                  cell: (p) => p.supervisorName,
                },
                {
                  key: 'status',
                  header: t('placements.columns.status'),
                  cell: (p) => <PlacementStatusBadge status={p.status} />,
                },
              ]}
              rows={data.placements}
              rowKey={(p) => p.id}
              emptyText={t('employerOutcomes.noPlacements')}
            />
            <h3>{t('employerOutcomes.jobsHeading')}</h3>
            <DataTable<Job>
              caption={t('employerOutcomes.jobsHeading')}
              captionHidden
              columns={[
                {
                  key: 'name',
                  header: t('employerOutcomes.columns.participant'),
                  isRowHeader: true,
                  cell: (j) => (
                    <Link to={`/deltagare/${j.participantId}?flik=inskrivning`}>
                      <bdi>{personName(j)}</bdi>
                    </Link>
                  ),
                },
                {
                  key: 'exitedOn',
                  header: t('employerOutcomes.columns.exitedOn'),
                  cell: (j) => formatDate(j.exitedOn),
                },
                {
                  key: 'outcome',
                  header: t('employerOutcomes.columns.outcome'),
                  cell: (j) => t(`exitOutcome.${j.outcome}`),
                },
                {
                  key: 'afterPlacement',
                  header: t('employerOutcomes.columns.afterPlacement'),
                  cell: (j) => (j.afterPlacement ? t('common.yes') : t('common.no')),
                },
                {
                  key: 'followUp',
                  header: t('employerOutcomes.columns.followUp'),
                  cell: (j) =>
                    j.followUpStatus
                      ? t(`followUpStatus.${j.followUpStatus}`)
                      : j.followUpDueOn
                        ? t('employerOutcomes.followUpDue', { date: j.followUpDueOn })
                        : t('common.notGiven'),
                },
              ]}
              rows={data.jobs}
              rowKey={(j) => j.enrolmentId}
              emptyText={t('employerOutcomes.noJobs')}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
