import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { consents, users } from '../../db/schema.ts';

const withdrawer = alias(users, 'withdrawer');

export async function listForParticipant(db: Executor, participantId: string) {
  return db
    .select({ consent: consents, recordedBy: users.name, withdrawnBy: withdrawer.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
    .where(eq(consents.participantId, participantId))
    .orderBy(asc(consents.givenOn), asc(consents.createdAt));
}
export type ConsentJoinedRow = Awaited<ReturnType<typeof listForParticipant>>[number];

export async function findById(db: Executor, id: string) {
  const [row] = await db
    .select({ consent: consents, recordedBy: users.name, withdrawnBy: withdrawer.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
    .where(eq(consents.id, id));
  return row ?? null;
}

export async function insert(db: Executor, values: typeof consents.$inferInsert) {
  const [row] = await db.insert(consents).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Withdraws only a consent still in force; null when it was already withdrawn. */
export async function withdraw(
  db: Executor,
  id: string,
  values: { withdrawnOn: string; withdrawnBy: string; withdrawalNote: string | null },
) {
  const [row] = await db
    .update(consents)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(consents.id, id), isNull(consents.withdrawnOn)))
    .returning();
  return row ?? null;
}

export async function hasParticipationConsent(db: Executor, participantId: string): Promise<boolean> {
  const rows = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.participantId, participantId),
        eq(consents.participation, true),
        isNull(consents.withdrawnOn),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
