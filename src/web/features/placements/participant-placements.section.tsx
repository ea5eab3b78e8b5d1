import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { PlacementSummary } from '../../../core/schemas/placement.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { formatHours } from '../attendance/attendance-format.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { PlacementStatusBadge } from './placement-status-badge.tsx';
import { useParticipantPlacements } from './placements.queries.ts';

/** A participant's internship placements, newest first, and the way to a new one. */
export function ParticipantPlacementsSection({
  participantId,
  mayChange,
}: {
  participantId: string;
  mayChange: boolean;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = useLocale();
  const placements = useParticipantPlacements(participantId);
  return (
    <section aria-labelledby="participant-placements-heading">
      <div className="section-header">
        <h2 id="participant-placements-heading">{t('placements.heading')}</h2>
        {mayChange && can(user.role, 'placement.write') ? (
          <Link to={`/praktik/ny?deltagare=${participantId}`} className="button button-secondary">
            {t('placements.new')}
          </Link>
        ) : null}
      </div>
      <QueryState query={placements}>
        {(data) => (
          <DataTable<PlacementSummary>
            caption={t('placements.caption')}
            captionHidden
            columns={[
              {
                key: 'employer',
                header: t('placements.columns.employer'),
                isRowHeader: true,
                cell: (p) => (
                  <Link to={`/praktik/${p.id}`}>
                    <bdi>{p.employerName}</bdi>
                  </Link>
                ),
              },
              {
                key: 'period',
                header: t('placements.columns.period'),
                cell: (p) => `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`,
              },
              {
                key: 'hours',
                header: t('placements.columns.hours'),
                className: 'cell-number',
                cell: (p) => formatHours(p.hoursPerWeek, locale),
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
            rows={data.items}
            rowKey={(p) => p.id}
            emptyText={t('placements.empty')}
          />
        )}
      </QueryState>
    </section>
  );
}
