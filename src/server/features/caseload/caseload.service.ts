import { warningsFor } from '../../../core/caseload-warnings.ts';
import type { IsoDate } from '../../../core/dates.ts';
import type { Caseload, ParticipantWarnings } from '../../../core/schemas/caseload.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './caseload.repo.ts';

/** The actor's own participants with their warnings as of `today` (Swedish date; a parameter so tests pin it). */
export async function caseload(db: Db, actor: Actor, today: IsoDate): Promise<Caseload> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const rows = await repo.forActor(tx, actor);
    await logAccess(tx, actor, rows, 'read', 'caseload.list');
    return {
      today,
      items: rows.map((r) => ({
        participantId: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        protectedIdentity: r.protectedIdentity,
        status: r.status,
        centreName: r.centreName,
        isContact: r.isContact,
        plannedEndOn: r.plannedEndOn,
        lastContactOn: r.lastContactOn,
        followUpDueOn: r.followUpDueOn,
        warnings: warningsFor(r, today),
      })),
    };
  });
}

/** One participant's warnings by the caseload's rules, for anyone who may see them, assigned or not. */
export async function participantWarnings(
  db: Db,
  actor: Actor,
  participantId: string,
  today: IsoDate,
): Promise<ParticipantWarnings> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const facts = await repo.factsOf(tx, participantId);
    if (!facts) throw new Error('participant vanished');
    await logAccess(tx, actor, [participant], 'read', 'participant.warnings');
    return { participantId, today, warnings: warningsFor(facts, today) };
  });
}
