import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import type { Referral } from '../../../core/schemas/referral.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, formatDateTime, personName } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useReferralList } from './referrals.queries.ts';

export function ParticipantReferralsTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const referrals = useReferralList({ participantId: participant.id, pageSize: 200 });

  const columns: Column<Referral>[] = [
    {
      key: 'referredOn',
      header: t('field.referredOn'),
      isRowHeader: true,
      cell: (r) => formatDate(r.referredOn),
    },
    {
      key: 'programme',
      header: t('field.programmeId'),
      cell: (r) => (
        <>
          {r.programmeName}
          <span className="cell-note">{r.centreName}</span>
        </>
      ),
    },
    { key: 'basis', header: t('field.basis'), cell: (r) => t(`referralBasis.${r.basis}`) },
    {
      key: 'officer',
      header: t('field.referringOfficer'),
      cell: (r) => (
        <>
          {r.referringOfficer}
          {r.referringOffice ? <span className="cell-note">{r.referringOffice}</span> : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('field.status'),
      cell: (r) => (
        <>
          <StatusBadge kind="referral" status={r.status} />
          {r.meetingAt ? (
            <span className="cell-note">
              {t('referrals.meetingAtNote', { at: formatDateTime(r.meetingAt) })}
            </span>
          ) : null}
          {r.closedReason ? <span className="cell-note">{r.closedReason}</span> : null}
        </>
      ),
    },
    { key: 'note', header: t('field.note'), cell: (r) => (r.note ? <span dir="auto">{r.note}</span> : '') },
  ];

  return (
    <section>
      <div className="section-header">
        <h2 id="participant-referrals-heading">{t('referrals.participantHeading')}</h2>
        {can(user.role, 'referral.write') && !participant.readOnly ? (
          <Link className="button button-secondary" to={`/remisser/ny?deltagare=${participant.id}`}>
            {t('referrals.newForParticipant')}
          </Link>
        ) : null}
      </div>
      <QueryState query={referrals}>
        {(data) => (
          <DataTable
            caption={t('referrals.participantCaption', { name: personName(participant) })}
            captionHidden
            columns={columns}
            rows={data.items}
            rowKey={(r) => r.id}
            emptyText={t('referrals.noneForParticipant')}
          />
        )}
      </QueryState>
    </section>
  );
}
