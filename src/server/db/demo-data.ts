import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { personSearchText, personSortKey } from '../../core/collation.ts';
import { addDays, plannedEndDate } from '../../core/dates.ts';
import type { ExitOutcome, FollowUpStatus, ReferralBasis, Role } from '../../core/enums.ts';
import { languageCodes } from '../../core/languages.ts';
import { parseIdentityNumber } from '../../core/personal-identity-number.ts';
import { targetGroupKindForEducation } from '../../core/target-group.ts';
import { hashPassword } from '../features/auth/password.ts';
import type { Db, Executor } from './client.ts';
import {
  centres,
  checklistTicks,
  consents,
  educationLevels,
  enrolmentSteps,
  enrolments,
  followUps,
  organisations,
  participantStaff,
  participants,
  programmeCentres,
  programmeOrganisations,
  programmeSteps,
  programmes,
  referrals,
  stepChecklistItems,
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
      const referredOn = addDays(today, -(10 + ((i * 13) % 300)));
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
      if (i === 23) {
        // One participant withdrew consent: the record stays, read-only.
        await tx
          .update(consents)
          .set({ withdrawnOn: earlier(addDays(startsOn, 30), today), withdrawnBy: coordinator.id })
          .where(eq(consents.participantId, participant.id));
      }
    }
  });
  return demoLogins(db);
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
