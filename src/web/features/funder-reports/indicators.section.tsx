import { useTranslation } from 'react-i18next';
import type { CommonIndicators } from '../../../core/schemas/funder-report.schema.ts';
import { QueryState } from '../../components/query-state.tsx';
import { GenderBarChart } from '../dashboard/bar-charts.tsx';
import { useFigureFormat } from '../dashboard/figure-format.ts';
import { DataCheckPanel } from './data-check.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { type Period, reportFileHref, useCommonIndicators } from './funder-reports.queries.ts';
import { GenderCountTable } from './gender-count-table.tsx';
import { PeriodFilter } from './period-filter.tsx';

/** The ESF's common indicators for the participants who started in the period: the marginals, women and men. */
export function IndicatorsSection({
  programmeId,
  period,
  onPeriod,
}: {
  programmeId: string;
  period: Period;
  onPeriod: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const indicators = useCommonIndicators(programmeId, period);
  return (
    <section className="stack" aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('funderReports.tabs.indikatorer')}</h2>
      <p>{t('funderReports.indicatorsLead')}</p>
      <PeriodFilter formId="indicators-period" period={period} loaded={indicators.data} onApply={onPeriod} />
      <QueryState query={indicators}>
        {(data) => (
          <div className="stack" aria-busy={indicators.isFetching || undefined}>
            <DataCheckPanel check={data.check} />
            <ExportButtons
              href={(format) => reportFileHref.indicators(programmeId, period, format)}
              fileName={`indikatorer-${data.from}-${data.to}`}
              blocked={data.check.blocked}
            />
            <Indicators data={data} />
          </div>
        )}
      </QueryState>
    </section>
  );
}

function Indicators({ data }: { data: CommonIndicators }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const { from, to } = data;
  const parts = [
    {
      key: 'age',
      heading: t('funderReports.byAgeBand'),
      caption: t('funderReports.byAgeBandCaption', { from, to }),
      rowHeader: t('funderReports.ageGroup'),
      rows: data.byAgeBand.map((r) => ({
        key: r.key,
        label: t(`funderReports.ageBand.${r.key}`),
        counts: r.counts,
      })),
    },
    {
      key: 'education',
      heading: t('funderReports.byEducation'),
      caption: t('funderReports.byEducationCaption', { from, to }),
      rowHeader: t('funderReports.educationLevel'),
      rows: data.byEducation.map((r) => ({
        key: r.key,
        label: t(`funderReports.educationBand.${r.key}`),
        counts: r.counts,
      })),
    },
    {
      key: 'labourMarket',
      heading: t('funderReports.byLabourMarketStatus'),
      caption: t('funderReports.byLabourMarketStatusCaption', { from, to }),
      rowHeader: t('funderReports.labourMarket'),
      rows: data.byLabourMarketStatus.map((r) => ({
        key: r.key,
        label: t(`funderReports.labourMarketStatus.${r.key}`),
        counts: r.counts,
      })),
    },
  ];
  return (
    <>
      <p>
        {t('funderReports.indicatorsSummary', {
          total: format.number(data.total.total),
          women: format.number(data.total.female),
          men: format.number(data.total.male),
          others: format.number(data.total.unknown),
          from,
          to,
        })}
      </p>
      <p className="muted">{t('funderReports.shareNote')}</p>
      {parts.map((part) => (
        <section key={part.key} aria-labelledby={`indicators-${part.key}`}>
          <h3 id={`indicators-${part.key}`}>{part.heading}</h3>
          {data.total.total > 0 ? <GenderBarChart title={part.caption} rows={part.rows} /> : null}
          <GenderCountTable
            caption={part.caption}
            rowHeader={part.rowHeader}
            total={data.total}
            rows={part.rows}
          />
        </section>
      ))}
    </>
  );
}
