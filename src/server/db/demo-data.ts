import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { attendedMinutes } from '../../core/attendance.ts';
import { personSearchText, personSortKey, swedishSortKey } from '../../core/collation.ts';
import { addDays, plannedEndDate } from '../../core/dates.ts';
import type {
  ExitOutcome,
  FollowUpStatus,
  GoalStatus,
  GoalTerm,
  LabourMarketStatus,
  ReferralBasis,
  Role,
} from '../../core/enums.ts';
import { languageCodes } from '../../core/languages.ts';
import { organisationNumberCheckDigit } from '../../core/organisation-number.ts';
import { parseIdentityNumber } from '../../core/personal-identity-number.ts';
import { isoWeekday, isoWeekRange, sessionMinutes } from '../../core/schedule.ts';
import type { PlanChange } from '../../core/schemas/action-plan.schema.ts';
import { targetGroupKindForEducation } from '../../core/target-group.ts';
import * as attendanceRepo from '../features/attendance/attendance.repo.ts';
import { hashPassword } from '../features/auth/password.ts';
import { planGroupSessions } from '../features/groups/group-sessions.ts';
import type { Db, Executor } from './client.ts';
import {
  actionPlans,
  activities,
  activityGroups,
  activityMandatoryTargetGroups,
  centres,
  checklistTicks,
  consents,
  educationLevels,
  employerContacts,
  employerInteractions,
  employers,
  enrolmentSteps,
  enrolments,
  followUpAttempts,
  followUps,
  groupMembers,
  groupSessions,
  openings,
  organisations,
  participantStaff,
  participants,
  placementEvaluations,
  placementGoals,
  placements,
  planChanges,
  planGoalActivities,
  planGoalSteps,
  planGoals,
  programmeCentres,
  programmeClosureDays,
  programmeOrganisations,
  programmeSteps,
  programmes,
  referrals,
  stepChecklistItems,
  surveyAnswers,
  surveyLinks,
  surveyQuestions,
  surveyResponses,
  surveys,
  targetGroups,
  userCentres,
  users,
} from './schema.ts';

// Synthetic demo data: the Etableringscentrum programme of the seed articles, with invented staff and
// participants. People are numbered from Skatteverket's published test numbers, so none is a real person.

export const demoPassword = 'Stegvis-demo-2026';

export type DemoLogin = { email: string; role: Role; name: string; centres: string };

type Random = () => number;

/** A small seeded generator (mulberry32): the same demo data on every machine. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const firstNames = {
  female: [
    'Amal',
    'Fatima',
    'Hodan',
    'Nour',
    'Selam',
    'Mariam',
    'Leyla',
    'Olena',
    'Zahra',
    'Ayan',
    'Rahel',
    'Yasmin',
    'ሳባ',
    'فاطمة',
    'Şirin',
    'Aïcha',
  ],
  male: [
    'Ahmad',
    'Yonas',
    'Mohamed',
    'Omar',
    'Dawit',
    'Hassan',
    'Ali',
    'Bohdan',
    'Samir',
    'Abdi',
    'Tesfay',
    'Karim',
    'ዮሃንስ',
    'محمد',
    'Çağan',
    'José',
  ],
};
const lastNames = [
  'Abdullahi',
  'Haile',
  'Hassan',
  'Tesfamariam',
  'Al-Sayed',
  'Mohammadi',
  'Kovalenko',
  'Yusuf',
  'Gebremedhin',
  'Rahimi',
  'Osman',
  'Berhane',
  'Nouri',
  'Ahmadi',
  'Öztürk',
  'Ibrahim',
  'ተስፋይ',
  'العلي',
  'Ålund',
  'Ekström',
];

const demoOutcomes: ExitOutcome[] = [
  'work_permanent',
  'work_fixed_term',
  'work_subsidised',
  'studies_adult_education',
  'studies_vocational',
  'own_business',
  'parental_leave',
  'moved',
];
const demoFollowUpStatuses: FollowUpStatus[] = [
  'work',
  'work',
  'studies',
  'own_business',
  'seeking_work',
  'unreachable',
];

/** Enrolments of the first sixty left without a labour-market status, one per centre, for the export check. */
const withoutLabourMarketStatus = new Set([25, 26, 27]);

/**
 * A plausible labour-market status at the start, made without the random generator so the rest of the demo
 * stays as it was. Most are unemployed, long-term when out of work more than 12 months (6 under 25, as the
 * ESF's indicators count); a few studied or were at home, one in ten had some work.
 */
function demoLabourMarketStatus(index: number, birthDate: string, startsOn: string): LabourMarketStatus {
  if (index % 10 === 3) return 'inactive_in_education';
  if (index % 10 === 7) return 'inactive_not_in_education';
  if (index % 10 === 9) return 'employed';
  const monthsWithoutWork = (index * 7) % 24;
  const under25 = plannedEndDate(birthDate, 25 * 12) > startsOn;
  return monthsWithoutWork > (under25 ? 6 : 12) ? 'long_term_unemployed' : 'unemployed';
}

/** Goals an action plan may hold: the step (by ordinal) that serves each, and the occupation (SSYK) it aims at. */
const demoGoals: { term: GoalTerm; description: string; step: number | null; occupation: string | null }[] = [
  { term: 'short', description: 'Klara SFI kurs C', step: 3, occupation: null },
  { term: 'short', description: 'Öppna bankkonto och skaffa BankID', step: 2, occupation: null },
  { term: 'long', description: 'Arbete som undersköterska i hemtjänsten', step: 6, occupation: '5321' },
  { term: 'short', description: 'Praktik på lager i Jordbro', step: 6, occupation: '9332' },
  { term: 'long', description: 'Yrkesutbildning till barnskötare', step: 5, occupation: '5311' },
  { term: 'short', description: 'Ta körkort B', step: null, occupation: null },
  { term: 'long', description: 'Anställning som kock', step: 4, occupation: '5120' },
];
const demoGoalStatuses: GoalStatus[] = [
  'in_progress',
  'planned',
  'achieved',
  'in_progress',
  'dropped',
  'planned',
];

export async function hasData(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) > 0;
}

/** Seeds the demo once; returns the logins to print. Safe to call on every start. */
export async function seedDemoData(db: Db, today: string): Promise<DemoLogin[]> {
  if (await hasData(db)) return demoLogins(db);
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const random = seededRandom(20_171_201);
    const [haninge, nynashamn, tyreso, af] = await tx
      .insert(organisations)
      .values([
        { kind: 'municipality', name: 'Haninge kommun', municipalityCode: '0136' },
        { kind: 'municipality', name: 'Nynäshamns kommun', municipalityCode: '0192' },
        { kind: 'municipality', name: 'Tyresö kommun', municipalityCode: '0138' },
        { kind: 'employment_service', name: 'Arbetsförmedlingen Haninge', municipalityCode: '0136' },
      ])
      .returning();
    if (!haninge || !nynashamn || !tyreso || !af) throw new Error('organisations not created');
    const centreRows = await tx
      .insert(centres)
      .values([
        { organisationId: haninge.id, name: 'Etableringscentrum Haninge', municipalityCode: '0136' },
        { organisationId: nynashamn.id, name: 'Etableringscentrum Nynäshamn', municipalityCode: '0192' },
        { organisationId: tyreso.id, name: 'Etableringscentrum Tyresö', municipalityCode: '0138' },
      ])
      .returning();
    const [cHaninge, cNynashamn, cTyreso] = centreRows;
    if (!cHaninge || !cNynashamn || !cTyreso) throw new Error('centres not created');

    // The seeds' project ran 2017-12-01 – 2021-06-30; the demo keeps its length but runs now, so it looks alive.
    const [programme] = await tx
      .insert(programmes)
      .values({
        name: 'Etableringscentrum',
        funderProjectNumber: '2017/00162',
        startsOn: '2025-01-01',
        endsOn: '2028-06-30',
        plannedParticipants: 800,
        goalPercent: 55,
        goalDescription:
          '55 % av de nyanlända kvinnorna och männen i arbete eller studier 90 dagar efter avslut',
        followUpDays: 90,
        // A round demo value of SEK per attended hour; a real project takes its rate from the funder's decision.
        cofinancingHourlyRate: 50,
        funderReportCheck: 'warn',
        ownerOrganisationId: haninge.id,
      })
      .returning();
    if (!programme) throw new Error('programme not created');
    await tx
      .insert(programmeOrganisations)
      .values(
        [haninge, nynashamn, tyreso, af].map((o) => ({ programmeId: programme.id, organisationId: o.id })),
      );
    await tx
      .insert(programmeCentres)
      .values(centreRows.map((c) => ({ programmeId: programme.id, centreId: c.id })));
    const groups = await tx
      .insert(targetGroups)
      .values([
        {
          programmeId: programme.id,
          kind: 'short_educated',
          name: 'Kort eller ingen utbildning',
          maxDurationMonths: 12,
        },
        {
          programmeId: programme.id,
          kind: 'upper_secondary_or_higher',
          name: 'Gymnasial eller eftergymnasial utbildning',
          maxDurationMonths: 6,
        },
      ])
      .returning();
    const steps = await tx
      .insert(programmeSteps)
      .values(
        [
          'Inskrivning och kartläggning',
          'Bas: checklista och handlingsplan',
          'Språkfrämjande',
          'Rusta',
          'Jobbförberedande',
          'Praktik',
        ].map((name, i) => ({ programmeId: programme.id, ordinal: i + 1, name })),
      )
      .returning();
    const baseStep = steps.find((s) => s.ordinal === 2);
    if (!baseStep) throw new Error('step 2 missing');
    const checklistItems = await tx
      .insert(stepChecklistItems)
      .values(
        ['Bankkonto', 'BankID/e-legitimation', 'Anmäld till SFI', 'Barnomsorg ordnad'].map((label, i) => ({
          stepId: baseStep.id,
          ordinal: i + 1,
          label,
        })),
      )
      .returning();

    const staff: { email: string; name: string; role: Role; org: string; centres: string[] }[] = [
      {
        email: 'admin@haninge.example',
        name: 'Alva Administratör',
        role: 'administrator',
        org: haninge.id,
        centres: [cHaninge.id],
      },
      {
        email: 'programledare@haninge.example',
        name: 'Per Programledare',
        role: 'programme_manager',
        org: haninge.id,
        centres: centreRows.map((c) => c.id),
      },
      {
        email: 'samordnare@haninge.example',
        name: 'Sara Samordnare',
        role: 'coordinator',
        org: haninge.id,
        centres: [cHaninge.id],
      },
      {
        email: 'socialkonsulent@haninge.example',
        name: 'Sami Socialkonsulent',
        role: 'social_consultant',
        org: haninge.id,
        centres: [cHaninge.id],
      },
      {
        email: 'sprakpedagog@haninge.example',
        name: 'Lina Språkpedagog',
        role: 'language_teacher',
        org: haninge.id,
        centres: [cHaninge.id],
      },
      {
        email: 'samordnare@nynashamn.example',
        name: 'Nils Samordnare',
        role: 'coordinator',
        org: nynashamn.id,
        centres: [cNynashamn.id],
      },
      {
        email: 'samordnare@tyreso.example',
        name: 'Tove Samordnare',
        role: 'coordinator',
        org: tyreso.id,
        centres: [cTyreso.id],
      },
      {
        email: 'jobbagent@tyreso.example',
        name: 'Jon Jobbagent',
        role: 'job_agent',
        org: tyreso.id,
        centres: [cTyreso.id],
      },
      {
        email: 'arbetsformedlare@af.example',
        name: 'Ida Arbetsförmedlare',
        role: 'employment_officer',
        org: af.id,
        centres: centreRows.map((c) => c.id),
      },
    ];
    const userRows = await tx
      .insert(users)
      .values(
        staff.map((s) => ({
          email: s.email,
          name: s.name,
          role: s.role,
          organisationId: s.org,
          passwordHash,
        })),
      )
      .returning();
    await tx
      .insert(userCentres)
      .values(
        staff.flatMap((s, i) => s.centres.map((centreId) => ({ userId: userRows[i]?.id ?? '', centreId }))),
      );
    const coordinators = [cHaninge, cNynashamn, cTyreso].map((c) => {
      const index = staff.findIndex((s) => s.role === 'coordinator' && s.centres[0] === c.id);
      return userRows[index];
    });

    const sun = (await tx.select({ code: educationLevels.code }).from(educationLevels))
      .map((r) => r.code)
      .filter((c) => c.length === 3);
    const numbers = readFileSync(new URL('./demo/testpersonnummer.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((n) => /^(19[6-9]\d|200[0-4])/.test(n));
    const bases: ReferralBasis[] = [
      'establishment_programme',
      'establishment_programme',
      'job_and_development_guarantee',
      'social_services_after_establishment',
    ];

    let staleShown = false;
    for (let i = 0; i < 60; i++) {
      const centreIndex = i % 3;
      const centre = centreRows[centreIndex];
      const coordinator = coordinators[centreIndex];
      if (!centre || !coordinator) throw new Error('centre without coordinator');
      const reserve = i === 58 || i === 59;
      const pin = parseIdentityNumber(numbers[(i * 331) % numbers.length] ?? '');
      if (!pin.ok) throw new Error('a test number did not parse');
      const gender = reserve ? (i % 2 === 0 ? 'female' : 'male') : pin.value.legalGender;
      const firstName = pick(random, firstNames[gender]);
      const lastName = pick(random, lastNames);
      const education = random() < 0.15 ? null : pick(random, sun);
      const protectedIdentity = i === 7 || i === 8;
      const reserveNumber = `R${pin.value.birthDate.replaceAll('-', '')}-${String(10_000 + i).padStart(5, '0')}`;
      const [participant] = await tx
        .insert(participants)
        .values({
          identityType: reserve ? 'reserve' : pin.value.kind,
          personalIdentityNumber: reserve ? null : pin.value.normalised,
          reserveNumber: reserve ? reserveNumber : null,
          birthDate: pin.value.birthDate,
          legalGender: gender,
          firstName,
          lastName,
          sortName: personSortKey(firstName, lastName),
          searchText: personSearchText(firstName, lastName, reserve ? reserveNumber : pin.value.normalised),
          preferredLanguage: pick(
            random,
            languageCodes.filter((l) => l !== 'sv'),
          ),
          interpreterNeeded: random() < 0.4,
          phone: `070-${String(1_000_000 + i * 7919).slice(1)}`,
          email: null,
          streetAddress: protectedIdentity ? null : `Demogatan ${i + 1}`,
          postalCode: protectedIdentity ? null : `136 ${String(40 + (i % 50)).padStart(2, '0')}`,
          city: protectedIdentity ? null : centre.name.replace('Etableringscentrum ', ''),
          municipalityCode: centre.municipalityCode,
          educationLevelCode: education,
          protectedIdentity,
          centreId: centre.id,
          createdBy: coordinator.id,
        })
        .returning();
      if (!participant) throw new Error('participant not created');
      await tx
        .insert(participantStaff)
        .values({ participantId: participant.id, userId: coordinator.id, isContact: true });

      // States: 0–11 newly referred, 12–17 meeting booked, 18–21 declined or withdrawn, the rest enrolled.
      // One declined three years ago, so retention (Administration → Gallring) has someone to anonymise.
      const expired = i === 21;
      const referredOn = expired ? addDays(today, -3 * 365) : addDays(today, -(10 + ((i * 13) % 300)));
      const status =
        i < 12
          ? 'received'
          : i < 18
            ? 'meeting_booked'
            : i < 22
              ? i % 2
                ? 'declined'
                : 'withdrawn'
              : 'enrolled';
      await tx.insert(referrals).values({
        participantId: participant.id,
        programmeId: programme.id,
        centreId: centre.id,
        referringOfficer: 'Ida Arbetsförmedlare',
        referringOffice: 'Arbetsförmedlingen Haninge',
        referredOn,
        basis: pick(random, bases),
        status,
        meetingAt:
          status === 'meeting_booked' ? new Date(`${addDays(today, 3 + (i % 7))}T10:00:00+01:00`) : null,
        closedReason:
          status === 'declined'
            ? 'Tackade nej vid informationsmötet'
            : status === 'withdrawn'
              ? 'Flyttat från kommunen'
              : null,
        createdBy: coordinator.id,
      });
      if (expired)
        await tx
          .update(participants)
          .set({ createdAt: new Date(`${referredOn}T09:00:00+01:00`) })
          .where(eq(participants.id, participant.id));
      if (status !== 'enrolled') continue;

      const startsOn = addDays(referredOn, 14);
      await tx.insert(consents).values({
        participantId: participant.id,
        participation: true,
        dataSharing: true,
        funderReporting: i % 5 !== 0,
        givenOn: startsOn,
        method: i % 3 === 0 ? 'digital' : 'paper',
        language: participant.preferredLanguage ?? 'sv',
        recordedBy: coordinator.id,
      });
      const kind = targetGroupKindForEducation(education) ?? 'short_educated';
      const group = groups.find((g) => g.kind === kind);
      if (!group) throw new Error('target group missing');
      const plannedEndOn = plannedEndDate(startsOn, group.maxDurationMonths);
      // A few have passed their planned end and left the programme, most of them to work or studies.
      const exitedOn = plannedEndOn < today && i % 4 === 0 ? plannedEndOn : null;
      const exitOutcome = exitedOn ? pick(random, demoOutcomes) : null;
      const [enrolment] = await tx
        .insert(enrolments)
        .values({
          participantId: participant.id,
          programmeId: programme.id,
          centreId: centre.id,
          targetGroupId: group.id,
          targetGroupOverrideReason: education === null ? 'Utbildningsnivå okänd vid inskrivning' : null,
          startsOn,
          plannedEndOn,
          labourMarketStatus: withoutLabourMarketStatus.has(i)
            ? null
            : demoLabourMarketStatus(i, pin.value.birthDate, startsOn),
          exitedOn,
          exitOutcome,
          exitOrganisation: exitOutcome?.startsWith('work') ? 'Haninge Vård och Omsorg AB' : null,
          exitReason: exitOutcome ? 'Programmets tid är slut' : null,
          exitedBy: exitedOn ? coordinator.id : null,
          createdBy: coordinator.id,
        })
        .returning();
      if (!enrolment) throw new Error('enrolment not created');
      if (exitedOn) {
        const dueOn = addDays(exitedOn, programme.followUpDays);
        const recorded = dueOn <= today;
        await tx.insert(followUps).values({
          enrolmentId: enrolment.id,
          dueOn,
          status: recorded ? pick(random, demoFollowUpStatuses) : null,
          recordedOn: recorded ? dueOn : null,
          recordedBy: recorded ? coordinator.id : null,
        });
      }
      // Step 1 at start; later steps in parallel as the participant progresses.
      const reached = 1 + Math.floor(random() * 5);
      for (const step of steps.filter((s) => s.ordinal <= reached)) {
        const startedOn = earlier(addDays(startsOn, (step.ordinal - 1) * 21), exitedOn ?? today);
        const endedOn =
          exitedOn ?? (step.ordinal < reached - 1 ? earlier(addDays(startedOn, 20), today) : null);
        const [taken] = await tx
          .insert(enrolmentSteps)
          .values({
            enrolmentId: enrolment.id,
            stepId: step.id,
            startedOn,
            endedOn,
            createdBy: coordinator.id,
          })
          .returning();
        if (taken && step.id === baseStep.id) {
          // Some of the base checklist is done, a little more for every participant in turn.
          const done = checklistItems.slice(0, i % (checklistItems.length + 1));
          if (done.length > 0)
            await tx.insert(checklistTicks).values(
              done.map((item, n) => ({
                enrolmentStepId: taken.id,
                itemId: item.id,
                tickedOn: earlier(addDays(startedOn, 2 + n * 3), endedOn ?? today),
                tickedBy: coordinator.id,
              })),
            );
        }
      }
      // Every enrolment has an action plan; one in Haninge was last reviewed long ago, so its warning shows.
      const stale = !staleShown && !exitedOn && centreIndex === 0 && startsOn <= addDays(today, -90);
      if (stale) staleShown = true;
      await seedPlan(tx, {
        enrolmentId: enrolment.id,
        index: i,
        startsOn,
        exitedOn,
        today,
        stale,
        staffId: coordinator.id,
        steps,
      });
      if (i === 23) {
        // One participant withdrew consent: the record stays, read-only.
        await tx
          .update(consents)
          .set({ withdrawnOn: earlier(addDays(startsOn, 30), today), withdrawnBy: coordinator.id })
          .where(eq(consents.participantId, participant.id));
      }
    }
    await seedAlumni(tx, {
      programmeId: programme.id,
      programmeStartsOn: programme.startsOn,
      followUpDays: programme.followUpDays,
      centres: centreRows,
      coordinators: coordinators.flatMap((c) => (c ? [c.id] : [])),
      groups,
      steps,
      numbers,
      sun,
      today,
    });
    const leader = (email: string) => userRows.find((u) => u.email === email)?.id ?? '';
    await seedActivities(tx, {
      programmeId: programme.id,
      programmeStartsOn: programme.startsOn,
      programmeEndsOn: programme.endsOn,
      centreId: cHaninge.id,
      steps,
      targetGroups: groups,
      leaders: {
        language: leader('sprakpedagog@haninge.example'),
        coordinator: leader('samordnare@haninge.example'),
        social: leader('socialkonsulent@haninge.example'),
      },
      today,
    });
    // The plans were seeded before the catalogue existed.
    await linkDemoGoalsToActivities(tx, programme.id);
    await seedEmployers(tx, today);
    await seedPlacements(tx, today);
    // After the groups, placements and their members exist.
    await seedAttendance(tx, today);
    await seedSurvey(tx, programme.id, leader('programledare@haninge.example'), today);
  });
  return demoLogins(db);
}

const alumniOutcomes: ExitOutcome[] = [
  'work_permanent',
  'work_fixed_term',
  'work_fixed_term',
  'work_subsidised',
  'studies_adult_education',
  'studies_adult_education',
  'studies_vocational',
  'studies_folk_high_school',
  'studies_university',
  'own_business',
  'parental_leave',
  'moved',
  'ill_health',
  'other',
];

/**
 * Sixty people who went through the programme since it started and left it at least 100 days ago, so their
 * follow-ups are recorded: what gives the dashboard its exits, outcomes, shares at follow-up and months. One
 * has protected identity; some live in a neighbouring municipality. A generator of their own keeps the rest of
 * the demo as it was.
 */
async function seedAlumni(
  tx: Executor,
  p: {
    programmeId: string;
    programmeStartsOn: string;
    followUpDays: number;
    centres: { id: string; municipalityCode: string; name: string }[];
    coordinators: string[];
    groups: { id: string; kind: string; maxDurationMonths: number }[];
    steps: { id: string; ordinal: number; name: string }[];
    numbers: string[];
    sun: string[];
    today: string;
  },
) {
  const random = seededRandom(20_250_101);
  const latestExit = addDays(p.today, -100);
  for (let i = 0; i < 60; i++) {
    const centreIndex = i % 3;
    const centre = p.centres[centreIndex];
    const coordinator = p.coordinators[centreIndex];
    if (!centre || !coordinator) throw new Error('centre without coordinator');
    const exitedOn = addDays(latestExit, -Math.floor(random() * 420));
    const startsOn = later(addDays(exitedOn, -(60 + Math.floor(random() * 300))), p.programmeStartsOn);
    // A programme that started too recently has no one who has left it this long ago.
    if (addDays(startsOn, 30) > exitedOn) continue;
    // Numbers after the ones the other participants have, so none is taken twice.
    const pin = parseIdentityNumber(p.numbers[((60 + i) * 331) % p.numbers.length] ?? '');
    if (!pin.ok) throw new Error('a test number did not parse');
    const gender = pin.value.legalGender === 'female' ? 'female' : 'male';
    const firstName = pick(random, firstNames[gender]);
    const lastName = pick(random, lastNames);
    const education = random() < 0.1 ? null : pick(random, p.sun);
    const protectedIdentity = i === 31;
    const neighbour = p.centres[(centreIndex + 1) % p.centres.length];
    const municipalityCode =
      random() < 0.2 && neighbour ? neighbour.municipalityCode : centre.municipalityCode;
    const [participant] = await tx
      .insert(participants)
      .values({
        identityType: pin.value.kind,
        personalIdentityNumber: pin.value.normalised,
        birthDate: pin.value.birthDate,
        legalGender: gender,
        firstName,
        lastName,
        sortName: personSortKey(firstName, lastName),
        searchText: personSearchText(firstName, lastName, pin.value.normalised),
        preferredLanguage: pick(
          random,
          languageCodes.filter((l) => l !== 'sv'),
        ),
        interpreterNeeded: random() < 0.3,
        phone: `073-${String(1_000_000 + i * 6133).slice(1)}`,
        streetAddress: protectedIdentity ? null : `Demovägen ${i + 1}`,
        postalCode: protectedIdentity ? null : `137 ${String(30 + (i % 60)).padStart(2, '0')}`,
        city: protectedIdentity ? null : centre.name.replace('Etableringscentrum ', ''),
        municipalityCode,
        educationLevelCode: education,
        protectedIdentity,
        centreId: centre.id,
        createdBy: coordinator,
      })
      .returning();
    if (!participant) throw new Error('participant not created');
    await tx
      .insert(participantStaff)
      .values({ participantId: participant.id, userId: coordinator, isContact: true });
    await tx.insert(referrals).values({
      participantId: participant.id,
      programmeId: p.programmeId,
      centreId: centre.id,
      referringOfficer: 'Ida Arbetsförmedlare',
      referringOffice: 'Arbetsförmedlingen Haninge',
      referredOn: addDays(startsOn, -14),
      basis: 'establishment_programme',
      status: 'enrolled',
      createdBy: coordinator,
    });
    await tx.insert(consents).values({
      participantId: participant.id,
      participation: true,
      dataSharing: true,
      funderReporting: true,
      givenOn: startsOn,
      method: 'paper',
      language: participant.preferredLanguage ?? 'sv',
      recordedBy: coordinator,
    });
    const kind = targetGroupKindForEducation(education) ?? 'short_educated';
    const group = p.groups.find((g) => g.kind === kind);
    if (!group) throw new Error('target group missing');
    const exitOutcome = pick(random, alumniOutcomes);
    const toWork = exitOutcome.startsWith('work');
    const [enrolment] = await tx
      .insert(enrolments)
      .values({
        participantId: participant.id,
        programmeId: p.programmeId,
        centreId: centre.id,
        targetGroupId: group.id,
        targetGroupOverrideReason: education === null ? 'Utbildningsnivå okänd vid inskrivning' : null,
        startsOn,
        plannedEndOn: plannedEndDate(startsOn, group.maxDurationMonths),
        labourMarketStatus: demoLabourMarketStatus(60 + i, pin.value.birthDate, startsOn),
        exitedOn,
        exitOutcome,
        exitOrganisation: toWork
          ? pick(random, ['Haninge Vård och Omsorg AB', 'Tyresö Bygg AB', 'Nynäs Logistik AB'])
          : null,
        exitReason:
          toWork || exitOutcome.startsWith('studies')
            ? 'Fick arbete eller studieplats'
            : 'Lämnade programmet',
        exitedBy: coordinator,
        createdBy: coordinator,
      })
      .returning();
    if (!enrolment) throw new Error('enrolment not created');
    // Most who left for work or studies are still there at follow-up; some of the others have found work since.
    const stayed = !['parental_leave', 'moved', 'ill_health', 'other'].includes(exitOutcome);
    const status: FollowUpStatus = stayed
      ? random() < 0.8
        ? toWork
          ? 'work'
          : exitOutcome === 'own_business'
            ? 'own_business'
            : 'studies'
        : pick(random, ['seeking_work', 'unreachable'] as const)
      : pick(random, ['work', 'seeking_work', 'other', 'unreachable'] as const);
    const dueOn = addDays(exitedOn, p.followUpDays);
    const [followUp] = await tx
      .insert(followUps)
      .values({ enrolmentId: enrolment.id, dueOn, status, recordedOn: dueOn, recordedBy: coordinator })
      .returning();
    if (followUp && status === 'unreachable')
      await tx.insert(followUpAttempts).values({
        followUpId: followUp.id,
        attemptedOn: addDays(dueOn, -3),
        method: 'phone',
        reached: false,
        note: 'Inget svar',
        attemptedBy: coordinator,
      });
    const reached = 2 + Math.floor(random() * 5);
    for (const step of p.steps.filter((s) => s.ordinal <= reached)) {
      const startedOn = earlier(addDays(startsOn, (step.ordinal - 1) * 21), exitedOn);
      await tx.insert(enrolmentSteps).values({
        enrolmentId: enrolment.id,
        stepId: step.id,
        startedOn,
        endedOn: step.ordinal < reached ? earlier(addDays(startedOn, 20), exitedOn) : exitedOn,
        createdBy: coordinator,
      });
    }
    await seedPlan(tx, {
      enrolmentId: enrolment.id,
      index: 60 + i,
      startsOn,
      exitedOn,
      today: p.today,
      stale: false,
      staffId: coordinator,
      steps: p.steps,
    });
  }
}

async function demoLogins(db: Executor): Promise<DemoLogin[]> {
  const rows = await db
    .select({ email: users.email, role: users.role, name: users.name, centre: centres.name })
    .from(users)
    .innerJoin(userCentres, eq(userCentres.userId, users.id))
    .innerJoin(centres, eq(centres.id, userCentres.centreId));
  const byEmail = new Map<string, DemoLogin>();
  for (const r of rows.filter((r) => r.email.endsWith('.example'))) {
    const existing = byEmail.get(r.email);
    const centreName = r.centre.replace('Etableringscentrum ', '');
    if (existing) existing.centres += `, ${centreName}`;
    else byEmail.set(r.email, { email: r.email, role: r.role, name: r.name, centres: centreName });
  }
  return [...byEmail.values()];
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * A plan of 2–4 goals, mixed terms and statuses, picked by the participant's index (not the seeded generator,
 * so the rest of the demo stays as it was): created two weeks after the start, reviewed since (or, when `stale`,
 * 75 days ago), and closed at exit with its open goals ended then. Its history tells the same story.
 */
async function seedPlan(
  tx: Executor,
  p: {
    enrolmentId: string;
    index: number;
    startsOn: string;
    exitedOn: string | null;
    today: string;
    stale: boolean;
    staffId: string;
    steps: { id: string; ordinal: number; name: string }[];
  },
) {
  const until = p.exitedOn ?? p.today;
  const createdOn = earlier(addDays(p.startsOn, 14), until);
  const reviewedOn = p.stale
    ? addDays(p.today, -75)
    : earlier(later(createdOn, addDays(p.today, -((p.index * 11) % 45))), until);
  const at = (date: string) => new Date(`${date}T10:00:00+01:00`);
  const [plan] = await tx
    .insert(actionPlans)
    .values({
      enrolmentId: p.enrolmentId,
      // One version per history row below: created, then reviewed or updated, then closed.
      version: 1 + (reviewedOn > createdOn ? 1 : 0) + (p.exitedOn ? 1 : 0),
      reviewedOn,
      reviewedBy: p.staffId,
      closedOn: p.exitedOn,
      createdBy: p.staffId,
    })
    .returning();
  if (!plan) throw new Error('plan not created');
  const picked = Array.from({ length: 2 + (p.index % 3) }, (_, n) => {
    const template = demoGoals[(p.index + n * 2) % demoGoals.length];
    const status = demoGoalStatuses[(p.index + n) % demoGoalStatuses.length];
    if (!template || !status) throw new Error('no demo goal');
    return { ...template, status: reviewedOn > createdOn ? status : 'planned' };
  });
  const goals = await tx
    .insert(planGoals)
    .values(
      picked.map((g, n) => ({
        planId: plan.id,
        ordinal: n + 1,
        term: g.term,
        description: g.description,
        targetOn: addDays(p.startsOn, g.term === 'short' ? 60 + n * 30 : 300),
        ownerUserId: n % 2 === 0 ? null : p.staffId,
        status: g.status,
        occupationCode: g.occupation,
        endedOn: g.status === 'achieved' || g.status === 'dropped' ? reviewedOn : p.exitedOn,
      })),
    )
    .returning();
  const links = goals.flatMap((goal, n) => {
    const step = p.steps.find((s) => s.ordinal === picked[n]?.step);
    return step ? [{ goalId: goal.id, stepId: step.id }] : [];
  });
  if (links.length > 0) await tx.insert(planGoalSteps).values(links);

  const history: {
    kind: 'created' | 'updated' | 'reviewed' | 'closed';
    on: string;
    changes: PlanChange[];
  }[] = [
    {
      kind: 'created',
      on: createdOn,
      changes: goals.map((g) => ({
        goalId: g.id,
        goal: g.description,
        field: 'goal',
        from: null,
        to: g.description,
      })),
    },
  ];
  if (reviewedOn > createdOn) {
    const changes: PlanChange[] = goals
      .filter((g) => g.status !== 'planned')
      .map((g) => ({ goalId: g.id, goal: g.description, field: 'status', from: 'planned', to: g.status }));
    history.push({ kind: changes.length > 0 ? 'updated' : 'reviewed', on: reviewedOn, changes });
  }
  if (p.exitedOn) {
    const changes: PlanChange[] = goals
      .filter((g) => g.status === 'planned' || g.status === 'in_progress')
      .map((g) => ({ goalId: g.id, goal: g.description, field: 'goal', from: g.status, to: null }));
    history.push({ kind: 'closed', on: p.exitedOn, changes });
  }
  await tx.insert(planChanges).values(
    history.map((h, n) => ({
      planId: plan.id,
      version: n + 1,
      kind: h.kind,
      changes: h.changes,
      changedBy: p.staffId,
      changedAt: at(h.on),
    })),
  );
}

/** The catalogue's activities that serve each demo goal, by the goal's description. */
const demoGoalActivities: Record<string, string[]> = {
  'Klara SFI kurs C': ['SFI-stöd/språkfrämjande'],
  'Öppna bankkonto och skaffa BankID': ['Rusta: digital kompetens', 'Samhällsorientering'],
  'Arbete som undersköterska i hemtjänsten': ['Jobbförberedande grupp', 'Praktik'],
  'Praktik på lager i Jordbro': ['Praktik'],
  'Yrkesutbildning till barnskötare': ['Jobbförberedande grupp'],
  'Anställning som kock': ['Jobbförberedande grupp'],
};

/** Links the goals of the programme's plans to the activities that serve them. */
async function linkDemoGoalsToActivities(tx: Executor, programmeId: string) {
  const catalogue = await tx
    .select({ id: activities.id, name: activities.name })
    .from(activities)
    .where(eq(activities.programmeId, programmeId));
  const goals = await tx
    .select({ id: planGoals.id, description: planGoals.description })
    .from(planGoals)
    .innerJoin(actionPlans, eq(actionPlans.id, planGoals.planId))
    .innerJoin(enrolments, eq(enrolments.id, actionPlans.enrolmentId))
    .where(eq(enrolments.programmeId, programmeId));
  const links = goals.flatMap((goal) =>
    (demoGoalActivities[goal.description] ?? []).flatMap((name) => {
      const activity = catalogue.find((a) => a.name === name);
      return activity ? [{ goalId: goal.id, activityId: activity.id }] : [];
    }),
  );
  if (links.length > 0) await tx.insert(planGoalActivities).values(links);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Attendance at every demo session held before today, from a seeded generator of its own (so the rest of the
 * demo stays as it was): mostly present, some late, some absent with a reason, recorded by the leader.
 */
async function seedAttendance(tx: Executor, today: string) {
  const random = seededRandom(20_261_122);
  const lateBy = [5, 10, 10, 20, 30, 45];
  const reasons = ['ill', 'ill', 'ill', 'sick_child', 'authority_appointment', 'none', 'other'] as const;
  const otherReasons = ['Begravning', 'Flytt till ny bostad', 'Anställningsintervju'];
  const rows = await attendanceRepo.membersOfSessionsBefore(tx, today);
  await attendanceRepo.insertMany(
    tx,
    rows.map((row) => {
      const roll = random();
      const mark =
        roll < 0.82
          ? { status: 'present' as const, lateMinutes: null, reason: null, reasonText: null }
          : roll < 0.91
            ? { status: 'late' as const, lateMinutes: pick(random, lateBy), reason: null, reasonText: null }
            : (() => {
                const reason = pick(random, reasons);
                const reasonText = reason === 'other' ? pick(random, otherReasons) : null;
                return { status: 'absent' as const, lateMinutes: null, reason, reasonText };
              })();
      return {
        sessionId: row.sessionId,
        enrolmentId: row.enrolmentId,
        status: mark.status,
        lateMinutes: mark.lateMinutes,
        absenceReason: mark.reason,
        reasonText: mark.reasonText,
        attendedMinutes: attendedMinutes(sessionMinutes(row.startTime, row.endTime), mark),
        recordedBy: row.leaderId,
      };
    }),
  );
}

// ---------------------------------------------------------------- activities, closure days and groups

export type DemoGroup = {
  group: typeof activityGroups.$inferSelect;
  sessions: (typeof groupSessions.$inferSelect)[];
  members: (typeof groupMembers.$inferSelect)[];
};

/**
 * Etableringscentrum's activity catalogue, its civic orientation target (200 hours), two closure days (a
 * planning day next week and the summer closure week) and four groups at Haninge that started eight weeks
 * before `today` and run twelve weeks after, with their generated sessions and the centre's enrolled
 * participants as members. Returns the groups so attendance can be added to their sessions.
 */
export async function seedActivities(
  tx: Executor,
  p: {
    programmeId: string;
    programmeStartsOn: string;
    programmeEndsOn: string;
    centreId: string;
    steps: { id: string; ordinal: number }[];
    targetGroups: { id: string; kind: string }[];
    leaders: { language: string; coordinator: string; social: string };
    today: string;
  },
): Promise<DemoGroup[]> {
  await tx
    .update(programmes)
    .set({ civicOrientationTargetHours: 200 })
    .where(eq(programmes.id, p.programmeId));
  const step = (ordinal: number) => p.steps.find((s) => s.ordinal === ordinal)?.id ?? null;
  const targetGroup = (kind: string) => p.targetGroups.find((g) => g.kind === kind)?.id ?? '';
  const catalogue = [
    {
      name: 'SFI-stöd/språkfrämjande',
      type: 'language_promotion',
      stepId: step(3),
      plannedHours: 200,
      deliveryLanguage: 'sv',
      interpreter: false,
      description: 'Språkträning som stöd till SFI, med vardags- och arbetslivsord.',
      mandatory: ['short_educated'],
    },
    {
      name: 'Jobbförberedande grupp',
      type: 'job_preparation',
      stepId: step(5),
      plannedHours: 80,
      deliveryLanguage: 'sv',
      interpreter: false,
      description: 'CV, personligt brev, arbetsintervjuer och studiebesök hos arbetsgivare.',
      mandatory: ['upper_secondary_or_higher'],
    },
    {
      name: 'Samhällsorientering',
      type: 'civic_orientation',
      stepId: step(2),
      plannedHours: 120,
      deliveryLanguage: 'ar',
      interpreter: false,
      description: 'Samhällsorientering på modersmål enligt förordningen, minst 100 timmar.',
      mandatory: ['short_educated', 'upper_secondary_or_higher'],
    },
    {
      name: 'Rusta: digital kompetens',
      type: 'equip',
      stepId: step(4),
      plannedHours: 40,
      deliveryLanguage: 'sv',
      interpreter: true,
      description: 'BankID, 1177, Arbetsförmedlingens tjänster och e-post.',
      mandatory: [],
    },
    {
      name: 'Hälsa och friskvård',
      type: 'health',
      stepId: null,
      plannedHours: 30,
      deliveryLanguage: 'sv',
      interpreter: true,
      description: 'Promenadgrupp, kost och sömn, och hur vården fungerar.',
      mandatory: [],
    },
    {
      name: 'Praktik',
      type: 'internship',
      stepId: step(6),
      plannedHours: 320,
      deliveryLanguage: 'sv',
      interpreter: false,
      description: 'Arbetsplatsförlagd praktik med handledare.',
      mandatory: [],
    },
  ] as const;
  const activityRows = await tx
    .insert(activities)
    .values(catalogue.map(({ mandatory: _, ...a }) => ({ ...a, programmeId: p.programmeId })))
    .returning();
  await tx.insert(activityMandatoryTargetGroups).values(
    catalogue.flatMap((a, i) =>
      a.mandatory.map((kind) => ({
        activityId: activityRows[i]?.id ?? '',
        targetGroupId: targetGroup(kind),
      })),
    ),
  );

  const monday = addDays(p.today, 1 - isoWeekday(p.today));
  const summerYear = Number(p.today.slice(0, 4)) + (p.today.slice(5) > '07-01' ? 1 : 0);
  const summer = isoWeekRange(summerYear, 29).from;
  const closureDays = [
    { day: addDays(monday, 11), reason: 'Planeringsdag för personalen' },
    ...[0, 1, 2, 3, 4].map((n) => ({ day: addDays(summer, n), reason: 'Sommarstängt' })),
  ];
  await tx
    .insert(programmeClosureDays)
    .values(closureDays.map((c) => ({ ...c, programmeId: p.programmeId })));

  const startsOn = later(addDays(monday, -56), p.programmeStartsOn);
  const endsOn = earlier(addDays(monday, 84 + 4), p.programmeEndsOn);
  const activityId = (name: string) => activityRows.find((a) => a.name === name)?.id ?? '';
  const plans = [
    {
      activityId: activityId('SFI-stöd/språkfrämjande'),
      name: 'SFI-stöd tisdag och torsdag',
      leaderId: p.leaders.language,
      room: 'Sal 2',
      schedule: [
        { weekday: 2, startTime: '09:00', endTime: '12:00' },
        { weekday: 4, startTime: '09:00', endTime: '12:00' },
      ],
    },
    {
      activityId: activityId('Jobbförberedande grupp'),
      name: 'Jobbförberedande måndagar',
      leaderId: p.leaders.coordinator,
      room: 'Sal 1',
      schedule: [{ weekday: 1, startTime: '13:00', endTime: '15:30' }],
    },
    {
      activityId: activityId('Samhällsorientering'),
      name: 'Samhällsorientering på arabiska',
      leaderId: p.leaders.social,
      room: 'Sal 3',
      schedule: [
        { weekday: 3, startTime: '09:00', endTime: '12:00' },
        { weekday: 5, startTime: '09:00', endTime: '12:00' },
      ],
    },
    {
      activityId: activityId('Hälsa och friskvård'),
      name: 'Hälsa och friskvård torsdagar',
      leaderId: p.leaders.coordinator,
      room: 'Gymnastiksalen',
      schedule: [{ weekday: 4, startTime: '13:00', endTime: '15:00' }],
    },
  ];
  // Active enrolments at the centre whose consent stands: members of the groups, a few in each.
  const enrolled = await tx
    .select({ id: enrolments.id, startsOn: enrolments.startsOn })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.centreId, p.centreId),
        isNull(enrolments.exitedOn),
        sql`not exists (select 1 from ${consents} c
          where c.participant_id = ${enrolments.participantId} and c.withdrawn_on is not null)`,
      ),
    )
    .orderBy(asc(enrolments.startsOn), asc(enrolments.id));

  const result: DemoGroup[] = [];
  for (const [index, plan] of plans.entries()) {
    const [group] = await tx
      .insert(activityGroups)
      .values({ ...plan, centreId: p.centreId, startsOn, endsOn, createdBy: p.leaders.coordinator })
      .returning();
    if (!group) throw new Error('group not created');
    const planned = planGroupSessions(plan.schedule, startsOn, endsOn, closureDays);
    const civic = plan.name.startsWith('Samhällsorientering');
    const sessions = await tx
      .insert(groupSessions)
      .values(
        planned.sessions.map((s, n) => ({
          groupId: group.id,
          sessionDate: s.date,
          startTime: s.startTime,
          endTime: s.endTime,
          // Civic orientation sessions held so far record the areas they covered, one or two each.
          civicAreas: civic && s.date < p.today ? [...new Set([(n % 8) + 1, ((n + 3) % 8) + 1])] : [],
          guestEmployer: civic && n === 4 ? 'Haninge Bygg AB' : null,
        })),
      )
      .returning();
    const chosen = enrolled.filter((_, i) => i % plans.length === index || i % 3 === index);
    const members =
      chosen.length === 0
        ? []
        : await tx
            .insert(groupMembers)
            .values(
              chosen.map((e) => ({
                groupId: group.id,
                enrolmentId: e.id,
                joinedOn: later(e.startsOn, startsOn),
                createdBy: p.leaders.coordinator,
              })),
            )
            .returning();
    result.push({ group, sessions, members });
  }
  return result;
}

// ---------------------------------------------------------------- employers and openings

type DemoEmployer = {
  /** Nine digits; the Luhn check digit is added, so every number is valid (and invented). */
  base: string;
  name: string;
  industry: string;
  municipality: string;
  street: string;
  postalCode: string;
  city: string;
  offers: ('internships' | 'jobs' | 'civic_orientation' | 'job_preparation')[];
  contacts: { name: string; title: string; phone: string; email: string; active?: boolean }[];
  interactions: {
    kind: 'call' | 'visit' | 'meeting' | 'agreement';
    daysAgo: number;
    by: string;
    contact: number | null;
    note: string;
    nextStep?: string;
    nextStepInDays?: number;
  }[];
  openings: {
    kind: 'internship' | 'job';
    title: string;
    occupation: string;
    places: number;
    startsInDays: number | null;
    hours: number | null;
    sfi: 'A' | 'B' | 'C' | 'D' | 'completed' | null;
    licence?: boolean;
    education?: string;
    requirements?: string;
    status: 'open' | 'filled' | 'closed';
  }[];
};

const jobAgentEmail = 'jobbagent@tyreso.example';
const coordinatorHaninge = 'samordnare@haninge.example';
const coordinatorNynashamn = 'samordnare@nynashamn.example';
const coordinatorTyreso = 'samordnare@tyreso.example';

const demoEmployers: DemoEmployer[] = [
  {
    base: '559187340',
    name: 'Omsorgshuset Vendelsö AB',
    industry: '87',
    municipality: '0136',
    street: 'Vendelsövägen 12',
    postalCode: '136 70',
    city: 'Vendelsö',
    offers: ['internships', 'jobs'],
    contacts: [
      {
        name: 'Maria Lindqvist',
        title: 'Enhetschef',
        phone: '08-500 123 40',
        email: 'maria.lindqvist@omsorgshuset.example',
      },
      {
        name: 'Ahmed Yusuf',
        title: 'Handledare',
        phone: '070-412 33 10',
        email: 'ahmed.yusuf@omsorgshuset.example',
      },
    ],
    interactions: [
      {
        kind: 'visit',
        daysAgo: 60,
        by: jobAgentEmail,
        contact: 0,
        note: 'Besök på boendet, visning av avdelningarna.',
        nextStep: 'Skicka förslag på praktikanter',
        nextStepInDays: -45,
      },
      {
        kind: 'agreement',
        daysAgo: 30,
        by: jobAgentEmail,
        contact: 0,
        note: 'Överenskommelse om tre praktikplatser som undersköterska under våren.',
        nextStep: 'Uppföljning efter första månaden',
        nextStepInDays: 14,
      },
    ],
    openings: [
      {
        kind: 'internship',
        title: 'Praktik som undersköterska, äldreboende',
        occupation: '5321',
        places: 3,
        startsInDays: 14,
        hours: 30,
        sfi: 'C',
        requirements: 'Intresse för äldreomsorg. Handledare på plats.',
        status: 'open',
      },
      {
        kind: 'job',
        title: 'Undersköterska, timanställning',
        occupation: '5321',
        places: 2,
        startsInDays: 30,
        hours: 20,
        sfi: 'D',
        education: '3',
        requirements: 'Undersköterskeutbildning eller pågående vård- och omsorgsutbildning.',
        status: 'open',
      },
    ],
  },
  {
    base: '556812704',
    name: 'Jordbro Logistikcenter AB',
    industry: '52',
    municipality: '0136',
    street: 'Lagervägen 4',
    postalCode: '137 37',
    city: 'Västerhaninge',
    offers: ['internships', 'jobs', 'job_preparation'],
    contacts: [
      {
        name: 'Peter Nyström',
        title: 'Lagerchef',
        phone: '08-500 456 00',
        email: 'peter.nystrom@jordbrologistik.example',
      },
    ],
    interactions: [
      {
        kind: 'call',
        daysAgo: 45,
        by: jobAgentEmail,
        contact: 0,
        note: 'Behov av personal till varuplock under hösten.',
        nextStep: 'Boka möte',
        nextStepInDays: -38,
      },
      {
        kind: 'meeting',
        daysAgo: 36,
        by: coordinatorHaninge,
        contact: 0,
        note: 'Möte om praktik och jobbförberedande pass på lagret.',
      },
    ],
    openings: [
      {
        kind: 'internship',
        title: 'Praktik på lager, varuplock',
        occupation: '9332',
        places: 4,
        startsInDays: 7,
        hours: 40,
        sfi: 'B',
        requirements: 'Skyddsskor tillhandahålls.',
        status: 'open',
      },
      {
        kind: 'job',
        title: 'Lagerarbetare, kvällsskift',
        occupation: '4322',
        places: 2,
        startsInDays: 21,
        hours: 40,
        sfi: 'C',
        licence: false,
        requirements: 'Truckkort A+B är meriterande.',
        status: 'open',
      },
      {
        kind: 'job',
        title: 'Terminalarbetare',
        occupation: '4322',
        places: 1,
        startsInDays: -20,
        hours: 40,
        sfi: 'C',
        status: 'filled',
      },
    ],
  },
  {
    base: '559034128',
    name: 'Söderåkarna Transport AB',
    industry: '49',
    municipality: '0136',
    street: 'Åkervägen 21',
    postalCode: '136 50',
    city: 'Haninge',
    offers: ['jobs'],
    contacts: [
      {
        name: 'Lena Berg',
        title: 'Trafikledare',
        phone: '08-500 789 10',
        email: 'lena.berg@soderakarna.example',
      },
    ],
    interactions: [
      {
        kind: 'call',
        daysAgo: 20,
        by: jobAgentEmail,
        contact: 0,
        note: 'Söker lastbilsförare med C-körkort.',
        nextStep: 'Matcha deltagare med körkort',
        nextStepInDays: 7,
      },
    ],
    openings: [
      {
        kind: 'job',
        title: 'Lastbilsförare, distribution',
        occupation: '8332',
        places: 2,
        startsInDays: 30,
        hours: 40,
        sfi: 'C',
        licence: true,
        requirements: 'C-körkort och YKB.',
        status: 'open',
      },
    ],
  },
  {
    base: '769634215',
    name: 'Förskolekooperativet Solrosen ek. för.',
    industry: '85',
    municipality: '0138',
    street: 'Solrosvägen 3',
    postalCode: '135 40',
    city: 'Tyresö',
    offers: ['internships', 'civic_orientation'],
    contacts: [
      {
        name: 'Sara Holm',
        title: 'Förskolechef',
        phone: '08-712 34 50',
        email: 'sara.holm@solrosen.example',
      },
    ],
    interactions: [
      {
        kind: 'meeting',
        daysAgo: 25,
        by: coordinatorTyreso,
        contact: 0,
        note: 'Förskolan medverkar gärna i samhällsorienteringen om barnomsorg.',
        nextStep: 'Boka pass i samhällsorienteringen',
        nextStepInDays: 10,
      },
      {
        kind: 'agreement',
        daysAgo: 10,
        by: jobAgentEmail,
        contact: 0,
        note: 'Två praktikplatser som barnskötare.',
      },
    ],
    openings: [
      {
        kind: 'internship',
        title: 'Praktik som barnskötare',
        occupation: '5311',
        places: 2,
        startsInDays: 21,
        hours: 30,
        sfi: 'C',
        requirements: 'Utdrag ur belastningsregistret krävs.',
        status: 'open',
      },
    ],
  },
  {
    base: '559276418',
    name: 'Restaurang Brygghuset Tyresö AB',
    industry: '56',
    municipality: '0138',
    street: 'Strandvägen 8',
    postalCode: '135 60',
    city: 'Tyresö',
    offers: ['internships', 'jobs'],
    contacts: [
      {
        name: 'Nikos Papadopoulos',
        title: 'Köksmästare',
        phone: '070-555 21 30',
        email: 'nikos@brygghuset.example',
      },
      {
        name: 'Emma Sjöberg',
        title: 'Restaurangchef',
        phone: '070-555 21 31',
        email: 'emma@brygghuset.example',
        active: false,
      },
    ],
    interactions: [
      { kind: 'visit', daysAgo: 50, by: jobAgentEmail, contact: 1, note: 'Visning av köket.' },
      {
        kind: 'call',
        daysAgo: 5,
        by: jobAgentEmail,
        contact: 0,
        note: 'Ny köksmästare, fortsatt intresse av praktikanter.',
        nextStep: 'Skicka två kandidater',
        nextStepInDays: 5,
      },
    ],
    openings: [
      {
        kind: 'internship',
        title: 'Praktik som restaurangbiträde',
        occupation: '9412',
        places: 2,
        startsInDays: 10,
        hours: 30,
        sfi: 'B',
        status: 'open',
      },
      {
        kind: 'job',
        title: 'Kock, lunchservering',
        occupation: '5120',
        places: 1,
        startsInDays: 40,
        hours: 35,
        sfi: 'C',
        requirements: 'Erfarenhet av storkök.',
        status: 'open',
      },
      {
        kind: 'internship',
        title: 'Praktik i disken',
        occupation: '9412',
        places: 1,
        startsInDays: -60,
        hours: 25,
        sfi: null,
        status: 'closed',
      },
    ],
  },
  {
    base: '556743092',
    name: 'Nynäs Hemtjänst AB',
    industry: '88',
    municipality: '0192',
    street: 'Centralgatan 14',
    postalCode: '149 30',
    city: 'Nynäshamn',
    offers: ['internships', 'jobs', 'job_preparation'],
    contacts: [
      {
        name: 'Fatima Al-Sayed',
        title: 'Verksamhetschef',
        phone: '08-520 680 00',
        email: 'fatima.alsayed@nynashemtjanst.example',
      },
    ],
    interactions: [
      {
        kind: 'meeting',
        daysAgo: 40,
        by: coordinatorNynashamn,
        contact: 0,
        note: 'Genomgång av behovet inför sommaren.',
        nextStep: 'Jobbförberedande pass om hemtjänst',
        nextStepInDays: -10,
      },
      {
        kind: 'call',
        daysAgo: 12,
        by: jobAgentEmail,
        contact: 0,
        note: 'Bekräftade platser för sommarvikarier.',
      },
    ],
    openings: [
      {
        kind: 'job',
        title: 'Sommarvikarie i hemtjänsten',
        occupation: '5321',
        places: 4,
        startsInDays: 60,
        hours: 38,
        sfi: 'C',
        licence: true,
        requirements: 'B-körkort.',
        status: 'open',
      },
      {
        kind: 'internship',
        title: 'Praktik som vårdbiträde',
        occupation: '5330',
        places: 2,
        startsInDays: -30,
        hours: 30,
        sfi: 'B',
        status: 'filled',
      },
    ],
  },
  {
    base: '556921463',
    name: 'Hamnservice Nynäshamn AB',
    industry: '52',
    municipality: '0192',
    street: 'Hamngatan 2',
    postalCode: '149 45',
    city: 'Nynäshamn',
    offers: ['jobs'],
    contacts: [
      {
        name: 'Johan Ek',
        title: 'Personalansvarig',
        phone: '08-520 110 20',
        email: 'johan.ek@hamnservice.example',
      },
    ],
    interactions: [
      {
        kind: 'call',
        daysAgo: 70,
        by: coordinatorNynashamn,
        contact: 0,
        note: 'Första kontakt om lediga jobb i hamnen.',
      },
    ],
    openings: [
      {
        kind: 'job',
        title: 'Hamnarbetare',
        occupation: '9331',
        places: 2,
        startsInDays: null,
        hours: 40,
        sfi: 'C',
        requirements: 'Skiftarbete.',
        status: 'closed',
      },
    ],
  },
  {
    base: '559112876',
    name: 'Brandbergens Bygg & Snickeri AB',
    industry: '43',
    municipality: '0136',
    street: 'Industrivägen 9',
    postalCode: '136 55',
    city: 'Haninge',
    offers: ['internships'],
    contacts: [
      {
        name: 'Mikael Andersson',
        title: 'Arbetsledare',
        phone: '070-300 44 55',
        email: 'mikael@brandbergensbygg.example',
      },
    ],
    interactions: [
      {
        kind: 'visit',
        daysAgo: 15,
        by: jobAgentEmail,
        contact: 0,
        note: 'Besök på bygget i Handen.',
        nextStep: 'Praktikstart efter helgerna',
        nextStepInDays: 20,
      },
    ],
    openings: [
      {
        kind: 'internship',
        title: 'Praktik som snickare',
        occupation: '7111',
        places: 1,
        startsInDays: 20,
        hours: 40,
        sfi: 'B',
        requirements: 'Arbetskläder tillhandahålls.',
        status: 'open',
      },
    ],
  },
  {
    base: '556598231',
    name: 'Tyresö Städ & Fastighetsservice AB',
    industry: '81',
    municipality: '0138',
    street: 'Bollmoravägen 40',
    postalCode: '135 40',
    city: 'Tyresö',
    offers: ['internships', 'jobs', 'job_preparation'],
    contacts: [
      {
        name: 'Anna Kowalski',
        title: 'Driftchef',
        phone: '08-712 90 90',
        email: 'anna.kowalski@tyresostad.example',
      },
    ],
    interactions: [
      {
        kind: 'meeting',
        daysAgo: 8,
        by: jobAgentEmail,
        contact: 0,
        note: 'Intresse för jobbförberedande pass om städyrket.',
        nextStep: 'Planera pass',
        nextStepInDays: 14,
      },
    ],
    openings: [
      {
        kind: 'job',
        title: 'Städare, kontor',
        occupation: '9111',
        places: 3,
        startsInDays: 7,
        hours: 30,
        sfi: 'A',
        status: 'open',
      },
    ],
  },
  {
    base: '802487316',
    name: 'Idrottsföreningen Haninge Allians',
    industry: '93',
    municipality: '0136',
    street: 'Torvalla idrottsplats',
    postalCode: '136 46',
    city: 'Haninge',
    offers: ['civic_orientation'],
    contacts: [
      {
        name: 'Karim Haddad',
        title: 'Föreningsutvecklare',
        phone: '070-811 22 33',
        email: 'karim@haningeallians.example',
      },
    ],
    interactions: [
      {
        kind: 'meeting',
        daysAgo: 3,
        by: coordinatorHaninge,
        contact: 0,
        note: 'Föreningen presenterar föreningslivet i samhällsorienteringen.',
      },
    ],
    openings: [],
  },
];

/** Employers in Haninge, Nynäshamn and Tyresö with contacts, an interaction log and openings of all states. */
async function seedEmployers(tx: Executor, today: string) {
  const staff = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => {
    const found = staff.find((u) => u.email === email);
    if (!found) throw new Error(`demo user ${email} missing`);
    return found.id;
  };
  const createdBy = userId(jobAgentEmail);
  for (const e of demoEmployers) {
    const [employer] = await tx
      .insert(employers)
      .values({
        organisationNumber: `${e.base}${organisationNumberCheckDigit(e.base)}`,
        name: e.name,
        sortName: swedishSortKey(e.name),
        industryCode: e.industry,
        municipalityCode: e.municipality,
        streetAddress: e.street,
        postalCode: e.postalCode,
        city: e.city,
        offers: e.offers,
        createdBy,
      })
      .returning();
    if (!employer) throw new Error('no employer');
    const contacts =
      e.contacts.length === 0
        ? []
        : await tx
            .insert(employerContacts)
            .values(e.contacts.map((c) => ({ ...c, employerId: employer.id, active: c.active ?? true })))
            .returning();
    for (const i of e.interactions) {
      const occurredOn = addDays(today, -i.daysAgo);
      await tx.insert(employerInteractions).values({
        employerId: employer.id,
        kind: i.kind,
        occurredOn,
        contactId: i.contact === null ? null : (contacts[i.contact]?.id ?? null),
        note: i.note,
        nextStep: i.nextStep ?? null,
        nextStepOn: i.nextStepInDays === undefined ? null : addDays(today, i.nextStepInDays),
        userId: userId(i.by),
      });
    }
    if (e.openings.length > 0)
      await tx.insert(openings).values(
        e.openings.map((o) => ({
          employerId: employer.id,
          kind: o.kind,
          title: o.title,
          occupationCode: o.occupation,
          places: o.places,
          startsOn: o.startsInDays === null ? null : addDays(today, o.startsInDays),
          hoursPerWeek: o.hours,
          requiredSfiCourse: o.sfi,
          drivingLicenceRequired: o.licence ?? false,
          requiredEducationLevelCode: o.education ?? null,
          requirements: o.requirements ?? null,
          municipalityCode: e.municipality,
          status: o.status,
          createdBy,
        })),
      );
  }
}

// ---------------------------------------------------------------- placements

/**
 * Two internships at Omsorgshuset Vendelsö for Haninge participants, made as the service makes them (a group of
 * their own with the weekly days, the Praktik step open while it runs): one ongoing, one ended with both
 * evaluations. Attendance on their past days is seeded with everyone else's.
 */
async function seedPlacements(tx: Executor, today: string) {
  const [employer] = await tx.select().from(employers).where(eq(employers.name, 'Omsorgshuset Vendelsö AB'));
  if (!employer) throw new Error('demo employer missing');
  const [supervisor] = await tx
    .select()
    .from(employerContacts)
    .where(and(eq(employerContacts.employerId, employer.id), eq(employerContacts.name, 'Ahmed Yusuf')));
  const [opening] = await tx
    .select()
    .from(openings)
    .where(and(eq(openings.employerId, employer.id), eq(openings.kind, 'internship')));
  const [responsible] = await tx.select().from(users).where(eq(users.email, 'samordnare@haninge.example'));
  const [centre] = await tx.select().from(centres).where(eq(centres.name, 'Etableringscentrum Haninge'));
  if (!supervisor || !opening || !responsible || !centre) throw new Error('demo placement parts missing');
  const candidates = await tx
    .select({ enrolment: enrolments })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        eq(enrolments.centreId, centre.id),
        isNull(enrolments.exitedOn),
        eq(participants.protectedIdentity, false),
        sql`${enrolments.startsOn} <= ${addDays(today, -84)}`,
        sql`${enrolments.plannedEndOn} >= ${addDays(today, 60)}`,
        sql`not exists (select 1 from ${consents} where ${consents.participantId} = ${participants.id} and ${consents.withdrawnOn} is not null)`,
      ),
    )
    .orderBy(asc(participants.sortName))
    .limit(2);
  const [activity] = await tx
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.type, 'internship'),
        eq(activities.programmeId, candidates[0]?.enrolment.programmeId ?? ''),
      ),
    );
  if (candidates.length < 2 || !activity) throw new Error('demo placement participants missing');
  const schedule = [1, 2, 3, 4].map((weekday) => ({ weekday, startTime: '08:00', endTime: '16:00' }));
  const periods = [
    { startsOn: isoMonday(addDays(today, -21)), endsOn: addDays(today, 35), ended: false },
    { startsOn: isoMonday(addDays(today, -77)), endsOn: addDays(today, -14), ended: true },
  ];
  for (const [index, { enrolment }] of candidates.entries()) {
    const period = periods[index];
    if (!period) break;
    const plannedEnd = period.endsOn;
    const [group] = await tx
      .insert(activityGroups)
      .values({
        activityId: activity.id,
        centreId: centre.id,
        name: `Praktik: ${employer.name}`,
        leaderId: responsible.id,
        room: [employer.streetAddress, employer.city].filter(Boolean).join(', '),
        startsOn: period.startsOn,
        endsOn: plannedEnd,
        schedule,
        createdBy: responsible.id,
      })
      .returning();
    if (!group) throw new Error('no placement group');
    const planned = planGroupSessions(schedule, period.startsOn, plannedEnd, []);
    if (planned.sessions.length > 0)
      await tx.insert(groupSessions).values(
        planned.sessions.map((s) => ({
          groupId: group.id,
          sessionDate: s.date,
          startTime: s.startTime,
          endTime: s.endTime,
        })),
      );
    await tx.insert(groupMembers).values({
      groupId: group.id,
      enrolmentId: enrolment.id,
      joinedOn: period.startsOn,
      leftOn: period.ended ? plannedEnd : null,
      createdBy: responsible.id,
    });
    const [step] = activity.stepId
      ? await tx
          .insert(enrolmentSteps)
          .values({
            enrolmentId: enrolment.id,
            stepId: activity.stepId,
            startedOn: period.startsOn,
            endedOn: period.ended ? plannedEnd : null,
            createdBy: responsible.id,
          })
          .returning()
      : [];
    const [placement] = await tx
      .insert(placements)
      .values({
        enrolmentId: enrolment.id,
        employerId: employer.id,
        openingId: opening.id,
        groupId: group.id,
        supervisorId: supervisor.id,
        startsOn: period.startsOn,
        endsOn: plannedEnd,
        tasks:
          'Morgonrutiner på avdelningen, stöd vid måltider, samtal med de boende och dokumentation med handledaren.',
        status: period.ended ? 'ended' : 'ongoing',
        startedOn: period.startsOn,
        endedOn: period.ended ? plannedEnd : null,
        enrolmentStepId: step?.id ?? null,
        createdBy: responsible.id,
      })
      .returning();
    if (!placement) throw new Error('no placement');
    const [goal] = await tx
      .select({ id: planGoals.id })
      .from(planGoals)
      .innerJoin(actionPlans, eq(actionPlans.id, planGoals.planId))
      .where(eq(actionPlans.enrolmentId, enrolment.id))
      .limit(1);
    if (goal) await tx.insert(placementGoals).values({ placementId: placement.id, goalId: goal.id });
    if (period.ended) {
      const ratings = {
        punctuality: 5,
        cooperation: 4,
        initiative: 3,
        work_tasks: 4,
        swedish_at_work: 3,
        safety: 5,
      };
      await tx.insert(placementEvaluations).values([
        {
          placementId: placement.id,
          kind: 'midpoint',
          heldOn: addDays(period.startsOn, 31),
          ratings: { ...ratings, initiative: 2, work_tasks: 3 },
          summary:
            'Kommer i tid och är omtyckt av de boende. Behöver ta egna initiativ i det dagliga arbetet.',
          nextSteps: 'Ansvara för morgonfikat två dagar i veckan.',
          recordedBy: responsible.id,
        },
        {
          placementId: placement.id,
          kind: 'final',
          heldOn: plannedEnd,
          ratings,
          summary:
            'Har vuxit i rollen och tar nu egna initiativ. Handledaren rekommenderar vårdbiträdesutbildning.',
          nextSteps: 'Ansöka till vård- och omsorgsprogrammet på Komvux.',
          recordedBy: responsible.id,
        },
      ]);
    }
  }
  // One alumnus who went to work there: the exit names the employer.
  const [alumnus] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.centreId, centre.id), eq(enrolments.exitOutcome, 'work_fixed_term')))
    .orderBy(asc(enrolments.exitedOn))
    .limit(1);
  if (alumnus)
    await tx
      .update(enrolments)
      .set({ exitEmployerId: employer.id, exitOrganisation: employer.name })
      .where(eq(enrolments.id, alumnus.id));
}

/** The Monday of the ISO week a date falls in. */
/**
 * One open satisfaction survey in Swedish, English and Arabic, with a link for the civic-orientation group and
 * 30 anonymous answers spread over the last two weeks, so the results read as the source article's: 97 % very
 * satisfied with the civic orientation (29 of 30) and 80 % who know better what it takes to get a job (24 of 30).
 */
async function seedSurvey(tx: Executor, programmeId: string, managerId: string, today: string) {
  const [group] = await tx
    .select({ id: activityGroups.id })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .where(and(eq(activities.programmeId, programmeId), eq(activities.type, 'civic_orientation')))
    .orderBy(asc(activityGroups.startsOn))
    .limit(1);
  if (!group) return;
  const [survey] = await tx
    .insert(surveys)
    .values({
      programmeId,
      titles: {
        sv: 'Vad tycker du om samhällsorienteringen?',
        en: 'What do you think of the civic orientation?',
        ar: 'ما رأيك في التوجيه المجتمعي؟',
      },
      languages: ['sv', 'en', 'ar'],
      status: 'open',
      createdBy: managerId,
    })
    .returning();
  if (!survey) return;
  const questions = await tx
    .insert(surveyQuestions)
    .values([
      {
        surveyId: survey.id,
        ordinal: 1,
        kind: 'scale' as const,
        required: true,
        texts: {
          sv: 'Hur nöjd är du med samhällsorienteringen?',
          en: 'How satisfied are you with the civic orientation?',
          ar: 'ما مدى رضاك عن التوجيه المجتمعي؟',
        },
      },
      {
        surveyId: survey.id,
        ordinal: 2,
        kind: 'yes_no' as const,
        required: true,
        texts: {
          sv: 'Vet du bättre nu vad som krävs för att få ett jobb?',
          en: 'Do you now know better what it takes to get a job?',
          ar: 'هل تعرف الآن بشكل أفضل ما يلزم للحصول على عمل؟',
        },
      },
      {
        surveyId: survey.id,
        ordinal: 3,
        kind: 'free_text' as const,
        required: false,
        texts: { sv: 'Vad kan vi göra bättre?', en: 'What can we do better?', ar: 'ما الذي يمكننا تحسينه؟' },
      },
    ])
    .returning();
  const [scale, yesNo, free] = questions.sort((a, b) => a.ordinal - b.ordinal);
  if (!scale || !yesNo || !free) return;
  const [link] = await tx
    .insert(surveyLinks)
    .values({
      surveyId: survey.id,
      token: randomBytes(18).toString('base64url'),
      groupId: group.id,
      createdBy: managerId,
    })
    .returning();
  if (!link) return;
  const comments: Record<number, { language: string; text: string }> = {
    2: { language: 'sv', text: 'Mer tid för frågor om bostad.' },
    7: { language: 'en', text: 'More visits to workplaces, please.' },
    11: { language: 'ar', text: 'أريد المزيد من المعلومات عن الرعاية الصحية.' },
    19: { language: 'sv', text: 'Bra med tolk på arabiska.' },
    26: { language: 'ar', text: 'شكرًا للمرشدة، كانت ممتازة.' },
  };
  const languages = ['ar', 'ar', 'sv', 'ar', 'en', 'ar', 'sv', 'en', 'ar', 'ar'] as const;
  for (let i = 0; i < 30; i++) {
    const [response] = await tx
      .insert(surveyResponses)
      .values({
        surveyId: survey.id,
        linkId: link.id,
        language: comments[i]?.language ?? languages[i % 10] ?? 'sv',
        submittedOn: addDays(today, -(i % 14)),
      })
      .returning({ id: surveyResponses.id });
    if (!response) continue;
    const comment = comments[i];
    await tx.insert(surveyAnswers).values([
      { responseId: response.id, questionId: scale.id, scale: i === 13 ? 4 : 5 },
      // Six of thirty not yet sure: 80 % yes.
      { responseId: response.id, questionId: yesNo.id, yes: i % 5 !== 3 },
      ...(comment ? [{ responseId: response.id, questionId: free.id, text: comment.text }] : []),
    ]);
  }
}

function isoMonday(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
