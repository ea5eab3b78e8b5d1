import { useTranslation } from 'react-i18next';
import { goalTerms } from '../../../core/enums.ts';
import type { ActionPlan, PlanGoal } from '../../../core/schemas/action-plan.schema.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';

export function byOrdinal<T extends { ordinal: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.ordinal - b.ordinal);
}

/** The columns of a goal table; the term column only where goals of both terms share one table. */
export function useGoalColumns(withTerm: boolean): Column<PlanGoal>[] {
  const { t } = useTranslation();
  const columns: Column<PlanGoal>[] = [
    {
      key: 'description',
      header: t('actionPlan.goalColumn'),
      isRowHeader: true,
      cell: (g) => <span dir="auto">{g.description}</span>,
      className: 'plan-goal-description',
    },
    {
      key: 'targetOn',
      header: t('field.targetOn'),
      cell: (g) => formatDate(g.targetOn),
      className: 'plan-goal-date',
    },
    {
      key: 'owner',
      header: t('field.ownerUserId'),
      cell: (g) => g.ownerName ?? t('actionPlan.ownerParticipant'),
    },
    {
      key: 'status',
      header: t('field.status'),
      cell: (g) => (
        <>
          {t(`goalStatus.${g.status}`)}
          {g.endedOn ? (
            <span className="cell-note">{t('actionPlan.endedOn', { date: formatDate(g.endedOn) })}</span>
          ) : null}
        </>
      ),
    },
    {
      key: 'occupation',
      header: t('planChangeField.occupation'),
      cell: (g) =>
        g.occupationCode ? (
          <>
            {g.occupationName ?? ''} <span className="muted">(SSYK {g.occupationCode})</span>
          </>
        ) : (
          <span className="muted">{t('common.notGiven')}</span>
        ),
    },
    {
      key: 'steps',
      header: t('field.stepIds'),
      cell: (g) =>
        g.steps.length > 0 ? (
          <ul className="plain-list">
            {byOrdinal(g.steps).map((s) => (
              <li key={s.id}>
                {s.ordinal}. {s.name}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('actionPlan.noSteps')}</span>
        ),
    },
    {
      key: 'activities',
      header: t('field.activityIds'),
      cell: (g) =>
        g.activities.length > 0 ? (
          <ul className="plain-list">
            {g.activities.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('actionPlan.noActivities')}</span>
        ),
    },
  ];
  if (withTerm) {
    columns.splice(1, 0, { key: 'term', header: t('field.term'), cell: (g) => t(`goalTerm.${g.term}`) });
  }
  return columns;
}

/** The plan's goals, short-term first, each term in its own table under its own heading. */
export function PlanGoals({ plan, headingLevel }: { plan: ActionPlan; headingLevel: 4 | 5 | 6 }) {
  const { t } = useTranslation();
  const columns = useGoalColumns(false);
  const H = `h${headingLevel}` as 'h4' | 'h5' | 'h6';
  return (
    <div className="stack">
      {goalTerms.map((term) => {
        const heading = term === 'short' ? t('actionPlan.shortTermHeading') : t('actionPlan.longTermHeading');
        return (
          <div key={term} className="plan-goal-group">
            <H>{heading}</H>
            <DataTable
              caption={heading}
              captionHidden
              columns={columns}
              rows={byOrdinal(plan.goals.filter((g) => g.term === term))}
              rowKey={(g) => g.id}
              emptyText={term === 'short' ? t('actionPlan.shortTermNone') : t('actionPlan.longTermNone')}
            />
          </div>
        );
      })}
    </div>
  );
}
