import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type OpeningKind, type OpeningStatus, openingKinds, openingStatuses } from '../../../core/enums.ts';
import type { Opening } from '../../../core/schemas/employer.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useMunicipalityOptions } from '../employers/reference-options.ts';
import { OpeningStatusBadge } from './opening-status-badge.tsx';
import { useOpeningList } from './openings.queries.ts';

const pageSize = 25;

type Filters = {
  q: string;
  kind: OpeningKind | '';
  status: OpeningStatus | '';
  municipalityCode: string;
  page: number;
};

const isKind = (value: string | null): value is OpeningKind =>
  (openingKinds as readonly string[]).includes(value ?? '');
const isStatus = (value: string | null): value is OpeningStatus =>
  (openingStatuses as readonly string[]).includes(value ?? '');

/** Internships and jobs across employers, searched by occupation, title or employer and filtered. */
export function OpeningListPage() {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const kindParam = searchParams.get('typ');
  const kind = isKind(kindParam) ? kindParam : '';
  const statusParam = searchParams.get('status');
  // Open openings are what one looks for; "all statuses" is a choice of its own in the address.
  const status = statusParam === 'alla' ? '' : isStatus(statusParam) ? statusParam : 'open';
  const municipalityCode = searchParams.get('kommun') ?? '';
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const [query, setQuery] = useState(q);
  const [filters, setFilters] = useState<Filters>({ q, kind, status, municipalityCode, page });
  // Follow the address when it changes some other way (back and forward).
  useEffect(
    () => setFilters({ q, kind, status, municipalityCode, page }),
    [q, kind, status, municipalityCode, page],
  );
  useEffect(() => setQuery(q), [q]);

  const list = useOpeningList({ ...filters, pageSize });

  function apply(patch: Partial<Filters>) {
    const next: Filters = { ...filters, page: 1, ...patch };
    // Drop the old rows in the same event, so nothing ever shows results that do not match the new search.
    flushSync(() => setFilters(next));
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.kind) params.set('typ', next.kind);
    if (next.status !== 'open') params.set('status', next.status || 'alla');
    if (next.municipalityCode) params.set('kommun', next.municipalityCode);
    if (next.page > 1) params.set('sida', String(next.page));
    setSearchParams(params);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: query.trim() });
  }

  const columns: Column<Opening>[] = [
    {
      key: 'title',
      header: t('openings.columns.title'),
      isRowHeader: true,
      cell: (o) => (
        <Link to={`/platser/${o.id}`}>
          <bdi>{o.title}</bdi>
        </Link>
      ),
    },
    {
      key: 'employer',
      header: t('openings.columns.employer'),
      cell: (o) => (
        <Link to={`/arbetsgivare/${o.employerId}`}>
          <bdi>{o.employerName}</bdi>
        </Link>
      ),
    },
    { key: 'kind', header: t('openings.columns.kind'), cell: (o) => t(`openingKind.${o.kind}`) },
    { key: 'occupation', header: t('openings.columns.occupation'), cell: (o) => o.occupationName },
    { key: 'places', header: t('openings.columns.places'), cell: (o) => String(o.places) },
    {
      key: 'startsOn',
      header: t('openings.columns.startsOn'),
      cell: (o) => <span className="cell-date">{formatDate(o.startsOn)}</span>,
    },
    {
      key: 'municipality',
      header: t('openings.columns.municipality'),
      cell: (o) => o.municipalityName ?? '',
    },
    {
      key: 'status',
      header: t('openings.columns.status'),
      cell: (o) => <OpeningStatusBadge status={o.status} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('openings.title')} lead={t('openings.lead')} />
      <div className="filters">
        <search>
          <form className="search-form" onSubmit={search}>
            <TextInputField
              id="opening-search"
              type="search"
              label={t('openings.searchLabel')}
              description={t('openings.searchHint')}
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
            id="opening-kind"
            label={t('field.kind')}
            value={filters.kind}
            onChange={(value) => apply({ kind: isKind(value) ? value : '' })}
            options={openingKinds.map((k) => ({ value: k, label: t(`openingKind.${k}`) }))}
            placeholder={t('openings.allKinds')}
          />
          <SelectField
            id="opening-status"
            label={t('field.status')}
            value={filters.status}
            onChange={(value) => apply({ status: isStatus(value) ? value : '' })}
            options={openingStatuses.map((s) => ({ value: s, label: t(`openingStatus.${s}`) }))}
            placeholder={t('openings.allStatuses')}
          />
          <SelectField
            id="opening-municipality"
            label={t('field.municipality')}
            value={filters.municipalityCode}
            onChange={(value) => apply({ municipalityCode: value })}
            options={municipalities}
            placeholder={t('employers.allMunicipalities')}
          />
        </div>
      </div>

      <p className="result-count" role="status">
        {list.data && !list.isPlaceholderData ? t('openings.resultCount', { count: list.data.total }) : ''}
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <div aria-busy={list.isFetching || undefined}>
          <DataTable
            caption={t('openings.tableCaption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(o) => o.id}
            emptyText={
              filters.q
                ? t('openings.noMatches', { q: filters.q })
                : filters.kind || filters.status || filters.municipalityCode
                  ? t('openings.noMatchesFiltered')
                  : t('openings.empty')
            }
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
