import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AccessReviewOutcome } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  accessLog,
  accessReviewItems,
  accessReviews,
  centres,
  participants,
  users,
} from '../../db/schema.ts';
import { maskedParticipantColumns } from '../access-log/access-log.repo.ts';
import type { Actor } from '../auth/actor.ts';

const creator = alias(users, 'creator');
const decider = alias(users, 'decider');

const summaryColumns = {
  id: accessReviews.id,
  organisationId: accessReviews.organisationId,
  month: accessReviews.month,
  createdByName: creator.name,
  createdAt: accessReviews.createdAt,
  itemCount: sql<number>`(select count(*)::int from ${accessReviewItems} i where i.review_id = ${accessReviews.id})`,
  decidedCount: sql<number>`(select count(*)::int from ${accessReviewItems} i
    where i.review_id = ${accessReviews.id} and i.outcome <> 'pending')`,
  flaggedCount: sql<number>`(select count(*)::int from ${accessReviewItems} i
    where i.review_id = ${accessReviews.id} and i.outcome = 'flagged')`,
};

export async function listForOrganisation(db: Executor, organisationId: string) {
  return db
    .select(summaryColumns)
    .from(accessReviews)
    .innerJoin(creator, eq(creator.id, accessReviews.createdBy))
    .where(eq(accessReviews.organisationId, organisationId))
    .orderBy(desc(accessReviews.month));
}

export async function findSummary(db: Executor, id: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(accessReviews)
    .innerJoin(creator, eq(creator.id, accessReviews.createdBy))
    .where(eq(accessReviews.id, id));
  return row ?? null;
}

/** The review, or null when the organisation already has one for the month. */
export async function insert(db: Executor, organisationId: string, month: string, createdBy: string) {
  const [row] = await db
    .insert(accessReviews)
    .values({ organisationId, month, createdBy })
    .onConflictDoNothing()
    .returning({ id: accessReviews.id });
  return row ?? null;
}

export async function findByMonth(db: Executor, organisationId: string, month: string) {
  const [row] = await db
    .select({ id: accessReviews.id })
    .from(accessReviews)
    .where(and(eq(accessReviews.organisationId, organisationId), eq(accessReviews.month, month)));
  return row ?? null;
}

/**
 * Draws the sample: the month's accesses (Stockholm days) by users of the organisation, ordered by a hash of the
 * review id and the row id, so the draw is random across rows, the same every time for the review, and never
 * holds a row twice.
 */
export async function drawSample(
  db: Executor,
  reviewId: string,
  organisationId: string,
  month: string,
  size: number,
) {
  const seeded = sql`md5(${reviewId}::text || ':' || al.id::text)`;
  await db.execute(sql`
    insert into ${accessReviewItems} (review_id, access_log_id, ordinal)
    select ${reviewId}::uuid, s.id, row_number() over (order by s.draw)
    from (
      select al.id, ${seeded} as draw
      from ${accessLog} al join ${users} u on u.id = al.user_id
      where u.organisation_id = ${organisationId}
        and al.at >= ((${month} || '-01')::date::timestamp at time zone 'Europe/Stockholm')
        and al.at < (((${month} || '-01')::date + interval '1 month')::timestamp at time zone 'Europe/Stockholm')
      order by draw
      limit ${size}
    ) s`);
}

export async function items(db: Executor, viewer: Actor, reviewId: string, itemId?: string) {
  return db
    .select({
      id: accessReviewItems.id,
      reviewId: accessReviewItems.reviewId,
      ordinal: accessReviewItems.ordinal,
      outcome: accessReviewItems.outcome,
      note: accessReviewItems.note,
      decidedByName: decider.name,
      decidedAt: accessReviewItems.decidedAt,
      version: accessReviewItems.version,
      accessLogId: accessLog.id,
      at: accessLog.at,
      userId: accessLog.userId,
      userName: users.name,
      role: accessLog.role,
      centreName: centres.name,
      action: accessLog.action,
      what: accessLog.what,
      ...maskedParticipantColumns(viewer),
    })
    .from(accessReviewItems)
    .innerJoin(accessLog, eq(accessLog.id, accessReviewItems.accessLogId))
    .innerJoin(users, eq(users.id, accessLog.userId))
    .innerJoin(participants, eq(participants.id, accessLog.participantId))
    .leftJoin(centres, eq(centres.id, accessLog.centreId))
    .leftJoin(decider, eq(decider.id, accessReviewItems.decidedBy))
    .where(
      itemId
        ? and(eq(accessReviewItems.reviewId, reviewId), eq(accessReviewItems.id, itemId))
        : eq(accessReviewItems.reviewId, reviewId),
    )
    .orderBy(asc(accessReviewItems.ordinal));
}

export async function findItem(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: accessReviewItems.id,
      reviewId: accessReviewItems.reviewId,
      organisationId: accessReviews.organisationId,
    })
    .from(accessReviewItems)
    .innerJoin(accessReviews, eq(accessReviews.id, accessReviewItems.reviewId))
    .where(eq(accessReviewItems.id, id));
  return row ?? null;
}

/** The decision, if the item is still at `version`; null when someone else decided in between. */
export async function decide(
  db: Executor,
  id: string,
  version: number,
  decision: { outcome: AccessReviewOutcome; note: string | null; decidedBy: string },
) {
  const pending = decision.outcome === 'pending';
  const [row] = await db
    .update(accessReviewItems)
    .set({
      outcome: decision.outcome,
      note: decision.note,
      decidedBy: pending ? null : decision.decidedBy,
      decidedAt: pending ? null : sql`now()`,
      version: sql`${accessReviewItems.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(accessReviewItems.id, id), eq(accessReviewItems.version, version)))
    .returning({ id: accessReviewItems.id });
  return row ?? null;
}
