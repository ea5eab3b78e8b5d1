import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import { goalFigure } from '../../../core/goal-figure.ts';
import type {
  FollowUp,
  FollowUpList,
  followUpAttemptInput,
  followUpListQuery,
  followUpResultInput,
  GoalFigureResponse,
} from '../../../core/schemas/follow-up.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import { programmeIdsForCentres } from '../programmes/programmes.repo.ts';
import * as repo from './follow-ups.repo.ts';

/** Follow-ups for the worklist: open (not yet recorded), overdue (open and past due) or all. */
export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof followUpListQuery>,
): Promise<FollowUpList> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const today = todayInSweden();
    const { items, total } = await repo.listVisible(
      tx,
      actor,
      { due: query.due, centreId: query.centreId },
      today,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    await logAccess(
      tx,
      actor,
      items.map((i) => ({ id: i.participantId, centreId: i.centreId })),
      'read',
      'followUp.list',
    );
    return {
      items: items.map((i) => {
        // Only exited enrolments have follow-ups, and the database ties exit date and outcome together.
        if (!i.exitedOn || !i.exitOutcome) throw new Error(`follow-up ${i.id} without an exit`);
        return {
          id: i.id,
          enrolmentId: i.enrolmentId,
          participantId: i.participantId,
          participantName: `${i.firstName} ${i.lastName}`,
          programmeName: i.programmeName,
          centreName: i.centreName,
          exitedOn: i.exitedOn,
          exitOutcome: i.exitOutcome,
          dueOn: i.dueOn,
          overdue: i.status === null && i.dueOn < today,
          status: i.status,
          attemptCount: i.attemptCount,
        };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

export async function addAttempt(
  db: Db,
  actor: Actor,
  followUpId: string,
  input: z.output<typeof followUpAttemptInput>,
): Promise<FollowUp> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { participant, current } = await loadWritable(tx, actor, followUpId);
    if (input.attemptedOn > todayInSweden()) throw fieldError('attemptedOn', 'in_future');
    if (current.enrolment.exitedOn && input.attemptedOn < current.enrolment.exitedOn) {
      throw fieldError('attemptedOn', 'before_exited_on');
    }
    await repo.insertAttempt(tx, {
      followUpId,
      attemptedOn: input.attemptedOn,
      method: input.contactMethod,
      reached: input.reached,
      note: input.note,
      attemptedBy: actor.userId,
    });
    await logAccess(tx, actor, [participant], 'create', 'followUp.attempt');
    return presentById(tx, followUpId);
  });
}

/** Records the status at follow-up; recording it again corrects it (versioned). */
export async function recordResult(
  db: Db,
  actor: Actor,
  followUpId: string,
  input: z.output<typeof followUpResultInput>,
): Promise<FollowUp> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { participant, current } = await loadWritable(tx, actor, followUpId);
    if (input.recordedOn > todayInSweden()) throw fieldError('recordedOn', 'in_future');
    if (current.enrolment.exitedOn && input.recordedOn < current.enrolment.exitedOn) {
      throw fieldError('recordedOn', 'before_exited_on');
    }
    // "Could not be reached" must rest on at least one recorded attempt that went unanswered.
    if (input.status === 'unreachable' && !(await repo.hasUnansweredAttempt(tx, followUpId))) {
      throw fieldError('status', 'unreachable_without_attempt');
    }
    const updated = await repo.recordVersioned(tx, followUpId, input.version, {
      status: input.status,
      statusOrganisation: input.status === 'unreachable' ? null : input.organisation,
      recordedOn: input.recordedOn,
      recordedBy: actor.userId,
    });
    if (!updated) throw new AppError('VERSION_CONFLICT', { current: await presentById(tx, followUpId) });
    await logAccess(tx, actor, [participant], 'update', 'followUp.record');
    return presentById(tx, followUpId);
  });
}

/**
 * The programme's goal figure over the follow-ups the actor may see: a protected person the actor is not
 * assigned to is not counted, so no figure can single them out. Only counts leave, so no access-log rows.
 */
export async function programmeGoalFigure(
  db: Db,
  actor: Actor,
  programmeId: string,
): Promise<GoalFigureResponse> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const programme = await repo.findProgramme(tx, programmeId);
    if (!programme) throw new AppError('NOT_FOUND');
    // Only a programme one of the actor's centres takes part in, as the dashboard and the programme itself.
    if (!(await programmeIdsForCentres(tx, actor.centreIds)).includes(programmeId))
      throw new AppError('FORBIDDEN');
    const rows = await repo.goalFigureRows(tx, actor, programmeId);
    return {
      programmeId: programme.id,
      programmeName: programme.name,
      goalPercent: programme.goalPercent,
      followUpDays: programme.followUpDays,
      ...goalFigure(rows, programme.goalPercent),
    };
  });
}

export function presentFollowUp(row: repo.FollowUpJoinedRow): FollowUp {
  const f = row.followUp;
  return {
    id: f.id,
    enrolmentId: f.enrolmentId,
    participantId: row.participantId,
    dueOn: f.dueOn,
    status: f.status,
    organisation: f.statusOrganisation,
    recordedOn: f.recordedOn,
    recordedBy: row.recordedBy,
    attempts: row.attempts.map((a) => ({
      id: a.attempt.id,
      attemptedOn: a.attempt.attemptedOn,
      contactMethod: a.attempt.method,
      reached: a.attempt.reached,
      note: a.attempt.note,
      attemptedBy: a.attemptedBy,
    })),
    version: f.version,
  };
}

async function loadWritable(tx: Executor, actor: Actor, followUpId: string) {
  const current = await repo.findById(tx, followUpId);
  if (!current) throw new AppError('NOT_FOUND');
  const { participant } = await participants.loadWritable(tx, actor, current.enrolment.participantId);
  return { participant, current };
}

async function presentById(tx: Executor, followUpId: string): Promise<FollowUp> {
  const current = await repo.findById(tx, followUpId);
  const [row] = current ? await repo.forEnrolments(tx, [current.enrolment.id]) : [];
  if (!row) throw new Error('follow-up vanished');
  return presentFollowUp(row);
}
