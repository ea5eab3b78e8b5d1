import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import { isoWeekday } from '../../../core/schedule.ts';
import type { Session } from '../../../core/schemas/activity.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { weekOf } from '../groups/week.ts';
import { useWeekdayName } from '../groups/weekday-name.ts';
import { useCentreWeeks } from './attendance.queries.ts';

const byTime = (a: Session, b: Session) =>
  (a.date + a.startTime).localeCompare(b.date + b.startTime) || a.groupName.localeCompare(b.groupName);

/** "Närvaro i dag": today's sessions at the user's centres, and this week's earlier ones still missing rows. */
export function AttendanceTodayPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const weekdayName = useWeekdayName();
  const today = todayInSweden();
  const weeks = useCentreWeeks(
    weekOf(today),
    user.centres.map((c) => c.id),
  );
  const failed = weeks.find((w) => w.isError);
  const sessions = weeks.flatMap((w) => w.data?.sessions ?? []);
  const todays = sessions.filter((s) => s.date === today).sort(byTime);
  const earlier = sessions
    .filter((s) => s.date < today && s.status === 'planned' && s.recordedCount < s.memberCount)
    .sort(byTime);

  const columns = (withDate: boolean): Column<Session>[] => [
    {
      key: 'time',
      header: withDate ? t('attendance.today.when') : t('sessions.time'),
      isRowHeader: true,
      cell: (s) => (
        <>
          {withDate ? `${weekdayName(isoWeekday(s.date))} ${s.date} ` : null}
          {s.startTime}–{s.endTime}
        </>
      ),
    },
    {
      key: 'group',
      header: t('field.groupId'),
      cell: (s) => (
        <>
          {s.groupName}
          <span className="cell-note">{s.activityName}</span>
        </>
      ),
    },
    {
      key: 'place',
      header: t('field.room'),
      cell: (s) => (
        <>
          {s.room ?? ''}
          <span className="cell-note">{s.centreName}</span>
        </>
      ),
    },
    { key: 'leader', header: t('field.leaderId'), cell: (s) => s.leaderName },
    {
      key: 'recorded',
      header: t('attendance.today.recorded'),
      cell: (s) =>
        s.status === 'cancelled' ? (
          <span className="badge badge-neutral">{t('sessionStatus.cancelled')}</span>
        ) : (
          t('attendance.today.recordedOf', { recorded: s.recordedCount, total: s.memberCount })
        ),
    },
    {
      key: 'action',
      header: t('common.actions'),
      cell: (s) => (
        <Link to={`/narvaro/${s.id}`}>
          {t('attendance.today.open')}
          <span className="visually-hidden">
            {' '}
            {s.groupName} {s.date} {s.startTime}
          </span>
        </Link>
      ),
    },
  ];

  const pending = weeks.some((w) => w.isPending);
  return (
    <div className="stack">
      <PageHeader
        title={t('attendance.today.title')}
        lead={t('attendance.today.lead')}
        actions={
          <Link className="button button-secondary" to="/narvaro/avvikelser">
            {t('attendance.deviations.title')}
          </Link>
        }
      />
      {user.centres.length === 0 ? <p>{t('schedule.noCentres')}</p> : null}
      {failed ? <ErrorState error={failed.error} onRetry={() => failed.refetch()} /> : null}
      {pending ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="today-heading" className="stack">
            <h2 id="today-heading">
              {t('attendance.today.todayHeading', { day: weekdayName(isoWeekday(today)), date: today })}
            </h2>
            <DataTable
              caption={t('attendance.today.todayHeading', {
                day: weekdayName(isoWeekday(today)),
                date: today,
              })}
              captionHidden
              columns={columns(false)}
              rows={todays}
              rowKey={(s) => s.id}
              emptyText={t('attendance.today.empty')}
            />
          </section>
          <section aria-labelledby="earlier-heading" className="stack">
            <h2 id="earlier-heading">{t('attendance.today.earlierHeading')}</h2>
            <DataTable
              caption={t('attendance.today.earlierHeading')}
              captionHidden
              columns={columns(true)}
              rows={earlier}
              rowKey={(s) => s.id}
              emptyText={t('attendance.today.earlierEmpty')}
            />
          </section>
        </>
      )}
    </div>
  );
}
