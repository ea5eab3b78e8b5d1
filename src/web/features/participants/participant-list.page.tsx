import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { type EnrolmentFilter, enrolmentFilterParams } from '../../../core/dashboard.ts';
import { type ParticipantStatus, participantStatuses } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import type { ParticipantSummary } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { EnrolmentFilterSummary } from './enrolment-filter-summary.tsx';
import { enrolmentFilterFromUrl, enrolmentFilterUrlParams } from './participant-list-filters.ts';
import { useParticipantList } from './participants.queries.ts';
import { ProtectedIdentityMarker } from './protected-identity-marker.tsx';

const pageSize = 25;

type Filters = {
  q: string;
  centreId: string;
  status: ParticipantStatus | '';
  /** The people behind a dashboard figure, when the list was opened from one. */
  enrolment: EnrolmentFilter;
  page: number;
};

function searchTermOf(state: unknown): string {
  const q = (state as { q?: unknown } | null)?.q;
  return typeof q === 'string' ? q : '';
}

function isStatus(value: string | null): value is ParticipantStatus {
  return (participantStatuses as readonly string[]).includes(value ?? '');
}

export function ParticipantListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const centres = useSortedByName(user.centres);
  const [searchParams, setSearchParams] = useSearchParams();
  // The search term is a name or an identity number: it is kept in the history entry's state, never in the
  // address, so it is in no browser history list, bookmark or proxy log. Back and forward still restore it.
  const location = useLocation();
  const q = searchTermOf(location.state);
  const centreId = searchParams.get('centrum') ?? '';
  const statusParam = searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const enrolmentKey = new URLSearchParams(
    enrolmentFilterUrlParams(enrolmentFilterFromUrl(searchParams)),
  ).toString();
  const enrolment = useMemo(() => enrolmentFilterFromUrl(new URLSearchParams(enrolmentKey)), [enrolmentKey]);
  const [query, setQuery] = useState(q);
  const [filters, setFilters] = useState<Filters>({ q, centreId, status, enrolment, page });
  // Follow the address when it changes some other way (back and forward).
  useEffect(
    () => setFilters({ q, centreId, status, enrolment, page }),
    [q, centreId, status, enrolment, page],
  );
  useEffect(() => setQuery(q), [q]);

  const list = useParticipantList({ ...filters, pageSize });

  function apply(patch: Partial<Filters>) {
    const next: Filters = { ...filters, page: 1, ...patch };
    // Drop the old rows in the same event, so nothing ever shows results that do not match the new search.
    flushSync(() => setFilters(next));
    // The dashboard's conditions stay while searching, filtering and paging.
    const params = new URLSearchParams(enrolmentFilterUrlParams(next.enrolment));
    if (next.centreId) params.set('centrum', next.centreId);
    if (next.status) params.set('status', next.status);
    if (next.page > 1) params.set('sida', String(next.page));
    setSearchParams(params, { state: next.q ? { q: next.q } : null });
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: query.trim() });
  }

  const columns: Column<ParticipantSummary>[] = [
    {
      key: 'name',
      header: t('participants.columns.name'),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link to={`/deltagare/${p.id}`}>
            <bdi>{personName(p)}</bdi>
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
            <Link className="button button-primary" to="/remisser/ny">
              {t('participants.newReferral')}
            </Link>
          ) : null
        }
      />
      {enrolmentFilterParams(filters.enrolment).length > 0 ? (
        <EnrolmentFilterSummary filter={filters.enrolment} />
      ) : null}
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
            value={filters.centreId}
            onChange={(value) => apply({ centreId: value })}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('participants.allCentres')}
          />
          <SelectField
            id="participant-status"
            label={t('field.status')}
            value={filters.status}
            onChange={(value) => apply({ status: isStatus(value) ? value : '' })}
            options={participantStatuses.map((s) => ({ value: s, label: t(`participantStatus.${s}`) }))}
            placeholder={t('participants.allStatuses')}
          />
        </div>
      </div>

      <p className="result-count" role="status">
        {list.data && !list.isPlaceholderData
          ? t('participants.resultCount', { count: list.data.total })
          : ''}
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
            emptyText={filters.q ? t('participants.noMatches', { q: filters.q }) : t('participants.empty')}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(next) => apply({ page: next })}
          />
        </div>
      ) : null}
    </>
  );
}
