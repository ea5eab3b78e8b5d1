import { useTranslation } from 'react-i18next';
import { accessWhatLabel } from '../../../core/access-log.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { exportHref } from '../attendance/attendance.queries.ts';
import { type AccessLogList, useAccessLog } from '../participants/participants.queries.ts';

type Entry = AccessLogList['items'][number];

/** Who read or changed the participant's record; shown to administrators only. */
export function AccessLogTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = useAccessLog(participantId, true);
  const columns: Column<Entry>[] = [
    { key: 'at', header: t('accessLog.at'), isRowHeader: true, cell: (e) => formatDateTime(e.at) },
    { key: 'user', header: t('accessLog.user'), cell: (e) => e.userName },
    { key: 'role', header: t('field.role'), cell: (e) => t(`role.${e.role}`) },
    { key: 'centre', header: t('field.centreId'), cell: (e) => e.centreName ?? '' },
    {
      key: 'action',
      header: t('accessLog.action'),
      cell: (e) => t(`accessAction.${e.action}` as 'accessAction.read', { defaultValue: e.action }),
    },
    {
      key: 'what',
      header: t('accessLog.what'),
      // Unknown codes from a newer server show as they are.
      cell: (e) => accessWhatLabel(locale, e.what),
    },
  ];
  return (
    <section>
      <h2 id="access-log-heading">{t('accessLog.heading')}</h2>
      <p>{t('accessLog.lead')}</p>
      <div className="form-actions">
        <a
          className="button button-secondary"
          href={exportHref(`/participants/${participantId}/access-log`, { format: 'csv' })}
          download
        >
          {t('attendance.downloadCsv')}
        </a>
        <a
          className="button button-secondary"
          href={exportHref(`/participants/${participantId}/access-log`, { format: 'xlsx' })}
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
              caption={t('accessLog.heading')}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(e) => String(e.id)}
              emptyText={t('accessLog.empty')}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
