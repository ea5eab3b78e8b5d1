import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import { type PlacementAction, placementAllows, weeklyHours } from '../../../core/placement.ts';
import type { ScheduleSlot } from '../../../core/schemas/activity.schema.ts';
import type {
  EmployerOutcomes,
  evaluationInput,
  Placement,
  PlacementEvaluation,
  PlacementList,
  PlacementSummary,
  placementCancelInput,
  placementEndInput,
  placementInput,
  placementStartInput,
  placementUpdateInput,
} from '../../../core/schemas/placement.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { enrolments as enrolmentTable, placements as placementTable } from '../../db/schema.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import * as activities from '../activities/activities.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as employers from '../employers/employers.repo.ts';
import * as enrolments from '../enrolments/enrolments.repo.ts';
import { planGroupSessions } from '../groups/group-sessions.ts';
import * as groups from '../groups/groups.repo.ts';
import { overlappingSlots } from '../groups/groups.service.ts';
import * as participants from '../participants/participants.service.ts';
import * as steps from '../steps/steps.repo.ts';
import * as repo from './placements.repo.ts';

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/**
 * Places a participant at an employer: the placement's weekly days become sessions of a group of its own (the
 * programme's internship activity, the responsible staff member leading it), so they appear in the week view,
 * the roll call and the monthly attendance. An opening whose places are all taken becomes filled.
 */
export async function create(
  db: Db,
  actor: Actor,
  input: z.output<typeof placementInput>,
): Promise<Placement> {
  authorize(actor, 'placement.write');
  return db.transaction(async (tx) => {
    const found = await enrolments.findById(tx, input.enrolmentId);
    if (!found) throw fieldError(['enrolmentId'], 'not_found');
    const enrolment = found.enrolment;
    const { participant } = await participants.loadWritable(tx, actor, enrolment.participantId);
    if (enrolment.exitedOn) throw new AppError('ENROLMENT_ALREADY_EXITED');
    if (!actor.centreIds.includes(enrolment.centreId)) throw new AppError('FORBIDDEN');

    const issues: Issue[] = [];
    const employer = await employers.findEmployer(tx, input.employerId);
    if (!employer) issues.push(issue(['employerId'], 'not_found'));
    else {
      const supervisor = await repo.findSupervisor(tx, employer.id, input.supervisorId);
      if (!supervisor) issues.push(issue(['supervisorId'], 'not_employer_contact'));
      else if (!supervisor.active) issues.push(issue(['supervisorId'], 'inactive'));
    }
    const opening = input.openingId ? await repo.lockOpening(tx, input.openingId) : null;
    if (input.openingId) {
      if (!opening) issues.push(issue(['openingId'], 'not_found'));
      else if (opening.employerId !== input.employerId)
        issues.push(issue(['openingId'], 'not_same_employer'));
      else if (opening.kind !== 'internship') issues.push(issue(['openingId'], 'not_internship'));
      else if (opening.status !== 'open') issues.push(issue(['openingId'], 'not_open'));
    }
    const activity = await activities.findActivity(tx, input.activityId);
    if (!activity || activity.programmeId !== enrolment.programmeId)
      issues.push(issue(['activityId'], 'invalid_choice'));
    else if (activity.type !== 'internship') issues.push(issue(['activityId'], 'not_internship'));
    else if (!activity.active) issues.push(issue(['activityId'], 'inactive'));
    if (!(await groups.isCentreStaff(tx, enrolment.centreId, input.responsibleId)))
      issues.push(issue(['responsibleId'], 'not_centre_staff'));
    if (input.startsOn < enrolment.startsOn) issues.push(issue(['startsOn'], 'before_starts_on'));
    if (input.endsOn > enrolment.plannedEndOn) issues.push(issue(['endsOn'], 'after_planned_end'));
    issues.push(...overlappingSlots(input.schedule));
    issues.push(...(await goalIssues(tx, enrolment.id, input.goalIds)));
    if (issues.length > 0 || !employer || !activity)
      throw new AppError('VALIDATION_FAILED', { fields: issues });

    const schedule = [...input.schedule].sort(
      (a, b) => a.weekday - b.weekday || compare(a.startTime, b.startTime),
    );
    const group = await groups.insertGroup(tx, {
      activityId: activity.id,
      centreId: enrolment.centreId,
      name: `Praktik: ${employer.name}`,
      leaderId: input.responsibleId,
      room: [employer.streetAddress, employer.city].filter(Boolean).join(', ') || null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      schedule,
      createdBy: actor.userId,
    });
    // The programme's closure days are the centre's; a workplace is open then. Public holidays are skipped.
    const planned = planGroupSessions(schedule, input.startsOn, input.endsOn, []);
    await groups.insertSessions(tx, group.id, planned.sessions);
    await groups.insertMember(tx, {
      groupId: group.id,
      enrolmentId: enrolment.id,
      joinedOn: input.startsOn,
      createdBy: actor.userId,
    });
    const { id } = await repo.insertPlacement(tx, {
      enrolmentId: enrolment.id,
      employerId: employer.id,
      openingId: opening?.id ?? null,
      groupId: group.id,
      supervisorId: input.supervisorId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      tasks: input.tasks,
      createdBy: actor.userId,
    });
    await repo.setGoals(tx, id, uniq(input.goalIds));
    if (opening) await updateOpeningStatus(tx, opening.id, opening.places);
    await logAccess(tx, actor, [participant], 'create', 'placement.create');
    return present(tx, actor, id);
  });
}

/** A participant's placements, through all enrolments, newest first; the read is logged. */
export async function listForParticipant(
  db: Db,
  actor: Actor,
  participantId: string,
): Promise<PlacementList> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const rows = await repo.listPlacements(tx, actor, eq(enrolmentTable.participantId, participantId));
    await logAccess(tx, actor, [participant], 'read', 'placement.list');
    return { items: rows.map(presentSummary) };
  });
}

export async function get(db: Db, actor: Actor, id: string): Promise<Placement> {
  return db.transaction(async (tx) => {
    const { participant } = await load(tx, actor, id);
    const detail = await present(tx, actor, id);
    await logAccess(tx, actor, [participant], 'read', 'placement.view');
    return detail;
  });
}

/** Supervisor, tasks and the goals they serve, against the version read. */
export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof placementUpdateInput>,
): Promise<Placement> {
  return change(db, actor, id, 'edit', async (tx, { placement }) => {
    const issues: Issue[] = [];
    const supervisor = await repo.findSupervisor(tx, placement.employerId, input.supervisorId);
    if (!supervisor) issues.push(issue(['supervisorId'], 'not_employer_contact'));
    else if (!supervisor.active && supervisor.id !== placement.supervisorId)
      issues.push(issue(['supervisorId'], 'inactive'));
    issues.push(...(await goalIssues(tx, placement.enrolmentId, input.goalIds)));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    await saveVersioned(tx, actor, id, input.version, {
      supervisorId: input.supervisorId,
      tasks: input.tasks,
    });
    await repo.setGoals(tx, id, uniq(input.goalIds));
  });
}

/** The participant began: the step of the internship activity starts that day, unless it is already open. */
export async function start(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof placementStartInput>,
): Promise<Placement> {
  return change(db, actor, id, 'start', async (tx, { placement, enrolment, group }) => {
    if (input.firstDay > todayInSweden()) throw fieldError(['firstDay'], 'in_future');
    if (input.firstDay < enrolment.startsOn) throw fieldError(['firstDay'], 'before_starts_on');
    if (input.firstDay > placement.endsOn) throw fieldError(['firstDay'], 'after_ends_on');
    const activity = await activities.findActivity(tx, group.activityId);
    let enrolmentStepId: string | null = null;
    if (activity?.stepId) {
      const open = await steps.findOpen(tx, enrolment.id, activity.stepId);
      enrolmentStepId =
        open?.id ??
        (
          await steps.insertStep(tx, {
            enrolmentId: enrolment.id,
            stepId: activity.stepId,
            startedOn: input.firstDay,
            createdBy: actor.userId,
          })
        ).id;
    }
    await saveVersioned(tx, actor, id, input.version, {
      status: 'ongoing',
      startedOn: input.firstDay,
      enrolmentStepId,
    });
  });
}

/** The placement ended (early or as planned): its later days go, the step ends unless another placement holds it. */
export async function end(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof placementEndInput>,
): Promise<Placement> {
  return change(db, actor, id, 'end', async (tx, { placement }) => {
    if (input.lastDay > todayInSweden()) throw fieldError(['lastDay'], 'in_future');
    if (placement.startedOn && input.lastDay < placement.startedOn)
      throw fieldError(['lastDay'], 'before_started_on');
    // Ending is not extending: the placement has no days after its planned end.
    if (input.lastDay > placement.endsOn) throw fieldError(['lastDay'], 'after_ends_on');
    await saveVersioned(tx, actor, id, input.version, {
      status: 'ended',
      endedOn: input.lastDay,
      endReason: input.reason,
    });
    await wind(tx, placement, input.lastDay);
  });
}

/** A planned placement that will not happen: its days go and nothing is counted. */
export async function cancel(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof placementCancelInput>,
): Promise<Placement> {
  return change(db, actor, id, 'cancel', async (tx, { placement }) => {
    if (await repo.hasAttendance(tx, placement.groupId)) throw new AppError('SESSION_HAS_ATTENDANCE');
    await saveVersioned(tx, actor, id, input.version, {
      status: 'cancelled',
      endedOn: todayInSweden(),
      endReason: input.reason,
    });
    await wind(tx, placement, null);
  });
}

/** The mid-point or final evaluation with the supervisor, saved against the version read. */
export async function saveEvaluation(
  db: Db,
  actor: Actor,
  id: string,
  kind: 'midpoint' | 'final',
  input: z.output<typeof evaluationInput>,
): Promise<Placement> {
  return change(db, actor, id, 'evaluate', async (tx, { placement }) => {
    if (input.heldOn > todayInSweden()) throw fieldError(['heldOn'], 'in_future');
    if (placement.startedOn && input.heldOn < placement.startedOn)
      throw fieldError(['heldOn'], 'before_started_on');
    const values = {
      heldOn: input.heldOn,
      ratings: input.ratings,
      summary: input.summary,
      nextSteps: input.nextSteps,
      recordedBy: actor.userId,
    };
    const existing = await repo.findEvaluation(tx, id, kind);
    const saved =
      existing && input.version !== null
        ? await repo.updateEvaluationVersioned(tx, existing.id, input.version, values)
        : !existing && input.version === null
          ? await repo.insertEvaluation(tx, { ...values, placementId: id, kind })
          : null;
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await present(tx, actor, id) });
  });
}

/**
 * At exit: ongoing placements end on the exit date (or on their planned last day, when that came first), planned
 * ones are cancelled. Runs before the enrolment's open steps end on the exit date.
 */
export async function closeOnExit(tx: Executor, enrolmentId: string, exitedOn: string) {
  for (const { placement } of await repo.openPlacementsOf(tx, enrolmentId)) {
    const ongoing = placement.status === 'ongoing';
    const lastDay = earlier(exitedOn, placement.endsOn);
    const endedOn = ongoing ? later(lastDay, placement.startedOn ?? lastDay) : exitedOn;
    await repo.updateVersioned(tx, placement.id, placement.version, {
      status: ongoing ? 'ended' : 'cancelled',
      endedOn,
    });
    await wind(tx, placement, ongoing ? endedOn : null);
  }
}

/** Per employer: placements, the jobs that followed and who is in follow-up, as far as the actor may see. */
export async function employerOutcomes(db: Db, actor: Actor, employerId: string): Promise<EmployerOutcomes> {
  authorize(actor, 'employer.read');
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    if (!(await employers.employerExists(tx, employerId))) throw new AppError('NOT_FOUND');
    const placed = await repo.listPlacements(tx, actor, eq(placementTable.employerId, employerId));
    const jobs = await repo.jobsAtEmployer(tx, actor, employerId);
    const seen = new Map<string, { id: string; centreId: string }>();
    for (const r of [...placed, ...jobs])
      seen.set(r.participantId, { id: r.participantId, centreId: r.participantCentreId });
    await logAccess(tx, actor, [...seen.values()], 'read', 'employer.outcomes');
    const inFollowUp = jobs.filter((j) => j.followUpDueOn !== null && j.followUpStatus === null);
    return {
      placements: placed.map(presentSummary),
      jobs: jobs.map((j) => ({
        enrolmentId: j.enrolmentId,
        participantId: j.participantId,
        firstName: j.firstName,
        lastName: j.lastName,
        exitedOn: j.exitedOn ?? '',
        outcome: j.outcome ?? 'other',
        afterPlacement: j.afterPlacement,
        followUpDueOn: j.followUpDueOn,
        followUpStatus: j.followUpStatus,
      })),
      counts: {
        placements: placed.filter((p) => p.status !== 'cancelled').length,
        ongoingPlacements: placed.filter((p) => p.status === 'ongoing').length,
        jobs: jobs.length,
        jobsAfterPlacement: jobs.filter((j) => j.afterPlacement).length,
        inFollowUp: inFollowUp.length,
      },
    };
  });
}

// ---------------------------------------------------------------- helpers

type Loaded = NonNullable<Awaited<ReturnType<typeof repo.findPlacement>>>;

/** A placement of a participant the actor may see (404 for a protected person, 403 for another centre). */
async function load(tx: Executor, actor: Actor, id: string) {
  const found = await repo.findPlacement(tx, id);
  if (!found) throw new AppError('NOT_FOUND');
  const { participant, readOnly } = await participants.loadVisible(tx, actor, found.enrolment.participantId);
  return { ...found, participant, readOnly };
}

/** The frame of every change: permission, a writable participant at the actor's centre, the status allows it. */
async function change(
  db: Db,
  actor: Actor,
  id: string,
  action: PlacementAction,
  apply: (tx: Executor, found: Loaded) => Promise<void>,
): Promise<Placement> {
  authorize(actor, 'placement.write');
  return db.transaction(async (tx) => {
    const found = await load(tx, actor, id);
    if (found.readOnly) throw new AppError('CONSENT_WITHDRAWN');
    if (!actor.centreIds.includes(found.enrolment.centreId)) throw new AppError('FORBIDDEN');
    if (found.enrolment.exitedOn && action !== 'evaluate') throw new AppError('ENROLMENT_ALREADY_EXITED');
    if (!placementAllows(found.placement.status, action)) throw new AppError('PLACEMENT_WRONG_STATUS');
    await apply(tx, found);
    await logAccess(tx, actor, [found.participant], 'update', `placement.${action}`);
    return present(tx, actor, id);
  });
}

async function saveVersioned(
  tx: Executor,
  actor: Actor,
  id: string,
  version: number,
  values: Parameters<typeof repo.updateVersioned>[3],
) {
  if (!(await repo.updateVersioned(tx, id, version, values)))
    throw new AppError('VERSION_CONFLICT', { current: await present(tx, actor, id) });
}

/**
 * Winds the placement's days down: with a last day, the days after it go, the participant leaves the group
 * then and the step ends unless another ongoing placement holds it; without one (cancelled), all its days go.
 */
async function wind(tx: Executor, placement: Loaded['placement'], lastDay: string | null) {
  const until = lastDay ?? placement.startsOn;
  await repo.removeSessionsAfter(tx, placement.groupId, lastDay ?? '0001-01-01');
  await repo.leaveGroup(tx, placement.groupId, placement.enrolmentId, until);
  await repo.endGroup(tx, placement.groupId, earlier(until, placement.endsOn));
  if (lastDay && placement.enrolmentStepId) {
    const held = await repo.otherOngoingOnStep(
      tx,
      placement.enrolmentId,
      placement.enrolmentStepId,
      placement.id,
    );
    const step = held ? null : await steps.findEnrolmentStep(tx, placement.enrolmentStepId);
    // A step opened by hand after the placement began ends no earlier than it started.
    if (step) await steps.endStep(tx, step.step.id, later(lastDay, step.step.startedOn));
  }
  if (placement.openingId) {
    const opening = await repo.lockOpening(tx, placement.openingId);
    if (opening) await updateOpeningStatus(tx, opening.id, opening.places);
  }
}

/** An opening is filled while planned and ongoing placements take all its places, and open again when not. */
async function updateOpeningStatus(tx: Executor, openingId: string, places: number) {
  const taken = await repo.placesTaken(tx, openingId);
  await repo.setOpeningStatus(tx, openingId, taken >= places ? 'filled' : 'open');
}

async function goalIssues(tx: Executor, enrolmentId: string, goalIds: readonly string[]): Promise<Issue[]> {
  const known = await repo.goalsOfEnrolment(tx, enrolmentId, goalIds);
  return goalIds.flatMap((g, index) => (known.has(g) ? [] : [issue(['goalIds', index], 'not_in_plan')]));
}

async function present(tx: Executor, actor: Actor, id: string): Promise<Placement> {
  const [row] = await repo.listPlacements(tx, actor, eq(placementTable.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const goals = await repo.goalsOf(tx, id);
  const evaluations = await repo.evaluationsOf(tx, id);
  const summary = await repo.attendanceSummary(tx, row.groupId, row.enrolmentId);
  return {
    ...presentSummary(row),
    tasks: row.tasks,
    goals,
    evaluations: evaluations.map(presentEvaluation),
    plannedMinutes: summary.plannedMinutes,
    attendedMinutes: summary.attendedMinutes,
    recordedDays: summary.recordedDays,
    days: summary.days,
  };
}

function presentSummary(row: repo.PlacementRow): PlacementSummary {
  const schedule = row.schedule as ScheduleSlot[];
  return {
    id: row.id,
    enrolmentId: row.enrolmentId,
    participantId: row.participantId,
    firstName: row.firstName,
    lastName: row.lastName,
    protectedIdentity: row.protectedIdentity,
    programmeId: row.programmeId,
    centreId: row.centreId,
    employerId: row.employerId,
    employerName: row.employerName,
    openingId: row.openingId,
    openingTitle: row.openingTitle,
    supervisorId: row.supervisorId,
    supervisorName: row.supervisorName,
    groupId: row.groupId,
    activityId: row.activityId,
    activityName: row.activityName,
    responsibleId: row.responsibleId,
    responsibleName: row.responsibleName,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    schedule,
    hoursPerWeek: weeklyHours(schedule),
    status: row.status,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
    version: row.version,
  };
}

function presentEvaluation(row: Awaited<ReturnType<typeof repo.evaluationsOf>>[number]): PlacementEvaluation {
  return {
    id: row.id,
    kind: row.kind,
    heldOn: row.heldOn,
    ratings: row.ratings as PlacementEvaluation['ratings'],
    summary: row.summary,
    nextSteps: row.nextSteps,
    recordedByName: row.recordedByName,
    version: row.version,
  };
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The earlier of two ISO dates. */
function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/** The later of two ISO dates. */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
