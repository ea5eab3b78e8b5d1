import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { openReferralStatuses, type ReferralStatus } from '../../../core/enums.ts';
import { can } from '../../../core/permissions.ts';
import type { Referral } from '../../../core/schemas/referral.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useSortedByName } from '../../i18n/options.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useReferralList } from './referrals.queries.ts';

// The action dialogs (and the schemas they validate with) load when first opened.
const BookMeetingDialog = lazy(async () => ({
  default: (await import('./referral-actions.tsx')).BookMeetingDialog,
}));
const CloseReferralDialog = lazy(async () => ({
  default: (await import('./referral-actions.tsx')).CloseReferralDialog,
}));

const pageSize = 25;
type Action = { kind: 'meeting' | 'declined' | 'withdrawn'; referral: Referral };

export function ReferralInboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const centres = useSortedByName(user.centres);
  const [searchParams, setSearchParams] = useSearchParams();
  const centreId = searchParams.get('centrum') ?? '';
  const statusParam = searchParams.get('status') ?? '';
  const status = (openReferralStatuses as readonly string[]).includes(statusParam)
    ? (statusParam as ReferralStatus)
    : '';
  const page = Math.max(1, Number(searchParams.get('sida')) || 1);
  const list = useReferralList({ open: status ? undefined : true, status, centreId, page, pageSize });
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayWrite = can(user.role, 'referral.write');

  function setParams(patch: Record<string, string>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('sida' in patch)) next.delete('sida');
    setSearchParams(next);
  }

  const columns: Column<Referral>[] = [
    {
      key: 'participant',
      header: t('referrals.columns.participant'),
      isRowHeader: true,
      cell: (r) => (
        <>
          <Link to={`/deltagare/${r.participantId}`}>
            <bdi>{r.participantName}</bdi>
          </Link>
          <span className="cell-note">{r.identityNumber}</span>
        </>
      ),
    },
    { key: 'referredOn', header: t('field.referredOn'), cell: (r) => formatDate(r.referredOn) },
    { key: 'basis', header: t('field.basis'), cell: (r) => t(`referralBasis.${r.basis}`) },
    { key: 'centre', header: t('field.centreId'), cell: (r) => r.centreName },
    {
      key: 'status',
      header: t('field.status'),
      cell: (r) => (
        <>
          <StatusBadge kind="referral" status={r.status} />
          {r.meetingAt ? (
            <span className="cell-note">
              {t('referrals.meetingAtNote', { at: formatDateTime(r.meetingAt) })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (r) => {
        const forWhom = (
          <span className="visually-hidden"> {t('referrals.forWhom', { name: r.participantName })}</span>
        );
        return (
          <div className="row-actions">
            {mayWrite ? (
              <>
                <Button
                  className="button button-secondary button-small"
                  onPress={() => setAction({ kind: 'meeting', referral: r })}
                >
                  {r.meetingAt ? t('referrals.rebookMeeting') : t('referrals.bookMeeting')}
                  {forWhom}
                </Button>
                <Button
                  className="button button-secondary button-small"
                  onPress={() => setAction({ kind: 'declined', referral: r })}
                >
                  {t('referrals.decline')}
                  {forWhom}
                </Button>
                <Button
                  className="button button-secondary button-small"
                  onPress={() => setAction({ kind: 'withdrawn', referral: r })}
                >
                  {t('referrals.withdraw')}
                  {forWhom}
                </Button>
              </>
            ) : null}
            <Link
              className="button button-link button-small"
              to={`/deltagare/${r.participantId}?flik=samtycke`}
            >
              {t('referrals.goToParticipant')}
              {forWhom}
            </Link>
          </div>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('referrals.inboxTitle')}
        lead={t('referrals.inboxLead')}
        actions={
          mayWrite ? (
            <Link className="button button-primary" to="/remisser/ny">
              {t('participants.newReferral')}
            </Link>
          ) : null
        }
      />
      <div className="filters">
        <div className="filter-row">
          <SelectField
            id="referral-centre"
            label={t('field.centreId')}
            value={centreId}
            onChange={(value) => setParams({ centrum: value })}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t('participants.allCentres')}
          />
          <SelectField
            id="referral-status"
            label={t('field.status')}
            value={status}
            onChange={(value) => setParams({ status: value })}
            options={openReferralStatuses.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))}
            placeholder={t('referrals.allOpen')}
          />
        </div>
      </div>
      {done ? (
        <Notice tone="success" live>
          {done}
        </Notice>
      ) : null}
      <p className="result-count" role="status">
        {list.data && !list.isPlaceholderData ? t('referrals.resultCount', { count: list.data.total }) : ''}
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <div aria-busy={list.isFetching || undefined}>
          <DataTable
            caption={t('referrals.inboxCaption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(r) => r.id}
            emptyText={t('referrals.inboxEmpty')}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={(next) => setParams({ sida: String(next) })}
          />
        </div>
      ) : null}
      <Suspense fallback={null}>
        {action?.kind === 'meeting' ? (
          <BookMeetingDialog
            referral={action.referral}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null);
              setDone(t('referrals.meetingBooked', { name: action.referral.participantName }));
            }}
          />
        ) : null}
        {action && action.kind !== 'meeting' ? (
          <CloseReferralDialog
            referral={action.referral}
            status={action.kind}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null);
              setDone(
                action.kind === 'declined'
                  ? t('referrals.declinedDone', { name: action.referral.participantName })
                  : t('referrals.withdrawnDone', { name: action.referral.participantName }),
              );
            }}
          />
        ) : null}
      </Suspense>
    </>
  );
}
