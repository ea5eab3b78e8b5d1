import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type GenderCounts, share } from '../../../core/dashboard.ts';
import { genderColumns, useFigureFormat } from '../dashboard/figure-format.ts';

/**
 * Counts by a key, women | men | other or unknown | total side by side, as in the dashboard's figure tables,
 * with each count's share of its row and a total row at the foot.
 */
export function GenderCountTable({
  caption,
  rowHeader,
  rows,
  total,
}: {
  caption: ReactNode;
  rowHeader: string;
  rows: readonly { key: string; label: string; counts: GenderCounts }[];
  total: GenderCounts;
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const line = (counts: GenderCounts) =>
    genderColumns.map((g) => (
      <td key={g} className="cell-number figure-cell" data-label={format.genderLabel(g)}>
        {format.number(counts[g])}
        {g !== 'total' && counts.total > 0 ? (
          <span className="figure-note"> ({format.percent(share(counts[g], counts.total).percent)})</span>
        ) : null}
      </td>
    ));
  return (
    <div className="table-wrapper">
      <table className="table figure-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {genderColumns.map((g) => (
              <th key={g} scope="col" className="cell-number">
                {format.genderLabel(g)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {line(row.counts)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('funderReports.total')}</th>
            {line(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
