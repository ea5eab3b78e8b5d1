import type { GoalStatus, GoalTerm } from '../../../core/enums.ts';
import type { ActionPlan, PlanGoal, PlanInput } from '../../../core/schemas/action-plan.schema.ts';
import type { OccupationChoice } from '../openings/opening-form-values.ts';

/**
 * One goal as the form holds it: text as typed, '' for "the participant" as owner, and the chosen occupation
 * with its name (null for none), so the combo box can show it.
 */
export type GoalRow = {
  /** React's key, stable while the row lives; new rows have no id yet. */
  key: string;
  id: string | null;
  term: GoalTerm;
  description: string;
  targetOn: string;
  ownerUserId: string;
  status: GoalStatus;
  occupation: OccupationChoice | null;
  stepIds: string[];
  activityIds: string[];
};

type EditableField = Exclude<keyof GoalRow, 'key' | 'id'>;
const editableFields: readonly EditableField[] = [
  'term',
  'description',
  'targetOn',
  'ownerUserId',
  'status',
  'occupation',
  'stepIds',
  'activityIds',
];

let nextKey = 0;
const newKey = () => `goal-${++nextKey}`;

export function rowFromGoal(goal: PlanGoal): GoalRow {
  return {
    key: newKey(),
    id: goal.id,
    term: goal.term,
    description: goal.description,
    targetOn: goal.targetOn,
    ownerUserId: goal.ownerUserId ?? '',
    status: goal.status,
    occupation: goal.occupationCode
      ? { code: goal.occupationCode, name: goal.occupationName ?? goal.occupationCode }
      : null,
    stepIds: [...goal.steps].sort((a, b) => a.ordinal - b.ordinal).map((s) => s.id),
    activityIds: goal.activities.map((a) => a.id),
  };
}

export function rowsFromPlan(plan: ActionPlan): GoalRow[] {
  return [...plan.goals].sort((a, b) => a.ordinal - b.ordinal).map(rowFromGoal);
}

export function emptyGoalRow(term: GoalTerm = 'short'): GoalRow {
  return {
    key: newKey(),
    id: null,
    term,
    description: '',
    targetOn: '',
    ownerUserId: '',
    status: 'planned',
    occupation: null,
    stepIds: [],
    activityIds: [],
  };
}

export function toPlanInput(rows: readonly GoalRow[], version: number): PlanInput {
  return {
    version,
    goals: rows.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      term: row.term,
      description: row.description,
      targetOn: row.targetOn.trim(),
      ownerUserId: row.ownerUserId === '' ? null : row.ownerUserId,
      status: row.status,
      occupationCode: row.occupation?.code ?? null,
      stepIds: row.stepIds,
      activityIds: row.activityIds,
    })),
  };
}

/** The plan as it is, to save unchanged: the server records that as a review. */
export function unchangedPlanInput(plan: ActionPlan): PlanInput {
  return toPlanInput(rowsFromPlan(plan), plan.version);
}

function same(a: GoalRow[EditableField], b: GoalRow[EditableField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join() === [...b].sort().join();
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    return 'code' in a && 'code' in b && a.code === b.code;
  }
  return a === b;
}

/**
 * After a version conflict: the user's edits on top of the plan someone else saved. A field the user changed
 * keeps what was typed; a field the user left alone takes the saved value; goals the other person added are
 * appended. New goals the user added stay as they are. Nothing typed is lost.
 */
export function rebaseRows(rows: readonly GoalRow[], base: ActionPlan, current: ActionPlan): GoalRow[] {
  const baseGoals = new Map(base.goals.map((g) => [g.id, rowFromGoal(g)]));
  const currentGoals = new Map(current.goals.map((g) => [g.id, rowFromGoal(g)]));
  const rebased = rows.map((row) => {
    const before = row.id ? baseGoals.get(row.id) : undefined;
    const now = row.id ? currentGoals.get(row.id) : undefined;
    if (!now) return row;
    const merged: GoalRow = { ...row };
    for (const field of editableFields) {
      const untouched = before ? same(row[field], before[field]) : false;
      if (untouched) (merged as Record<EditableField, unknown>)[field] = now[field];
    }
    return merged;
  });
  const known = new Set(rows.map((r) => r.id).filter(Boolean));
  const added = [...current.goals]
    .sort((a, b) => a.ordinal - b.ordinal)
    .filter((g) => !known.has(g.id))
    .map(rowFromGoal);
  return [...rebased, ...added];
}
