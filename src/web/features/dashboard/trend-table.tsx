import { useTranslation } from 'react-i18next';
import type { DashboardScope } from '../../../core/dashboard.ts';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { genderColumns, useFigureFormat } from './figure-format.ts';
import { FigureLink } from './figure-table.tsx';

/** Enrolled and exited per month, each split by legal gender, every number leading to its people. */
export function TrendTable({ months, scope }: { months: Dashboard['months']; scope: DashboardScope }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const parts = [
    { key: 'enrolled', label: t('dashboard.trendEnrolled'), kind: 'enrolledInMonth' },
    { key: 'exited', label: t('dashboard.trendExited'), kind: 'exitedInMonth' },
  ] as const;
  return (
    <div className="table-wrapper">
      <table className="table figure-table">
        <caption className="table-caption">{t('dashboard.trendCaption')}</caption>
        <thead>
          <tr>
            <td />
            {parts.map((p) => (
              <th key={p.key} scope="colgroup" colSpan={genderColumns.length}>
                {p.label}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t('dashboard.month')}</th>
            {parts.flatMap((p) =>
              genderColumns.map((g) => (
                <th key={`${p.key}-${g}`} scope="col" className="cell-number">
                  {format.genderLabel(g)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              {parts.flatMap((p) =>
                genderColumns.map((g) => (
                  <td
                    key={`${p.key}-${g}`}
                    className="cell-number figure-cell"
                    data-label={`${p.label}, ${format.genderLabel(g)}`}
                  >
                    <FigureLink
                      count={m[p.key][g]}
                      scope={scope}
                      figure={{ kind: p.kind, month: m.month }}
                      gender={g}
                      name={`${p.label} ${m.month}`}
                    />
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
