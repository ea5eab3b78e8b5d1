import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cofinancing } from '../../../core/schemas/funder-report.schema.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { genderColumns, useFigureFormat } from '../dashboard/figure-format.ts';
import { ExportButtons } from './export-buttons.tsx';
import { useReportFormat } from './funder-report-format.ts';
import { type Period, reportFileHref, useCofinancing } from './funder-reports.queries.ts';
import { PeriodFilter } from './period-filter.tsx';

/** Co-financing: the participants' attended hours per month by legal gender, valued at the hourly rate. */
export function CofinancingSection({
  programmeId,
  period,
  onPeriod,
}: {
  programmeId: string;
  period: Period;
  onPeriod: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const report = useCofinancing(programmeId, period);
  const money = useReportFormat().money;
  return (
    <section className="stack" aria-labelledby="cofinancing-heading">
      <h2 id="cofinancing-heading">{t('funderReports.tabs.medfinansiering')}</h2>
      <p>{t('funderReports.cofinancingLead')}</p>
      <PeriodFilter formId="cofinancing-period" period={period} loaded={report.data} onApply={onPeriod} />
      <QueryState query={report}>
        {(data) => (
          <div className="stack" aria-busy={report.isFetching || undefined}>
            {data.hourlyRate === null ? (
              <Notice tone="warning">
                <p>{t('funderReports.noHourlyRate')}</p>
                <p>
                  <Link to={`/program/${programmeId}`}>{t('funderReports.toProgramme')}</Link>
                </p>
              </Notice>
            ) : (
              <p>{t('funderReports.hourlyRate', { rate: money(data.hourlyRate) })}</p>
            )}
            <ExportButtons
              href={(format) => reportFileHref.cofinancing(programmeId, period, format)}
              fileName={`medfinansiering-${data.from}-${data.to}`}
              blocked={false}
            />
            <CofinancingTable data={data} />
          </div>
        )}
      </QueryState>
    </section>
  );
}

function CofinancingTable({ data }: { data: Cofinancing }) {
  const { t } = useTranslation();
  const figures = useFigureFormat();
  const format = useReportFormat();
  const { from, to } = data;
  if (data.months.length === 0)
    return <p className="empty">{t('funderReports.noCofinancingMonths', { from, to })}</p>;
  const hoursLabel = t('funderReports.hours');
  const amountLabel = t('funderReports.amount');
  const cells = (row: Cofinancing['total']) => (
    <>
      {genderColumns.map((g) => (
        <td key={g} className="cell-number" data-label={`${hoursLabel}, ${figures.genderLabel(g)}`}>
          {format.hours(row.hours[g])}
        </td>
      ))}
      <td className="cell-number" data-label={amountLabel}>
        {row.amount === null ? t('funderReports.noAmount') : format.money(row.amount)}
      </td>
    </>
  );
  return (
    <div className="table-wrapper">
      <table className="table figure-table">
        <caption className="table-caption">{t('funderReports.cofinancingCaption', { from, to })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={genderColumns.length}>
              {hoursLabel}
            </th>
            <td />
          </tr>
          <tr>
            <th scope="col">{t('funderReports.month')}</th>
            {genderColumns.map((g) => (
              <th key={g} scope="col" className="cell-number">
                {figures.genderLabel(g)}
              </th>
            ))}
            <th scope="col" className="cell-number">
              {amountLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              {cells(m)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('funderReports.total')}</th>
            {cells(data.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
