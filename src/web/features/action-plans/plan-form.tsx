import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { goalStatuses, goalTerms } from '../../../core/enums.ts';
import { type ActionPlan, planInput } from '../../../core/schemas/action-plan.schema.ts';
import { isApiError } from '../../api/client.ts';
import { CheckboxGroupField } from '../../components/checkbox-fields.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import type { Option } from '../../components/field-parts.tsx';
import { type FormFailure, fieldDomId, focusField, useFormFailure } from '../../components/form-errors.ts';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { DateInputField, TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useActivities } from '../activities/activities.queries.ts';
import { OccupationComboBox } from '../openings/occupation-combobox.tsx';
import { useProgramme } from '../programmes/programmes.queries.ts';
import { useTeam } from '../team/team.queries.ts';
import { planKeys, useSavePlan } from './action-plans.queries.ts';
import { emptyGoalRow, type GoalRow, rebaseRows, rowsFromPlan, toPlanInput } from './plan-form-values.ts';
import { byOrdinal, PlanGoals } from './plan-goals.tsx';

const goalFields = [
  'term',
  'description',
  'targetOn',
  'ownerUserId',
  'status',
  'occupationCode',
  'stepIds',
  'activityIds',
];
const goalFieldPath = new RegExp(`^goals\\.(\\d+)\\.(${goalFields.join('|')})(\\.|$)`);

/**
 * The whole plan in one form, saved against the version it was read at. On a version conflict what was typed
 * stays, the saved plan is shown above the form, and saving again applies the user's edits on top of it.
 */
export function PlanForm({
  participantId,
  plan,
  onSaved,
  onCancel,
}: {
  participantId: string;
  plan: ActionPlan;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const save = useSavePlan(plan.enrolmentId);
  const team = useTeam(participantId);
  const programme = useProgramme(plan.programmeId);
  const catalogue = useActivities(plan.programmeId);
  const form = useFormFailure(locale);
  const [rows, setRows] = useState<GoalRow[]>(() =>
    plan.goals.length > 0 ? rowsFromPlan(plan) : [emptyGoalRow('short')],
  );
  const [base, setBase] = useState(plan);
  const [conflict, setConflict] = useState<ActionPlan | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formId = `plan-${plan.enrolmentId}`;
  const idFor = (path: string) => fieldDomId(formId, path);
  const headingId = `${formId}-heading`;

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (focusRow === null) return;
    const index = rows.findIndex((r) => r.key === focusRow);
    if (index >= 0) focusField(idFor(`goals.${index}.description`));
    setFocusRow(null);
  });

  // Messages in the summary name the goal: "Mål 2: Beskrivning måste fyllas i".
  const summary = useMemo<FormFailure | null>(() => {
    if (!form.failure) return null;
    return {
      ...form.failure,
      fields: form.failure.fields.map((f) => {
        const match = goalFieldPath.exec(f.field);
        return match
          ? { ...f, message: t('actionPlan.goalError', { number: Number(match[1]) + 1, message: f.message }) }
          : f;
      }),
    };
  }, [form.failure, t]);

  const ownerOptions = useMemo<Option[]>(() => {
    const options: Option[] = [{ value: '', label: t('actionPlan.ownerParticipant') }];
    const members = team.data?.items ?? [];
    for (const m of members) options.push({ value: m.userId, label: `${m.name} (${t(`role.${m.role}`)})` });
    // An owner who has left the team stays choosable for the goals that still name them.
    const known = new Set(members.map((m) => m.userId));
    for (const g of [...base.goals, ...(conflict?.goals ?? [])]) {
      if (g.ownerUserId && g.ownerName && !known.has(g.ownerUserId)) {
        known.add(g.ownerUserId);
        options.push({ value: g.ownerUserId, label: t('actionPlan.ownerFormer', { name: g.ownerName }) });
      }
    }
    return options;
  }, [team.data, base, conflict, t]);

  const stepOptions = useMemo<Option[]>(
    () =>
      byOrdinal(programme.data?.steps ?? []).map((s) => ({ value: s.id, label: `${s.ordinal}. ${s.name}` })),
    [programme.data],
  );

  // An activity no longer active stays choosable for the goals it is linked to, and only for them.
  const activityOptionsFor = (row: GoalRow): Option[] => {
    const saved = [...base.goals, ...(conflict?.goals ?? [])].filter((g) => g.id === row.id);
    const linked = new Set([...row.activityIds, ...saved.flatMap((g) => g.activities.map((a) => a.id))]);
    return (catalogue.data?.items ?? [])
      .filter((a) => a.active || linked.has(a.id))
      .map((a) => ({
        value: a.id,
        label: a.active ? a.name : t('actionPlan.activityInactive', { name: a.name }),
      }));
  };

  function update(index: number, patch: Partial<GoalRow>) {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  function addGoal() {
    const row = emptyGoalRow(rows.at(-1)?.term ?? 'short');
    setRows((current) => [...current, row]);
    setFocusRow(row.key);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const input = toPlanInput(rows, base.version);
    const parsed = planInput.safeParse(input);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    save.mutate(input, {
      onSuccess: () => {
        form.clear();
        onSaved();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT' && error.current) {
          const current = error.current as ActionPlan;
          // The next save goes against the version just seen, with the user's edits on top of it.
          setRows((typed) => rebaseRows(typed, base, current));
          setBase(current);
          setConflict(current);
          queryClient.setQueryData(planKeys.detail(plan.enrolmentId), current);
        }
        if (isApiError(error) && error.code === 'PLAN_CLOSED') {
          void queryClient.invalidateQueries({ queryKey: planKeys.all(plan.enrolmentId) });
        }
        form.fromError(error);
      },
    });
  }

  return (
    <section className="panel plan-form" aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        {plan.version === 0 ? t('actionPlan.formHeadingNew') : t('actionPlan.formHeading')}
      </h4>
      <ErrorSummary
        failure={summary}
        fieldId={(field) => {
          const match = goalFieldPath.exec(field);
          return match ? idFor(`goals.${match[1]}.${match[2]}`) : undefined;
        }}
      >
        {conflict ? <p>{t('actionPlan.conflictHelp')}</p> : null}
      </ErrorSummary>
      {conflict ? (
        <section className="conflict" aria-labelledby={`${formId}-conflict`}>
          <h5 id={`${formId}-conflict`}>{t('actionPlan.conflictHeading', { version: conflict.version })}</h5>
          <PlanGoals plan={conflict} headingLevel={6} />
        </section>
      ) : null}
      <p className="field-description">{t('actionPlan.formHint')}</p>
      <p className="form-note">{t('common.requiredNote')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        {rows.map((row, index) => {
          const path = (name: string) => `goals.${index}.${name}`;
          const activityOptions = activityOptionsFor(row);
          return (
            <fieldset key={row.key} className="panel plan-goal-fieldset">
              <legend className="form-section-title">
                {t('actionPlan.goalLegend', { number: index + 1 })}
              </legend>
              <div className="stack">
                <TextInputField
                  id={idFor(path('description'))}
                  label={t('field.description')}
                  error={form.errorFor(path('description'))}
                  value={row.description}
                  onChange={(description) => update(index, { description })}
                  dir="auto"
                  multiline
                  isRequired
                />
                <div className="plan-goal-grid">
                  <SelectField
                    id={idFor(path('term'))}
                    label={t('field.term')}
                    error={form.errorFor(path('term'))}
                    value={row.term}
                    onChange={(term) => update(index, { term: term as GoalRow['term'] })}
                    options={goalTerms.map((v) => ({ value: v, label: t(`goalTerm.${v}`) }))}
                    isRequired
                  />
                  <DateInputField
                    id={idFor(path('targetOn'))}
                    label={t('field.targetOn')}
                    error={form.errorFor(path('targetOn'))}
                    value={row.targetOn}
                    onChange={(targetOn) => update(index, { targetOn })}
                    isRequired
                  />
                  <SelectField
                    id={idFor(path('ownerUserId'))}
                    label={t('field.ownerUserId')}
                    description={t('actionPlan.ownerHint')}
                    error={form.errorFor(path('ownerUserId'))}
                    value={row.ownerUserId}
                    onChange={(ownerUserId) => update(index, { ownerUserId })}
                    options={ownerOptions}
                    isRequired
                  />
                  <SelectField
                    id={idFor(path('status'))}
                    label={t('field.status')}
                    error={form.errorFor(path('status'))}
                    value={row.status}
                    onChange={(status) => update(index, { status: status as GoalRow['status'] })}
                    options={goalStatuses.map((v) => ({ value: v, label: t(`goalStatus.${v}`) }))}
                    isRequired
                  />
                  <OccupationComboBox
                    id={idFor(path('occupationCode'))}
                    label={t('field.occupationCode')}
                    description={t('actionPlan.occupationHint')}
                    error={form.errorFor(path('occupationCode'))}
                    value={row.occupation}
                    onChange={(occupation) => update(index, { occupation })}
                  />
                </div>
                {stepOptions.length > 0 ? (
                  <CheckboxGroupField
                    id={idFor(path('stepIds'))}
                    label={t('field.stepIds')}
                    description={t('actionPlan.stepsHint')}
                    error={form.errorFor(path('stepIds'))}
                    value={row.stepIds}
                    onChange={(stepIds) => update(index, { stepIds })}
                    options={stepOptions}
                  />
                ) : programme.isPending ? null : (
                  <p className="field-description">{t('actionPlan.stepsNone')}</p>
                )}
                {activityOptions.length > 0 ? (
                  <CheckboxGroupField
                    id={idFor(path('activityIds'))}
                    label={t('field.activityIds')}
                    description={t('actionPlan.activitiesHint')}
                    error={form.errorFor(path('activityIds'))}
                    value={row.activityIds}
                    onChange={(activityIds) => update(index, { activityIds })}
                    options={activityOptions}
                  />
                ) : catalogue.isPending ? null : (
                  <p className="field-description">{t('actionPlan.activitiesNone')}</p>
                )}
              </div>
            </fieldset>
          );
        })}
        <div>
          <Button className="button button-secondary" onPress={addGoal}>
            {t('actionPlan.addGoal')}
          </Button>
        </div>
        <div className="form-actions">
          <SubmitButton isPending={save.isPending}>
            {conflict ? t('actionPlan.saveAgain') : t('actionPlan.submit')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
