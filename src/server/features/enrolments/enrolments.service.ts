import type { z } from 'zod';
import { addDays, plannedEndDate, todayInSweden } from '../../../core/dates.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import type {
  Enrolment,
  enrolmentInput,
  labourMarketStatusInput,
} from '../../../core/schemas/enrolment.schema.ts';
import type { exitInput } from '../../../core/schemas/follow-up.schema.ts';
import { targetGroupKindForEducation } from '../../../core/target-group.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { closeOnExit as closePlanOnExit } from '../action-plans/action-plans.service.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { hasParticipationConsent } from '../consents/consents.repo.ts';
import { findEmployer } from '../employers/employers.repo.ts';
import * as followUps from '../follow-ups/follow-ups.repo.ts';
import { presentFollowUp } from '../follow-ups/follow-ups.service.ts';
import * as participants from '../participants/participants.service.ts';
import { closeOnExit as closePlacementsOnExit } from '../placements/placements.service.ts';
import { firstStep, programmeHasCentre, targetGroupsOf } from '../programmes/programmes.repo.ts';
import { findById as findReferral, markEnrolled } from '../referrals/referrals.repo.ts';
import * as repo from './enrolments.repo.ts';

export async function list(db: Db, actor: Actor, participantId: string): Promise<Enrolment[]> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    await logAccess(tx, actor, [participant], 'read', 'enrolment.list');
    return presentAll(tx, await repo.listForParticipant(tx, participantId));
  });
}

/**
 * Ends an enrolment with its outcome: every open step ends on the exit date, the action plan (if there is one)
 * closes with its open goals ended on that date, ongoing placements end and planned ones are cancelled, and the
 * follow-up is due the programme's follow-up days later. An exit to work may name the employer from the register.
 */
export async function exit(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  input: z.output<typeof exitInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const current = await repo.findById(tx, enrolmentId);
    if (!current) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadWritable(tx, actor, current.enrolment.participantId);
    if (current.enrolment.exitedOn) throw new AppError('ENROLMENT_ALREADY_EXITED');
    if (input.exitedOn > todayInSweden()) throw fieldError('exitedOn', 'in_future');
    const latestStep = await repo.latestOpenStepStart(tx, enrolmentId);
    if (input.exitedOn < current.enrolment.startsOn || (latestStep && input.exitedOn < latestStep)) {
      throw fieldError('exitedOn', 'before_starts_on');
    }
    const employer = input.employerId ? await findEmployer(tx, input.employerId) : null;
    if (input.employerId && !employer) throw fieldError('employerId', 'not_found');
    const updated = await repo.exitVersioned(tx, enrolmentId, input.version, {
      exitedOn: input.exitedOn,
      exitOutcome: input.outcome,
      exitEmployerId: employer?.id ?? null,
      exitOrganisation: employer?.name ?? input.organisation,
      exitReason: input.reason,
      exitedBy: actor.userId,
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', {
        current: await presentOne(tx, participant.id, enrolmentId),
      });
    }
    await closePlacementsOnExit(tx, enrolmentId, input.exitedOn);
    await repo.endOpenSteps(tx, enrolmentId, input.exitedOn);
    await closePlanOnExit(tx, actor, enrolmentId, input.exitedOn);
    await followUps.insert(tx, {
      enrolmentId,
      dueOn: addDays(input.exitedOn, current.followUpDays),
    });
    await logAccess(tx, actor, [participant], 'update', 'enrolment.exit');
    return presentOne(tx, participant.id, enrolmentId);
  });
}

/**
 * Records or corrects the labour-market status at the start of an enrolment, against the version it was read
 * at. Also after exit, since the funder's figures must be right; not once consent has been withdrawn.
 */
export async function setLabourMarketStatus(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  input: z.output<typeof labourMarketStatusInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const current = await repo.findById(tx, enrolmentId);
    if (!current) throw new AppError('NOT_FOUND');
    const { participant } = await participants.loadWritable(tx, actor, current.enrolment.participantId);
    const updated = await repo.setLabourMarketStatusVersioned(
      tx,
      enrolmentId,
      input.version,
      input.labourMarketStatus,
    );
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', {
        current: await presentOne(tx, participant.id, enrolmentId),
      });
    }
    await logAccess(tx, actor, [participant], 'update', 'enrolment.labourMarketStatus');
    return presentOne(tx, participant.id, enrolmentId);
  });
}

/**
 * Enrols a participant who has consented to participation: target group from the education level unless
 * staff choose another with a reason, planned end from the group's maximum duration, step 1 started.
 */
export async function enrol(
  db: Db,
  actor: Actor,
  participantId: string,
  input: z.output<typeof enrolmentInput>,
): Promise<Enrolment> {
  authorize(actor, 'enrolment.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    if (!actor.centreIds.includes(input.centreId)) throw new AppError('FORBIDDEN');
    if (!(await programmeHasCentre(tx, input.programmeId, input.centreId)))
      throw fieldError('centreId', 'invalid_choice');
    if (!(await hasParticipationConsent(tx, participantId))) throw new AppError('CONSENT_REQUIRED');
    if (await repo.findActive(tx, participantId, input.programmeId))
      throw new AppError('ENROLMENT_ALREADY_ACTIVE');

    if (input.referralId) {
      // Only the participant's own referral to this programme may be linked.
      const referral = await findReferral(tx, input.referralId);
      if (
        referral?.referral.participantId !== participantId ||
        referral.referral.programmeId !== input.programmeId
      ) {
        throw fieldError('referralId', 'invalid_choice');
      }
    }
    const group = await chooseTargetGroup(tx, input, participant.educationLevelCode);
    const step = await firstStep(tx, input.programmeId);
    if (!step) throw new Error(`programme ${input.programmeId} has no steps`);
    const enrolment = await repo.insert(tx, {
      participantId,
      programmeId: input.programmeId,
      centreId: input.centreId,
      targetGroupId: group.id,
      targetGroupOverrideReason: group.overrideReason,
      referralId: input.referralId ?? null,
      startsOn: input.startsOn,
      plannedEndOn: plannedEndDate(input.startsOn, group.maxDurationMonths),
      labourMarketStatus: input.labourMarketStatus,
      createdBy: actor.userId,
    });
    await repo.startStep(tx, {
      enrolmentId: enrolment.id,
      stepId: step.id,
      startedOn: input.startsOn,
      createdBy: actor.userId,
    });
    await markEnrolled(tx, participantId, input.programmeId);
    await logAccess(tx, actor, [participant], 'create', 'enrolment.create');
    return presentOne(tx, participantId, enrolment.id);
  });
}

async function chooseTargetGroup(
  tx: Executor,
  input: z.output<typeof enrolmentInput>,
  educationLevelCode: string | null,
) {
  const groups = await targetGroupsOf(tx, input.programmeId);
  const derivedKind = targetGroupKindForEducation(educationLevelCode);
  const derived = groups.find((g) => g.kind === derivedKind);
  if (!input.targetGroupId) {
    if (!derived) throw new AppError('TARGET_GROUP_REQUIRED');
    return { ...derived, overrideReason: null };
  }
  const chosen = groups.find((g) => g.id === input.targetGroupId);
  if (!chosen) throw fieldError('targetGroupId', 'invalid_choice');
  // Choosing another group than the education level points to must be explained.
  const overrides = derived !== undefined && chosen.id !== derived.id;
  if (overrides && !input.targetGroupOverrideReason) {
    throw fieldError('targetGroupOverrideReason', 'override_reason_required');
  }
  return { ...chosen, overrideReason: overrides || !derived ? input.targetGroupOverrideReason : null };
}

async function presentAll(tx: Executor, rows: repo.EnrolmentJoinedRow[]): Promise<Enrolment[]> {
  const found = await followUps.forEnrolments(
    tx,
    rows.map((r) => r.enrolment.id),
  );
  return rows.map((row) => {
    const followUp = found.find((f) => f.followUp.enrolmentId === row.enrolment.id);
    return present(row, followUp ? presentFollowUp(followUp) : null);
  });
}

export async function presentOne(
  tx: Executor,
  participantId: string,
  enrolmentId: string,
): Promise<Enrolment> {
  const row = (await repo.listForParticipant(tx, participantId)).find((e) => e.enrolment.id === enrolmentId);
  if (!row) throw new Error('enrolment vanished');
  const [only] = await presentAll(tx, [row]);
  if (!only) throw new Error('enrolment vanished');
  return only;
}

function present(row: repo.EnrolmentJoinedRow, followUp: Enrolment['followUp']): Enrolment {
  const e = row.enrolment;
  return {
    id: e.id,
    participantId: e.participantId,
    programmeId: e.programmeId,
    programmeName: row.programmeName,
    centreId: e.centreId,
    centreName: row.centreName,
    targetGroupId: e.targetGroupId,
    targetGroupName: row.targetGroupName,
    targetGroupKind: row.targetGroupKind,
    targetGroupOverrideReason: e.targetGroupOverrideReason,
    startsOn: e.startsOn,
    plannedEndOn: e.plannedEndOn,
    labourMarketStatus: e.labourMarketStatus,
    exitedOn: e.exitedOn,
    exitOutcome: e.exitOutcome,
    exitEmployerId: e.exitEmployerId,
    exitOrganisation: e.exitOrganisation,
    exitReason: e.exitReason,
    followUp,
    version: e.version,
    steps: row.steps.map((s) => ({
      id: s.id,
      stepId: s.stepId,
      ordinal: s.ordinal,
      name: s.name,
      startedOn: s.startedOn,
      endedOn: s.endedOn,
      checklist: s.checklist,
    })),
    createdAt: e.createdAt.toISOString(),
  };
}
