import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { ActionPlan } from '../../../core/schemas/action-plan.schema.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type ApiError, isApiError } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useEnrolments } from '../enrolments/enrolments.queries.ts';
import { planKeys, usePlan, useSavePlan } from './action-plans.queries.ts';
import { PlanForm } from './plan-form.tsx';
import { unchangedPlanInput } from './plan-form-values.ts';
import { PlanGoals } from './plan-goals.tsx';
import { PlanHistory } from './plan-history.tsx';

/** One action plan per enrolment, the active ones first. */
export function PlanTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enrolments = useEnrolments(participant.id);
  const mayWrite = can(user.role, 'enrolment.write') && !participant.readOnly;

  return (
    <section aria-labelledby="plan-heading" className="stack">
      <h2 id="plan-heading">{t('actionPlan.heading')}</h2>
      <p>{t('actionPlan.lead')}</p>
      <QueryState query={enrolments}>
        {(data) => {
          if (data.items.length === 0) return <p>{t('actionPlan.noEnrolments')}</p>;
          const ordered = [...data.items].sort(
            (a, b) =>
              Number(a.exitedOn !== null) - Number(b.exitedOn !== null) ||
              b.startsOn.localeCompare(a.startsOn),
          );
          return ordered.map((enrolment) => (
            <PlanSection
              key={enrolment.id}
              participantId={participant.id}
              enrolment={enrolment}
              mayWrite={mayWrite}
            />
          ));
        }}
      </QueryState>
    </section>
  );
}

type Outcome = 'saved' | 'reviewed' | null;

function PlanSection({
  participantId,
  enrolment,
  mayWrite,
}: {
  participantId: string;
  enrolment: Enrolment;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const plan = usePlan(enrolment.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const headingId = `plan-${enrolment.id}-heading`;
  const historyId = `plan-${enrolment.id}-history`;

  const closeForm = (saved: boolean) => {
    setEditing(false);
    setOutcome(saved ? 'saved' : null);
    headingRef.current?.focus();
  };

  return (
    <section className="panel plan-section" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('actionPlan.sectionHeading', { programme: enrolment.programmeName })}
      </h3>
      <p className="muted">
        {t('actionPlan.sectionMeta', { centre: enrolment.centreName, date: formatDate(enrolment.startsOn) })}
      </p>
      <QueryState query={plan}>
        {(data) => {
          const closed = data.closedOn !== null;
          const writable = mayWrite && !closed;
          return (
            <div className="stack">
              {closed ? (
                <Notice tone="info">
                  {t('actionPlan.closedNotice', { date: formatDate(data.closedOn) })}
                </Notice>
              ) : null}
              {outcome === 'saved' ? (
                <Notice tone="success" live>
                  {t('actionPlan.savedNotice')}
                </Notice>
              ) : null}
              {outcome === 'reviewed' ? (
                <Notice tone="success" live>
                  {t('actionPlan.reviewedNotice')}
                </Notice>
              ) : null}
              {data.version > 0 ? (
                <p>
                  {data.reviewedOn && data.reviewedByName
                    ? t('actionPlan.reviewed', {
                        date: formatDate(data.reviewedOn),
                        name: data.reviewedByName,
                      })
                    : t('actionPlan.notReviewed')}
                </p>
              ) : null}
              {data.version === 0 && data.goals.length === 0 ? (
                <p>{t('actionPlan.empty')}</p>
              ) : (
                <PlanGoals plan={data} headingLevel={4} />
              )}
              {editing && writable ? (
                <PlanForm
                  participantId={participantId}
                  plan={data}
                  onSaved={() => closeForm(true)}
                  onCancel={() => closeForm(false)}
                />
              ) : (
                <PlanActions
                  plan={data}
                  participantId={participantId}
                  writable={writable}
                  historyId={historyId}
                  historyOpen={historyOpen}
                  onEdit={() => {
                    setOutcome(null);
                    setEditing(true);
                  }}
                  onReviewed={() => setOutcome('reviewed')}
                  onToggleHistory={() => setHistoryOpen((open) => !open)}
                />
              )}
              {historyOpen && data.version > 0 ? (
                <PlanHistory enrolmentId={enrolment.id} id={historyId} />
              ) : null}
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}

function PlanActions({
  plan,
  participantId,
  writable,
  historyId,
  historyOpen,
  onEdit,
  onReviewed,
  onToggleHistory,
}: {
  plan: ActionPlan;
  participantId: string;
  writable: boolean;
  historyId: string;
  historyOpen: boolean;
  onEdit: () => void;
  onReviewed: () => void;
  onToggleHistory: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const review = useSavePlan(plan.enrolmentId);
  const [error, setError] = useState<ApiError | null>(null);
  const saved = plan.version > 0;

  function markReviewed() {
    if (review.isPending) return;
    setError(null);
    review.mutate(unchangedPlanInput(plan), {
      onSuccess: onReviewed,
      onError: (failure) => {
        if (!isApiError(failure)) return;
        // Show the plan as it is now saved; the user checks it and marks it again.
        if (failure.code === 'VERSION_CONFLICT' && failure.current) {
          queryClient.setQueryData(planKeys.detail(plan.enrolmentId), failure.current as ActionPlan);
        } else {
          void queryClient.invalidateQueries({ queryKey: planKeys.all(plan.enrolmentId) });
        }
        setError(failure);
      },
    });
  }

  return (
    <div className="stack">
      {error ? (
        <div className="notice notice-error" role="alert">
          {error.code === 'VERSION_CONFLICT' ? t('actionPlan.reviewConflict') : error.message}
        </div>
      ) : null}
      <div className="form-actions plan-actions">
        {writable ? (
          <Button className="button button-primary" onPress={onEdit}>
            {saved ? t('actionPlan.edit') : t('actionPlan.create')}
          </Button>
        ) : null}
        {writable && saved ? (
          <Button
            className="button button-secondary"
            onPress={markReviewed}
            data-pending={review.isPending || undefined}
          >
            {t('actionPlan.markReviewed')}
          </Button>
        ) : null}
        {saved ? (
          <Link
            className="button button-secondary"
            to={`/deltagare/${participantId}/plan/${plan.enrolmentId}/utskrift`}
          >
            {t('actionPlan.print')}
          </Link>
        ) : null}
        {saved ? (
          <Button
            className="button button-secondary"
            onPress={onToggleHistory}
            aria-expanded={historyOpen}
            aria-controls={historyOpen ? historyId : undefined}
          >
            {historyOpen ? t('actionPlan.hideHistory') : t('actionPlan.showHistory')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
