import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenderCounts } from '../../../core/dashboard.ts';
import type { LegalGender } from '../../../core/enums.ts';
import { genderColours, useFigureFormat } from './figure-format.ts';

const stacked: readonly LegalGender[] = ['female', 'male', 'unknown'];

function Legend({ items }: { items: readonly { label: string; colour: string }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label} className="chart-legend-item">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={item.colour} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Horizontal bars, one per row, split into women, men and the others. A picture for the eye: the screen reader
 * gets its text alternative, and the table beside it holds the same numbers.
 */
export function GenderBarChart({
  title,
  rows,
}: {
  title: string;
  rows: readonly { key: string; label: string; counts: GenderCounts }[];
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const id = useId();
  const width = 640;
  const barArea = 560;
  const rowHeight = 44;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const description = rows
    .map((r) =>
      t('dashboard.chartRow', {
        label: r.label,
        women: r.counts.female,
        men: r.counts.male,
        others: r.counts.unknown,
        total: r.counts.total,
      }),
    )
    .join(' ');
  return (
    <figure className="chart">
      <Legend items={stacked.map((g) => ({ label: format.genderLabel(g), colour: genderColours[g] }))} />
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${rows.length * rowHeight + 4}`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, index) => {
          const y = index * rowHeight;
          let x = 0;
          return (
            <g key={row.key}>
              <text x={0} y={y + 14} className="chart-label">
                {row.label}
              </text>
              {stacked.map((g) => {
                const w = (row.counts[g] / max) * barArea;
                const rect = <rect key={g} x={x} y={y + 20} width={w} height={16} fill={genderColours[g]} />;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 33} className="chart-value">
                {format.number(row.counts.total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Enrolments and exits month by month as pairs of columns, with the months under them. */
export function TrendChart({
  title,
  months,
}: {
  title: string;
  months: readonly { month: string; enrolled: GenderCounts; exited: GenderCounts }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const column = 14;
  const few = months.length <= 12;
  const slot = few ? 56 : column * 2 + 10;
  const chartHeight = 160;
  const top = 16;
  const width = Math.max(320, months.length * slot + 40);
  const max = Math.max(1, ...months.flatMap((m) => [m.enrolled.total, m.exited.total]));
  // Labels on every month up to a year, then on every few months, so they never overlap.
  const labelEvery = few ? 1 : Math.ceil(months.length / 12);
  const colours = { enrolled: '#1d3a5c', exited: '#a34f00' };
  const description = months
    .map((m) =>
      t('dashboard.trendRow', { month: m.month, enrolled: m.enrolled.total, exited: m.exited.total }),
    )
    .join(' ');
  return (
    <figure className="chart">
      <Legend
        items={[
          { label: t('dashboard.trendEnrolled'), colour: colours.enrolled },
          { label: t('dashboard.trendExited'), colour: colours.exited },
        ]}
      />
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${top + chartHeight + 24}`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g>
          <line x1={0} x2={width} y1={top + chartHeight} y2={top + chartHeight} stroke="#6b7280" />
          <text x={0} y={12} className="chart-value">
            {t('dashboard.trendMax', { count: max })}
          </text>
          {months.map((m, index) => {
            const x = 8 + index * slot;
            const h = (n: number) => (n / max) * chartHeight;
            return (
              <g key={m.month}>
                <rect
                  x={x}
                  y={top + chartHeight - h(m.enrolled.total)}
                  width={column}
                  height={h(m.enrolled.total)}
                  fill={colours.enrolled}
                />
                <rect
                  x={x + column + 2}
                  y={top + chartHeight - h(m.exited.total)}
                  width={column}
                  height={h(m.exited.total)}
                  fill={colours.exited}
                />
                {index % labelEvery === 0 ? (
                  <text x={x} y={top + chartHeight + 16} className="chart-axis">
                    {m.month}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}
