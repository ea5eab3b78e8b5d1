import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { can } from '../../../core/permissions.ts';
import {
  type Assessment,
  type AssessmentSensitive,
  assessmentAreas,
  type assessmentInput,
  assessmentWithoutSensitive,
  assessmentWithSensitive,
  type CurrentAssessment,
} from '../../../core/schemas/assessment.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { isAssigned } from '../participants/participants.repo.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './assessments.repo.ts';

/** Health and social circumstances: for the roles that need them and for the participant's assigned staff. */
async function maySeeSensitive(tx: Executor, actor: Actor, participantId: string): Promise<boolean> {
  return can(actor.role, 'assessment.sensitive.read') || isAssigned(tx, participantId, actor.userId);
}

export async function list(db: Db, actor: Actor, participantId: string): Promise<Assessment[]> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const sensitive = await maySeeSensitive(tx, actor, participantId);
    const rows = await repo.listForParticipant(tx, participantId);
    await logViews(tx, actor, participant, sensitive && rows.length > 0);
    return rows.map((row) => present(row, sensitive));
  });
}

/** The latest revision, and whether the actor may see and write the sensitive part (for the first one too). */
export async function current(db: Db, actor: Actor, participantId: string): Promise<CurrentAssessment> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const sensitive = await maySeeSensitive(tx, actor, participantId);
    const row = await repo.findLatest(tx, participantId);
    await logViews(tx, actor, participant, sensitive && row !== null);
    return { current: row ? present(row, sensitive) : null, sensitiveVisible: sensitive };
  });
}

/**
 * Records a new revision on top of `basedOnRevision`. A writer who may not see the sensitive part may not send
 * it either, and their revision carries the previous one's sensitive part over, so nothing is lost.
 */
export async function create(
  db: Db,
  actor: Actor,
  participantId: string,
  input: z.output<typeof assessmentInput>,
): Promise<Assessment> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    const sensitive = await maySeeSensitive(tx, actor, participantId);
    if (input.sensitive && !sensitive) throw new AppError('FORBIDDEN');
    const previous = await repo.findLatest(tx, participantId);
    const latest = previous?.assessment.revision ?? null;
    if (input.basedOnRevision !== latest) throw await conflict(tx, participantId, sensitive);
    const row = await repo.insertRevision(tx, {
      participantId,
      revision: (latest ?? 0) + 1,
      meetingOn: input.meetingOn,
      meetingAttendees: input.attendees,
      summary: input.summary,
      areas: input.areas,
      sensitive: input.sensitive ?? sensitivePart(previous?.assessment.sensitive),
      createdBy: actor.userId,
    });
    if (!row) throw await conflict(tx, participantId, sensitive);
    await logAccess(tx, actor, [participant], 'create', 'assessment.create');
    const created = await repo.findLatest(tx, participantId);
    if (!created) throw new Error('assessment vanished');
    if (sensitive) await logAccess(tx, actor, [participant], 'read', 'assessment.sensitive');
    return present(created, sensitive);
  });
}

async function logViews(
  tx: Executor,
  actor: Actor,
  participant: { id: string; centreId: string },
  sensitive: boolean,
) {
  await logAccess(tx, actor, [participant], 'read', 'assessment.view');
  if (sensitive) await logAccess(tx, actor, [participant], 'read', 'assessment.sensitive');
}

async function conflict(tx: Executor, participantId: string, sensitive: boolean): Promise<AppError> {
  const latest = await repo.findLatest(tx, participantId);
  return new AppError('VERSION_CONFLICT', { current: latest ? present(latest, sensitive) : null });
}

function sensitivePart(value: unknown): AssessmentSensitive {
  const v = (value ?? {}) as Partial<AssessmentSensitive>;
  return { health: v.health ?? null, socialCircumstances: v.socialCircumstances ?? null };
}

/** The response schema is the presenter: without the permission, the sensitive part never leaves. */
function present(row: repo.AssessmentRow, sensitive: boolean): Assessment {
  const a = row.assessment;
  const shown = {
    id: a.id,
    participantId: a.participantId,
    revision: a.revision,
    meetingOn: a.meetingOn,
    attendees: a.meetingAttendees,
    summary: a.summary,
    areas: assessmentAreas.parse(a.areas),
    createdByName: row.createdByName,
    createdAt: a.createdAt.toISOString(),
  };
  return sensitive
    ? assessmentWithSensitive.parse({ ...shown, sensitive: sensitivePart(a.sensitive) })
    : assessmentWithoutSensitive.parse(shown);
}
