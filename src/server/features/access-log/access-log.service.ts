import type { z } from 'zod';
import { AppError, fieldError } from '../../../core/errors.ts';
import type {
  accessLogList,
  participantAccessLogQuery,
  userAccessLogList,
  userAccessLogQuery,
} from '../../../core/schemas/auth.schema.ts';
import type { Db } from '../../db/client.ts';
import type { ExportFile } from '../attendance/attendance-export.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participantRepo from '../participants/participants.repo.ts';
import * as userRepo from '../users/users.repo.ts';
import * as repo from './access-log.repo.ts';
import { participantAccessLogFile, userAccessLogFile } from './access-log-export.ts';

/** An administrator's view of who accessed a participant of a centre in the administrator's organisation. */
export async function listForParticipant(
  db: Db,
  actor: Actor,
  participantId: string,
  query: z.output<typeof participantAccessLogQuery>,
): Promise<z.infer<typeof accessLogList> | ExportFile> {
  authorize(actor, 'accessLog.read');
  const row = await participantRepo.findById(db, participantId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!actor.centreIds.includes(row.participant.centreId)) throw new AppError('FORBIDDEN');
  if (query.format !== 'json') {
    const { items } = await repo.listForParticipant(db, participantId, null, 0);
    return participantAccessLogFile(query.format, items);
  }
  const { items, total } = await repo.listForParticipant(
    db,
    participantId,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total };
}

/**
 * What one user of the administrator's organisation read or changed, newest first. A protected person the
 * administrator is not assigned to is named only as protected.
 */
export async function listForUser(
  db: Db,
  actor: Actor,
  userId: string,
  query: z.output<typeof userAccessLogQuery>,
): Promise<z.infer<typeof userAccessLogList> | ExportFile> {
  authorize(actor, 'accessLog.read');
  const user = await userRepo.findById(db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  if (user.organisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
  const period = { from: query.from, to: query.to };
  if (query.from && query.to && query.from > query.to) throw fieldError('to', 'before_from');
  if (query.format !== 'json') {
    const { items } = await repo.listForUser(db, actor, userId, period, null, 0);
    return userAccessLogFile(user.name, query.format, items);
  }
  const { items, total } = await repo.listForUser(
    db,
    actor,
    userId,
    period,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total };
}
