import { and, asc, eq, sql } from 'drizzle-orm';
import { contactJournalCategories } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlans,
  centres,
  enrolments,
  followUps,
  journalEntries,
  participantStaff,
  participants,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { participantStatus, visibleTo } from '../participants/participants.repo.ts';

const contactCategories = sql.join(
  contactJournalCategories.map((c) => sql`${c}`),
  sql`, `,
);

// Dates come back as text so both drivers give YYYY-MM-DD.
const plannedEndOn = sql<string | null>`(select min(e.planned_end_on)::text from ${enrolments} e
  where e.participant_id = ${participants.id} and e.exited_on is null)`;
const enrolledOn = sql<string | null>`(select min(e.starts_on)::text from ${enrolments} e
  where e.participant_id = ${participants.id} and e.exited_on is null)`;
// A corrected entry counts through its correction, which carries the corrected date and category.
const lastContactOn = sql<string | null>`(select max(j.entry_date)::text from ${journalEntries} j
  where j.participant_id = ${participants.id} and j.category in (${contactCategories})
  and not exists (select 1 from ${journalEntries} c where c.corrects_id = j.id))`;
const followUpDueOn = sql<string | null>`(select min(f.due_on)::text from ${followUps} f
  join ${enrolments} e on e.id = f.enrolment_id
  where e.participant_id = ${participants.id} and f.status is null)`;
// An active enrolment without a plan counts from its start: the plan is due from day one.
const planReviewedOn = sql<string | null>`(select min(coalesce(p.reviewed_on, e.starts_on))::text
  from ${enrolments} e left join ${actionPlans} p on p.enrolment_id = e.id
  where e.participant_id = ${participants.id} and e.exited_on is null)`;

/**
 * The participants `actor` is assigned to who are still in their care: referred or enrolled, or exited with a
 * follow-up not yet recorded.
 */
export async function forActor(db: Executor, actor: Actor) {
  return db
    .select({
      id: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      protectedIdentity: participants.protectedIdentity,
      centreName: centres.name,
      isContact: participantStaff.isContact,
      status: participantStatus,
      plannedEndOn,
      enrolledOn,
      lastContactOn,
      followUpDueOn,
      planReviewedOn,
    })
    .from(participantStaff)
    .innerJoin(participants, eq(participants.id, participantStaff.participantId))
    .innerJoin(centres, eq(centres.id, participants.centreId))
    .where(
      and(
        eq(participantStaff.userId, actor.userId),
        visibleTo(actor),
        sql`(${participantStatus} in ('referred', 'enrolled') or ${followUpDueOn} is not null)`,
      ),
    )
    .orderBy(asc(participants.sortName), asc(participants.id));
}
export type CaseloadRow = Awaited<ReturnType<typeof forActor>>[number];

/** What the warnings of one participant are computed from, or null when there is no such participant. */
export async function factsOf(db: Executor, participantId: string) {
  const [row] = await db
    .select({ plannedEndOn, enrolledOn, lastContactOn, followUpDueOn, planReviewedOn })
    .from(participants)
    // Drizzle qualifies column names only in a query with a join, and the subqueries need them qualified.
    .innerJoin(centres, eq(centres.id, participants.centreId))
    .where(eq(participants.id, participantId));
  return row ?? null;
}
