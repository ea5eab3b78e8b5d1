import type { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  type AccessReviewDetail,
  type AccessReviewItem,
  type accessReviewDecision,
  type accessReviewInput,
  accessReviewSampleSize,
  type accessReviewSummary,
} from '../../../core/schemas/access-review.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as repo from './access-reviews.repo.ts';

type Summary = z.infer<typeof accessReviewSummary>;

function presentSummary(row: NonNullable<Awaited<ReturnType<typeof repo.findSummary>>>): Summary {
  const { organisationId: _, ...rest } = row;
  return { ...rest, createdAt: row.createdAt.toISOString() };
}

function presentItem(row: Awaited<ReturnType<typeof repo.items>>[number]): AccessReviewItem {
  const { reviewId: _, ...rest } = row;
  return { ...rest, at: row.at.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null };
}

/** The current month in Stockholm, YYYY-MM. */
function currentMonth(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 7);
}

export async function list(db: Db, actor: Actor): Promise<{ items: Summary[] }> {
  authorize(actor, 'accessLog.read');
  return { items: (await repo.listForOrganisation(db, actor.organisationId)).map(presentSummary) };
}

async function detail(db: Executor, actor: Actor, id: string): Promise<AccessReviewDetail> {
  const summary = await repo.findSummary(db, id);
  if (!summary) throw new AppError('NOT_FOUND');
  if (summary.organisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
  return { ...presentSummary(summary), items: (await repo.items(db, actor, id)).map(presentItem) };
}

export async function get(db: Db, actor: Actor, id: string): Promise<AccessReviewDetail> {
  authorize(actor, 'accessLog.read');
  return detail(db, actor, id);
}

/**
 * Starts the organisation's review of a month and draws its sample in the same transaction, so a review never
 * exists without its sample. One review per organisation and month: a second is refused with the first's id.
 */
export async function create(
  db: Db,
  actor: Actor,
  input: z.output<typeof accessReviewInput>,
): Promise<AccessReviewDetail> {
  authorize(actor, 'accessLog.read');
  if (input.month > currentMonth()) throw new AppError('MONTH_NOT_STARTED');
  return db.transaction(async (tx) => {
    const review = await repo.insert(tx, actor.organisationId, input.month, actor.userId);
    if (!review) {
      const existing = await repo.findByMonth(tx, actor.organisationId, input.month);
      throw new AppError('ACCESS_REVIEW_EXISTS', { existingId: existing?.id });
    }
    await repo.drawSample(tx, review.id, actor.organisationId, input.month, accessReviewSampleSize);
    return detail(tx, actor, review.id);
  });
}

/** Confirms or flags one sampled access (or sets it back to pending); a stale version gets the current row. */
export async function decide(
  db: Db,
  actor: Actor,
  itemId: string,
  input: z.output<typeof accessReviewDecision>,
): Promise<AccessReviewItem> {
  authorize(actor, 'accessLog.read');
  const item = await repo.findItem(db, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  if (item.organisationId !== actor.organisationId) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const saved = await repo.decide(tx, itemId, input.version, {
      outcome: input.outcome,
      note: input.note,
      decidedBy: actor.userId,
    });
    const [current] = await repo.items(tx, actor, item.reviewId, itemId);
    if (!current) throw new AppError('NOT_FOUND');
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: presentItem(current) });
    return presentItem(current);
  });
}
