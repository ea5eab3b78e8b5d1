import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { accessWhatLabel } from '../../../core/access-log.ts';
import type { AccessReviewItem } from '../../../core/schemas/access-review.schema.ts';
import { isApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAccessReview, useDecideAccessReviewItem } from './access-review.queries.ts';
import { ParticipantCell } from './user-access.page.tsx';

/** One month's sample: each access confirmed or flagged with a note, with the progress. */
export function AccessReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const review = useAccessReview(id);
  return (
    <QueryState query={review}>
      {(data) => (
        <>
          <PageHeader
            title={t('accessReview.reviewTitle', { month: data.month })}
            documentTitle={t('accessReview.title')}
            lead={t('accessReview.reviewLead')}
          />
          <p>
            <Link to="/admin/granskning">{t('accessReview.back')}</Link>
          </p>
          <p role="status">
            {t('accessReview.decided', { decided: data.decidedCount, count: data.itemCount })}
            {' · '}
            {t('accessReview.flaggedCount', { count: data.flaggedCount })}
          </p>
          {data.items.length === 0 ? (
            <p className="empty">{t('accessReview.noAccesses')}</p>
          ) : (
            <ol className="review-items">
              {data.items.map((item) => (
                <ReviewItem key={item.id} reviewId={data.id} item={item} />
              ))}
            </ol>
          )}
        </>
      )}
    </QueryState>
  );
}

function ReviewItem({ reviewId, item }: { reviewId: string; item: AccessReviewItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useDecideAccessReviewItem(reviewId);
  const [flagging, setFlagging] = useState(false);
  const [note, setNote] = useState(item.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const headingId = `review-item-${item.id}`;
  const save = (outcome: 'confirmed' | 'flagged') =>
    decide.mutate(
      { id: item.id, outcome, note: outcome === 'flagged' ? note : null, version: item.version },
      {
        onSuccess: () => {
          setError(null);
          setFlagging(false);
        },
        onError: setError,
      },
    );
  const noteError =
    isApiError(error) && error.fields.some((f) => f.field === 'note')
      ? error.fields.find((f) => f.field === 'note')?.message
      : undefined;
  return (
    <li className="card review-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="review-item-heading">
        {t('accessReview.itemHeading', {
          ordinal: item.ordinal,
          user: item.userName,
          at: formatDateTime(item.at),
        })}
      </h2>
      <dl className="description-list">
        <dt>{t('userAccess.participant')}</dt>
        <dd>
          <ParticipantCell entry={item} />
        </dd>
        <dt>{t('accessLog.what')}</dt>
        <dd>
          {t(`accessAction.${item.action}` as 'accessAction.read', { defaultValue: item.action })}:{' '}
          {accessWhatLabel(locale, item.what)}
        </dd>
        <dt>{t('field.role')}</dt>
        <dd>
          {t(`role.${item.role}`)}
          {item.centreName ? `, ${item.centreName}` : ''}
        </dd>
        <dt>{t('accessReview.outcome')}</dt>
        <dd>
          <span
            className={`badge badge-${item.outcome === 'flagged' ? 'warning' : item.outcome === 'confirmed' ? 'success' : 'neutral'}`}
          >
            {t(`accessReview.outcomes.${item.outcome}`)}
          </span>
          {item.decidedByName ? ` ${t('accessReview.by', { name: item.decidedByName })}` : ''}
          {item.note ? ` – ${item.note}` : ''}
        </dd>
      </dl>
      {error && !noteError ? <ErrorState error={error} /> : null}
      {isApiError(error) && error.code === 'VERSION_CONFLICT' ? (
        <Notice tone="warning">{t('accessReview.conflict')}</Notice>
      ) : null}
      {flagging ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save('flagged');
          }}
        >
          <TextInputField
            id={`note-${item.id}`}
            label={t('accessReview.note')}
            value={note}
            onChange={setNote}
            multiline
            isRequired
            error={noteError}
          />
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={decide.isPending}>
              {t('accessReview.saveFlag')}
            </Button>
            <Button className="button button-secondary" onPress={() => setFlagging(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="row-actions">
          <Button
            className="button button-primary button-small"
            isDisabled={decide.isPending}
            onPress={() => save('confirmed')}
            aria-describedby={headingId}
          >
            {t('accessReview.confirm')}
          </Button>
          <Button
            className="button button-secondary button-small"
            onPress={() => setFlagging(true)}
            aria-describedby={headingId}
          >
            {t('accessReview.flag')}
          </Button>
        </div>
      )}
    </li>
  );
}
