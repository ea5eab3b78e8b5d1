import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../core/messages.ts';
import {
  createProgramme,
  createWorld,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

const header =
  'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Kontor;Grund;Anteckning;Telefon;E-post;Språk';

type ImportReport = {
  total: number;
  created: number;
  skipped: number;
  failed: number;
  rows: {
    line: number;
    outcome: 'created' | 'skipped' | 'failed';
    referralId: string | null;
    errors: { field: string; code: string; message: string }[];
  }[];
};

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber('19880704');
    if (!number.slice(8).startsWith('000')) return number;
  }
}

function wrongCheckDigit(number: string): string {
  return `${number.slice(0, 11)}${(Number(number.slice(11)) + 1) % 10}`;
}

function importCsv(session: Session, csv: string, centreId = world.centre.id) {
  return session.post('/api/referrals/import', {
    programmeId: world.programme.programme.id,
    centreId,
    csv,
  });
}

async function findByNumber(session: Session, number: string) {
  const response = await session.post('/api/participants/search', { q: number });
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; firstName: string; lastName: string; centreId: string }[];
}

async function referralsOf(session: Session, participantId: string) {
  const response = await session.get(`/api/referrals?participantId=${participantId}`);
  expect(response.statusCode).toBe(200);
  return response.json().items as Record<string, unknown>[];
}

async function referralTotal(session: Session) {
  return (await session.get('/api/referrals?pageSize=1')).json().total as number;
}

describe('POST /api/referrals/import', () => {
  it('keeps the good rows of a ;-file with BOM and reports each bad row with its line and field', async () => {
    const amal = pin();
    const yonas = pin();
    const csv = [
      `\uFEFF${header}`,
      `${amal};Amal;Haile;2026-11-02;Ida Berg;Arbetsförmedlingen Haninge;Etableringsprogrammet;Vill arbeta inom vården;070-123 45 67;amal@example.se;arabiska`,
      `${wrongCheckDigit(pin())};Sara;Tesfay;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`,
      `${pin()};;Mohammed;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`,
      `${pin()};Hodan;Ali;2026-13-01;Ida Berg;;etableringsprogrammet;;;;`,
      `${pin()};Omar;Nour;2026-11-02;Ida Berg;;arbetslöshetskassan;;;;`,
      `${yonas};Yonas;Tekle;2026-11-03;Per Ek;Arbetsförmedlingen Tyresö;jobb- och utvecklingsgarantin;;;;tigrinja`,
    ].join('\r\n');

    const response = await importCsv(world.caseworker, csv);

    expect(response.statusCode).toBe(200);
    const report: ImportReport = response.json();
    expect(report).toMatchObject({ total: 6, created: 2, skipped: 0, failed: 4 });
    expect(report.created + report.skipped + report.failed).toBe(report.total);
    expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'failed'],
      [4, 'failed'],
      [5, 'failed'],
      [6, 'failed'],
      [7, 'created'],
    ]);
    const errorsOn = (line: number) =>
      report.rows.find((r) => r.line === line)?.errors.map(({ field, message }) => ({ field, message }));
    expect(errorsOn(3)).toEqual([
      {
        field: 'participant.personalIdentityNumber',
        message: 'Personnummer eller samordningsnummer har fel kontrollsiffra',
      },
    ]);
    expect(errorsOn(4)).toEqual([{ field: 'participant.firstName', message: 'Förnamn måste fyllas i' }]);
    expect(errorsOn(5)).toEqual([
      { field: 'referredOn', message: 'Remissdatum måste vara ett datum som ÅÅÅÅ-MM-DD' },
    ]);
    expect(errorsOn(6)).toEqual([{ field: 'basis', message: 'Grund för remiss är inte ett giltigt val' }]);
    expect(report.rows.filter((r) => r.outcome === 'failed').every((r) => r.referralId === null)).toBe(true);

    const [person] = await findByNumber(world.caseworker, amal);
    expect(person).toMatchObject({ firstName: 'Amal', lastName: 'Haile', centreId: world.centre.id });
    const detail = (await world.caseworker.get(`/api/participants/${person?.id}`)).json();
    expect(detail).toMatchObject({
      phone: '070-123 45 67',
      email: 'amal@example.se',
      preferredLanguage: 'ar',
    });
    const [referral] = await referralsOf(world.caseworker, person?.id ?? '');
    expect(referral).toMatchObject({
      id: report.rows[0]?.referralId,
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      referredOn: '2026-11-02',
      referringOfficer: 'Ida Berg',
      referringOffice: 'Arbetsförmedlingen Haninge',
      basis: 'establishment_programme',
      note: 'Vill arbeta inom vården',
      status: 'received',
    });
    const [tigrinyaSpeaker] = await findByNumber(world.caseworker, yonas);
    expect((await world.caseworker.get(`/api/participants/${tigrinyaSpeaker?.id}`)).json()).toMatchObject({
      firstName: 'Yonas',
      preferredLanguage: 'ti',
    });
    expect(await referralsOf(world.caseworker, tigrinyaSpeaker?.id ?? '')).toMatchObject([
      { basis: 'job_and_development_guarantee', referringOffice: 'Arbetsförmedlingen Tyresö' },
    ]);
  });

  it('skips every row already imported when the same file comes again, and creates nothing', async () => {
    const csv = [
      `\uFEFF${header}`,
      `${pin()};Amina;Warsame;2026-11-04;Ida Berg;;etableringsprogrammet;;;;somaliska`,
      `${pin()};Dawit;Mehari;2026-11-04;Ida Berg;;etableringsprogrammet;;;;`,
      `${pin()};;Utan förnamn;2026-11-04;Ida Berg;;etableringsprogrammet;;;;`,
    ].join('\n');
    const first: ImportReport = (await importCsv(world.caseworker, csv)).json();
    expect(first).toMatchObject({ total: 3, created: 2, skipped: 0, failed: 1 });
    const before = await referralTotal(world.caseworker);

    const again = await importCsv(world.caseworker, csv);

    expect(again.statusCode).toBe(200);
    const report: ImportReport = again.json();
    expect(report).toMatchObject({ total: 3, created: 0, skipped: 2, failed: 1 });
    expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'skipped'],
      [3, 'skipped'],
      [4, 'failed'],
    ]);
    expect(await referralTotal(world.caseworker)).toBe(before);
  });

  it('reads a ,-separated file without BOM, with quoted fields', async () => {
    const number = pin();
    const csv = [
      'Personnummer,Förnamn,Efternamn,Remissdatum,Handläggare,Kontor,Grund,Anteckning',
      `${number},Leyla,Karimi,2026-11-05,Ida Berg,"Arbetsförmedlingen Haninge, Handen",etableringsprogrammet,"Kör bil; har B-körkort"`,
    ].join('\n');

    const response = await importCsv(world.caseworker, csv);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, created: 1, failed: 0 });
    const [person] = await findByNumber(world.caseworker, number);
    expect(person).toMatchObject({ firstName: 'Leyla', lastName: 'Karimi' });
    expect(await referralsOf(world.caseworker, person?.id ?? '')).toMatchObject([
      { referringOffice: 'Arbetsförmedlingen Haninge, Handen', note: 'Kör bil; har B-körkort' },
    ]);
  });

  it('understands the basis written out in Swedish', async () => {
    const numbers = [pin(), pin(), pin()];
    const csv = [
      header,
      `${numbers[0]};Ali;Rahimi;2026-11-06;Ida Berg;;etableringsprogrammet;;;;`,
      `${numbers[1]};Faven;Gebre;2026-11-06;Ida Berg;;Jobb- och utvecklingsgarantin;;;;`,
      `${numbers[2]};Nasra;Abdi;2026-11-06;Ida Berg;;Socialtjänst efter etableringsprogrammet;;;;`,
    ].join('\n');

    const report: ImportReport = (await importCsv(world.caseworker, csv)).json();

    expect(report).toMatchObject({ total: 3, created: 3, failed: 0 });
    const bases = [];
    for (const number of numbers) {
      const [person] = await findByNumber(world.caseworker, number);
      const [referral] = await referralsOf(world.caseworker, person?.id ?? '');
      bases.push(referral?.basis);
    }
    expect(bases).toEqual([
      'establishment_programme',
      'job_and_development_guarantee',
      'social_services_after_establishment',
    ]);
  });

  it('keeps names in Arabic and Tigrinya script as written', async () => {
    const arabic = pin();
    const tigrinya = pin();
    const csv = [
      `\uFEFF${header}`,
      `${arabic};أمل;حيلي;2026-11-07;Ida Berg;;etableringsprogrammet;;;;arabiska`,
      `${tigrinya};ሰላም;ተስፋይ;2026-11-07;Ida Berg;;etableringsprogrammet;;;;tigrinja`,
    ].join('\n');

    expect((await importCsv(world.caseworker, csv)).json()).toMatchObject({ created: 2, failed: 0 });

    expect(await findByNumber(world.caseworker, arabic)).toMatchObject([
      { firstName: 'أمل', lastName: 'حيلي' },
    ]);
    const [person] = await findByNumber(world.caseworker, tigrinya);
    expect(person).toMatchObject({ firstName: 'ሰላም', lastName: 'ተስፋይ' });
    const byName = (await world.caseworker.post('/api/participants/search', { q: 'ተስፋይ' })).json();
    expect(byName.items.map((p: { id: string }) => p.id)).toEqual([person?.id]);
    const [referral] = await referralsOf(world.caseworker, person?.id ?? '');
    expect(referral?.participantName).toBe('ሰላም ተስፋይ');
  });

  it('fails a row whose person is registered in a centre the importer cannot see, without leaking them', async () => {
    const number = pin();
    const theirs = await referParticipant(
      world.otherCaseworker,
      { ...world, centre: world.otherCentre },
      {
        personalIdentityNumber: number,
        firstName: 'Hemlig',
      },
    );
    const csv = [
      header,
      // The same programme, date and basis as the other centre's referral, and another date.
      `${number};Hemlig;Haile;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`,
      `${number};Hemlig;Haile;2026-11-09;Ida Berg;;etableringsprogrammet;;;;`,
    ].join('\n');

    const response = await importCsv(world.caseworker, csv);

    expect(response.statusCode).toBe(200);
    const report: ImportReport = response.json();
    expect(report).toMatchObject({ total: 2, created: 0, skipped: 0, failed: 2 });
    for (const row of report.rows) {
      expect(row).toEqual({
        line: row.line,
        outcome: 'failed',
        referralId: null,
        errors: [
          {
            field: 'personalIdentityNumber',
            code: 'PARTICIPANT_ALREADY_REGISTERED',
            message: errorMessages.sv.PARTICIPANT_ALREADY_REGISTERED,
          },
        ],
      });
    }
    expect(response.body).not.toContain(theirs.participantId);
    expect(response.body).not.toContain(theirs.id);
    expect(await findByNumber(world.caseworker, number)).toEqual([]);
    expect(await referralsOf(world.otherCaseworker, theirs.participantId)).toHaveLength(1);
  });

  it('answers 400 naming a missing required column, and creates nothing', async () => {
    const number = pin();
    const csv = [
      'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Kontor',
      `${number};Amal;Haile;2026-11-02;Ida Berg;Arbetsförmedlingen Haninge`,
    ].join('\n');

    const response = await importCsv(world.caseworker, csv);

    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'Grund', code: 'missing_column', message: 'Grund saknas i filens rubrikrad' }],
    });
    expect(await findByNumber(world.caseworker, number)).toEqual([]);
  });

  it('answers 400 naming the file when it is empty', async () => {
    const response = await importCsv(world.caseworker, '');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'csv', code: 'required', message: 'Fil måste fyllas i' },
    ]);
  });

  it('refuses a binary file before keeping any row', async () => {
    const number = pin();
    const csv = [
      header,
      `${number};Amal;Haile;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`,
      `${pin()};Bad\u0000Byte;Haile;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`,
    ].join('\n');

    const response = await importCsv(world.caseworker, csv);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject([{ field: 'csv', code: 'invalid_format' }]);
    expect(await findByNumber(world.caseworker, number)).toEqual([]);
  });

  it('answers 400 naming the programme when it is unknown or not run in the centre, and creates nothing', async () => {
    const number = pin();
    const csv = [header, `${number};Amal;Haile;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`].join('\n');
    const elsewhere = await createProgramme(t.db, [world.otherCentre.id]);
    for (const programmeId of [randomUUID(), elsewhere.programme.id]) {
      const response = await world.caseworker.post('/api/referrals/import', {
        programmeId,
        centreId: world.centre.id,
        csv,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'programmeId', code: 'invalid_choice', message: 'Program är inte ett giltigt val' },
      ]);
    }
    expect(await findByNumber(world.caseworker, number)).toEqual([]);
  });

  it('answers 403 for a centre that is not the user’s, and creates nothing', async () => {
    const number = pin();
    const csv = [header, `${number};Amal;Haile;2026-11-02;Ida Berg;;etableringsprogrammet;;;;`].join('\n');

    const response = await importCsv(world.caseworker, csv, world.otherCentre.id);

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await findByNumber(world.otherCaseworker, number)).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/referrals/import',
      payload: { programmeId: world.programme.programme.id, centreId: world.centre.id, csv: header },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});
