import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../core/dates.ts';
import type { DeviationReport } from '../../../core/schemas/activity.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../auth/session.queries.ts';
import { exportHref, useDeviationReport } from './attendance.queries.ts';
import { isMonth, monthName, monthOf, shiftMonth } from './attendance-format.ts';
import { MarkText } from './mark-text.tsx';
import { MonthPicker } from './month-picker.tsx';

type Row = DeviationReport['rows'][number];

/** The month's absences and lateness over 15 minutes at the user's centres, for the employment service. */
export function DeviationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('manad');
  // The report is sent after the month has ended: last month unless another is asked for.
  const month = isMonth(requested) ? requested : shiftMonth(monthOf(todayInSweden()), -1);
  const requestedCentre = searchParams.get('centrum') ?? '';
  const centreId = user.centres.some((c) => c.id === requestedCentre) ? requestedCentre : '';
  const report = useDeviationReport(month, centreId);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  const columns: Column<Row>[] = [
    {
      key: 'participant',
      header: t('field.participant'),
      isRowHeader: true,
      cell: (r) => (
        <Link to={`/deltagare/${r.participantId}?flik=narvaro&manad=${month}`}>
          <bdi>{personName(r)}</bdi>
        </Link>
      ),
    },
    { key: 'date', header: t('field.date'), cell: (r) => r.date },
    { key: 'activity', header: t('field.activityId'), cell: (r) => r.activityName },
    {
      key: 'expected',
      header: t('attendance.deviations.expected'),
      cell: (r) => `${r.expectedStart}–${r.expectedEnd}`,
    },
    {
      key: 'absent',
      header: t('attendance.deviations.absentMinutes'),
      className: 'cell-number',
      cell: (r) => String(r.absentMinutes),
    },
    {
      key: 'reason',
      header: t('attendance.deviations.reason'),
      cell: (r) => <MarkText mark={{ ...r, lateMinutes: r.status === 'late' ? r.absentMinutes : null }} />,
    },
  ];

  const params = { month, centreId: centreId || undefined };
  return (
    <div className="stack">
      <PageHeader title={t('attendance.deviations.title')} lead={t('attendance.deviations.lead')} />
      <div className="filters">
        <MonthPicker month={month} onChange={(next) => setParam('manad', next)} />
        <SelectField
          id="deviation-centre"
          label={t('field.centreId')}
          value={centreId}
          onChange={(value) => setParam('centrum', value)}
          placeholder={t('groups.allCentres')}
          options={user.centres.map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
      <div className="form-actions attendance-actions">
        <a
          className="button button-secondary"
          href={exportHref('/attendance/deviations', { ...params, format: 'csv' })}
          download
        >
          {t('attendance.downloadCsv')}
        </a>
        <a
          className="button button-secondary"
          href={exportHref('/attendance/deviations', { ...params, format: 'xlsx' })}
          download
        >
          {t('attendance.downloadXlsx')}
        </a>
      </div>
      <QueryState query={report}>
        {(data) => (
          <DataTable
            caption={t('attendance.deviations.caption', { month: monthName(month, locale) })}
            columns={columns}
            rows={data.rows}
            rowKey={(r) => `${r.participantId}-${r.date}-${r.expectedStart}-${r.activityName}`}
            emptyText={t('attendance.deviations.empty')}
          />
        )}
      </QueryState>
    </div>
  );
}
