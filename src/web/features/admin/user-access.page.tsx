import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { accessWhatLabel } from '../../../core/access-log.ts';
import type { UserAccessLogList } from '../../../core/schemas/auth.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { exportHref } from '../attendance/attendance.queries.ts';
import { useUserAccessLog } from './access-review.queries.ts';
import { useUsers } from './users.queries.ts';

type Entry = UserAccessLogList['items'][number];

/** What one user of the organisation read or changed, for the administrator. */
export function UserAccessPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const users = useUsers(true);
  const name = users.data?.items.find((u) => u.id === id)?.name ?? '';
  const log = useUserAccessLog(id, page);
  const columns: Column<Entry>[] = [
    { key: 'at', header: t('accessLog.at'), isRowHeader: true, cell: (e) => formatDateTime(e.at) },
    { key: 'participant', header: t('userAccess.participant'), cell: (e) => <ParticipantCell entry={e} /> },
    {
      key: 'action',
      header: t('accessLog.action'),
      cell: (e) => t(`accessAction.${e.action}` as 'accessAction.read', { defaultValue: e.action }),
    },
    {
      key: 'what',
      header: t('accessLog.what'),
      cell: (e) => accessWhatLabel(locale, e.what),
    },
    { key: 'role', header: t('field.role'), cell: (e) => t(`role.${e.role}`) },
    { key: 'centre', header: t('field.centreId'), cell: (e) => e.centreName ?? '' },
  ];
  return (
    <>
      <PageHeader
        title={t('userAccess.title', { name })}
        documentTitle={t('userAccess.documentTitle')}
        lead={t('userAccess.lead')}
      />
      <p>
        <Link to="/admin/anvandare">{t('userAccess.back')}</Link>
      </p>
      <div className="form-actions">
        <a
          className="button button-secondary"
          href={exportHref(`/users/${id}/access-log`, { format: 'csv' })}
          download
        >
          {t('attendance.downloadCsv')}
        </a>
        <a
          className="button button-secondary"
          href={exportHref(`/users/${id}/access-log`, { format: 'xlsx' })}
          download
        >
          {t('attendance.downloadXlsx')}
        </a>
      </div>
      <QueryState query={log}>
        {(data) => (
          <>
            <p>{t('accessLog.count', { count: data.total })}</p>
            <DataTable
              caption={t('userAccess.caption', { name })}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(e) => String(e.id)}
              emptyText={t('accessLog.empty')}
            />
            <Pagination page={page} pageSize={50} total={data.total} onPageChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** The participant, a link when the administrator may open the record; a protected person only as such. */
export function ParticipantCell({
  entry,
}: {
  entry: Pick<Entry, 'participantId' | 'participantName' | 'linkable' | 'protectedIdentity'>;
}) {
  const { t } = useTranslation();
  if (entry.participantName === null) return <em>{t('userAccess.protected')}</em>;
  if (entry.linkable && entry.participantId)
    return <Link to={`/deltagare/${entry.participantId}`}>{entry.participantName}</Link>;
  return <>{entry.participantName}</>;
}
