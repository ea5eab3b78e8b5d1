import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../core/dates.ts';
import type { LabourMarketStatus, LegalGender } from '../../../core/enums.ts';
import {
  ageBandLimits,
  educationBandByFirstDigit,
  educationBandExceptions,
  oldestAgeBand,
} from '../../../core/funder-report.ts';
import type { AgeBand, EducationBand } from '../../../core/schemas/funder-report.schema.ts';
import type { Executor } from '../../db/client.ts';
import {
  activities,
  activityGroups,
  attendance,
  consents,
  enrolments,
  funderFileSubmissions,
  groupSessions,
  participants,
  programmes,
  users,
} from '../../db/schema.ts';

// The funder's reports cover every participant of the programme, the protected included (masked in the file), so
// these queries do not go through `visibleTo`: the service lets only the programme's owner organisation's
// programme managers in.

export async function findProgramme(db: Executor, programmeId: string) {
  const [row] = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      funderProjectNumber: programmes.funderProjectNumber,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      ownerOrganisationId: programmes.ownerOrganisationId,
      cofinancingHourlyRate: programmes.cofinancingHourlyRate,
      funderReportCheck: programmes.funderReportCheck,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  return row ?? null;
}
export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;

const hasFunderReportingConsent = sql<boolean>`exists (select 1 from ${consents} c
  where c.participant_id = ${participants.id} and c.funder_reporting and c.withdrawn_on is null)`;

/**
 * The programme's enrolments that start in the period or end in it, with what the reports and their check
 * need. Reports pick and order the rows themselves.
 */
export async function enrolmentsStartingOrEnding(
  db: Executor,
  programmeId: string,
  period: { from: IsoDate; to: IsoDate },
  which: 'startingOrEnding' | 'starting' = 'startingOrEnding',
) {
  const starting = sql`${enrolments.startsOn} between ${period.from} and ${period.to}`;
  const ending = sql`${enrolments.exitedOn} between ${period.from} and ${period.to}`;
  return db
    .select({
      enrolmentId: enrolments.id,
      participantId: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      personalIdentityNumber: participants.personalIdentityNumber,
      protectedIdentity: participants.protectedIdentity,
      /** Anonymised by the retention job: the identity number is gone and cannot be reported again. */
      anonymised: sql<boolean>`${participants.anonymisedAt} is not null`.mapWith(Boolean),
      birthDate: participants.birthDate,
      legalGender: participants.legalGender,
      educationLevelCode: participants.educationLevelCode,
      labourMarketStatus: enrolments.labourMarketStatus,
      hasFunderReportingConsent,
      startsOn: enrolments.startsOn,
      exitedOn: enrolments.exitedOn,
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        which === 'starting' ? starting : sql`(${starting} or ${ending})`,
      ),
    )
    .orderBy(asc(enrolments.startsOn), asc(enrolments.id));
}
export type ReportEnrolment = Awaited<ReturnType<typeof enrolmentsStartingOrEnding>>[number];

/** Each month's last submission; `order` is a key that sorts submissions in time to the microsecond. */
export async function lastSubmissions(db: Executor, programmeId: string) {
  return db
    .selectDistinctOn([funderFileSubmissions.month], {
      month: funderFileSubmissions.month,
      fingerprint: funderFileSubmissions.fingerprint,
      rowCount: funderFileSubmissions.rowCount,
      submittedAt: funderFileSubmissions.submittedAt,
      order: sql<string>`to_char(${funderFileSubmissions.submittedAt} at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      submittedBy: users.name,
    })
    .from(funderFileSubmissions)
    .innerJoin(users, eq(users.id, funderFileSubmissions.submittedBy))
    .where(eq(funderFileSubmissions.programmeId, programmeId))
    .orderBy(
      asc(funderFileSubmissions.month),
      desc(funderFileSubmissions.submittedAt),
      desc(funderFileSubmissions.id),
    );
}
export type LastSubmission = Awaited<ReturnType<typeof lastSubmissions>>[number];

export async function insertSubmission(db: Executor, values: typeof funderFileSubmissions.$inferInsert) {
  await db.insert(funderFileSubmissions).values(values);
}

// ---------------------------------------------------------------- the common indicators

const text = (value: string) => sql.raw(`'${value.replaceAll("'", "''")}'`);

/** The age band at the start, in SQL from `ageBandLimits` (age() counts whole years as `ageOn` does). */
const ageBand = sql<AgeBand>`case when ${participants.birthDate} is null then 'unknown'
  ${sql.join(
    ageBandLimits.map(
      (l) =>
        sql`when extract(year from age(${enrolments.startsOn}, ${participants.birthDate})) < ${sql.raw(String(l.below))} then ${text(l.band)}`,
    ),
    sql` `,
  )}
  else ${text(oldestAgeBand)} end`;

/** The education band from the SUN code, in SQL from `educationBandExceptions` and `educationBandByFirstDigit`. */
const educationBand = sql<EducationBand>`case
  ${sql.join(
    Object.entries(educationBandExceptions).map(
      ([code, band]) => sql`when ${participants.educationLevelCode} = ${text(code)} then ${text(band)}`,
    ),
    sql` `,
  )}
  ${sql.join(
    Object.entries(educationBandByFirstDigit).map(
      ([digit, band]) =>
        sql`when left(${participants.educationLevelCode}, 1) = ${text(digit)} then ${text(band)}`,
    ),
    sql` `,
  )}
  else 'unknown' end`;

const labourMarketStatusOrUnknown = sql<
  LabourMarketStatus | 'unknown'
>`coalesce(${enrolments.labourMarketStatus}, 'unknown')`;

/** Enrolments of the programme that started in the period, counted by gender × age × education × status. */
export async function indicatorCells(
  db: Executor,
  programmeId: string,
  period: { from: IsoDate; to: IsoDate },
) {
  return db
    .select({
      legalGender: participants.legalGender,
      ageBand,
      education: educationBand,
      labourMarketStatus: labourMarketStatusOrUnknown,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        sql`${enrolments.startsOn} between ${period.from} and ${period.to}`,
      ),
    )
    .groupBy(sql`1, 2, 3, 4`);
}

// ---------------------------------------------------------------- co-financing

/** Attended minutes at sessions of the programme's activities in the period, by calendar month and legal gender. */
export async function attendedMinutesByMonth(
  db: Executor,
  programmeId: string,
  period: { from: IsoDate; to: IsoDate },
): Promise<{ month: string; legalGender: LegalGender; minutes: number }[]> {
  const month = sql<string>`to_char(${groupSessions.sessionDate}, 'YYYY-MM')`;
  return db
    .select({
      month,
      legalGender: participants.legalGender,
      minutes: sql<number>`coalesce(sum(${attendance.attendedMinutes}), 0)`.mapWith(Number),
    })
    .from(attendance)
    .innerJoin(groupSessions, eq(groupSessions.id, attendance.sessionId))
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        eq(activities.programmeId, programmeId),
        sql`${groupSessions.sessionDate} between ${period.from} and ${period.to}`,
      ),
    )
    .groupBy(month, participants.legalGender);
}
