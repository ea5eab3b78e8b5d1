import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { journalEntries, users } from '../../db/schema.ts';

const correction = alias(journalEntries, 'correction');

const columns = {
  entry: journalEntries,
  authorName: users.name,
  correctedById: correction.id,
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(journalEntries)
    .innerJoin(users, eq(users.id, journalEntries.authorId))
    .leftJoin(correction, eq(correction.correctsId, journalEntries.id));
}

/** Newest first: by the date the entry is about, then by when it was written. */
export async function listForParticipant(db: Executor, participantId: string) {
  return joined(db)
    .where(eq(journalEntries.participantId, participantId))
    .orderBy(desc(journalEntries.entryDate), desc(journalEntries.createdAt), desc(journalEntries.id));
}
export type JournalEntryRow = Awaited<ReturnType<typeof listForParticipant>>[number];

export async function findById(db: Executor, id: string): Promise<JournalEntryRow | null> {
  const [row] = await joined(db).where(eq(journalEntries.id, id));
  return row ?? null;
}

export async function insert(db: Executor, values: typeof journalEntries.$inferInsert) {
  const [row] = await db.insert(journalEntries).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Inserts a correction unless the entry already has one (a unique index decides, so a race cannot make two). */
export async function insertCorrection(
  db: Executor,
  values: typeof journalEntries.$inferInsert & { correctsId: string; correctionReason: string },
) {
  const [row] = await db.insert(journalEntries).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
