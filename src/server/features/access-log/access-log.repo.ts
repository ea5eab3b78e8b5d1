import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AccessWhat } from '../../../core/access-log.ts';
import type { AccessAction } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { accessLog, centres, participants, users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { assignedTo, visibleTo } from '../participants/participants.repo.ts';

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
  what: AccessWhat,
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

export async function listForParticipant(
  db: Executor,
  participantId: string,
  limit: number | null,
  offset: number,
) {
  const query = db
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
    .offset(offset);
  const items = await (limit === null ? query : query.limit(limit));
  const [total] = await db
    .select({ n: count() })
    .from(accessLog)
    .where(eq(accessLog.participantId, participantId));
  return { items, total: total?.n ?? 0 };
}

/** Days in Europe/Stockholm, both included, as a condition on `access_log.at`. */
export type Period = { from?: string | undefined; to?: string | undefined };

function inPeriod(period: Period): SQL[] {
  const conditions: SQL[] = [];
  if (period.from)
    conditions.push(
      sql`${accessLog.at} >= (${period.from}::date::timestamp at time zone 'Europe/Stockholm')`,
    );
  if (period.to)
    conditions.push(
      sql`${accessLog.at} < ((${period.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`,
    );
  return conditions;
}

/**
 * The columns of an access seen by an administrator: the participant's name only when the person is not
 * protected or the administrator is assigned to them; whether the administrator may open the record.
 */
export function maskedParticipantColumns(viewer: Actor) {
  const masked = sql`(${participants.protectedIdentity} and not ${assignedTo(viewer.userId)})`;
  return {
    participantId: sql<string | null>`case when ${masked} then null else ${participants.id} end`,
    participantName: sql<
      string | null
    >`case when ${masked} then null else ${participants.firstName} || ' ' || ${participants.lastName} end`,
    protectedIdentity: participants.protectedIdentity,
    linkable: sql<boolean>`(${visibleTo(viewer)})`,
  };
}

/** What one user read or changed, newest first; `limit` null for the whole period (an export). */
export async function listForUser(
  db: Executor,
  viewer: Actor,
  userId: string,
  period: Period,
  limit: number | null,
  offset: number,
) {
  const where = and(eq(accessLog.userId, userId), ...inPeriod(period));
  const query = db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      role: accessLog.role,
      centreName: centres.name,
      action: accessLog.action,
      what: accessLog.what,
      ...maskedParticipantColumns(viewer),
    })
    .from(accessLog)
    .innerJoin(participants, eq(participants.id, accessLog.participantId))
    .leftJoin(centres, eq(centres.id, accessLog.centreId))
    .where(where)
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .offset(offset);
  const items = await (limit === null ? query : query.limit(limit));
  const [total] = await db.select({ n: count() }).from(accessLog).where(where);
  return { items, total: total?.n ?? 0 };
}
