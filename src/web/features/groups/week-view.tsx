import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import type { Session } from '../../../core/schemas/activity.schema.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useWeek, type WeekScope } from './groups.queries.ts';
import { parseWeek, shiftWeek, weekDates, weekOf } from './week.ts';
import { useWeekdayName } from './weekday-name.ts';

type WeekViewProps = {
  scope: WeekScope;
  /** ISO week, '2026-W48'. */
  week: string;
  /** Leave out for a fixed week without navigation (the printed schedule). */
  onWeekChange?: (week: string) => void;
  headingLevel?: 2 | 3;
};

/** One ISO week, Monday to Sunday, with the sessions of each day in time order. */
export function WeekView({ scope, week, onWeekChange, headingLevel = 2 }: WeekViewProps) {
  const { t } = useTranslation();
  const query = useWeek(week, scope);
  const weekdayName = useWeekdayName();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const DayHeading = headingLevel === 2 ? 'h3' : 'h4';
  const parts = parseWeek(week);
  const dates = weekDates(week);
  const today = todayInSweden();
  return (
    <section className="week-view" aria-labelledby={headingId}>
      <div className="week-view-header">
        <Heading id={headingId} className="week-view-title" aria-live={onWeekChange ? 'polite' : undefined}>
          {parts ? t('weekView.weekYear', parts) : week}{' '}
          <span className="week-view-range">{t('weekView.range', { from: dates[0], to: dates[6] })}</span>
        </Heading>
        {onWeekChange ? (
          <div className="week-view-nav">
            <Button className="button button-secondary" onPress={() => onWeekChange(shiftWeek(week, -1))}>
              {t('weekView.previous')}
            </Button>
            <Button
              className="button button-secondary"
              isDisabled={week === weekOf(today)}
              onPress={() => onWeekChange(weekOf(today))}
            >
              {t('weekView.thisWeek')}
            </Button>
            <Button className="button button-secondary" onPress={() => onWeekChange(shiftWeek(week, 1))}>
              {t('weekView.next')}
            </Button>
          </div>
        ) : null}
      </div>
      <QueryState query={query}>
        {(data) => (
          <div className="week-days">
            {dates.map((date, index) => {
              const sessions = data.sessions
                .filter((s) => s.date === date)
                .sort(
                  (a, b) => a.startTime.localeCompare(b.startTime) || a.groupName.localeCompare(b.groupName),
                );
              return (
                <section
                  key={date}
                  className={date === today ? 'week-day week-day-today' : 'week-day'}
                  aria-label={`${weekdayName(index + 1)} ${date}`}
                >
                  <DayHeading className="week-day-heading">
                    {weekdayName(index + 1)} <span className="week-day-date">{date}</span>
                    {date === today ? <span className="badge badge-info">{t('weekView.today')}</span> : null}
                  </DayHeading>
                  {sessions.length === 0 ? (
                    <p className="muted">{t('weekView.noSessions')}</p>
                  ) : (
                    <ul className="plain-list week-day-sessions">
                      {sessions.map((s) => (
                        <SessionItem key={s.id} session={s} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function SessionItem({ session }: { session: Session }) {
  const { t } = useTranslation();
  const cancelled = session.status === 'cancelled';
  const time = `${session.startTime}–${session.endTime}`;
  return (
    <li className={cancelled ? 'week-session week-session-cancelled' : 'week-session'}>
      {cancelled ? (
        <p className="week-session-status">
          <strong>{t('sessionStatus.cancelled')}</strong>
          {session.cancelReason ? `: ${session.cancelReason}` : null}
        </p>
      ) : null}
      <p className="week-session-time">{cancelled ? <del>{time}</del> : time}</p>
      <p className="week-session-name">
        <Link to={`/grupper/${session.groupId}`}>
          {cancelled ? <del>{session.groupName}</del> : session.groupName}
        </Link>
      </p>
      <p className="cell-note">
        {session.activityName}
        {session.room ? `, ${session.room}` : ''}
      </p>
      <p className="cell-note">{session.leaderName}</p>
      {cancelled ? null : (
        <p className="cell-note">
          <Link to={`/narvaro/${session.id}`}>
            {t('attendance.rollCall.title')}
            <span className="visually-hidden">
              {' '}
              {session.date} {session.startTime}
            </span>
          </Link>
        </p>
      )}
      {session.movedFrom ? (
        <p className="cell-note">{t('sessions.movedNote', { date: session.movedFrom })}</p>
      ) : null}
    </li>
  );
}
