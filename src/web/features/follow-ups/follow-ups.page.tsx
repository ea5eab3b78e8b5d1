import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type FollowUpDueFilter,
  type FollowUpSummary,
  followUpDueFilters,
} from '../../../core/schemas/follow-up.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useFollowUpList } from './follow-ups.queries.ts';

const pageSize = 50;
// The filter in the address is Swedish, like the rest of the app's addresses.
const filterParam: Record<FollowUpDueFilter, string> = { open: 'oppna', overdue: 'forsenade', all: 'alla' };
const filterLabel = {
  open: 'followUps.filterOpen',
  overdue: 'followUps.filterOverdue',
  all: 'followUps.filterAll',
} as const;

/** The follow-up worklist: open and overdue follow-ups after exit. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const due =
    followUpDueFilters.find((f) => filterParam[f] === searchParams.get('visa')) ??
    ('open' as FollowUpDueFilter);
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const list = useFollowUpList(due, page, pageSize);

  const columns: Column<FollowUpSummary>[] = [
    {
      key: 'participant',
      header: t('followUps.columns.participant'),
      isRowHeader: true,
      cell: (f) => <Link to={`/deltagare/${f.participantId}?flik=inskrivning`}>{f.participantName}</Link>,
    },
    {
      key: 'programme',
      header: t('followUps.columns.programme'),
      cell: (f) => (
        <>
          {f.programmeName}
          <span className="cell-note">{f.centreName}</span>
        </>
      ),
    },
    {
      key: 'exit',
      header: t('followUps.columns.exit'),
      cell: (f) => (
        <>
          {formatDate(f.exitedOn)}
          <span className="cell-note">{t(`exitOutcome.${f.exitOutcome}`)}</span>
        </>
      ),
    },
    {
      key: 'due',
      header: t('followUps.columns.due'),
      cell: (f) => (
        <>
          {formatDate(f.dueOn)}{' '}
          {f.overdue ? <span className="badge badge-warning">{t('followUps.overdue')}</span> : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('followUps.columns.status'),
      cell: (f) => (f.status ? t(`followUpStatus.${f.status}`) : t('followUps.open')),
    },
    { key: 'attempts', header: t('followUps.columns.attempts'), cell: (f) => String(f.attemptCount) },
  ];

  return (
    <div className="stack">
      <PageHeader title={t('followUps.heading')} lead={t('followUps.lead')} />
      <div className="filters">
        <SelectField
          id="follow-up-filter"
          label={t('followUps.filterLabel')}
          value={due}
          onChange={(value) => {
            const next = new URLSearchParams(searchParams);
            next.set('visa', filterParam[value as FollowUpDueFilter]);
            next.delete('sida');
            setSearchParams(next);
          }}
          options={followUpDueFilters.map((f) => ({ value: f, label: t(filterLabel[f]) }))}
        />
      </div>
      <QueryState query={list}>
        {(data) => (
          <>
            <DataTable
              caption={t('followUps.tableCaption')}
              captionHidden
              columns={columns}
              rows={data.items}
              rowKey={(f) => f.id}
              emptyText={t('followUps.empty')}
            />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={data.total}
              onPageChange={(next) => {
                const params = new URLSearchParams(searchParams);
                params.set('sida', String(next));
                setSearchParams(params);
              }}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
