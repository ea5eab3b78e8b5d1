import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import type { MonthlyAttendance } from '../../../core/schemas/activity.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useLocale } from '../../i18n/index.ts';
import { exportHref, useMonthlyAttendance } from './attendance.queries.ts';
import { formatMinutesAsHours, isMonth, monthName, monthOf } from './attendance-format.ts';
import { CivicOrientationProgress } from './civic-orientation.tsx';
import { MarkText } from './mark-text.tsx';
import { MonthPicker } from './month-picker.tsx';

type Day = MonthlyAttendance['days'][number];

/** A participant's attendance month by month, its files and certificate, and civic orientation progress. */
export function AttendanceTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('manad');
  const today = todayInSweden();
  const month = isMonth(requested) ? requested : monthOf(today);
  const attendance = useMonthlyAttendance(participant.id, month);
  const hours = (minutes: number) => formatMinutesAsHours(minutes, locale);

  const setMonth = (next: string) => {
    const params = new URLSearchParams(searchParams);
    params.set('manad', next);
    setSearchParams(params, { replace: true });
  };

  const columns: Column<Day>[] = [
    { key: 'date', header: t('field.date'), isRowHeader: true, cell: (d) => d.date },
    {
      key: 'activity',
      header: t('field.activityId'),
      cell: (d) => (
        <>
          {d.activityName}
          <span className="cell-note">
            {d.startTime}–{d.endTime}
          </span>
        </>
      ),
    },
    {
      key: 'planned',
      header: t('attendance.plannedHours'),
      className: 'cell-number',
      cell: (d) => hours(d.plannedMinutes),
    },
    {
      key: 'attended',
      header: t('attendance.attendedHoursColumn'),
      className: 'cell-number',
      cell: (d) => hours(d.attendedMinutes),
    },
    {
      key: 'mark',
      header: t('attendance.markColumn'),
      cell: (d) =>
        d.status === null && d.date > today ? t('attendance.month.upcoming') : <MarkText mark={d} />,
    },
    {
      key: 'deviation',
      header: t('attendance.deviation'),
      cell: (d) =>
        d.deviation ? <span className="badge badge-warning">{t('attendance.deviation')}</span> : null,
    },
  ];

  return (
    <section aria-labelledby="attendance-heading" className="stack">
      <h2 id="attendance-heading">{t('attendance.month.heading')}</h2>
      <MonthPicker month={month} onChange={setMonth} />
      <QueryState query={attendance}>
        {(data) => (
          <div className="stack">
            <div className="form-actions attendance-actions">
              <a
                className="button button-secondary"
                href={exportHref(`/participants/${participant.id}/attendance`, { month, format: 'csv' })}
                download
              >
                {t('attendance.downloadCsv')}
              </a>
              <a
                className="button button-secondary"
                href={exportHref(`/participants/${participant.id}/attendance`, { month, format: 'xlsx' })}
                download
              >
                {t('attendance.downloadXlsx')}
              </a>
              <Link
                className="button button-secondary"
                to={`/deltagare/${participant.id}/narvaro/${month}/intyg`}
              >
                {t('attendance.certificate.print')}
              </Link>
            </div>
            <DataTable
              caption={t('attendance.month.daysCaption', { month: monthName(month, locale) })}
              columns={columns}
              rows={data.days}
              rowKey={(d) => `${d.date}-${d.startTime}-${d.activityId}`}
              emptyText={t('attendance.month.empty')}
            />
            {data.days.length > 0 ? <ActivityTotals data={data} month={month} /> : null}
          </div>
        )}
      </QueryState>
      <CivicOrientationProgress participantId={participant.id} />
    </section>
  );
}

function ActivityTotals({ data, month }: { data: MonthlyAttendance; month: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hours = (minutes: number) => formatMinutesAsHours(minutes, locale);
  const planned = t('attendance.plannedHours');
  const attended = t('attendance.attendedHoursColumn');
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="table-caption">
          {t('attendance.month.totalsCaption', { month: monthName(month, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('field.activityId')}</th>
            <th scope="col" className="cell-number">
              {planned}
            </th>
            <th scope="col" className="cell-number">
              {attended}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.activities.map((a) => (
            <tr key={a.activityId}>
              <th scope="row">{a.activityName}</th>
              <td className="cell-number" data-label={planned}>
                {hours(a.plannedMinutes)}
              </td>
              <td className="cell-number" data-label={attended}>
                {hours(a.attendedMinutes)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <th scope="row">{t('attendance.total')}</th>
            <td className="cell-number" data-label={planned}>
              {hours(data.plannedMinutes)}
            </td>
            <td className="cell-number" data-label={attended}>
              {hours(data.attendedMinutes)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
