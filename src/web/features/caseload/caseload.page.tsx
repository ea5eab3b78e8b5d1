import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseloadItem } from '../../../core/schemas/caseload.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { ProtectedIdentityMarker } from '../participants/protected-identity-marker.tsx';
import { useCaseload } from './caseload.queries.ts';
import { CaseloadWarningBadge } from './caseload-warning-badge.tsx';

export function CaseloadPage() {
  const { t } = useTranslation();
  const caseload = useCaseload();

  const columns: Column<CaseloadItem>[] = [
    {
      key: 'name',
      header: t('caseload.name'),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link to={`/deltagare/${p.participantId}`}>
            <bdi>{personName(p)}</bdi>
          </Link>
          {p.protectedIdentity ? <ProtectedIdentityMarker /> : null}
          {p.isContact ? <span className="cell-note">{t('caseload.contactPerson')}</span> : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('field.status'),
      cell: (p) => <StatusBadge kind="participant" status={p.status} />,
    },
    { key: 'centre', header: t('caseload.centre'), cell: (p) => p.centreName },
    { key: 'plannedEnd', header: t('caseload.plannedEnd'), cell: (p) => formatDate(p.plannedEndOn) },
    { key: 'lastContact', header: t('caseload.lastContact'), cell: (p) => formatDate(p.lastContactOn) },
    { key: 'followUp', header: t('caseload.followUp'), cell: (p) => formatDate(p.followUpDueOn) },
    {
      key: 'warnings',
      header: t('caseload.warnings'),
      cell: (p) =>
        p.warnings.length === 0 ? (
          <span className="muted">{t('caseload.noWarnings')}</span>
        ) : (
          <ul className="plain-list">
            {p.warnings.map((w) => (
              <li key={w}>
                <CaseloadWarningBadge warning={w} />
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('caseload.title')}
        lead={caseload.data ? t('caseload.lead', { date: formatDate(caseload.data.today) }) : undefined}
      />
      <QueryState query={caseload}>
        {(data) => (
          <DataTable
            caption={t('caseload.tableCaption')}
            captionHidden
            columns={columns}
            rows={data.items}
            rowKey={(p) => p.participantId}
            emptyText={t('caseload.empty')}
          />
        )}
      </QueryState>
    </>
  );
}
