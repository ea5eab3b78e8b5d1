import type { z } from 'zod';
import { AppError, fieldError } from '../../../core/errors.ts';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type {
  Checklist,
  checklistInput,
  checklistTickInput,
  StepBoard,
  stepEndInput,
  stepStartInput,
} from '../../../core/schemas/step.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as enrolments from '../enrolments/enrolments.repo.ts';
import { presentOne } from '../enrolments/enrolments.service.ts';
import * as participants from '../participants/participants.service.ts';
import { findProgrammes } from '../programmes/programmes.repo.ts';
import * as repo from './steps.repo.ts';

/** Starts a step of the enrolment's programme; other open steps stay open, the same step cannot be open twice. */
export async function start(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  input: z.output<typeof stepStartInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const found = await enrolments.findById(tx, enrolmentId);
    if (!found) throw new AppError('NOT_FOUND');
    const enrolment = found.enrolment;
    const { participant } = await participants.loadWritable(tx, actor, enrolment.participantId);
    if (enrolment.exitedOn) throw new AppError('ENROLMENT_ALREADY_EXITED');
    const step = await repo.findStep(tx, input.stepId);
    if (step?.programmeId !== enrolment.programmeId) throw fieldError('stepId', 'invalid_choice');
    if (input.startedOn < enrolment.startsOn) throw fieldError('startedOn', 'before_starts_on');
    if (await repo.findOpen(tx, enrolmentId, input.stepId)) throw new AppError('STEP_ALREADY_OPEN');
    await repo.insertStep(tx, {
      enrolmentId,
      stepId: input.stepId,
      startedOn: input.startedOn,
      createdBy: actor.userId,
    });
    await logAccess(tx, actor, [participant], 'update', 'step.start');
    return presentOne(tx, participant.id, enrolmentId);
  });
}

export async function end(
  db: Db,
  actor: Actor,
  enrolmentStepId: string,
  input: z.output<typeof stepEndInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { step, participant } = await loadStep(tx, actor, enrolmentStepId);
    if (input.endedOn < step.startedOn) throw fieldError('endedOn', 'before_starts_on');
    if (!(await repo.endStep(tx, enrolmentStepId, input.endedOn))) throw new AppError('STEP_ALREADY_ENDED');
    await logAccess(tx, actor, [participant], 'update', 'step.end');
    return presentOne(tx, participant.id, step.enrolmentId);
  });
}

/** Ticks a checklist item of an open step; the actor is who ticked it. Ticking again moves the date. */
export async function tick(
  db: Db,
  actor: Actor,
  enrolmentStepId: string,
  itemId: string,
  input: z.output<typeof checklistTickInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { step, participant } = await loadStep(tx, actor, enrolmentStepId);
    await checkItem(tx, step.stepId, itemId);
    if (input.tickedOn < step.startedOn) throw fieldError('tickedOn', 'before_starts_on');
    await repo.tick(tx, { enrolmentStepId, itemId, tickedOn: input.tickedOn, tickedBy: actor.userId });
    await logAccess(tx, actor, [participant], 'update', 'step.tick');
    return presentOne(tx, participant.id, step.enrolmentId);
  });
}

export async function untick(
  db: Db,
  actor: Actor,
  enrolmentStepId: string,
  itemId: string,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { step, participant } = await loadStep(tx, actor, enrolmentStepId);
    await checkItem(tx, step.stepId, itemId);
    await repo.untick(tx, enrolmentStepId, itemId);
    await logAccess(tx, actor, [participant], 'update', 'step.untick');
    return presentOne(tx, participant.id, step.enrolmentId);
  });
}

/** An open step of an active enrolment of a participant the actor may change. */
async function loadStep(tx: Executor, actor: Actor, enrolmentStepId: string) {
  const found = await repo.findEnrolmentStep(tx, enrolmentStepId);
  if (!found) throw new AppError('NOT_FOUND');
  const { participant } = await participants.loadWritable(tx, actor, found.enrolment.participantId);
  if (found.enrolment.exitedOn) throw new AppError('ENROLMENT_ALREADY_EXITED');
  if (found.step.endedOn) throw new AppError('STEP_ALREADY_ENDED');
  return { step: found.step, participant };
}

async function checkItem(tx: Executor, stepId: string, itemId: string) {
  const items = await repo.itemsOf(tx, [stepId]);
  if (!items.some((i) => i.id === itemId)) throw new AppError('NOT_FOUND');
}

export async function getChecklist(
  db: Db,
  actor: Actor,
  programmeId: string,
  stepId: string,
): Promise<Checklist> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    await loadProgrammeStep(tx, actor, programmeId, stepId);
    return presentChecklist(tx, stepId);
  });
}

/** Replaces the step's checklist; items someone has ticked cannot be removed. */
export async function saveChecklist(
  db: Db,
  actor: Actor,
  programmeId: string,
  stepId: string,
  input: z.output<typeof checklistInput>,
): Promise<Checklist> {
  authorize(actor, 'programme.manage');
  return db.transaction(async (tx) => {
    await loadProgrammeStep(tx, actor, programmeId, stepId);
    const current = new Set((await repo.itemsOf(tx, [stepId])).map((i) => i.id));
    const issues = input.items.flatMap((item, index) =>
      item.id && !current.has(item.id) ? [issue(['items', index, 'id'], 'not_found')] : [],
    );
    const ids = input.items.flatMap((i) => (i.id ? [i.id] : []));
    if (new Set(ids).size !== ids.length) issues.push(issue(['items'], 'invalid_value'));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const { inUse } = await repo.saveChecklist(tx, stepId, input.items);
    if (inUse.length > 0)
      throw new AppError('PROGRAMME_ITEM_IN_USE', { fields: [issue(['items'], 'in_use')] });
    return presentChecklist(tx, stepId);
  });
}

async function loadProgrammeStep(tx: Executor, actor: Actor, programmeId: string, stepId: string) {
  const [programme] = await findProgrammes(tx, [programmeId]);
  if (!programme) throw new AppError('NOT_FOUND');
  if (!programme.centres.some((c) => actor.centreIds.includes(c.id))) throw new AppError('FORBIDDEN');
  if (!programme.steps.some((s) => s.id === stepId)) throw new AppError('NOT_FOUND');
}

async function presentChecklist(tx: Executor, stepId: string): Promise<Checklist> {
  const items = await repo.itemsOf(tx, [stepId]);
  return { stepId, items: items.map((i) => ({ id: i.id, ordinal: i.ordinal, label: i.label })) };
}

/** The centre's participants per step, for the weekly team meeting. Protected people only for their staff. */
export async function board(db: Db, actor: Actor, centreId: string): Promise<StepBoard> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const centre = await repo.findCentre(tx, centreId);
    if (!centre) throw new AppError('NOT_FOUND');
    if (!actor.centreIds.includes(centreId)) throw new AppError('FORBIDDEN');
    const steps = await repo.centreSteps(tx, centreId);
    const open = await repo.openStepsInCentre(tx, actor, centreId);
    const shown = [...new Map(open.map((o) => [o.participantId, o])).values()].map((o) => ({
      id: o.participantId,
      centreId: o.centreId,
    }));
    await logAccess(tx, actor, shown, 'read', 'step.board');
    const programmes: StepBoard['programmes'] = [];
    for (const step of steps) {
      let programme = programmes.find((p) => p.programmeId === step.programmeId);
      if (!programme) {
        programme = { programmeId: step.programmeId, programmeName: step.programmeName, steps: [] };
        programmes.push(programme);
      }
      programme.steps.push({
        stepId: step.stepId,
        ordinal: step.ordinal,
        name: step.name,
        participants: open
          .filter((o) => o.stepId === step.stepId)
          .map((o) => ({
            participantId: o.participantId,
            enrolmentStepId: o.enrolmentStepId,
            firstName: o.firstName,
            lastName: o.lastName,
            since: o.since,
          })),
      });
    }
    return { centreId, centreName: centre.name, programmes };
  });
}

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
