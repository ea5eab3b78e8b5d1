import { useTranslation } from 'react-i18next';
import { openGoalStatuses } from '../../../core/enums.ts';
import type { PlanGoal } from '../../../core/schemas/action-plan.schema.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../action-plans/action-plans.queries.ts';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { OverviewSection } from './overview-section.tsx';
import { ParticipantTabLink } from './participant-tab-link.tsx';

const isOpen = (goal: PlanGoal) => (openGoalStatuses as readonly string[]).includes(goal.status);

/** The goals still being worked on in the action plan of each active enrolment. */
export function OverviewGoals({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const enrolments = useEnrolments(participantId);
  return (
    <OverviewSection heading={t('overview.goalsHeading')} link={<ParticipantTabLink tab="plan" />}>
      <QueryState query={enrolments}>
        {(data) => {
          const active = data.items.filter((e) => e.exitedOn === null);
          if (active.length === 0) return <p className="empty">{t('overview.noPlanNotEnrolled')}</p>;
          return active.map((enrolment) => (
            <div key={enrolment.id} className="overview-group">
              {active.length > 1 ? <h3>{enrolment.programmeName}</h3> : null}
              <PlanGoals enrolment={enrolment} />
            </div>
          ));
        }}
      </QueryState>
    </OverviewSection>
  );
}

function PlanGoals({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const plan = usePlan(enrolment.id);
  const programme = enrolment.programmeName;
  return (
    <QueryState query={plan}>
      {(data) =>
        data.version === 0 ? (
          <p className="empty">{t('overview.noPlan', { programme })}</p>
        ) : (
          <DataTable<PlanGoal>
            caption={t('overview.goalsCaption', { programme })}
            captionHidden
            columns={[
              {
                key: 'description',
                header: t('actionPlan.goalColumn'),
                isRowHeader: true,
                cell: (g) => <span dir="auto">{g.description}</span>,
              },
              {
                key: 'targetOn',
                header: t('overview.targetOn'),
                className: 'cell-date',
                cell: (g) => formatDate(g.targetOn),
              },
              { key: 'status', header: t('field.status'), cell: (g) => t(`goalStatus.${g.status}`) },
            ]}
            rows={data.goals.filter(isOpen)}
            rowKey={(g) => g.id}
            emptyText={t('overview.noOpenGoals', { programme })}
          />
        )
      }
    </QueryState>
  );
}
