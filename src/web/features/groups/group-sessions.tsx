import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isoWeekday } from '../../../core/schedule.ts';
import type { GroupDetail, Session } from '../../../core/schemas/activity.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Notice } from '../../components/notice.tsx';
import { SessionCancelDialog, SessionEditDialog } from './session-dialogs.tsx';
import { SessionStatus } from './session-status.tsx';
import { groupByWeek, parseWeek } from './week.ts';
import { useWeekdayName } from './weekday-name.ts';

type Open = { kind: 'edit' | 'cancel'; session: Session } | null;

/** The group's sessions, one table per ISO week; those who manage groups move, change or cancel them. */
export function GroupSessions({ group, mayManage }: { group: GroupDetail; mayManage: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isCivic = group.activityType === 'civic_orientation';
  const weekdayName = useWeekdayName();

  const columns: Column<Session>[] = [
    {
      key: 'date',
      header: t('field.date'),
      isRowHeader: true,
      cell: (s) => (
        <>
          {s.date}
          <span className="cell-note">{weekdayName(isoWeekday(s.date))}</span>
        </>
      ),
    },
    { key: 'time', header: t('sessions.time'), cell: (s) => `${s.startTime}–${s.endTime}` },
    { key: 'room', header: t('field.room'), cell: (s) => s.room ?? '' },
    { key: 'leader', header: t('field.leaderId'), cell: (s) => s.leaderName },
    { key: 'status', header: t('sessions.status'), cell: (s) => <SessionStatus session={s} /> },
    { key: 'movedFrom', header: t('sessions.movedFrom'), cell: (s) => s.movedFrom ?? '' },
    {
      key: 'attendance',
      header: t('attendance.rollCall.title'),
      cell: (s) =>
        s.status === 'cancelled' ? null : (
          <>
            <Link to={`/narvaro/${s.id}`}>
              {t('attendance.today.open')}
              <span className="visually-hidden"> {s.date}</span>
            </Link>
            <span className="cell-note">
              {t('attendance.recordedNote', { recorded: s.recordedCount, total: s.memberCount })}
            </span>
          </>
        ),
    },
    ...(isCivic
      ? [
          {
            key: 'civic',
            header: t('sessions.civicContent'),
            cell: (s: Session) => (
              <>
                {s.civicAreas.length > 0
                  ? [...s.civicAreas].sort((a, b) => a - b).join(', ')
                  : t('sessions.noAreas')}
                {s.guestEmployer ? (
                  <span className="cell-note">
                    {t('sessions.guestEmployerNote', { name: s.guestEmployer })}
                  </span>
                ) : null}
              </>
            ),
          },
        ]
      : []),
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (s: Session) =>
              s.status === 'cancelled' ? null : (
                <div className="row-actions">
                  <Button
                    className="button button-secondary button-small"
                    onPress={() => {
                      setNotice(null);
                      setOpen({ kind: 'edit', session: s });
                    }}
                  >
                    {t('sessions.edit')}
                    <span className="visually-hidden"> {s.date}</span>
                  </Button>
                  <Button
                    className="button button-secondary button-small"
                    onPress={() => {
                      setNotice(null);
                      setOpen({ kind: 'cancel', session: s });
                    }}
                  >
                    {t('sessions.cancel')}
                    <span className="visually-hidden"> {s.date}</span>
                  </Button>
                </div>
              ),
          },
        ]
      : []),
  ];

  const weeks = groupByWeek(group.sessions);
  return (
    <section aria-labelledby="group-sessions-heading" className="stack">
      <h2 id="group-sessions-heading">{t('sessions.heading')}</h2>
      {isCivic ? <p className="muted">{t('sessions.civicLead')}</p> : null}
      {notice ? (
        <Notice tone="success" live>
          {notice}
        </Notice>
      ) : null}
      {weeks.length === 0 ? <p className="empty">{t('sessions.empty')}</p> : null}
      {weeks.map(({ week, items }) => {
        const parts = parseWeek(week);
        return (
          <DataTable
            key={week}
            caption={parts ? t('weekView.weekYear', parts) : week}
            columns={columns}
            rows={[...items].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime))}
            rowKey={(s) => s.id}
            emptyText={t('sessions.empty')}
          />
        );
      })}
      {open?.kind === 'edit' ? (
        <SessionEditDialog
          session={open.session}
          isCivic={isCivic}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(t('sessions.savedNotice', { date: saved.date }));
          }}
        />
      ) : null}
      {open?.kind === 'cancel' ? (
        <SessionCancelDialog
          session={open.session}
          onClose={() => setOpen(null)}
          onCancelled={(cancelled) => {
            setOpen(null);
            setNotice(t('sessions.cancelledNotice', { date: cancelled.date }));
          }}
        />
      ) : null}
    </section>
  );
}
