import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type ParticipantStatus, participantStatuses } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import type { ParticipantSummary } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useParticipantList } from './participants.queries.ts';
import { ProtectedIdentityMarker } from './protected-identity-marker.tsx';

const pageSize = 25;

function isStatus(value: string | null): value is ParticipantStatus {
  return (participantStatuses as readonly string[]).includes(value ?? '');
}

export function ParticipantListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const centres = useSortedByName(user.centres);
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const centreId = searchParams.get('centrum') ?? '';
  const statusParam = searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const [query, setQuery] = useState(q);

  const list = useParticipantList({ q, centreId, status, page, pageSize });

  function setParams(patch: Record<string, string>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('sida' in patch)) next.delete('sida');
    setSearchParams(next);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ q: query.trim() });
  }

  const columns: Column<ParticipantSummary>[] = [
    {
      key: 'name',
      header: t('participants.columns.name'),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link to={`/deltagare/${p.id}`}>
            <bdi>
              {p.lastName}, {p.firstName}
            </bdi>
          </Link>
          {p.protectedIdentity ? <ProtectedIdentityMarker /> : null}
        </>
      ),
    },
    { key: 'identity', header: t('participants.columns.identityNumber'), cell: (p) => p.identityNumber },
    { key: 'centre', header: t('participants.columns.centre'), cell: (p) => p.centreName },
    {
      key: 'status',
      header: t('participants.columns.status'),
      cell: (p) => <StatusBadge kind="participant" status={p.status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('participants.title')}
        actions={
          can(user.role, 'referral.write') ? (
            <Button className="button button-primary" onPress={() => navigate('/remisser/ny')}>
              {t('participants.newReferral')}
            </Button>
          ) : null
        }
      />
      <div className="filters">
        <search>
          <form className="search-form" onSubmit={search}>
            <TextInputField
              id="participant-search"
              type="search"
              label={t('participants.searchLabel')}
              description={t('participants.searchHint')}
              value={query}
              onChange={setQuery}
              dir="auto"
            />
            <Button type="submit" className="button button-primary">
              {t('common.search')}
            </Button>
          </form>
        </search>
        <div className="filter-row">
          <SelectField
            id="participant-centre"
            label={t('field.centreId')}
            value={centreId}
            onChange={(value) => setParams({ centrum: value })}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('participants.allCentres')}
          />
          <SelectField
            id="participant-status"
            label={t('field.status')}
            value={status}
            onChange={(value) => setParams({ status: value })}
            options={participantStatuses.map((s) => ({ value: s, label: t(`participantStatus.${s}`) }))}
            placeholder={t('participants.allStatuses')}
          />
        </div>
      </div>

      <p className="result-count" role="status">
        {list.data ? t('participants.resultCount', { count: list.data.total }) : ''}
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <div aria-busy={list.isFetching || undefined}>
          <DataTable
            caption={t('participants.tableCaption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(p) => p.id}
            emptyText={q ? t('participants.noMatches', { q }) : t('participants.empty')}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(next) => setParams({ sida: String(next) })}
          />
        </div>
      ) : null}
    </>
  );
}
