import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type DashboardFigure,
  type DashboardScope,
  figureFilter,
  type GenderCounts,
  share,
} from '../../../core/dashboard.ts';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { participantListHref } from '../participants/participant-list-filters.ts';
import { type Gender, genderColumns, useFigureFormat } from './figure-format.ts';

type Shares = Dashboard['atExit']['shares'];
type Flags = Dashboard['atExit']['goalReached'];
type Days = Dashboard['medianDays']['toExit']['days'];

/** A row of a figure table: a count, a share (numerator of denominator) or a median in days. */
export type FigureRow = { key: string; label: ReactNode; name: string } & (
  | { type: 'count'; counts: GenderCounts; figure: DashboardFigure }
  | {
      type: 'share';
      shares: Shares;
      numerator: DashboardFigure;
      denominator: DashboardFigure;
      goalReached?: Flags;
    }
  | { type: 'median'; days: Days; counts: GenderCounts; figure: DashboardFigure }
);

/** A count that opens the list of the people it counts; the link's name says what it counts. */
export function FigureLink({
  count,
  scope,
  figure,
  gender,
  name,
}: {
  count: number;
  scope: DashboardScope;
  figure: DashboardFigure;
  gender: Gender;
  name: string;
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  if (count === 0) return <>{format.number(0)}</>;
  const filter = figureFilter(scope, figure, gender === 'total' ? undefined : gender);
  return (
    <Link to={participantListHref(filter)}>
      {format.number(count)}
      <span className="visually-hidden">
        {' '}
        {t('dashboard.linkSuffix', { what: name, gender: format.genderLabel(gender) })}
      </span>
    </Link>
  );
}

/**
 * A table of figures: women, men, other or unknown, and all, side by side. Counts show their share of the row's
 * total; shares show what they count of what; every number opens the list of the people behind it.
 */
export function FigureTable({
  caption,
  rowHeader,
  rows,
  scope,
  note,
}: {
  caption: ReactNode;
  rowHeader: string;
  rows: readonly FigureRow[];
  scope: DashboardScope;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();

  const cell = (row: FigureRow, gender: Gender): ReactNode => {
    const link = (count: number, figure: DashboardFigure, name = row.name) => (
      <FigureLink count={count} scope={scope} figure={figure} gender={gender} name={name} />
    );
    if (row.type === 'count') {
      const count = row.counts[gender];
      return (
        <>
          {link(count, row.figure)}
          {gender !== 'total' && row.counts.total > 0 ? (
            <span className="figure-note"> ({format.percent(share(count, row.counts.total).percent)})</span>
          ) : null}
        </>
      );
    }
    if (row.type === 'median') {
      return (
        <>
          {format.days(row.days[gender])}
          <span className="figure-note">
            {' '}
            ({t('dashboard.medianOver', { count: row.counts[gender] })}
            {': '}
            {link(row.counts[gender], row.figure, t('dashboard.medianOverName', { what: row.name }))})
          </span>
        </>
      );
    }
    const part = row.shares[gender];
    return (
      <>
        <strong>{format.percent(part.percent)}</strong>
        <span className="figure-note">
          {' '}
          ({link(part.numerator, row.numerator)} {t('dashboard.of')}{' '}
          {link(part.denominator, row.denominator, t('dashboard.denominatorName', { what: row.name }))})
        </span>
        {row.goalReached && part.denominator > 0 ? (
          <span className="figure-goal">
            {row.goalReached[gender] ? t('dashboard.goalReached') : t('dashboard.goalNotReached')}
          </span>
        ) : null}
      </>
    );
  };

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
              {genderColumns.map((g) => (
                <td key={g} className="cell-number figure-cell" data-label={format.genderLabel(g)}>
                  {cell(row, g)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="muted figure-table-note">{note}</p> : null}
    </div>
  );
}
