import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralImportReport } from '../../../core/schemas/referral.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';

type Row = ReferralImportReport['rows'][number];

/** The outcome of an import: totals first, then every line with its errors. Takes focus when shown. */
export function ImportReport({ report, fileName }: { report: ReferralImportReport; fileName: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const totals: DescriptionItem[] = [
    { key: 'total', term: t('import.total'), value: String(report.total) },
    { key: 'created', term: t('import.created'), value: String(report.created) },
    { key: 'skipped', term: t('import.skipped'), value: String(report.skipped) },
    { key: 'failed', term: t('import.failed'), value: String(report.failed) },
  ];

  return (
    <section className="stack import-report">
      <h2 id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {t('import.reportHeading', { file: fileName })}
      </h2>
      <p>{t('import.summary', { count: report.total })}</p>
      <DescriptionList items={totals} emptyLabel="0" />
      {report.created > 0 ? (
        <p>
          <Link to="/remisser">{t('import.toInbox')}</Link>
        </p>
      ) : null}
      <DataTable<Row>
        caption={t('import.rowsCaption')}
        columns={[
          { key: 'line', header: t('import.line'), isRowHeader: true, cell: (r) => r.line },
          {
            key: 'outcome',
            header: t('import.outcome'),
            cell: (r) => (
              <span className={`badge badge-${outcomeTone[r.outcome]}`}>
                {t(`import.outcomes.${r.outcome}`)}
              </span>
            ),
          },
          {
            key: 'errors',
            header: t('import.errors'),
            cell: (r) =>
              r.errors.length === 0 ? (
                ''
              ) : (
                <ul className="plain-list">
                  {r.errors.map((e) => (
                    <li key={`${e.field}-${e.code}`}>{e.message}</li>
                  ))}
                </ul>
              ),
          },
        ]}
        rows={report.rows}
        rowKey={(r) => String(r.line)}
        emptyText={t('import.noRows')}
      />
    </section>
  );
}

const outcomeTone: Record<Row['outcome'], string> = {
  created: 'success',
  skipped: 'neutral',
  failed: 'error',
};
