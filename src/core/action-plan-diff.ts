import type { PlanChange, PlanChangeField, PlanGoal } from './schemas/action-plan.schema.ts';

/** What the diff reads of a goal: the presented goal, before or after the save. */
export type PlanGoalView = Pick<
  PlanGoal,
  | 'id'
  | 'ordinal'
  | 'term'
  | 'description'
  | 'targetOn'
  | 'ownerUserId'
  | 'ownerName'
  | 'status'
  | 'occupationCode'
  | 'occupationName'
  | 'steps'
  | 'activities'
>;

const collator = new Intl.Collator('sv');

type Compared = {
  field: PlanChangeField;
  key: (g: PlanGoalView) => string;
  text: (g: PlanGoalView) => string | null;
};

// In the order of planChangeFields, so a goal's changes always read alike.
const compared: readonly Compared[] = [
  { field: 'term', key: (g) => g.term, text: (g) => g.term },
  { field: 'description', key: (g) => g.description, text: (g) => g.description },
  { field: 'targetOn', key: (g) => g.targetOn, text: (g) => g.targetOn },
  { field: 'owner', key: (g) => g.ownerUserId ?? '', text: (g) => g.ownerName },
  { field: 'status', key: (g) => g.status, text: (g) => g.status },
  { field: 'occupation', key: (g) => g.occupationCode ?? '', text: occupationText },
  {
    field: 'steps',
    key: (g) =>
      stepsOf(g)
        .map((s) => s.id)
        .join(','),
    text: stepsText,
  },
  {
    field: 'activities',
    key: (g) =>
      g.activities
        .map((a) => a.id)
        .sort()
        .join(','),
    text: activitiesText,
  },
  { field: 'ordinal', key: (g) => String(g.ordinal), text: (g) => String(g.ordinal) },
];

/**
 * The changes from one version of the plan's goals to the next, goal by goal in the new order: a new goal is one
 * change (field `goal`, from null to its description); a kept goal gives one change per field that differs, as
 * readable text. Goals are never removed, so a goal missing from `after` gives nothing.
 */
export function diffPlanGoals(before: readonly PlanGoalView[], after: readonly PlanGoalView[]): PlanChange[] {
  const previous = new Map(before.map((g) => [g.id, g]));
  return after.flatMap((goal): PlanChange[] => {
    const old = previous.get(goal.id);
    if (!old)
      return [{ goalId: goal.id, goal: goal.description, field: 'goal', from: null, to: goal.description }];
    return compared
      .filter((c) => c.key(old) !== c.key(goal))
      .map((c) => ({
        goalId: goal.id,
        goal: goal.description,
        field: c.field,
        from: c.text(old),
        to: c.text(goal),
      }));
  });
}

function occupationText(goal: PlanGoalView): string | null {
  if (goal.occupationCode === null) return null;
  return goal.occupationName ? `${goal.occupationCode} ${goal.occupationName}` : goal.occupationCode;
}

function stepsOf(goal: PlanGoalView): PlanGoalView['steps'] {
  return [...goal.steps].sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
}

function stepsText(goal: PlanGoalView): string | null {
  const steps = stepsOf(goal);
  return steps.length === 0 ? null : steps.map((s) => s.name).join(', ');
}

function activitiesText(goal: PlanGoalView): string | null {
  if (goal.activities.length === 0) return null;
  return [...goal.activities]
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
    .map((a) => a.name)
    .join(', ');
}
