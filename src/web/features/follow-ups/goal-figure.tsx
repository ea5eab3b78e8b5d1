import { useTranslation } from 'react-i18next';
import type { GoalFigureResponse } from '../../../core/schemas/follow-up.schema.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useGoalFigure } from './follow-ups.queries.ts';

type Part = Pick<GoalFigureResponse, 'numerator' | 'denominator' | 'percent' | 'pending' | 'goalReached'>;

/** The programme's goal figure as a sentence and a table, women and men side by side. For the programme page. */
export function GoalFigure({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const figure = useGoalFigure(programmeId);
  const percent = (value: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  return (
    <section className="panel" aria-labelledby="goal-figure-heading">
      <h2 id="goal-figure-heading">{t('goalFigure.heading')}</h2>
      <QueryState query={figure}>
        {(data) => {
          const rows: { key: string; label: string; part: Part }[] = [
            { key: 'all', label: t('goalFigure.all'), part: data },
            { key: 'women', label: t('goalFigure.women'), part: data.women },
            { key: 'men', label: t('goalFigure.men'), part: data.men },
          ];
          return (
            <>
              <p>
                {data.percent === null
                  ? t('goalFigure.summaryEmpty', { goal: percent(data.goalPercent) })
                  : t('goalFigure.summary', {
                      percent: percent(data.percent),
                      days: data.followUpDays,
                      numerator: data.numerator,
                      denominator: data.denominator,
                      goal: percent(data.goalPercent),
                    })}
              </p>
              {data.pending > 0 ? <p>{t('goalFigure.pending', { count: data.pending })}</p> : null}
              <div className="table-wrapper">
                <table className="table">
                  <caption className="table-caption">
                    {t('goalFigure.caption', { days: data.followUpDays })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('goalFigure.group')}</th>
                      <th scope="col">{t('goalFigure.numerator')}</th>
                      <th scope="col">{t('goalFigure.denominator')}</th>
                      <th scope="col">{t('goalFigure.percent')}</th>
                      <th scope="col">{t('goalFigure.pendingColumn')}</th>
                      <th scope="col">{t('goalFigure.goal')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ key, label, part }) => (
                      <tr key={key}>
                        <th scope="row">{label}</th>
                        <td>{part.numerator}</td>
                        <td>{part.denominator}</td>
                        <td>
                          {part.percent === null ? t('goalFigure.noPercent') : `${percent(part.percent)} %`}
                        </td>
                        <td>{part.pending}</td>
                        <td>{part.goalReached ? t('goalFigure.reached') : t('goalFigure.notReached')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted">{t('goalFigure.note')}</p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
