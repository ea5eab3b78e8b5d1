import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthlyFile, MonthlyFileOverview } from '../../../core/schemas/funder-report.schema.ts';
import { isApiError } from '../../api/client.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { DataCheckPanel } from './data-check.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { type MonthState, monthStatusText, monthStatusTone } from './funder-report-format.ts';
import {
  reportFileHref,
  useMarkMonthSubmitted,
  useMonthlyFile,
  useMonthlyOverview,
} from './funder-reports.queries.ts';

type OverviewMonth = MonthlyFileOverview['months'][number];
type Row = MonthlyFile['rows'][number];

export function MonthStatusBadge({ state }: { state: MonthState }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${monthStatusTone[state.status]}`}>{monthStatusText(t, state)}</span>;
}

/** Moves focus to the element when the value changes (not on the first render), so a new view is announced. */
function useFocusOnChange<T extends HTMLElement>(value: string) {
  const ref = useRef<T>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    ref.current?.focus();
  }, [value]);
  return ref;
}

/**
 * The monthly participant file for Statistics Sweden: every month of the programme with its state, and one month
 * opened with its rows, the check, the downloads and "mark as submitted".
 */
export function MonthlyFileSection({
  programmeId,
  month,
  monthHref,
}: {
  programmeId: string;
  /** The month opened, or '' for the list of months. */
  month: string;
  /** The address of a month ('' for the list). */
  monthHref: (month: string) => string;
}) {
  const { t } = useTranslation();
  const overview = useMonthlyOverview(programmeId);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(month);
  const entry = overview.data?.months.find((m) => m.month === month);

  if (month) {
    return (
      <section className="stack" aria-labelledby="monthly-file-heading">
        <p>
          <Link to={monthHref('')}>{t('funderReports.allMonths')}</Link>
        </p>
        <div className="page-actions">
          <h2 id="monthly-file-heading" tabIndex={-1} ref={headingRef}>
            {t('funderReports.monthHeading', { month })}
          </h2>
          {entry ? <MonthStatusBadge state={entry} /> : null}
        </div>
        <p className="muted">{t('funderReports.resubmitRule')}</p>
        <MonthDetail programmeId={programmeId} month={month} />
      </section>
    );
  }

  return (
    <section className="stack" aria-labelledby="monthly-file-heading">
      <h2 id="monthly-file-heading" tabIndex={-1} ref={headingRef}>
        {t('funderReports.tabs.manadsfil')}
      </h2>
      <p>{t('funderReports.monthlyLead')}</p>
      <p>
        <strong>{t('funderReports.resubmitRule')}</strong>
      </p>
      <QueryState query={overview}>{(data) => <MonthTable data={data} monthHref={monthHref} />}</QueryState>
    </section>
  );
}

function MonthTable({
  data,
  monthHref,
}: {
  data: MonthlyFileOverview;
  monthHref: (month: string) => string;
}) {
  const { t } = useTranslation();
  const months = [...data.months].reverse();
  const columns: Column<OverviewMonth>[] = [
    {
      key: 'month',
      header: t('funderReports.month'),
      isRowHeader: true,
      cell: (m) => <Link to={monthHref(m.month)}>{m.month}</Link>,
    },
    { key: 'status', header: t('funderReports.status'), cell: (m) => <MonthStatusBadge state={m} /> },
    { key: 'started', header: t('funderReports.started'), className: 'cell-number', cell: (m) => m.started },
    { key: 'ended', header: t('funderReports.ended'), className: 'cell-number', cell: (m) => m.ended },
    {
      key: 'lastSubmission',
      header: t('funderReports.lastSubmission'),
      cell: (m) =>
        m.lastSubmission
          ? t('funderReports.submissionValue', {
              date: formatDate(m.lastSubmission.submittedAt),
              name: m.lastSubmission.submittedBy,
              count: m.lastSubmission.rowCount,
            })
          : '',
    },
  ];
  return (
    <DataTable
      caption={t('funderReports.monthsCaption', { programme: data.programme.name })}
      columns={columns}
      rows={months}
      rowKey={(m) => m.month}
      emptyText={t('funderReports.noMonths')}
    />
  );
}

function MonthDetail({ programmeId, month }: { programmeId: string; month: string }) {
  const { t } = useTranslation();
  const file = useMonthlyFile(programmeId, month);
  const mark = useMarkMonthSubmitted(programmeId, month);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'warning' | 'error'; text: string } | null>(
    null,
  );
  // A message belongs to the month it was given for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the month changes.
  useEffect(() => setOutcome(null), [programmeId, month]);

  function markSubmitted(data: MonthlyFile) {
    setOutcome(null);
    mark.mutate(data.fingerprint, {
      onSuccess: () => setOutcome({ tone: 'success', text: t('funderReports.markedSubmitted', { month }) }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'STALE_REPORT') {
          void file.refetch();
          setOutcome({ tone: 'warning', text: t('funderReports.staleReport', { month }) });
        } else {
          setOutcome({
            tone: 'error',
            text: isApiError(error) ? error.message : t('common.unexpectedError'),
          });
        }
      },
    });
  }

  const columns: Column<Row>[] = [
    {
      key: 'identityNumber',
      header: t('funderReports.columns.identityNumber'),
      isRowHeader: true,
      cell: (r) => (
        <>
          {r.identityNumber ?? t('funderReports.missing')}
          {r.masked ? (
            <span className="badge badge-protected">{t('funderReports.protectedIdentity')}</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'legalGender',
      header: t('funderReports.columns.legalGender'),
      cell: (r) => t(`legalGender.${r.legalGender}`),
    },
    { key: 'startsOn', header: t('funderReports.columns.startsOn'), cell: (r) => formatDate(r.startsOn) },
    { key: 'endsOn', header: t('funderReports.columns.endsOn'), cell: (r) => formatDate(r.endsOn) },
    {
      key: 'ageBand',
      header: t('funderReports.columns.ageBand'),
      cell: (r) => t(`funderReports.ageBand.${r.ageBand}`),
    },
    {
      key: 'education',
      header: t('funderReports.columns.education'),
      cell: (r) => t(`funderReports.educationBand.${r.education}`),
    },
    {
      key: 'labourMarketStatus',
      header: t('funderReports.columns.labourMarketStatus'),
      cell: (r) =>
        r.labourMarketStatus
          ? t(`funderReports.labourMarketStatus.${r.labourMarketStatus}`)
          : t('funderReports.missing'),
    },
  ];

  return (
    <QueryState query={file}>
      {(data) => (
        <div className="stack" aria-busy={file.isFetching || undefined}>
          {data.programme.funderProjectNumber ? null : (
            <Notice tone="warning">
              <p>{t('funderReports.noProjectNumber')}</p>
              <p>
                <Link to={`/program/${data.programme.id}`}>{t('funderReports.toProgramme')}</Link>
              </p>
            </Notice>
          )}
          <DataCheckPanel check={data.check} />
          <ExportButtons
            href={(format) => reportFileHref.month(programmeId, month, format)}
            fileName={`manadsfil-${month}`}
            blocked={data.check.blocked}
          />
          <div aria-live="polite">{outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}</div>
          {data.status === 'not_due' ? (
            <p>{t('funderReports.notDue')}</p>
          ) : data.status === 'submitted' ? null : (
            <div>
              <p className="muted" id="mark-submitted-hint">
                {t('funderReports.markSubmittedHint')}
              </p>
              <Button
                className="button button-primary"
                isDisabled={data.check.blocked || mark.isPending}
                aria-describedby="mark-submitted-hint"
                onPress={() => markSubmitted(data)}
              >
                {t('funderReports.markSubmitted')}
              </Button>
            </div>
          )}
          <DataTable
            caption={t('funderReports.rowsCaption', { month })}
            columns={columns}
            rows={data.rows}
            rowKey={(r) => r.enrolmentId}
            emptyText={t('funderReports.noRows', { month })}
          />
        </div>
      )}
    </QueryState>
  );
}
