import type { z } from 'zod';
import { diffPlanGoals } from '../../../core/action-plan-diff.ts';
import { type IsoDate, todayInSweden } from '../../../core/dates.ts';
import { type GoalStatus, openGoalStatuses, type PlanChangeKind } from '../../../core/enums.ts';
import { AppError } from '../../../core/errors.ts';
import type {
  ActionPlan,
  PlanChange,
  PlanGoal,
  PlanHistory,
  planInput,
} from '../../../core/schemas/action-plan.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import { members as teamMembers } from '../team/team.repo.ts';
import * as repo from './action-plans.repo.ts';

type PlanValues = z.output<typeof planInput>;
type GoalValues = PlanValues['goals'][number];

/** Swedish alphabetical order: a byte-order sort would put 'SFI' before 'Samhällsorientering'. */
const collator = new Intl.Collator('sv');

/** The enrolment's plan; one not yet saved is version 0 with no goals. */
export async function get(db: Db, actor: Actor, enrolmentId: string): Promise<ActionPlan> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const enrolment = await repo.findEnrolment(tx, enrolmentId);
    if (!enrolment) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadVisible(tx, actor, enrolment.participantId);
    await logAccess(tx, actor, [participant], 'read', 'plan.view');
    return present(tx, enrolment);
  });
}

/**
 * Saves the whole plan at the version it was read at: version 0 creates it. Every save is a review (today, by
 * the actor) and one history row: 'created', 'updated' with the changes, or 'reviewed' when nothing changed.
 */
export async function save(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  input: PlanValues,
): Promise<ActionPlan> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const enrolment = await repo.findEnrolment(tx, enrolmentId, true);
    if (!enrolment) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadWritable(tx, actor, enrolment.participantId);
    const existing = await repo.findPlan(tx, enrolmentId);
    if (enrolment.exitedOn || existing?.plan.closedOn) throw new AppError('PLAN_CLOSED');
    const today = todayInSweden();
    const review = { reviewedOn: today, reviewedBy: actor.userId };
    // The plan row is locked from here on, so the goals read next are those of the version being replaced.
    const plan =
      input.version === 0
        ? await repo.insertPlan(tx, { enrolmentId, ...review, createdBy: actor.userId })
        : existing && (await repo.reviewVersioned(tx, existing.plan.id, input.version, review));
    if (!plan) throw new AppError('VERSION_CONFLICT', { current: await present(tx, enrolment) });

    const before = await repo.goalsOf(tx, plan.id);
    await validate(tx, enrolment, input.goals, before);
    await writeGoals(tx, plan.id, input.goals, before, today);
    const after = await repo.goalsOf(tx, plan.id);
    const changes = diffPlanGoals(before.map(presentGoal), after.map(presentGoal));
    const kind: PlanChangeKind =
      input.version === 0 ? 'created' : changes.length > 0 ? 'updated' : 'reviewed';
    await repo.insertChange(tx, {
      planId: plan.id,
      version: plan.version,
      kind,
      changes,
      changedBy: actor.userId,
    });
    await logAccess(tx, actor, [participant], input.version === 0 ? 'create' : 'update', 'plan.save');
    return present(tx, enrolment);
  });
}

/** The plan's saved versions, newest first; none before the plan is first saved. */
export async function history(db: Db, actor: Actor, enrolmentId: string): Promise<PlanHistory> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const enrolment = await repo.findEnrolment(tx, enrolmentId);
    if (!enrolment) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadVisible(tx, actor, enrolment.participantId);
    await logAccess(tx, actor, [participant], 'read', 'plan.history');
    const found = await repo.findPlan(tx, enrolmentId);
    const rows = found ? await repo.history(tx, found.plan.id) : [];
    return {
      items: rows.map((r) => ({
        version: r.version,
        kind: r.kind,
        changedAt: r.changedAt.toISOString(),
        changedByName: r.changedByName,
        changes: r.changes as PlanChange[],
      })),
    };
  });
}

/**
 * At exit, in the exit's transaction: the plan closes on the exit date and goals still open end then, their
 * status kept. The history row ('closed') names each goal ended, field 'goal' from its status to null.
 */
export async function closeOnExit(tx: Executor, actor: Actor, enrolmentId: string, exitedOn: IsoDate) {
  const found = await repo.findPlan(tx, enrolmentId);
  if (!found) return;
  const closed = await repo.close(tx, found.plan.id, exitedOn);
  if (!closed) return;
  const ended = await repo.endOpenGoals(tx, found.plan.id, exitedOn);
  await repo.insertChange(tx, {
    planId: closed.id,
    version: closed.version,
    kind: 'closed',
    changes: ended.map((g) => ({
      goalId: g.id,
      goal: g.description,
      field: 'goal',
      from: g.status,
      to: null,
    })),
    changedBy: actor.userId,
  });
}

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/**
 * Refuses, naming every field at fault, goals that are not the plan's, unknown choices and removed goals. An
 * activity taken out of use stays linked to the goals that have it, but cannot be newly linked.
 */
async function validate(
  tx: Executor,
  enrolment: repo.PlanEnrolment,
  goals: readonly GoalValues[],
  before: readonly repo.GoalRow[],
) {
  const current = new Map(before.map((g) => [g.goal.id, g.goal]));
  const steps = await repo.stepIdsOfProgramme(tx, enrolment.programmeId);
  const activities = await repo.activitiesOfProgramme(tx, enrolment.programmeId);
  const linked = new Map(before.map((g) => [g.goal.id, new Set(g.activities.map((a) => a.id))]));
  const codes = goals.flatMap((g) => (g.occupationCode ? [g.occupationCode] : []));
  const known = await repo.unitGroupCodes(tx, [...new Set(codes)]);
  const team = new Set((await teamMembers(tx, enrolment.participantId)).map((m) => m.userId));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const [index, goal] of goals.entries()) {
    const at = (field: string, message: string) => issues.push(issue(['goals', index, field], message));
    const old = goal.id ? current.get(goal.id) : undefined;
    if (goal.id && !old) at('id', 'not_found');
    else if (goal.id && seen.has(goal.id)) at('id', 'invalid_value');
    if (goal.id) seen.add(goal.id);
    // A target date already saved stays as it is; a new or moved one may not lie before the start.
    if (goal.targetOn !== old?.targetOn && goal.targetOn < enrolment.startsOn)
      at('targetOn', 'before_starts_on');
    // Someone who has since left the team stays owner of their goals until staff choose another.
    if (goal.ownerUserId && goal.ownerUserId !== old?.ownerUserId && !team.has(goal.ownerUserId))
      at('ownerUserId', 'not_in_team');
    if (goal.occupationCode && !known.has(goal.occupationCode)) at('occupationCode', 'invalid_choice');
    if (goal.stepIds.some((id) => !steps.has(id))) at('stepIds', 'invalid_choice');
    const kept = (old && linked.get(old.id)) || new Set<string>();
    if (goal.activityIds.some((id) => !activities.has(id))) at('activityIds', 'invalid_choice');
    else if (goal.activityIds.some((id) => !activities.get(id) && !kept.has(id)))
      at('activityIds', 'inactive');
  }
  if (before.some((g) => !seen.has(g.goal.id))) issues.push(issue(['goals'], 'goal_removed'));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
}

/** Makes the plan's goals the list, in order: kept goals are updated where they differ, new ones inserted. */
async function writeGoals(
  tx: Executor,
  planId: string,
  goals: readonly GoalValues[],
  before: readonly repo.GoalRow[],
  today: IsoDate,
) {
  const current = new Map(before.map((g) => [g.goal.id, g]));
  const reordered = goals.some((g, index) => g.id && current.get(g.id)?.goal.ordinal !== index + 1);
  if (reordered) await repo.moveOrdinalsAside(tx, planId);
  for (const [index, goal] of goals.entries()) {
    const values = {
      ordinal: index + 1,
      term: goal.term,
      description: goal.description,
      targetOn: goal.targetOn,
      ownerUserId: goal.ownerUserId,
      status: goal.status,
      occupationCode: goal.occupationCode,
    };
    const stepIds = [...new Set(goal.stepIds)];
    const activityIds = [...new Set(goal.activityIds)];
    const old = goal.id ? current.get(goal.id) : undefined;
    if (!old) {
      const { id } = await repo.insertGoal(tx, {
        planId,
        ...values,
        endedOn: ended(goal.status) ? today : null,
      });
      await repo.setGoalSteps(tx, id, [], stepIds);
      await repo.setGoalActivities(tx, id, [], activityIds);
      continue;
    }
    const endedOn = old.goal.status === goal.status ? old.goal.endedOn : ended(goal.status) ? today : null;
    const next = { ...values, endedOn };
    const differs = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== old.goal[k]);
    // A goal moved aside above is written back even when it ends up where it was.
    if (differs || reordered) await repo.updateGoal(tx, old.goal.id, next);
    await repo.setGoalSteps(
      tx,
      old.goal.id,
      old.steps.map((s) => s.id),
      stepIds,
    );
    await repo.setGoalActivities(
      tx,
      old.goal.id,
      old.activities.map((a) => a.id),
      activityIds,
    );
  }
}

function ended(status: GoalStatus): boolean {
  return !(openGoalStatuses as readonly GoalStatus[]).includes(status);
}

async function present(tx: Executor, enrolment: repo.PlanEnrolment): Promise<ActionPlan> {
  const found = await repo.findPlan(tx, enrolment.id);
  const goals = found ? await repo.goalsOf(tx, found.plan.id) : [];
  return {
    enrolmentId: enrolment.id,
    participantId: enrolment.participantId,
    programmeId: enrolment.programmeId,
    programmeName: enrolment.programmeName,
    version: found?.plan.version ?? 0,
    reviewedOn: found?.plan.reviewedOn ?? null,
    reviewedByName: found?.reviewedByName ?? null,
    // An enrolment that ended without a plan has none to write: it reads as closed on the exit date.
    closedOn: found?.plan.closedOn ?? enrolment.exitedOn,
    goals: goals.map(presentGoal),
  };
}

function presentGoal(row: repo.GoalRow): PlanGoal {
  const g = row.goal;
  return {
    id: g.id,
    ordinal: g.ordinal,
    term: g.term,
    description: g.description,
    targetOn: g.targetOn,
    ownerUserId: g.ownerUserId,
    ownerName: row.ownerName,
    status: g.status,
    occupationCode: g.occupationCode,
    occupationName: row.occupationName,
    steps: row.steps,
    activities: [...row.activities].sort((a, b) => collator.compare(a.name, b.name)),
    endedOn: g.endedOn,
  };
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
