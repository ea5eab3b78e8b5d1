import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consentToParticipation,
  createSession,
  createWorld,
  personInput,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  await t.db.execute(sql`update users set name = 'Sara Lind' where id = ${world.caseworker.userId}`);
});
afterAll(() => t.close());

const consentBody = {
  purposes: ['participation', 'funder_reporting'],
  givenOn: '2026-11-05',
  method: 'digital',
  language: 'ti',
};

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber();
    if (!number.slice(8).startsWith('000')) return number;
  }
}

async function referred() {
  return referParticipant(world.caseworker, world, { personalIdentityNumber: pin() });
}

function withdraw(
  session: Session,
  consentId: string,
  withdrawnOn = '2026-12-01',
  note: string | null = null,
) {
  return session.post(`/api/consents/${consentId}/withdraw`, { withdrawnOn, note });
}

type AccessRow = { user_id: string; action: string; what: string; role: string; centre_id: string | null };

async function accessLog(participantId: string): Promise<AccessRow[]> {
  const result = await t.db.execute(
    sql`select user_id, action, what, role, centre_id from access_log
        where participant_id = ${participantId} order by id`,
  );
  return (result as unknown as { rows: AccessRow[] }).rows;
}

describe('POST /api/participants/:id/consents', () => {
  it('records the consent with its purposes and who recorded it', async () => {
    const { participantId } = await referred();

    const response = await world.caseworker.post(`/api/participants/${participantId}/consents`, consentBody);

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      participantId,
      purposes: ['participation', 'funder_reporting'],
      givenOn: '2026-11-05',
      method: 'digital',
      language: 'ti',
      recordedBy: 'Sara Lind',
      withdrawnOn: null,
      withdrawnBy: null,
    });
    const list = await world.caseworker.get(`/api/participants/${participantId}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([response.json()]);
  });

  it('answers 400 naming each bad field', async () => {
    const { participantId } = await referred();
    const response = await world.caseworker.post(`/api/participants/${participantId}/consents`, {
      purposes: [],
      givenOn: '2026-02-30',
      method: 'telepathy',
      language: 'ti',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Samtycket gäller måste fyllas i',
        'Datum för samtycke måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Underskrift är inte ett giltigt val',
      ]),
    );
    expect((await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items).toEqual(
      [],
    );
  });

  it('answers 401 without a session', async () => {
    const { participantId } = await referred();
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/consents`,
      payload: consentBody,
    });
    const get = await t.app.inject({ method: 'GET', url: `/api/participants/${participantId}/consents` });
    expect([post.statusCode, get.statusCode]).toEqual([401, 401]);
    expect(post.json().error.code).toBe('UNAUTHENTICATED');
  });

  it("answers 403 for another centre's participant, to read and to record", async () => {
    const { participantId } = await referred();
    const post = await world.otherCaseworker.post(`/api/participants/${participantId}/consents`, consentBody);
    const get = await world.otherCaseworker.get(`/api/participants/${participantId}/consents`);
    expect([post.statusCode, get.statusCode]).toEqual([403, 403]);
    expect(post.json().error.code).toBe('FORBIDDEN');
    expect((await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items).toEqual(
      [],
    );
  });

  it('answers 403 to a role that may read but not record consent', async () => {
    const { participantId } = await referred();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    expect((await teacher.get(`/api/participants/${participantId}/consents`)).statusCode).toBe(200);
    const response = await teacher.post(`/api/participants/${participantId}/consents`, consentBody);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for an unknown participant', async () => {
    const id = randomUUID();
    const post = await world.caseworker.post(`/api/participants/${id}/consents`, consentBody);
    const get = await world.caseworker.get(`/api/participants/${id}/consents`);
    expect([post.statusCode, get.statusCode]).toEqual([404, 404]);
    expect(get.json().error.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/consents/:id/withdraw', () => {
  it('withdraws the consent, with the date, who did it and why', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);

    const response = await withdraw(world.caseworker, consent.id, '2026-12-01', 'Har flyttat');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: consent.id,
      withdrawnOn: '2026-12-01',
      withdrawnBy: 'Sara Lind',
      withdrawalNote: 'Har flyttat',
    });
    const [listed] = (await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items;
    expect(listed).toMatchObject({ id: consent.id, withdrawnOn: '2026-12-01' });
  });

  it('answers 400 naming the date when it is before the consent was given', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);

    const response = await withdraw(world.caseworker, consent.id, '2026-11-04');

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'withdrawnOn',
        code: 'before_given_on',
        message: 'Datum för återkallelse får inte vara före datum för samtycke',
      },
    ]);
    const [listed] = (await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items;
    expect(listed.withdrawnOn).toBeNull();
  });

  it('answers 400 naming a date that is not a date', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);
    const response = await withdraw(world.caseworker, consent.id, '1 december');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject([
      { field: 'withdrawnOn', message: 'Datum för återkallelse måste vara ett datum som ÅÅÅÅ-MM-DD' },
    ]);
  });

  it('answers 409 CONSENT_WITHDRAWN when withdrawn twice, and keeps the first withdrawal', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);
    expect((await withdraw(world.caseworker, consent.id, '2026-12-01')).statusCode).toBe(200);

    const again = await withdraw(world.caseworker, consent.id, '2026-12-24');

    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSENT_WITHDRAWN');
    const [listed] = (await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items;
    expect(listed.withdrawnOn).toBe('2026-12-01');
  });

  it('answers 401 without a session', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consent.id}/withdraw`,
      payload: { withdrawnOn: '2026-12-01' },
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers 403 for another centre's participant's consent, which stays in force", async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);

    const response = await withdraw(world.otherCaseworker, consent.id);

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    const [listed] = (await world.caseworker.get(`/api/participants/${participantId}/consents`)).json().items;
    expect(listed.withdrawnOn).toBeNull();
  });

  it('answers 404 for an unknown consent', async () => {
    const response = await withdraw(world.caseworker, randomUUID());
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('a participant whose consent to participation is withdrawn', () => {
  it('becomes read-only: no changes, no enrolment, until a new consent opens the record again', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);
    expect((await world.caseworker.get(`/api/participants/${participantId}`)).json().readOnly).toBe(false);
    expect((await withdraw(world.caseworker, consent.id)).statusCode).toBe(200);

    const detail = await world.caseworker.get(`/api/participants/${participantId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().readOnly).toBe(true);
    // The person leaves the intake: the open referral ends as withdrawn and leaves the inbox.
    const referrals = (await world.caseworker.get(`/api/referrals?participantId=${participantId}`)).json();
    expect(
      referrals.items.map((r: { status: string; closedReason: string }) => [r.status, r.closedReason]),
    ).toEqual([['withdrawn', 'Samtycket till deltagande återkallades']]);
    expect(detail.json().status).toBe('closed');
    const { personalIdentityNumber: _, ...person } = personInput({ city: 'Tyresö' });
    const edit = await world.caseworker.put(`/api/participants/${participantId}`, {
      ...person,
      version: detail.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('CONSENT_WITHDRAWN');
    const enrol = await world.caseworker.post(`/api/participants/${participantId}/enrolments`, {
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      startsOn: '2026-12-07',
    });
    expect(enrol.statusCode).toBe(409);
    expect(enrol.json().error.code).toBe('CONSENT_WITHDRAWN');
    expect(
      (await world.caseworker.get(`/api/participants/${participantId}/enrolments`)).json().items,
    ).toEqual([]);

    const renewed = await world.caseworker.post(`/api/participants/${participantId}/consents`, {
      ...consentBody,
      givenOn: '2027-01-10',
    });
    expect(renewed.statusCode).toBe(201);
    const reopened = (await world.caseworker.get(`/api/participants/${participantId}`)).json();
    expect(reopened.readOnly).toBe(false);
    const edited = await world.caseworker.put(`/api/participants/${participantId}`, {
      ...person,
      version: reopened.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().city).toBe('Tyresö');
  });

  it('stays read-only after a new consent that does not cover participation', async () => {
    const { participantId } = await referred();
    const consent = await consentToParticipation(world.caseworker, participantId);
    await withdraw(world.caseworker, consent.id);
    const response = await world.caseworker.post(`/api/participants/${participantId}/consents`, {
      ...consentBody,
      purposes: ['data_sharing'],
    });
    expect(response.statusCode).toBe(201);
    expect((await world.caseworker.get(`/api/participants/${participantId}`)).json().readOnly).toBe(true);
  });
});

describe('the access log', () => {
  it('records each read and change of consent with the user, role, centre, action and what', async () => {
    const { participantId } = await referred();
    const before = (await accessLog(participantId)).length;

    const consent = await consentToParticipation(world.caseworker, participantId);
    await world.caseworker.get(`/api/participants/${participantId}/consents`);
    await withdraw(world.otherCaseworker, consent.id);
    await withdraw(world.caseworker, consent.id);

    const rows = (await accessLog(participantId)).slice(before);
    const mine = { user_id: world.caseworker.userId, role: 'coordinator', centre_id: world.centre.id };
    expect(rows).toEqual([
      { ...mine, action: 'create', what: 'consent.create' },
      { ...mine, action: 'read', what: 'consent.list' },
      { ...mine, action: 'update', what: 'consent.withdraw' },
    ]);
  });

  it('records a participant read by whoever read it', async () => {
    const { participantId } = await referred();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const before = (await accessLog(participantId)).length;

    await teacher.get(`/api/participants/${participantId}`);

    expect((await accessLog(participantId)).slice(before)).toEqual([
      {
        user_id: teacher.userId,
        role: 'language_teacher',
        centre_id: world.centre.id,
        action: 'read',
        what: 'participant.view',
      },
    ]);
  });

  it('cannot be changed or deleted, not even directly in the database', async () => {
    const { participantId } = await referred();
    const rows = await accessLog(participantId);
    expect(rows.length).toBeGreaterThan(0);

    const refusal = (query: ReturnType<typeof sql>) =>
      t.db.execute(query).then(
        () => 'accepted',
        (error: unknown) => describeError(error),
      );
    expect(
      await refusal(sql`update access_log set what = 'tampered' where participant_id = ${participantId}`),
    ).toMatch(/access_log is append-only/);
    expect(await refusal(sql`delete from access_log where participant_id = ${participantId}`)).toMatch(
      /access_log is append-only/,
    );
    // Cascade, so the access review's foreign key does not refuse it first: the trigger itself must.
    expect(await refusal(sql`truncate access_log cascade`)).toMatch(/access_log is append-only/);
    expect(await accessLog(participantId)).toEqual(rows);
  });
});

/** The database's own words, which drizzle wraps in an error of its own. */
function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.join(' | ');
}
