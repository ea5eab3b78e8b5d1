import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { goalStatuses, goalTerms } from '../../../core/enums.ts';
import type { PlanChange, PlanHistory as PlanHistoryData } from '../../../core/schemas/action-plan.schema.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { usePlanHistory } from './action-plans.queries.ts';

type HistoryItem = PlanHistoryData['items'][number];

/** A value of a change as the reader should see it: codes translated, dates as dates, nothing as "inget". */
function readable(t: TFunction, change: PlanChange, value: string | null): string {
  if (value === null || value === '') {
    if (change.field === 'owner') return t('actionPlan.ownerParticipant');
    if (change.field === 'steps') return t('actionPlan.noSteps');
    if (change.field === 'activities') return t('actionPlan.noActivities');
    return t('actionPlan.changeNone');
  }
  if (change.field === 'term' && (goalTerms as readonly string[]).includes(value)) {
    return t(`goalTerm.${value as 'short'}`);
  }
  if (change.field === 'status' && (goalStatuses as readonly string[]).includes(value)) {
    return t(`goalStatus.${value as 'planned'}`);
  }
  if (change.field === 'targetOn') return formatDate(value);
  return value;
}

/** One change as a sentence: "Status för ”Ta körkort B”: Planerat → Pågår", "Nytt mål: ”…”". */
export function describeChange(t: TFunction, change: PlanChange): string {
  if (change.field === 'goal' && change.from === null) {
    return t('actionPlan.changeAdded', { goal: change.goal });
  }
  // At exit every goal still open is listed with the status it kept.
  if (change.field === 'goal' && change.to === null) {
    return t('actionPlan.changeOpenAtExit', {
      goal: change.goal,
      status: readable(t, { ...change, field: 'status' }, change.from),
    });
  }
  return t('actionPlan.changeField', {
    field: t(`planChangeField.${change.field}`),
    goal: change.goal,
    from: readable(t, change, change.from),
    to: readable(t, change, change.to),
  });
}

function Version({ item, headingId }: { item: HistoryItem; headingId: string }) {
  const { t } = useTranslation();
  return (
    <li className="plan-history-item">
      <h5 id={headingId} className="plan-history-title">
        {t(`planChangeKind.${item.kind}`)}{' '}
        <span className="plan-history-meta">
          {t('actionPlan.historyBy', { at: formatDateTime(item.changedAt), name: item.changedByName })} ·{' '}
          {t('actionPlan.historyVersion', { version: item.version })}
        </span>
      </h5>
      {item.changes.length > 0 ? (
        <ul aria-labelledby={headingId}>
          {item.changes.map((change, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a version's changes have no id and never reorder
            <li key={i} dir="auto">
              {describeChange(t, change)}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {item.kind === 'closed'
            ? t('actionPlan.closedWithoutChanges')
            : t('actionPlan.reviewedWithoutChanges')}
        </p>
      )}
    </li>
  );
}

/** Every saved version of the plan, newest first, each with what changed. */
export function PlanHistory({ enrolmentId, id }: { enrolmentId: string; id: string }) {
  const { t } = useTranslation();
  const history = usePlanHistory(enrolmentId, true);
  return (
    <section id={id} className="plan-history" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('actionPlan.historyHeading')}</h4>
      <QueryState query={history}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('actionPlan.historyEmpty')}</p>
          ) : (
            <ol className="plan-history-list" aria-label={t('actionPlan.historyCaption')}>
              {data.items.map((item) => (
                <Version key={item.version} item={item} headingId={`${id}-v${item.version}`} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
