import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { openReferralStatuses, type ReferralBasis, type ReferralStatus } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { centres, participants, programmes, referrals } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleTo } from '../participants/participants.repo.ts';

export type ReferralRow = typeof referrals.$inferSelect;

const columns = {
  referral: referrals,
  firstName: participants.firstName,
  lastName: participants.lastName,
  personalIdentityNumber: participants.personalIdentityNumber,
  reserveNumber: participants.reserveNumber,
  participantCentreId: participants.centreId,
  programmeName: programmes.name,
  centreName: centres.name,
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(referrals)
    .innerJoin(participants, eq(participants.id, referrals.participantId))
    .innerJoin(programmes, eq(programmes.id, referrals.programmeId))
    .innerJoin(centres, eq(centres.id, referrals.centreId));
}
export type ReferralJoinedRow = Awaited<ReturnType<typeof findById>> & {};

export type ReferralFilter = {
  status?: ReferralStatus | undefined;
  open?: boolean | undefined;
  centreId?: string | undefined;
  participantId?: string | undefined;
};

export async function listVisible(
  db: Executor,
  actor: Actor,
  filter: ReferralFilter,
  limit: number,
  offset: number,
) {
  const conditions: SQL[] = [visibleTo(actor)];
  if (filter.status) conditions.push(eq(referrals.status, filter.status));
  if (filter.open) conditions.push(inArray(referrals.status, [...openReferralStatuses]));
  if (filter.centreId) conditions.push(eq(referrals.centreId, filter.centreId));
  if (filter.participantId) conditions.push(eq(referrals.participantId, filter.participantId));
  const where = and(...conditions);
  const items = await joined(db)
    .where(where)
    .orderBy(desc(referrals.referredOn), desc(referrals.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(referrals)
    .innerJoin(participants, eq(participants.id, referrals.participantId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findById(db: Executor, id: string) {
  const [row] = await joined(db).where(eq(referrals.id, id));
  return row ?? null;
}

export async function findByNaturalKey(
  db: Executor,
  key: { participantId: string; programmeId: string; referredOn: string; basis: ReferralBasis },
) {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.participantId, key.participantId),
        eq(referrals.programmeId, key.programmeId),
        eq(referrals.referredOn, key.referredOn),
        eq(referrals.basis, key.basis),
      ),
    );
  return row?.id ?? null;
}

export async function insert(db: Executor, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await db.insert(referrals).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Changes a referral only if nobody else saved since `version`; null on a lost race. */
export async function updateVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof referrals.$inferInsert>,
): Promise<ReferralRow | null> {
  const [row] = await db
    .update(referrals)
    .set({ ...values, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning();
  return row ?? null;
}

/** Marks the participant's open referrals to a programme as enrolled. */
export async function markEnrolled(db: Executor, participantId: string, programmeId: string) {
  return db
    .update(referrals)
    .set({ status: 'enrolled', version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(referrals.participantId, participantId),
        eq(referrals.programmeId, programmeId),
        inArray(referrals.status, [...openReferralStatuses]),
      ),
    )
    .returning({ id: referrals.id });
}

/** Closes the participant's open referrals, e.g. as withdrawn when consent to participation is withdrawn. */
export async function closeOpen(
  db: Executor,
  participantId: string,
  status: 'declined' | 'withdrawn',
  closedReason: string,
) {
  return db
    .update(referrals)
    .set({ status, closedReason, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(referrals.participantId, participantId), inArray(referrals.status, [...openReferralStatuses])),
    )
    .returning({ id: referrals.id });
}
