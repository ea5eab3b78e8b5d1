import { type FormEvent, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type EmployerOffer, employerOffers } from '../../../core/enums.ts';
import { formatOrganisationNumber } from '../../../core/organisation-number.ts';
import { can } from '../../../core/permissions.ts';
import type { EmployerSummary } from '../../../core/schemas/employer.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useEmployerList } from './employers.queries.ts';
import { useMunicipalityOptions } from './reference-options.ts';

const pageSize = 25;

type Filters = { q: string; municipalityCode: string; offers: EmployerOffer | ''; page: number };

function isOffer(value: string | null): value is EmployerOffer {
  return (employerOffers as readonly string[]).includes(value ?? '');
}

/** Employers, searched by name or organisation number and filtered by municipality and what they offer. */
export function EmployerListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const municipalities = useMunicipalityOptions();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const municipalityCode = searchParams.get('kommun') ?? '';
  const offersParam = searchParams.get('erbjuder');
  const offers = isOffer(offersParam) ? offersParam : '';
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const [query, setQuery] = useState(q);
  const [filters, setFilters] = useState<Filters>({ q, municipalityCode, offers, page });
  // Follow the address when it changes some other way (back and forward).
  useEffect(() => setFilters({ q, municipalityCode, offers, page }), [q, municipalityCode, offers, page]);
  useEffect(() => setQuery(q), [q]);

  const list = useEmployerList({ ...filters, pageSize });

  function apply(patch: Partial<Filters>) {
    const next: Filters = { ...filters, page: 1, ...patch };
    // Drop the old rows in the same event, so nothing ever shows results that do not match the new search.
    flushSync(() => setFilters(next));
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.municipalityCode) params.set('kommun', next.municipalityCode);
    if (next.offers) params.set('erbjuder', next.offers);
    if (next.page > 1) params.set('sida', String(next.page));
    setSearchParams(params);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: query.trim() });
  }

  const columns: Column<EmployerSummary>[] = [
    {
      key: 'name',
      header: t('employers.columns.name'),
      isRowHeader: true,
      cell: (e) => (
        <Link to={`/arbetsgivare/${e.id}`}>
          <bdi>{e.name}</bdi>
        </Link>
      ),
    },
    {
      key: 'organisationNumber',
      header: t('employers.columns.organisationNumber'),
      cell: (e) => formatOrganisationNumber(e.organisationNumber),
    },
    { key: 'industry', header: t('employers.columns.industry'), cell: (e) => e.industryName ?? '' },
    {
      key: 'municipality',
      header: t('employers.columns.municipality'),
      cell: (e) => e.municipalityName ?? '',
    },
    {
      key: 'offers',
      header: t('employers.columns.offers'),
      cell: (e) => e.offers.map((o) => t(`employerOffer.${o}`)).join(', '),
    },
    { key: 'openOpenings', header: t('employers.columns.openOpenings'), cell: (e) => String(e.openOpenings) },
    {
      key: 'lastContact',
      header: t('employers.columns.lastContact'),
      cell: (e) => <span className="cell-date">{formatDate(e.lastInteractionOn)}</span>,
    },
  ];

  const filtered = filters.municipalityCode !== '' || filters.offers !== '';
  return (
    <>
      <PageHeader
        title={t('employers.title')}
        lead={t('employers.lead')}
        actions={
          <>
            <Link className="button button-secondary" to="/platser">
              {t('employers.toOpenings')}
            </Link>
            {can(user.role, 'employer.manage') ? (
              <Link className="button button-primary" to="/arbetsgivare/ny">
                {t('employers.newEmployer')}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="filters">
        <search>
          <form className="search-form" onSubmit={search}>
            <TextInputField
              id="employer-search"
              type="search"
              label={t('employers.searchLabel')}
              description={t('employers.searchHint')}
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
            id="employer-municipality"
            label={t('field.municipality')}
            value={filters.municipalityCode}
            onChange={(value) => apply({ municipalityCode: value })}
            options={municipalities}
            placeholder={t('employers.allMunicipalities')}
          />
          <SelectField
            id="employer-offers"
            label={t('employers.offersFilter')}
            value={filters.offers}
            onChange={(value) => apply({ offers: isOffer(value) ? value : '' })}
            options={employerOffers.map((o) => ({ value: o, label: t(`employerOffer.${o}`) }))}
            placeholder={t('employers.allOffers')}
          />
        </div>
      </div>

      <p className="result-count" role="status">
        {list.data && !list.isPlaceholderData ? t('employers.resultCount', { count: list.data.total }) : ''}
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <div aria-busy={list.isFetching || undefined}>
          <DataTable
            caption={t('employers.tableCaption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(e) => e.id}
            emptyText={
              filters.q
                ? t('employers.noMatches', { q: filters.q })
                : filtered
                  ? t('employers.noMatchesFiltered')
                  : t('employers.empty')
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
