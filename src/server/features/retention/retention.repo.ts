import { and, eq, inArray, isNull, notExists, type SQL, sql } from 'drizzle-orm';
import { personSortKey } from '../../../core/collation.ts';
import { addDays, type IsoDate } from '../../../core/dates.ts';
import { openReferralStatuses, type RetentionRule } from '../../../core/enums.ts';
import {
  addYears,
  anonymisedName,
  neverEnrolledRetentionYears,
  redactedText,
} from '../../../core/retention.ts';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  centres,
  enrolments,
  participants,
  programmes,
  referrals,
  retentionRunItems,
  retentionRuns,
} from '../../db/schema.ts';

/** The participants a run covers: those whose home centre belongs to the organisation, or everyone (null). */
function inOrganisation(organisationId: string | null): SQL | undefined {
  if (organisationId === null) return undefined;
  return inArray(
    participants.centreId,
    sql`(select ${centres.id} from ${centres} where ${centres.organisationId} = ${organisationId})`,
  );
}

/**
 * People not yet anonymised with nothing open (no enrolment without exit, no open referral) who were registered
 * at least the shortest retention period ago: the only ones the rule can find expired. The rule itself
 * (core/retention.ts) then decides from their facts.
 */
export async function candidates(db: Executor, organisationId: string | null, today: IsoDate) {
  // A day's margin for 29 February: the rule decides exactly.
  const registeredBy = addDays(addYears(today, -neverEnrolledRetentionYears), 1);
  return db
    .select({
      id: participants.id,
      centreId: participants.centreId,
      registeredOn: sql<string>`(${participants.createdAt} at time zone 'Europe/Stockholm')::date::text`,
    })
    .from(participants)
    .where(
      and(
        isNull(participants.anonymisedAt),
        inOrganisation(organisationId),
        sql`(${participants.createdAt} at time zone 'Europe/Stockholm')::date <= ${registeredBy}::date`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(enrolments)
            .where(and(eq(enrolments.participantId, participants.id), isNull(enrolments.exitedOn))),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(referrals)
            .where(
              and(
                eq(referrals.participantId, participants.id),
                inArray(referrals.status, [...openReferralStatuses]),
              ),
            ),
        ),
      ),
    )
    .orderBy(participants.id);
}

/** The enrolments of the people, with their programmes' retention settings. */
export async function enrolmentFacts(db: Executor, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .select({
      participantId: enrolments.participantId,
      programmeId: enrolments.programmeId,
      startsOn: enrolments.startsOn,
      exitedOn: enrolments.exitedOn,
      retentionYears: programmes.retentionYears,
      holdUntil: programmes.holdUntil,
    })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(inArray(enrolments.participantId, [...participantIds]));
}

export async function referralFacts(db: Executor, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .select({
      participantId: referrals.participantId,
      programmeId: referrals.programmeId,
      referredOn: referrals.referredOn,
      status: referrals.status,
      holdUntil: programmes.holdUntil,
    })
    .from(referrals)
    .innerJoin(programmes, eq(programmes.id, referrals.programmeId))
    .where(inArray(referrals.participantId, [...participantIds]));
}

export async function programmeNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(inArray(programmes.id, [...ids]));
}

export async function birthDate(db: Executor, participantId: string): Promise<IsoDate | null> {
  const [row] = await db
    .select({ birthDate: participants.birthDate })
    .from(participants)
    .where(eq(participants.id, participantId));
  return row?.birthDate ?? null;
}

/**
 * Serialises runs on the database: a second run (another instance, a double click, the command line beside the
 * page) waits for the first to commit and then finds no one left to anonymise.
 */
export async function lockRetention(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('stegvis.retention'))`);
}

/**
 * Anonymises one participant: identity, name, contact details, address and every free text about them are
 * replaced or cleared; what the dashboard and the funder's reports count (legal gender, a birth date as coarse as
 * the age bands allow, education level, municipality, centre, programmes, target groups, dates, outcomes,
 * labour-market status, attendance, follow-up results, consent flags) stays. Rows stay, so every count stays.
 * Must run inside the job's transaction: the journal and plan-history triggers allow the redaction only there.
 */
export async function anonymise(db: Executor, participantId: string, generalisedBirthDate: IsoDate | null) {
  const p = sql`${participantId}::uuid`;
  const enrolmentIds = sql`(select id from enrolments where participant_id = ${p})`;
  const planIds = sql`(select id from action_plans where enrolment_id in ${enrolmentIds})`;
  const placementIds = sql`(select id from placements where enrolment_id in ${enrolmentIds})`;
  const redacted = redactedText;
  await db.execute(sql`select set_config('stegvis.anonymising', 'on', true)`);
  await db
    .update(participants)
    .set({
      personalIdentityNumber: null,
      reserveNumber: null,
      birthDate: generalisedBirthDate,
      firstName: anonymisedName.firstName,
      lastName: anonymisedName.lastName,
      sortName: personSortKey(anonymisedName.firstName, anonymisedName.lastName),
      // Nothing to find them by: no name, no number.
      searchText: '',
      preferredLanguage: null,
      interpreterNeeded: false,
      phone: null,
      email: null,
      streetAddress: null,
      postalCode: null,
      city: null,
      anonymisedAt: sql`now()`,
      version: sql`${participants.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(participants.id, participantId));
  // Free text that was there becomes the marker (a rule may require a reason once given); none stays none.
  const r = (column: string) =>
    sql.raw(`${column} = case when ${column} is null then null else '${redactedText}' end`);
  const statements: SQL[] = [
    sql`delete from participant_identity_history where participant_id = ${p}`,
    sql`update referrals set ${r('note')}, ${r('closed_reason')} where participant_id = ${p}`,
    sql`update consents set ${r('withdrawal_note')} where participant_id = ${p}`,
    sql`update enrolments set ${r('target_group_override_reason')}, exit_organisation = null, ${r('exit_reason')},
          exit_employer_id = null where participant_id = ${p}`,
    sql`update journal_entries set text = ${redacted}, ${r('correction_reason')} where participant_id = ${p}`,
    sql`update assessments set meeting_attendees = '[]'::jsonb, summary = null, areas = '{}'::jsonb,
          sensitive = '{}'::jsonb where participant_id = ${p}`,
    sql`update follow_ups set status_organisation = null where enrolment_id in ${enrolmentIds}`,
    sql`update follow_up_attempts set ${r('note')}
        where follow_up_id in (select id from follow_ups where enrolment_id in ${enrolmentIds})`,
    sql`update plan_goals set description = ${redacted} where plan_id in ${planIds}`,
    sql`update plan_changes set changes = '[]'::jsonb where plan_id in ${planIds}`,
    sql`update placements set tasks = ${redacted}, ${r('end_reason')} where id in ${placementIds}`,
    sql`update placement_evaluations set ratings = '{}'::jsonb, summary = ${redacted}, ${r('next_steps')}
        where placement_id in ${placementIds}`,
    sql`update attendance set ${r('reason_text')} where enrolment_id in ${enrolmentIds}`,
  ];
  for (const statement of statements) await db.execute(statement);
}

export async function insertRun(db: Executor, values: typeof retentionRuns.$inferInsert) {
  const [row] = await db.insert(retentionRuns).values(values).returning();
  if (!row) throw new Error('no retention run');
  return row;
}

export async function insertItems(
  db: Executor,
  runId: string,
  items: readonly {
    participantId: string;
    rule: RetentionRule;
    programmeId: string | null;
    expiredOn: IsoDate;
  }[],
) {
  if (items.length === 0) return;
  await db.insert(retentionRunItems).values(items.map((i) => ({ runId, ...i })));
}

/** The organisation's runs (and the installation's, from the command line), newest first. */
export async function runs(db: Executor, organisationId: string, limit: number) {
  return queryRows<{
    id: string;
    as_of: string;
    anonymised: number;
    ran_at: Date | string;
    run_by_name: string | null;
    whole_installation: boolean;
  }>(
    db,
    sql`select r.id, r.as_of::text as as_of, r.anonymised, r.ran_at,
          (select u.name from users u where u.id = r.run_by) as run_by_name,
          r.organisation_id is null as whole_installation
        from ${retentionRuns} r
        where r.organisation_id = ${organisationId} or r.organisation_id is null
        order by r.ran_at desc, r.id
        limit ${limit}`,
  );
}
