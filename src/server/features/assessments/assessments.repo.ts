import { desc, eq, max } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { assessments, users } from '../../db/schema.ts';

const columns = { assessment: assessments, createdByName: users.name };

function joined(db: Executor) {
  return db.select(columns).from(assessments).innerJoin(users, eq(users.id, assessments.createdBy));
}

/** Every revision, newest first. */
export async function listForParticipant(db: Executor, participantId: string) {
  return joined(db).where(eq(assessments.participantId, participantId)).orderBy(desc(assessments.revision));
}
export type AssessmentRow = Awaited<ReturnType<typeof listForParticipant>>[number];

export async function findLatest(db: Executor, participantId: string): Promise<AssessmentRow | null> {
  const [row] = await joined(db)
    .where(eq(assessments.participantId, participantId))
    .orderBy(desc(assessments.revision))
    .limit(1);
  return row ?? null;
}

export async function latestRevision(db: Executor, participantId: string): Promise<number | null> {
  const [row] = await db
    .select({ revision: max(assessments.revision) })
    .from(assessments)
    .where(eq(assessments.participantId, participantId));
  return row?.revision ?? null;
}

/** Inserts a revision unless that number is taken (a unique index decides, so a race cannot make two). */
export async function insertRevision(db: Executor, values: typeof assessments.$inferInsert) {
  const [row] = await db.insert(assessments).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
