import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { accessLogList } from '../../../core/schemas/auth.schema.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as participantRepo from '../participants/participants.repo.ts';
import * as repo from './access-log.repo.ts';

/** An administrator's view of who accessed a participant of a centre in the administrator's organisation. */
export async function listForParticipant(
  db: Db,
  actor: Actor,
  participantId: string,
  page: { page: number; pageSize: number },
): Promise<z.infer<typeof accessLogList>> {
  authorize(actor, 'accessLog.read');
  const row = await participantRepo.findById(db, participantId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!actor.centreIds.includes(row.participant.centreId)) throw new AppError('FORBIDDEN');
  const { items, total } = await repo.listForParticipant(
    db,
    participantId,
    page.pageSize,
    (page.page - 1) * page.pageSize,
  );
  return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total };
}
