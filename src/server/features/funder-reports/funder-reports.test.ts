import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.ts';
import type { LabourMarketStatus, LegalGender } from '../../../core/enums.ts';
import type {
  Cofinancing,
  CommonIndicators,
  MonthlyFile,
  MonthlyFileOverview,
} from '../../../core/schemas/funder-report.schema.ts';
import { queryRows } from '../../db/client.ts';
import { attendance, consents, enrolments, participants, programmes } from '../../db/schema.ts';
import {
  createCentre,
  createGroup,
  createOrganisation,
  createProgramme,
  createSession,
  insertCohortPerson,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';
import type { Actor } from '../auth/actor.ts';
import { monthlyOverview } from './funder-reports.service.ts';

// A generated cohort whose right answers this file computes by itself, in plain JavaScript over the cohort's
// definitions, and compares with what the reports compute (the bands and the masked number included).

let t: TestContext;
let organisation: { id: string };
let centre: { id: string };
let manager: Session;
let managerActor: Actor;
let cohortProgramme: Programme;
type Programme = Awaited<ReturnType<typeof createProgramme>>;

type Person = {
  key: number;
  legalGender: LegalGender;
  birthDate: string | null;
  /** null: a reserve identity. */
  pin: string | null;
  protectedIdentity: boolean;
  educationLevelCode: string | null;
  labourMarketStatus: LabourMarketStatus | null;
  consent: 'given' | 'withdrawn' | 'none';
  startsOn: string;
  exitedOn: string | null;
  firstName: string;
  lastName: string;
};
type Inserted = Person & { participantId: string; enrolmentId: string };
const cohort: Inserted[] = [];

/** mulberry32: the same cohort on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

let pinSerial = 0;
function pinFor(birthDate: string): string {
  pinSerial += 1;
  return `${birthDate.replaceAll('-', '')}${String(1000 + pinSerial).slice(-4)}`;
}

/** A programme owned by the test's organisation (the factory picks any organisation as owner). */
async function newProgramme(changes: Partial<typeof programmes.$inferInsert> = {}): Promise<Programme> {
  const created = await createProgramme(t.db, [centre.id]);
  await t.db
    .update(programmes)
    .set({ ownerOrganisationId: organisation.id, ...changes })
    .where(eq(programmes.id, created.programme.id));
  return created;
}

let personSerial = 0;
/** A person enrolled in the programme with exactly the given data, built on the cohort factory. */
async function insertPerson(programme: Programme, person: Omit<Person, 'key'> & { key?: number }) {
  const participantId = await insertCohortPerson(t.db, manager.userId, {
    legalGender: person.legalGender,
    centreId: centre.id,
    municipalityCode: '0136',
    protectedIdentity: person.protectedIdentity,
    assignedTo: [],
    enrolment: {
      programmeId: programme.programme.id,
      centreId: centre.id,
      targetGroupId: programme.short.id,
      startsOn: person.startsOn,
      plannedEndOn: plusDays(person.startsOn, 365),
      exitedOn: person.exitedOn,
      exitOutcome: person.exitedOn ? 'work_permanent' : null,
      steps: [],
      followUp: null,
    },
  });
  await t.db
    .update(participants)
    .set({
      ...(person.pin
        ? {
            identityType: 'personal_identity_number',
            personalIdentityNumber: person.pin,
            reserveNumber: null,
          }
        : {}),
      birthDate: person.birthDate,
      educationLevelCode: person.educationLevelCode,
      firstName: person.firstName,
      lastName: person.lastName,
    })
    .where(eq(participants.id, participantId));
  const [enrolment] = await t.db
    .update(enrolments)
    .set({ labourMarketStatus: person.labourMarketStatus })
    .where(eq(enrolments.participantId, participantId))
    .returning({ id: enrolments.id });
  if (person.consent !== 'none') {
    await t.db.insert(consents).values({
      participantId,
      participation: true,
      dataSharing: true,
      funderReporting: true,
      givenOn: '2024-12-01',
      method: 'paper',
      language: 'sv',
      recordedBy: manager.userId,
      withdrawnOn: person.consent === 'withdrawn' ? '2025-01-15' : null,
      withdrawnBy: person.consent === 'withdrawn' ? manager.userId : null,
    });
  }
  personSerial += 1;
  return { key: personSerial, ...person, participantId, enrolmentId: enrolment?.id ?? '' } as Inserted;
}

/** A complete, unremarkable person: tests change what they are about. */
function plainPerson(overrides: Partial<Person> = {}): Omit<Person, 'key'> {
  const birthDate = overrides.birthDate === undefined ? '1985-03-15' : overrides.birthDate;
  return {
    legalGender: 'female',
    birthDate,
    pin: birthDate ? pinFor(birthDate) : null,
    protectedIdentity: false,
    educationLevelCode: '316',
    labourMarketStatus: 'unemployed',
    consent: 'given',
    startsOn: '2025-01-13',
    exitedOn: null,
    firstName: 'Amal',
    lastName: `Haile ${randomUUID().slice(0, 4)}`,
    ...overrides,
  };
}

const educationCodes = [
  '001',
  '106',
  '206',
  '316',
  '337',
  '410',
  '412',
  '413',
  '417',
  '526',
  '557',
  '640',
  null,
];
const statuses: (LabourMarketStatus | null)[] = [
  'employed',
  'unemployed',
  'unemployed',
  'long_term_unemployed',
  'long_term_unemployed',
  'inactive_in_education',
  'inactive_not_in_education',
  null,
];

beforeAll(async () => {
  t = await createTestApp();
  organisation = await createOrganisation(t.db);
  centre = await createCentre(t.db, organisation.id);
  manager = await createSession(t.app, t.db, 'programme_manager', [centre.id], organisation.id);
  managerActor = {
    userId: manager.userId,
    sessionId: randomUUID(),
    name: 'Test programme_manager',
    email: 'manager@test.example',
    role: 'programme_manager',
    organisationId: organisation.id,
    centreIds: [centre.id],
  };
  // The programme runs 2025; some stay on into 2026 and leave after its end.
  cohortProgramme = await newProgramme({
    endsOn: '2025-12-31',
    cofinancingHourlyRate: 137.5,
    funderProjectNumber: '2024/00042',
  });

  const random = seeded(20_250_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let i = 0; i < 96; i++) {
    const legalGender = pick(['female', 'female', 'female', 'male', 'male', 'male', 'unknown'] as const);
    const reserve = random() < 0.12;
    const birthDate =
      reserve && random() < 0.5
        ? null
        : `${1948 + Math.floor(random() * 60)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    // Two start before the programme does; the rest through its first eight months.
    const startsOn =
      i < 2 ? plusDays('2024-12-10', i * 7) : plusDays('2025-01-02', Math.floor(random() * 240));
    const exitCandidate = plusDays(startsOn, 15 + Math.floor(random() * 420));
    const exitedOn = random() < 0.6 ? exitCandidate : null;
    const protectedIdentity = !reserve && random() < 0.12;
    const person: Omit<Person, 'key'> = {
      legalGender,
      birthDate,
      pin: !reserve && birthDate ? pinFor(birthDate) : null,
      protectedIdentity,
      educationLevelCode: pick(educationCodes),
      labourMarketStatus: pick(statuses),
      consent: random() < 0.85 ? 'given' : pick(['withdrawn', 'none'] as const),
      startsOn,
      exitedOn,
      firstName: pick(['Hodan', 'Dawit', 'Sara', 'Omar', 'Lina']),
      lastName: `Kohort${i}`,
    };
    cohort.push(await insertPerson(cohortProgramme, person));
  }
});
afterAll(() => t.close());

// ---------------------------------------------------------------- the right answers, computed here

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10);
}

function ageBand(p: Person): string {
  if (!p.birthDate) return 'unknown';
  const birth = new Date(`${p.birthDate}T00:00:00Z`);
  const start = new Date(`${p.startsOn}T00:00:00Z`);
  let age = start.getUTCFullYear() - birth.getUTCFullYear();
  if (
    start.getUTCMonth() < birth.getUTCMonth() ||
    (start.getUTCMonth() === birth.getUTCMonth() && start.getUTCDate() < birth.getUTCDate())
  )
    age -= 1;
  return age < 25 ? 'under_25' : age <= 54 ? 'from_25_to_54' : 'over_54';
}

const educationOf: Record<string, string> = {
  '001': 'isced_0_2',
  '106': 'isced_0_2',
  '206': 'isced_0_2',
  '316': 'isced_3_4',
  '337': 'isced_3_4',
  '410': 'isced_3_4',
  '412': 'isced_5_8',
  '413': 'isced_3_4',
  '417': 'isced_5_8',
  '526': 'isced_5_8',
  '557': 'isced_5_8',
  '640': 'isced_5_8',
};
const education = (p: Person) =>
  p.educationLevelCode ? (educationOf[p.educationLevelCode] ?? '?') : 'unknown';

function identityOf(p: Person): string | null {
  if (!p.protectedIdentity) return p.pin;
  if (!p.birthDate || p.legalGender === 'unknown') return null;
  return `${p.birthDate.slice(0, 4)}${p.birthDate.slice(5, 7)}${p.birthDate.slice(8, 10)}TF${p.legalGender === 'female' ? 2 : 1}9`;
}

function expectedRows(people: readonly Inserted[], month: string) {
  const end = lastDay(month);
  const inMonth = people.filter((p) => p.startsOn.slice(0, 7) === month || p.exitedOn?.slice(0, 7) === month);
  const rows = inMonth.map((p) => ({
    enrolmentId: p.enrolmentId,
    participantId: p.protectedIdentity ? null : p.participantId,
    identityNumber: identityOf(p),
    masked: p.protectedIdentity,
    legalGender: p.legalGender,
    startsOn: p.startsOn,
    endsOn: p.exitedOn !== null && p.exitedOn <= end ? p.exitedOn : null,
    ageBand: ageBand(p),
    education: education(p),
    labourMarketStatus: p.labourMarketStatus,
  }));
  const key = (r: (typeof rows)[number]) =>
    `${r.endsOn ?? r.startsOn}|${r.identityNumber ?? '\uffff'}|${r.enrolmentId}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function expectedProblems(p: Person, programme: { startsOn: string; endsOn: string }): string[] {
  return [
    p.pin ? null : 'no_personal_identity_number',
    p.birthDate ? null : 'no_birth_date',
    p.legalGender === 'unknown' ? 'unknown_legal_gender' : null,
    p.educationLevelCode ? null : 'no_education_level',
    p.labourMarketStatus ? null : 'no_labour_market_status',
    p.consent === 'given' ? null : 'no_funder_reporting_consent',
    p.startsOn < programme.startsOn || p.startsOn > programme.endsOn ? 'start_outside_programme' : null,
    p.exitedOn && p.exitedOn > programme.endsOn ? 'exit_outside_programme' : null,
  ].filter((x): x is string => x !== null);
}

function expectedCheck(people: readonly Inserted[], programme: { startsOn: string; endsOn: string }) {
  return people
    .map((p) => ({
      participantId: p.protectedIdentity ? null : p.participantId,
      enrolmentId: p.enrolmentId,
      name: p.protectedIdentity ? (identityOf(p) ?? 'Skyddad identitet') : `${p.firstName} ${p.lastName}`,
      problems: expectedProblems(p, programme),
    }))
    .filter((p) => p.problems.length > 0);
}

const cohortPeriod = { startsOn: '2025-01-01', endsOn: '2025-12-31' };

function counts(people: readonly Person[]) {
  const by = (g: LegalGender) => people.filter((p) => p.legalGender === g).length;
  return { female: by('female'), male: by('male'), unknown: by('unknown'), total: people.length };
}

function expectedIndicators(from: string, to: string) {
  const starters = cohort.filter((p) => p.startsOn >= from && p.startsOn <= to);
  const cells = new Map<string, number>();
  for (const p of starters) {
    const key = [p.legalGender, ageBand(p), education(p), p.labourMarketStatus ?? 'unknown'].join('|');
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const status = (p: Person) => p.labourMarketStatus ?? 'unknown';
  return {
    starters,
    total: counts(starters),
    byAgeBand: ['under_25', 'from_25_to_54', 'over_54', 'unknown'].map((key) => ({
      key,
      counts: counts(starters.filter((p) => ageBand(p) === key)),
    })),
    byEducation: ['isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown'].map((key) => ({
      key,
      counts: counts(starters.filter((p) => education(p) === key)),
    })),
    byLabourMarketStatus: [
      'employed',
      'unemployed',
      'long_term_unemployed',
      'inactive_in_education',
      'inactive_not_in_education',
      'unknown',
    ].map((key) => ({ key, counts: counts(starters.filter((p) => status(p) === key)) })),
    cells: [...cells.entries()]
      .map(([key, count]) => {
        const [legalGender, ageBand, education, labourMarketStatus] = key.split('|');
        return { legalGender, ageBand, education, labourMarketStatus, count };
      })
      .sort(byJson),
  };
}

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

const base = (programme: Programme) => `/api/programmes/${programme.programme.id}/funder-reports`;

async function getMonth(session: Session, programme: Programme, month: string): Promise<MonthlyFile> {
  const response = await session.get(`${base(programme)}/monthly/${month}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MonthlyFile;
}

async function overview(programme: Programme): Promise<MonthlyFileOverview> {
  const response = await manager.get(`${base(programme)}/monthly`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MonthlyFileOverview;
}

/** The CSV as rows of cells: BOM stripped, split on `;`, quotes taken off. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1').replaceAll('""', '"')));
}

const genderLabel: Record<string, string> = { female: 'Kvinna', male: 'Man', unknown: 'Okänt' };
const ageLabel: Record<string, string> = {
  under_25: 'Under 25 år',
  from_25_to_54: '25–54 år',
  over_54: 'Över 54 år',
  unknown: 'Okänd',
};
const educationLabel: Record<string, string> = {
  isced_0_2: 'ISCED 0–2 förgymnasial',
  isced_3_4: 'ISCED 3–4 gymnasial',
  isced_5_8: 'ISCED 5–8 eftergymnasial',
  unknown: 'Okänd',
};
const statusLabel: Record<string, string> = {
  employed: 'Anställd eller egenföretagare',
  unemployed: 'Arbetslös',
  long_term_unemployed: 'Långtidsarbetslös',
  inactive_in_education: 'Inaktiv, i utbildning',
  inactive_not_in_education: 'Inaktiv, inte i utbildning',
  unknown: 'Okänd',
};

/** A row of the file as text, the way the CSV gives it. */
function fileRow(project: string, r: MonthlyFile['rows'][number]): string[] {
  return [
    project,
    r.identityNumber ?? '',
    genderLabel[r.legalGender] ?? '?',
    r.startsOn,
    r.endsOn ?? '',
    ageLabel[r.ageBand] ?? '?',
    educationLabel[r.education] ?? '?',
    r.labourMarketStatus ? (statusLabel[r.labourMarketStatus] ?? '?') : '',
  ];
}

const monthlyHeaders = [
  'Projektnummer',
  'Personnummer',
  'Kön',
  'Startdatum',
  'Slutdatum',
  'Åldersgrupp',
  'Utbildningsnivå (ISCED)',
  'Arbetsmarknadsstatus vid start',
];

const accessLogCount = async (what: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(distinct participant_id)::int as n from access_log where what = ${what}`,
    )
  )[0]?.n;

// ---------------------------------------------------------------- the tests

describe('the monthly participant file', () => {
  it('gives who started and who ended in the month, in date order, with the bands and the check', async () => {
    // The cohort is varied enough for the comparison to mean something.
    expect(cohort.filter((p) => p.protectedIdentity).length).toBeGreaterThan(3);
    expect(cohort.filter((p) => !p.pin).length).toBeGreaterThan(3);
    expect(cohort.filter((p) => p.exitedOn && p.exitedOn > '2025-12-31').length).toBeGreaterThan(3);
    let compared = 0;
    for (const month of ['2024-12', '2025-02', '2025-05', '2025-08', '2025-10', '2026-01']) {
      const file = await getMonth(manager, cohortProgramme, month);
      const want = expectedRows(cohort, month);
      expect(want.length, month).toBeGreaterThan(1);
      compared += want.length;
      expect(file.rows, month).toEqual(want);
      expect(file.month).toBe(month);
      expect(file.programme).toEqual({
        id: cohortProgramme.programme.id,
        name: cohortProgramme.programme.name,
        funderProjectNumber: '2024/00042',
      });
      expect(file.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const inFile = cohort.filter((p) => want.some((r) => r.enrolmentId === p.enrolmentId));
      const check = expectedCheck(inFile, cohortPeriod);
      const order = (id: string) => want.findIndex((r) => r.enrolmentId === id);
      check.sort((a, b) => order(a.enrolmentId) - order(b.enrolmentId));
      expect(file.check).toEqual({ mode: 'warn', blocked: false, participants: check });
    }
    expect(compared).toBeGreaterThan(40);
    // Someone who started in one month and ended in a later one is in both, with the end date only in the later.
    const both = cohort.find(
      (p) => p.exitedOn && p.exitedOn.slice(0, 7) > p.startsOn.slice(0, 7) && p.startsOn >= '2025-01-01',
    );
    if (!both?.exitedOn) throw new Error('the cohort lacks someone who left in a later month');
    const started = await getMonth(manager, cohortProgramme, both.startsOn.slice(0, 7));
    const ended = await getMonth(manager, cohortProgramme, both.exitedOn.slice(0, 7));
    expect(started.rows.find((r) => r.enrolmentId === both.enrolmentId)?.endsOn).toBeNull();
    expect(ended.rows.find((r) => r.enrolmentId === both.enrolmentId)?.endsOn).toBe(both.exitedOn);
  });

  it('logs access to everyone in the month, and the same rows give the same fingerprint', async () => {
    const enrolled = new Set(expectedRows(cohort, '2025-03').map((r) => r.enrolmentId));
    const people = [
      ...new Set(cohort.filter((p) => enrolled.has(p.enrolmentId)).map((p) => p.participantId)),
    ];
    const logged = async () =>
      (
        await queryRows<{ participant_id: string }>(
          t.db,
          sql`select participant_id from access_log where what = 'funderReport.monthly'
            and user_id = ${manager.userId} and action = 'read'`,
        )
      ).map((r) => r.participant_id);
    const before = await logged();
    const first = await getMonth(manager, cohortProgramme, '2025-03');
    const after = await logged();
    expect(after.length - before.length).toBe(people.length);
    for (const id of people)
      expect(after.filter((x) => x === id).length - before.filter((x) => x === id).length).toBe(1);
    const again = await getMonth(manager, cohortProgramme, '2025-03');
    expect(again.fingerprint).toBe(first.fingerprint);
    expect((await getMonth(manager, cohortProgramme, '2025-04')).fingerprint).not.toBe(first.fingerprint);
  });

  it('exports CSV and XLSX whose rows are the JSON rows, with a neutralised project number', async () => {
    const programme = await newProgramme({ funderProjectNumber: '=1+1' });
    const people = [
      await insertPerson(programme, plainPerson({ startsOn: '2025-03-03' })),
      await insertPerson(
        programme,
        plainPerson({ startsOn: '2025-03-10', legalGender: 'male', birthDate: '2003-07-01' }),
      ),
      await insertPerson(
        programme,
        plainPerson({ startsOn: '2025-01-20', exitedOn: '2025-03-05', educationLevelCode: '412' }),
      ),
      await insertPerson(
        programme,
        plainPerson({ startsOn: '2025-03-10', labourMarketStatus: null, pin: null }),
      ),
    ];
    const json = await getMonth(manager, programme, '2025-03');
    expect(json.rows.map((r) => r.enrolmentId)).toEqual(
      [people[0], people[2], people[1], people[3]].map((p) => p?.enrolmentId),
    );

    const csv = await manager.get(`${base(programme)}/monthly/2025-03?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="esf-manadsfil-1-1-2025-03.csv"');
    const lines = parseCsv(csv.body);
    expect(lines[0]).toEqual(monthlyHeaders);
    expect(lines.slice(1)).toEqual(json.rows.map((r) => fileRow("'=1+1", r)));

    const xlsx = await manager.get(`${base(programme)}/monthly/2025-03?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="esf-manadsfil-1-1-2025-03.xlsx"');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet[0]).toEqual(monthlyHeaders);
    const cellText = (cell: unknown) =>
      cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : String(cell);
    expect(sheet.slice(1).map((row) => row.map(cellText))).toEqual(json.rows.map((r) => fileRow("'=1+1", r)));
    // Exports are logged as such.
    expect(await accessLogCount('funderReport.monthly.export')).toBeGreaterThanOrEqual(people.length);
  });

  it('masks a protected person: birth date and TF29 for a woman, TF19 for a man, no name anywhere', async () => {
    const programme = await newProgramme();
    const woman = await insertPerson(
      programme,
      plainPerson({
        protectedIdentity: true,
        birthDate: '1990-04-02',
        startsOn: '2025-02-03',
        firstName: 'Hemliga',
        lastName: 'Skyddadsdotter',
        labourMarketStatus: null,
      }),
    );
    const man = await insertPerson(
      programme,
      plainPerson({
        protectedIdentity: true,
        legalGender: 'male',
        birthDate: '1979-11-30',
        startsOn: '2025-02-04',
        firstName: 'Dolde',
        lastName: 'Skyddadsson',
      }),
    );
    const file = await getMonth(manager, programme, '2025-02');
    expect(file.rows.map((r) => [r.identityNumber, r.masked])).toEqual([
      ['19900402TF29', true],
      ['19791130TF19', true],
    ]);
    // The check names her by the masked number only, without the id that would link to her.
    expect(file.check.participants).toEqual([
      {
        participantId: null,
        enrolmentId: woman.enrolmentId,
        name: '19900402TF29',
        problems: ['no_labour_market_status'],
      },
    ]);
    const names = [
      woman.firstName,
      woman.lastName,
      man.firstName,
      man.lastName,
      woman.pin,
      man.pin,
      woman.participantId,
      man.participantId,
    ];
    const json = (await manager.get(`${base(programme)}/monthly/2025-02`)).body;
    const csv = (await manager.get(`${base(programme)}/monthly/2025-02?format=csv`)).body;
    const xlsx = await readSheet(
      (await manager.get(`${base(programme)}/monthly/2025-02?format=xlsx`)).rawPayload,
    );
    const xlsxText = JSON.stringify(xlsx);
    for (const name of names) {
      expect(json).not.toContain(name);
      expect(csv).not.toContain(name);
      expect(xlsxText).not.toContain(name);
    }
    expect(csv).toContain('"19900402TF29";"Kvinna"');
    expect(csv).toContain('"19791130TF19";"Man"');
    expect(xlsxText).toContain('19791130TF19');
  });

  it('answers 400 naming the field, 401, 403 for a coordinator or another organisation, and 404', async () => {
    const url = `${base(cohortProgramme)}/monthly/2025-03`;
    const badMonth = await manager.get(`${base(cohortProgramme)}/monthly/2025-13`);
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.fields[0].field).toBe('month');
    const badFormat = await manager.get(`${url}?format=pdf`);
    expect(badFormat.json().error.fields[0].field).toBe('format');
    const badFingerprint = await manager.post(`${url}/submissions`, { fingerprint: 'abc' });
    expect(badFingerprint.statusCode).toBe(400);
    expect(badFingerprint.json().error.fields[0].field).toBe('fingerprint');
    expect(badFingerprint.json().error.fields[0].message).toMatch(/^Fingeravtryck /);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `${base(cohortProgramme)}/monthly` })).statusCode).toBe(
      401,
    );
    const coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
    const otherOrganisation = await createOrganisation(t.db);
    const elsewhere = await createSession(
      t.app,
      t.db,
      'programme_manager',
      [(await createCentre(t.db, otherOrganisation.id)).id],
      otherOrganisation.id,
    );
    for (const session of [coordinator, elsewhere]) {
      for (const path of [url, `${url}?format=csv`, `${base(cohortProgramme)}/monthly`]) {
        const response = await session.get(path);
        expect(response.statusCode, path).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      const fingerprint = (await getMonth(manager, cohortProgramme, '2025-03')).fingerprint;
      expect((await session.post(`${url}/submissions`, { fingerprint })).statusCode).toBe(403);
    }
    const missing = `/api/programmes/${randomUUID()}/funder-reports/monthly`;
    expect((await manager.get(missing)).statusCode).toBe(404);
    expect((await manager.get(`${missing}/2025-03`)).statusCode).toBe(404);
    expect(
      (await manager.post(`${missing}/2025-03/submissions`, { fingerprint: 'a'.repeat(64) })).statusCode,
    ).toBe(404);
  });
  it('answers months and periods far from the programme’s without a server error', async () => {
    const early = await getMonth(manager, cohortProgramme, '0001-01');
    expect([early.rows, early.status]).toEqual([[], 'not_submitted']);
    const late = await getMonth(manager, cohortProgramme, '9999-12');
    expect([late.rows, late.status]).toEqual([[], 'not_due']);
    const wide = await manager.get(`${base(cohortProgramme)}/indicators?from=0001-01-01&to=9999-12-31`);
    expect(wide.statusCode).toBe(200);
    expect((wide.json() as CommonIndicators).total.total).toBe(cohort.length);
    const lastYear = await manager.get(`${base(cohortProgramme)}/cofinancing?from=9999-01-01&to=9999-12-31`);
    expect((lastYear.json() as Cofinancing).months.map((m) => m.month).at(-1)).toBe('9999-12');
  });
});

describe('submitting the monthly files and correcting them', () => {
  it('follows Statistics Sweden’s rule: a corrected month makes every later one due again', async () => {
    const programme = await newProgramme();
    const jan = await insertPerson(programme, plainPerson({ startsOn: '2025-01-13' }));
    await insertPerson(programme, plainPerson({ startsOn: '2025-01-27', legalGender: 'male' }));
    await insertPerson(programme, plainPerson({ startsOn: '2025-02-10' }));
    await insertPerson(programme, plainPerson({ startsOn: '2025-03-03', exitedOn: '2025-03-28' }));
    const submit = async (month: string) => {
      const { fingerprint } = await getMonth(manager, programme, month);
      const response = await manager.post(`${base(programme)}/monthly/${month}/submissions`, { fingerprint });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as MonthlyFile;
    };
    const states = async () =>
      Object.fromEntries(
        (await overview(programme)).months
          .filter((m) => m.month <= '2025-04')
          .map((m) => [m.month, [m.status, m.becauseOf]]),
      );

    expect(await states()).toEqual({
      '2025-01': ['not_submitted', null],
      '2025-02': ['not_submitted', null],
      '2025-03': ['not_submitted', null],
      '2025-04': ['not_submitted', null],
    });
    const sentJan = await submit('2025-01');
    expect(sentJan.status).toBe('submitted');
    await submit('2025-02');
    await submit('2025-03');
    const all = await overview(programme);
    expect(
      all.months.slice(0, 4).map((m) => [m.status, m.started, m.ended, m.lastSubmission?.rowCount]),
    ).toEqual([
      ['submitted', 2, 0, 2],
      ['submitted', 1, 0, 1],
      ['submitted', 1, 1, 1],
      ['not_submitted', 0, 0, undefined],
    ]);
    expect(all.months[0]?.lastSubmission?.submittedBy).toBe('Test programme_manager');

    // January's data changes after it was sent.
    await t.db.update(enrolments).set({ startsOn: '2025-01-20' }).where(eq(enrolments.id, jan.enrolmentId));
    expect(await states()).toEqual({
      '2025-01': ['changed', null],
      '2025-02': ['resubmit', '2025-01'],
      '2025-03': ['resubmit', '2025-01'],
      '2025-04': ['not_submitted', null],
    });
    expect((await getMonth(manager, programme, '2025-02')).status).toBe('resubmit');

    await submit('2025-01');
    expect(await states()).toEqual({
      '2025-01': ['submitted', null],
      '2025-02': ['resubmit', '2025-01'],
      '2025-03': ['resubmit', '2025-01'],
      '2025-04': ['not_submitted', null],
    });
    expect((await submit('2025-02')).status).toBe('submitted');
    expect(await states()).toEqual({
      '2025-01': ['submitted', null],
      '2025-02': ['submitted', null],
      '2025-03': ['resubmit', '2025-01'],
      '2025-04': ['not_submitted', null],
    });
    expect((await submit('2025-03')).status).toBe('submitted');
    expect(Object.values(await states()).map((s) => s[0])).toEqual([
      'submitted',
      'submitted',
      'submitted',
      'not_submitted',
    ]);
  });

  it('refuses a stale fingerprint and a month that has not ended', async () => {
    const programme = await newProgramme();
    const person = await insertPerson(programme, plainPerson({ startsOn: '2025-05-05' }));
    const seen = await getMonth(manager, programme, '2025-05');
    await t.db
      .update(enrolments)
      .set({ labourMarketStatus: 'employed' })
      .where(eq(enrolments.id, person.enrolmentId));
    const stale = await manager.post(`${base(programme)}/monthly/2025-05/submissions`, {
      fingerprint: seen.fingerprint,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_REPORT');
    expect(stale.json().error.message).toContain('ändrats');
    const thisMonth = todayInSweden().slice(0, 7);
    const current = await getMonth(manager, programme, thisMonth);
    expect(current.status).toBe('not_due');
    const early = await manager.post(`${base(programme)}/monthly/${thisMonth}/submissions`, {
      fingerprint: current.fingerprint,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('MONTH_NOT_ENDED');
    const submissions = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from funder_file_submissions where programme_id = ${programme.programme.id}`,
    );
    expect(submissions[0]?.n).toBe(0);
  });

  it('lists every month from the programme’s start to today, the current one not due', async () => {
    const programme = await newProgramme();
    await insertPerson(programme, plainPerson({ startsOn: '2025-02-03', exitedOn: '2025-04-30' }));
    const pinned = await monthlyOverview(t.db, managerActor, programme.programme.id, '2025-04-15');
    expect(pinned.months.map((m) => [m.month, m.status, m.started, m.ended])).toEqual([
      ['2025-01', 'not_submitted', 0, 0],
      ['2025-02', 'not_submitted', 1, 0],
      ['2025-03', 'not_submitted', 0, 0],
      ['2025-04', 'not_due', 0, 1],
    ]);
    const now = await overview(programme);
    expect(now.months[0]?.month).toBe('2025-01');
    expect(now.months.at(-1)?.month).toBe(todayInSweden().slice(0, 7));
    expect(now.months.at(-1)?.status).toBe('not_due');
  });
});

describe('the check before export', () => {
  it('warns and exports, or refuses export and submission, as the programme says', async () => {
    const programme = await newProgramme({ funderReportCheck: 'refuse' });
    const lacking = await insertPerson(
      programme,
      plainPerson({ startsOn: '2025-06-02', labourMarketStatus: null, consent: 'withdrawn' }),
    );
    await insertPerson(programme, plainPerson({ startsOn: '2025-06-09' }));
    const file = await getMonth(manager, programme, '2025-06');
    expect(file.check).toEqual({
      mode: 'refuse',
      blocked: true,
      participants: [
        {
          participantId: lacking.participantId,
          enrolmentId: lacking.enrolmentId,
          name: `${lacking.firstName} ${lacking.lastName}`,
          problems: ['no_labour_market_status', 'no_funder_reporting_consent'],
        },
      ],
    });
    for (const path of [
      `${base(programme)}/monthly/2025-06?format=csv`,
      `${base(programme)}/monthly/2025-06?format=xlsx`,
      `${base(programme)}/indicators?from=2025-06-01&to=2025-06-30&format=csv`,
    ]) {
      const refused = await manager.get(path);
      expect(refused.statusCode, path).toBe(409);
      expect(refused.json().error.code).toBe('EXPORT_BLOCKED');
    }
    const indicators = await manager.get(`${base(programme)}/indicators?from=2025-06-01&to=2025-06-30`);
    expect((indicators.json() as CommonIndicators).check.blocked).toBe(true);
    const submission = await manager.post(`${base(programme)}/monthly/2025-06/submissions`, {
      fingerprint: file.fingerprint,
    });
    expect(submission.json().error.code).toBe('EXPORT_BLOCKED');

    await t.db
      .update(programmes)
      .set({ funderReportCheck: 'warn' })
      .where(eq(programmes.id, programme.programme.id));
    const warned = await getMonth(manager, programme, '2025-06');
    expect(warned.check.mode).toBe('warn');
    expect(warned.check.blocked).toBe(false);
    expect(warned.check.participants).toHaveLength(1);
    expect((await manager.get(`${base(programme)}/monthly/2025-06?format=csv`)).statusCode).toBe(200);
    expect(
      (await manager.get(`${base(programme)}/indicators?from=2025-06-01&to=2025-06-30&format=xlsx`))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await manager.post(`${base(programme)}/monthly/2025-06/submissions`, {
          fingerprint: warned.fingerprint,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('the common indicators', () => {
  it('counts those who started, by gender × age × education × labour-market status, with the marginals', async () => {
    const today = todayInSweden();
    for (const [query, from, to] of [
      ['', '2025-01-01', today],
      ['?from=2024-12-01&to=2025-04-30', '2024-12-01', '2025-04-30'],
      ['?from=2025-05-01', '2025-05-01', today],
    ] as const) {
      const response = await manager.get(`${base(cohortProgramme)}/indicators${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json() as CommonIndicators;
      const want = expectedIndicators(from, to);
      expect(want.total.total, query).toBeGreaterThan(15);
      expect(report.from).toBe(from);
      expect(report.to).toBe(to);
      expect(report.total).toEqual(want.total);
      expect(report.byAgeBand).toEqual(want.byAgeBand);
      expect(report.byEducation).toEqual(want.byEducation);
      expect(report.byLabourMarketStatus).toEqual(want.byLabourMarketStatus);
      expect([...report.cells].sort(byJson)).toEqual(want.cells);
      const check = expectedCheck(want.starters, cohortPeriod);
      const byEnrolment = (a: { enrolmentId: string }, b: { enrolmentId: string }) =>
        a.enrolmentId < b.enrolmentId ? -1 : 1;
      expect([...report.check.participants].sort(byEnrolment)).toEqual(check.sort(byEnrolment));
    }
    // Every band occurs in the cohort.
    const all = expectedIndicators('2024-01-01', '2026-12-31');
    for (const part of [all.byAgeBand, all.byEducation, all.byLabourMarketStatus])
      for (const p of part) expect(p.counts.total, p.key).toBeGreaterThan(0);
  });

  it('exports the cross-table with Swedish labels, one row per combination', async () => {
    const json = (
      await manager.get(`${base(cohortProgramme)}/indicators?from=2025-01-01&to=2025-06-30`)
    ).json() as CommonIndicators;
    const csv = await manager.get(
      `${base(cohortProgramme)}/indicators?from=2025-01-01&to=2025-06-30&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="esf-indikatorer-2025-01-01-2025-06-30.csv"',
    );
    const lines = parseCsv(csv.body);
    expect(lines[0]).toEqual([
      'Kön',
      'Åldersgrupp',
      'Utbildningsnivå (ISCED)',
      'Arbetsmarknadsstatus vid start',
      'Antal deltagare',
    ]);
    const fromJson = json.cells.map((c) => [
      genderLabel[c.legalGender],
      ageLabel[c.ageBand],
      educationLabel[c.education],
      statusLabel[c.labourMarketStatus],
      String(c.count),
    ]);
    expect(lines.slice(1)).toEqual(fromJson);
    const xlsx = await manager.get(
      `${base(cohortProgramme)}/indicators?from=2025-01-01&to=2025-06-30&format=xlsx`,
    );
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.slice(1).map((row) => row.map(String))).toEqual(fromJson);
    expect(fromJson.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(json.total.total);
  });

  it('answers 400 naming the field, 403 and 404', async () => {
    const backwards = await manager.get(`${base(cohortProgramme)}/indicators?from=2025-05-01&to=2025-04-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'to', code: 'end_before_start' });
    const beforeStart = await manager.get(`${base(cohortProgramme)}/indicators?to=2024-06-01`);
    expect(beforeStart.json().error.fields[0].field).toBe('to');
    const badDate = await manager.get(`${base(cohortProgramme)}/indicators?from=2025-02-30`);
    expect(badDate.json().error.fields[0].field).toBe('from');
    const coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
    expect((await coordinator.get(`${base(cohortProgramme)}/indicators`)).statusCode).toBe(403);
    expect((await coordinator.get(`${base(cohortProgramme)}/cofinancing`)).statusCode).toBe(403);
    expect((await manager.get(`/api/programmes/${randomUUID()}/funder-reports/indicators`)).statusCode).toBe(
      404,
    );
    expect((await manager.get(`/api/programmes/${randomUUID()}/funder-reports/cofinancing`)).statusCode).toBe(
      404,
    );
    const unauthenticated = await t.app.inject({
      method: 'GET',
      url: `${base(cohortProgramme)}/cofinancing`,
    });
    expect(unauthenticated.statusCode).toBe(401);
  });
});

describe('co-financing', () => {
  type Mark = { date: string; legalGender: LegalGender; minutes: number };
  const marks: Mark[] = [];

  beforeAll(async () => {
    const random = seeded(7_1125);
    const world = { centre, programme: cohortProgramme, caseworker: { userId: manager.userId } };
    const { sessions } = await createGroup(t.db, world, { startsOn: '2025-02-03', endsOn: '2025-04-30' });
    const other = await newProgramme();
    const elsewhere = await createGroup(
      t.db,
      { ...world, programme: other },
      { startsOn: '2025-02-03', endsOn: '2025-03-31' },
    );
    const members = cohort.filter((p) => p.startsOn < '2025-02-01').slice(0, 14);
    for (const session of sessions) {
      for (const member of members) {
        const r = random();
        const late = 5 + Math.floor(random() * 50);
        const values =
          r < 0.6
            ? { status: 'present' as const, attendedMinutes: 180 }
            : r < 0.8
              ? { status: 'late' as const, lateMinutes: late, attendedMinutes: 180 - late }
              : { status: 'absent' as const, absenceReason: 'ill' as const, attendedMinutes: 0 };
        await t.db.insert(attendance).values({
          sessionId: session.id,
          enrolmentId: member.enrolmentId,
          recordedBy: manager.userId,
          ...values,
        });
        marks.push({
          date: session.sessionDate,
          legalGender: member.legalGender,
          minutes: values.attendedMinutes,
        });
      }
    }
    // Attendance at another programme's activity never counts here.
    for (const session of elsewhere.sessions.slice(0, 5)) {
      await t.db.insert(attendance).values({
        sessionId: session.id,
        enrolmentId: members[0]?.enrolmentId ?? '',
        recordedBy: manager.userId,
        status: 'present',
        attendedMinutes: 180,
      });
    }
  });

  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  function expected(period: { from: string; to: string }, months: string[], rate: number | null) {
    const sum = (rows: Mark[], g?: LegalGender) =>
      rows.filter((m) => !g || m.legalGender === g).reduce((s, m) => s + m.minutes, 0);
    const part = (rows: Mark[]) => ({
      hours: {
        female: hours(sum(rows, 'female')),
        male: hours(sum(rows, 'male')),
        unknown: hours(sum(rows, 'unknown')),
        total: hours(sum(rows)),
      },
      amount: rate === null ? null : Math.round((sum(rows) * Math.round(rate * 100)) / 60) / 100,
    });
    const inPeriod = marks.filter((m) => m.date >= period.from && m.date <= period.to);
    return {
      months: months.map((month) => ({ month, ...part(inPeriod.filter((m) => m.date.startsWith(month))) })),
      total: part(inPeriod),
    };
  }

  it('sums attended hours per month by legal gender, times the hourly rate, rounded once', async () => {
    expect(new Set(marks.map((m) => m.date.slice(0, 7)))).toEqual(new Set(['2025-02', '2025-03', '2025-04']));
    expect(new Set(marks.map((m) => m.legalGender)).size).toBeGreaterThan(1);
    const response = await manager.get(`${base(cohortProgramme)}/cofinancing?from=2025-01-15&to=2025-05-31`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Cofinancing;
    const want = expected(
      { from: '2025-01-15', to: '2025-05-31' },
      ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'],
      137.5,
    );
    expect(report).toEqual({ from: '2025-01-15', to: '2025-05-31', hourlyRate: 137.5, ...want });
    expect(report.total.hours.total).toBeGreaterThan(100);

    // By default from the programme's start to today; every month listed.
    const whole = (await manager.get(`${base(cohortProgramme)}/cofinancing`)).json() as Cofinancing;
    expect(whole.from).toBe('2025-01-01');
    expect(whole.to).toBe(todayInSweden());
    expect(whole.total).toEqual(report.total);
    expect(whole.months[0]?.month).toBe('2025-01');

    // A single month, partly.
    const part = { from: '2025-03-10', to: '2025-03-20' };
    const march = await manager.get(`${base(cohortProgramme)}/cofinancing?from=${part.from}&to=${part.to}`);
    expect(march.json()).toEqual({ ...part, hourlyRate: 137.5, ...expected(part, ['2025-03'], 137.5) });
    expect((march.json() as Cofinancing).total.hours.total).toBeGreaterThan(0);
  });

  it('gives hours without amounts when the programme has no rate, and exports CSV and XLSX', async () => {
    await t.db
      .update(programmes)
      .set({ cofinancingHourlyRate: null })
      .where(eq(programmes.id, cohortProgramme.programme.id));
    try {
      const report = (
        await manager.get(`${base(cohortProgramme)}/cofinancing?from=2025-02-01&to=2025-04-30`)
      ).json() as Cofinancing;
      expect(report).toEqual({
        from: '2025-02-01',
        to: '2025-04-30',
        hourlyRate: null,
        ...expected({ from: '2025-02-01', to: '2025-04-30' }, ['2025-02', '2025-03', '2025-04'], null),
      });
    } finally {
      await t.db
        .update(programmes)
        .set({ cofinancingHourlyRate: 137.5 })
        .where(eq(programmes.id, cohortProgramme.programme.id));
    }
    const csv = await manager.get(
      `${base(cohortProgramme)}/cofinancing?from=2025-02-01&to=2025-04-30&format=csv`,
    );
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="esf-medfinansiering-2025-02-01-2025-04-30.csv"',
    );
    const want = expected({ from: '2025-02-01', to: '2025-04-30' }, ['2025-02', '2025-03', '2025-04'], 137.5);
    const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
    const lines = parseCsv(csv.body);
    expect(lines[0]).toEqual([
      'Månad',
      'Timmar kvinnor',
      'Timmar män',
      'Timmar okänt kön',
      'Timmar totalt',
      'Timpris (kr)',
      'Belopp (kr)',
    ]);
    expect(lines.slice(1)).toEqual(
      [...want.months, { month: 'Summa', ...want.total }].map((m) => [
        m.month,
        decimal(m.hours.female),
        decimal(m.hours.male),
        decimal(m.hours.unknown),
        decimal(m.hours.total),
        '137,5',
        decimal(m.amount),
      ]),
    );
    const xlsx = await manager.get(
      `${base(cohortProgramme)}/cofinancing?from=2025-02-01&to=2025-04-30&format=xlsx`,
    );
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.at(-1)).toEqual([
      'Summa',
      want.total.hours.female,
      want.total.hours.male,
      want.total.hours.unknown,
      want.total.hours.total,
      137.5,
      want.total.amount,
    ]);
  });

  it('answers 400 for a period too long or backwards', async () => {
    const long = await manager.get(`${base(cohortProgramme)}/cofinancing?from=1990-01-01&to=2025-01-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].field).toBe('to');
    const backwards = await manager.get(`${base(cohortProgramme)}/cofinancing?from=2025-03-01&to=2025-02-01`);
    expect(backwards.json().error.fields[0].field).toBe('to');
  });
});
