import { warningsFor } from '../../../core/caseload-warnings.ts';
import type { IsoDate } from '../../../core/dates.ts';
import type { Caseload } from '../../../core/schemas/caseload.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
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
