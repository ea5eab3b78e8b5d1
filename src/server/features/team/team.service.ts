import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { StaffMember, TeamMember, teamMemberInput } from '../../../core/schemas/team.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './team.repo.ts';

// Changing the team is casework on the participant's record, so it takes the same permission as editing it.

export async function list(db: Db, actor: Actor, participantId: string): Promise<TeamMember[]> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    await logAccess(tx, actor, [participant], 'read', 'team.list');
    return repo.members(tx, participantId);
  });
}

/** Assigns a member of staff who shares a centre with the participant; `isContact` makes them the contact. */
export async function add(
  db: Db,
  actor: Actor,
  participantId: string,
  input: z.output<typeof teamMemberInput>,
): Promise<TeamMember[]> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    if (!(await repo.sharesCentre(tx, participantId, participant.centreId, input.userId))) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ code: 'custom', path: ['userId'], message: 'not_in_participant_centre' }],
      });
    }
    if (!(await repo.add(tx, participantId, input.userId))) throw new AppError('TEAM_MEMBER_EXISTS');
    if (input.isContact) await repo.makeContact(tx, participantId, input.userId);
    await logAccess(tx, actor, [participant], 'update', 'team.add');
    return repo.members(tx, participantId);
  });
}

export async function makeContact(
  db: Db,
  actor: Actor,
  participantId: string,
  userId: string,
): Promise<TeamMember[]> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    if (!(await repo.member(tx, participantId, userId))) throw new AppError('NOT_FOUND');
    await repo.makeContact(tx, participantId, userId);
    await logAccess(tx, actor, [participant], 'update', 'team.contact');
    return repo.members(tx, participantId);
  });
}

/**
 * Removes a member. The contact person is never removed directly: another member must become contact first,
 * so a team always has a contact and a protected person always keeps someone who can see them.
 */
export async function remove(
  db: Db,
  actor: Actor,
  participantId: string,
  userId: string,
): Promise<TeamMember[]> {
  authorize(actor, 'participant.write');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadWritable(tx, actor, participantId);
    const current = await repo.member(tx, participantId, userId);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.isContact) throw new AppError('TEAM_CONTACT_REQUIRED');
    await repo.remove(tx, participantId, userId);
    await logAccess(tx, actor, [participant], 'update', 'team.remove');
    // Someone who removes themselves from a protected person's team no longer sees them: answer with nothing.
    return participant.protectedIdentity && userId === actor.userId ? [] : repo.members(tx, participantId);
  });
}

/** Staff of a centre the actor belongs to, to choose team members from. */
export async function staffOfCentre(db: Db, actor: Actor, centreId: string): Promise<StaffMember[]> {
  authorize(actor, 'participant.read');
  if (!(await repo.findCentre(db, centreId))) throw new AppError('NOT_FOUND');
  if (!actor.centreIds.includes(centreId)) throw new AppError('FORBIDDEN');
  return repo.staffOfCentre(db, centreId);
}
