import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { type AccessReviewList, useAccessReviews, useStartAccessReview } from './access-review.queries.ts';

type Summary = AccessReviewList['items'][number];

/** YYYY-MM of this month and the previous one, in Stockholm. */
function months(now = new Date()): [string, string] {
  const current = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 7);
  const [year, month] = current.split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return [current, previous];
}

/** The monthly review of the access log: start a month's sample, open the reviews begun. */
export function AccessReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reviews = useAccessReviews();
  const start = useStartAccessReview();
  const [error, setError] = useState<unknown>(null);
  const [current, previous] = months();
  const begun = new Set(reviews.data?.items.map((r) => r.month));

  const startReview = (month: string) =>
    start.mutate(month, {
      onSuccess: (review) => void navigate(`/admin/granskning/${review.id}`),
      onError: (e) => {
        const existing = isApiError(e) ? e.existingId : undefined;
        if (existing) void navigate(`/admin/granskning/${existing}`);
        else setError(e);
      },
    });

  const columns: Column<Summary>[] = [
    {
      key: 'month',
      header: t('accessReview.month'),
      isRowHeader: true,
      cell: (r) => <Link to={`/admin/granskning/${r.id}`}>{r.month}</Link>,
    },
    {
      key: 'progress',
      header: t('accessReview.progress'),
      cell: (r) => t('accessReview.decided', { decided: r.decidedCount, count: r.itemCount }),
    },
    { key: 'flagged', header: t('accessReview.flagged'), cell: (r) => r.flaggedCount },
    {
      key: 'created',
      header: t('accessReview.createdBy'),
      cell: (r) => `${r.createdByName}, ${formatDateTime(r.createdAt)}`,
    },
  ];

  return (
    <>
      <PageHeader title={t('accessReview.title')} lead={t('accessReview.lead')} />
      {error ? <ErrorState error={error} /> : null}
      <div className="form-actions">
        {[current, previous].map((month) =>
          begun.has(month) ? null : (
            <Button
              key={month}
              className={month === current ? 'button button-primary' : 'button button-secondary'}
              isDisabled={start.isPending || reviews.isPending}
              onPress={() => startReview(month)}
            >
              {t('accessReview.start', { month })}
            </Button>
          ),
        )}
      </div>
      <QueryState query={reviews}>
        {(data) => (
          <DataTable
            caption={t('accessReview.listCaption')}
            columns={columns}
            rows={data.items}
            rowKey={(r) => r.id}
            emptyText={t('accessReview.empty')}
          />
        )}
      </QueryState>
    </>
  );
}
