import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { matchReasonCodes, matchReasons } from '../../../core/matching.ts';
import type {
  matchQuery,
  OpeningMatches,
  ParticipantMatches,
} from '../../../core/schemas/matching.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participants from '../participants/participants.service.ts';
import * as repo from './matching.repo.ts';

type MatchQuery = z.output<typeof matchQuery>;

/**
 * The participants an opening suits best, among those the actor may see (a protected person only for their
 * assigned staff). Everyone listed is logged as read: the access log shows who saw them in a match list.
 */
export async function forOpening(
  db: Db,
  actor: Actor,
  openingId: string,
  query: MatchQuery,
): Promise<OpeningMatches> {
  authorize(actor, 'employer.read');
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    if (!(await repo.openingExists(tx, openingId))) throw new AppError('NOT_FOUND');
    const rows = await repo.participantsFor(tx, actor, openingId, query.limit);
    await logAccess(
      tx,
      actor,
      rows.map((r) => ({ id: r.participantId, centreId: r.centreId })),
      'read',
      'opening.matches',
    );
    return {
      openingId,
      items: rows.map((r) => ({
        participantId: r.participantId,
        firstName: r.firstName,
        lastName: r.lastName,
        centreName: r.centreName,
        score: r.score,
        reasons: reasonsOf(r),
      })),
    };
  });
}

/** The open openings that suit a participant best; none while they have no active enrolment. */
export async function forParticipant(
  db: Db,
  actor: Actor,
  participantId: string,
  query: MatchQuery,
): Promise<ParticipantMatches> {
  authorize(actor, 'employer.read');
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const rows = await repo.openingsFor(tx, actor, participantId, query.limit);
    await logAccess(tx, actor, [participant], 'read', 'participant.matches');
    return {
      participantId,
      items: rows.map((r) => ({
        openingId: r.openingId,
        title: r.title,
        employerId: r.employerId,
        employerName: r.employerName,
        kind: r.kind,
        occupationName: r.occupationName,
        municipalityName: r.municipalityName,
        score: r.score,
        reasons: reasonsOf(r),
      })),
    };
  });
}

function reasonsOf(row: repo.ReasonColumns) {
  return matchReasons(
    Object.fromEntries(
      matchReasonCodes.map((code) => [code, { state: row[code], detail: row[`${code}_detail`] }]),
    ) as Parameters<typeof matchReasons>[0],
  );
}
