import { count, desc, eq } from 'drizzle-orm';
import type { AccessAction } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { accessLog, centres, users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

/** A participant whose data is touched, with the centre they belong to. */
export type AccessTarget = { id: string; centreId: string };

/**
 * Writes one row per participant whose personal data was read or changed. Call it inside the transaction
 * that reads or writes, so there is no access without its row.
 */
export async function logAccess(
  db: Executor,
  actor: Actor,
  targets: readonly AccessTarget[],
  action: AccessAction,
  what: string,
): Promise<void> {
  if (targets.length === 0) return;
  await db.insert(accessLog).values(
    targets.map((t) => ({
      userId: actor.userId,
      participantId: t.id,
      action,
      what,
      role: actor.role,
      // The centre the actor acted in: the participant's, when the actor belongs to it.
      centreId: actor.centreIds.includes(t.centreId) ? t.centreId : null,
    })),
  );
}

export async function listForParticipant(db: Executor, participantId: string, limit: number, offset: number) {
  const items = await db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      userId: accessLog.userId,
      userName: users.name,
      role: accessLog.role,
      centreName: centres.name,
      action: accessLog.action,
      what: accessLog.what,
    })
    .from(accessLog)
    .innerJoin(users, eq(users.id, accessLog.userId))
    .leftJoin(centres, eq(centres.id, accessLog.centreId))
    .where(eq(accessLog.participantId, participantId))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(accessLog)
    .where(eq(accessLog.participantId, participantId));
  return { items, total: total?.n ?? 0 };
}
