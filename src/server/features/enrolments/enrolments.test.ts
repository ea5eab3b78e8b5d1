import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import {
  consentToParticipation,
  createCentre,
  createEmployer,
  createProgramme,
  createSession,
  createWorld,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber();
    if (!number.slice(8).startsWith('000')) return number;
  }
}

function referred(person: Partial<ParticipantInput> = {}) {
  return referParticipant(world.caseworker, world, { personalIdentityNumber: pin(), ...person });
}

/** A referred participant who has consented to participation. */
async function consented(person: Partial<ParticipantInput> = {}) {
  const referral = await referred(person);
  await consentToParticipation(world.caseworker, referral.participantId);
  return referral;
}

function enrolmentBody(overrides: Record<string, unknown> = {}) {
  return {
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    startsOn: '2026-11-16',
    ...overrides,
  };
}

function enrol(participantId: string, overrides: Record<string, unknown> = {}) {
  return world.caseworker.post(`/api/participants/${participantId}/enrolments`, enrolmentBody(overrides));
}

async function enrolmentsOf(participantId: string) {
  const response = await world.caseworker.get(`/api/participants/${participantId}/enrolments`);
  expect(response.statusCode).toBe(200);
  return response.json().items as Record<string, unknown>[];
}

describe('POST /api/participants/:id/enrolments', () => {
  it('refuses a participant without consent to participation with 409 CONSENT_REQUIRED', async () => {
    const { participantId } = await referred();

    const response = await enrol(participantId);

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_REQUIRED');
    expect(await enrolmentsOf(participantId)).toEqual([]);
  });

  it('enrols a short-educated participant for 12 months with step 1 started, and marks the referral enrolled', async () => {
    const referral = await consented({ educationLevelCode: '106' });

    const response = await enrol(referral.participantId, { referralId: referral.id });

    expect(response.statusCode).toBe(201);
    const enrolment = response.json();
    expect(enrolment).toMatchObject({
      participantId: referral.participantId,
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      targetGroupId: world.programme.short.id,
      targetGroupKind: 'short_educated',
      targetGroupName: 'Kortutbildade',
      targetGroupOverrideReason: null,
      startsOn: '2026-11-16',
      plannedEndOn: '2027-11-16',
      labourMarketStatus: null,
      exitedOn: null,
    });
    expect(enrolment.steps).toEqual([
      expect.objectContaining({ ordinal: 1, name: 'Inskrivning', startedOn: '2026-11-16', endedOn: null }),
    ]);
    expect(await enrolmentsOf(referral.participantId)).toEqual([enrolment]);
    expect((await world.caseworker.get(`/api/referrals/${referral.id}`)).json().status).toBe('enrolled');
    expect((await world.caseworker.get(`/api/participants/${referral.participantId}`)).json().status).toBe(
      'enrolled',
    );
  });

  it('enrols a participant with upper-secondary education for 6 months', async () => {
    const { participantId } = await consented({ educationLevelCode: '310' });

    const response = await enrol(participantId, { startsOn: '2026-11-16' });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      targetGroupId: world.programme.higher.id,
      targetGroupKind: 'upper_secondary_or_higher',
      plannedEndOn: '2027-05-16',
    });
  });

  it.each([
    ['310', '2026-08-31', '2027-02-28'],
    ['310', '2027-08-31', '2028-02-29'],
    ['310', '2026-12-31', '2027-06-30'],
    ['106', '2028-02-29', '2029-02-28'],
    ['106', '2026-01-31', '2027-01-31'],
  ])('with education %s from %s plans the end on %s', async (educationLevelCode, startsOn, plannedEndOn) => {
    const { participantId } = await consented({ educationLevelCode });
    const response = await enrol(participantId, { startsOn });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ startsOn, plannedEndOn });
  });

  it('keeps the labour-market status at the start when it is given', async () => {
    const { participantId } = await consented();

    const response = await enrol(participantId, { labourMarketStatus: 'long_term_unemployed' });

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ labourMarketStatus: 'long_term_unemployed', version: 1 });
    expect(await enrolmentsOf(participantId)).toMatchObject([{ labourMarketStatus: 'long_term_unemployed' }]);
  });

  it('answers 400 naming the labour-market status when it is not one of the statuses, and enrols no one', async () => {
    const { participantId } = await consented();

    const response = await enrol(participantId, { labourMarketStatus: 'arbetslös' });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'labourMarketStatus',
        code: 'invalid_choice',
        message: 'Arbetsmarknadsstatus vid inskrivning är inte ett giltigt val',
      },
    ]);
    expect(await enrolmentsOf(participantId)).toEqual([]);
  });

  it('refuses a second enrolment in the same programme with 409 ENROLMENT_ALREADY_ACTIVE', async () => {
    const { participantId } = await consented();
    expect((await enrol(participantId)).statusCode).toBe(201);

    const again = await enrol(participantId, { startsOn: '2026-12-01' });

    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ENROLMENT_ALREADY_ACTIVE');
    expect(await enrolmentsOf(participantId)).toHaveLength(1);
  });

  it('asks for a reason when another target group than the derived one is chosen, and keeps it', async () => {
    const { participantId } = await consented({ educationLevelCode: '106' });

    const without = await enrol(participantId, { targetGroupId: world.programme.higher.id });

    expect(without.statusCode).toBe(400);
    expect(without.json().error.fields).toEqual([
      {
        field: 'targetGroupOverrideReason',
        code: 'override_reason_required',
        message: 'Skäl för annan målgrupp måste anges när en annan målgrupp än den härledda väljs',
      },
    ]);
    expect(await enrolmentsOf(participantId)).toEqual([]);

    const reason = 'Har yrkesutbildning från hemlandet som motsvarar gymnasienivå';
    const withReason = await enrol(participantId, {
      targetGroupId: world.programme.higher.id,
      targetGroupOverrideReason: reason,
    });

    expect(withReason.statusCode).toBe(201);
    expect(withReason.json()).toMatchObject({
      targetGroupKind: 'upper_secondary_or_higher',
      targetGroupOverrideReason: reason,
      plannedEndOn: '2027-05-16',
    });
    expect(await enrolmentsOf(participantId)).toMatchObject([{ targetGroupOverrideReason: reason }]);
  });

  it('keeps no reason when the chosen target group is the derived one', async () => {
    const { participantId } = await consented({ educationLevelCode: '106' });
    const response = await enrol(participantId, {
      targetGroupId: world.programme.short.id,
      targetGroupOverrideReason: 'Onödigt skäl',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      targetGroupKind: 'short_educated',
      targetGroupOverrideReason: null,
    });
  });

  it('answers 400 TARGET_GROUP_REQUIRED without education level and target group, and enrols once one is chosen', async () => {
    const { participantId } = await consented({ educationLevelCode: null });

    const response = await enrol(participantId);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('TARGET_GROUP_REQUIRED');
    const chosen = await enrol(participantId, { targetGroupId: world.programme.short.id });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json()).toMatchObject({ targetGroupKind: 'short_educated', plannedEndOn: '2027-11-16' });
  });

  it("answers 400 naming the target group when it is another programme's", async () => {
    const { participantId } = await consented();
    const elsewhere = await createProgramme(t.db, [world.centre.id]);

    const response = await enrol(participantId, { targetGroupId: elsewhere.short.id });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'targetGroupId', code: 'invalid_choice', message: 'Målgrupp är inte ett giltigt val' },
    ]);
    expect(await enrolmentsOf(participantId)).toEqual([]);
  });

  it('answers 400 naming the centre when the programme is not run there', async () => {
    const { participantId } = await consented();
    const extraCentre = await createCentre(t.db, world.organisation.id);
    const coordinator = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id, extraCentre.id],
      world.organisation.id,
    );

    const response = await coordinator.post(
      `/api/participants/${participantId}/enrolments`,
      enrolmentBody({ centreId: extraCentre.id }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'centreId', code: 'invalid_choice', message: 'Centrum är inte ett giltigt val' },
    ]);
    expect(await enrolmentsOf(participantId)).toEqual([]);
  });

  it("answers 400 naming the referral when it is unknown or someone else's", async () => {
    const { participantId } = await consented();
    const someoneElse = await referred();

    for (const referralId of [randomUUID(), someoneElse.id]) {
      const response = await enrol(participantId, { referralId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'referralId', code: 'invalid_choice', message: 'Remiss är inte ett giltigt val' },
      ]);
    }
    expect(await enrolmentsOf(participantId)).toEqual([]);
    expect((await world.caseworker.get(`/api/referrals/${someoneElse.id}`)).json().status).toBe('received');
  });

  it('answers 400 naming each bad field', async () => {
    const { participantId } = await consented();
    const response = await enrol(participantId, { startsOn: '2026-11-31', programmeId: 'etablering' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['Startdatum måste vara ett datum som ÅÅÅÅ-MM-DD', 'Program har fel format']),
    );
  });

  it('answers 401 without a session', async () => {
    const { participantId } = await consented();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/enrolments`,
      payload: enrolmentBody(),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it("answers 403 for another centre's participant", async () => {
    const { participantId } = await consented();
    const response = await world.otherCaseworker.post(
      `/api/participants/${participantId}/enrolments`,
      enrolmentBody({ centreId: world.otherCentre.id }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await enrolmentsOf(participantId)).toEqual([]);
  });

  it('answers 403 to a role without the permission to enrol, who may still read', async () => {
    const { participantId } = await consented();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);

    const response = await teacher.post(`/api/participants/${participantId}/enrolments`, enrolmentBody());

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    const read = await teacher.get(`/api/participants/${participantId}/enrolments`);
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toEqual([]);
  });

  it('answers 404 for an unknown participant', async () => {
    const response = await enrol(randomUUID());
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/participants/:id/enrolments', () => {
  it('answers 401 without a session', async () => {
    const { participantId } = await consented();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/enrolments`,
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers 403 for another centre's participant", async () => {
    const { participantId } = await consented();
    expect((await enrol(participantId)).statusCode).toBe(201);
    const response = await world.otherCaseworker.get(`/api/participants/${participantId}/enrolments`);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain(world.programme.short.id);
  });

  it('answers 404 for an unknown participant and 400 for an id that is not one', async () => {
    expect((await world.caseworker.get(`/api/participants/${randomUUID()}/enrolments`)).statusCode).toBe(404);
    const garbage = await world.caseworker.get('/api/participants/not-an-id/enrolments');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.fields).toMatchObject([{ field: 'id', code: 'invalid_format' }]);
  });
});

describe('POST /api/enrolments/:id/exit to an employer', () => {
  async function enrolled() {
    const { participantId } = await consented();
    const response = await enrol(participantId);
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; participantId: string; version: number };
  }

  function exit(enrolment: { id: string; version: number }, body: Record<string, unknown>) {
    return world.caseworker.post(`/api/enrolments/${enrolment.id}/exit`, {
      exitedOn: '2026-11-30',
      version: enrolment.version,
      ...body,
    });
  }

  it('names the employer of an exit to work, its name the organisation', async () => {
    const enrolment = await enrolled();
    const employer = await createEmployer(t.db, { name: 'Haninge Vård AB' });

    const response = await exit(enrolment, { outcome: 'work_subsidised', employerId: employer.id });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      exitedOn: '2026-11-30',
      exitOutcome: 'work_subsidised',
      exitEmployerId: employer.id,
      exitOrganisation: 'Haninge Vård AB',
    });
    expect(await enrolmentsOf(enrolment.participantId)).toMatchObject([{ exitEmployerId: employer.id }]);
  });

  it('keeps no employer for an exit to work named only as text', async () => {
    const enrolment = await enrolled();
    const response = await exit(enrolment, {
      outcome: 'work_permanent',
      organisation: 'Bygg & Tak i Haninge',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ exitEmployerId: null, exitOrganisation: 'Bygg & Tak i Haninge' });
  });

  it('answers 400 naming the employer for an outcome that is not work, or one not in the register', async () => {
    const enrolment = await enrolled();
    const employer = await createEmployer(t.db);

    const studies = await exit(enrolment, {
      outcome: 'studies_university',
      organisation: 'Södertörns högskola',
      employerId: employer.id,
    });
    const unknown = await exit(enrolment, { outcome: 'work_permanent', employerId: randomUUID() });
    const neither = await exit(enrolment, { outcome: 'work_fixed_term' });

    expect([studies.statusCode, unknown.statusCode, neither.statusCode]).toEqual([400, 400, 400]);
    expect(studies.json().error.fields).toEqual([
      {
        field: 'employerId',
        code: 'not_work_outcome',
        message: 'Arbetsgivare anges bara när deltagaren går till arbete',
      },
    ]);
    expect(unknown.json().error.fields).toMatchObject([{ field: 'employerId', code: 'not_found' }]);
    expect(neither.json().error.fields).toMatchObject([{ field: 'organisation', code: 'required' }]);
    expect(await enrolmentsOf(enrolment.participantId)).toMatchObject([
      { exitedOn: null, exitEmployerId: null },
    ]);
  });
});

describe('PUT /api/enrolments/:id/labour-market-status', () => {
  type Enrolled = { id: string; participantId: string; version: number; labourMarketStatus: string | null };

  async function enrolled(person: Partial<ParticipantInput> = {}, overrides: Record<string, unknown> = {}) {
    const { participantId } = await consented(person);
    const response = await enrol(participantId, overrides);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Enrolled;
  }

  function record(
    enrolment: { id: string; version: number },
    body: Record<string, unknown> = {},
    session = world.caseworker,
  ) {
    return session.put(`/api/enrolments/${enrolment.id}/labour-market-status`, {
      labourMarketStatus: 'unemployed',
      version: enrolment.version,
      ...body,
    });
  }

  async function accessLog(participantId: string): Promise<{ action: string; what: string }[]> {
    const rows = await t.db.execute(
      sql`select action, what from access_log where participant_id = ${participantId} order by id`,
    );
    return (rows as unknown as { rows: { action: string; what: string }[] }).rows;
  }

  it('records the status of an enrolment that has none, with a new version, and logs the change', async () => {
    const enrolment = await enrolled();
    expect(enrolment.labourMarketStatus).toBeNull();

    const response = await record(enrolment, { labourMarketStatus: 'inactive_in_education' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: enrolment.id,
      labourMarketStatus: 'inactive_in_education',
      version: enrolment.version + 1,
      exitedOn: null,
    });
    expect(await enrolmentsOf(enrolment.participantId)).toEqual([response.json()]);
    expect(await accessLog(enrolment.participantId)).toContainEqual({
      action: 'update',
      what: 'enrolment.labourMarketStatus',
    });
  });

  it('corrects the status given at enrolment, and clears one recorded by mistake', async () => {
    const enrolment = await enrolled({}, { labourMarketStatus: 'employed' });

    const corrected = await record(enrolment, { labourMarketStatus: 'long_term_unemployed' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().labourMarketStatus).toBe('long_term_unemployed');

    const cleared = await record(corrected.json(), { labourMarketStatus: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ labourMarketStatus: null, version: enrolment.version + 2 });
  });

  it('corrects the status after exit, keeping the exit as it was', async () => {
    const enrolment = await enrolled();
    const exited = await world.caseworker.post(`/api/enrolments/${enrolment.id}/exit`, {
      exitedOn: '2026-11-30',
      outcome: 'studies_adult_education',
      organisation: 'Komvux Haninge',
      version: enrolment.version,
    });
    expect(exited.statusCode, exited.body).toBe(200);

    const response = await record(exited.json(), { labourMarketStatus: 'unemployed' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      labourMarketStatus: 'unemployed',
      exitedOn: '2026-11-30',
      exitOutcome: 'studies_adult_education',
      followUp: { id: exited.json().followUp.id },
    });
  });

  it('answers 409 VERSION_CONFLICT with the current enrolment when someone saved in between, and changes nothing', async () => {
    const enrolment = await enrolled();
    const first = await record(enrolment, { labourMarketStatus: 'long_term_unemployed' });
    expect(first.statusCode).toBe(200);

    const stale = await record(enrolment, { labourMarketStatus: 'employed' });

    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.current).toEqual(first.json());
    expect(await enrolmentsOf(enrolment.participantId)).toMatchObject([
      { labourMarketStatus: 'long_term_unemployed', version: enrolment.version + 1 },
    ]);
  });

  it('answers 409 CONSENT_WITHDRAWN once consent has been withdrawn: the record is read-only', async () => {
    const referral = await referred();
    const consent = await consentToParticipation(world.caseworker, referral.participantId);
    const created = await enrol(referral.participantId);
    expect(created.statusCode).toBe(201);
    const withdrawn = await world.caseworker.post(`/api/consents/${consent.id}/withdraw`, {
      withdrawnOn: '2026-11-20',
      note: null,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const response = await record(created.json(), { labourMarketStatus: 'unemployed' });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_WITHDRAWN');
    expect(await enrolmentsOf(referral.participantId)).toMatchObject([{ labourMarketStatus: null }]);
  });

  it('answers 400 naming the field: a status that is none, a missing one, a missing version', async () => {
    const enrolment = await enrolled();

    const unknown = await record(enrolment, { labourMarketStatus: 'arbetslös' });
    const missing = await world.caseworker.put(`/api/enrolments/${enrolment.id}/labour-market-status`, {
      version: enrolment.version,
    });
    const noVersion = await world.caseworker.put(`/api/enrolments/${enrolment.id}/labour-market-status`, {
      labourMarketStatus: 'unemployed',
    });

    expect([unknown.statusCode, missing.statusCode, noVersion.statusCode]).toEqual([400, 400, 400]);
    expect(unknown.json().error.fields).toEqual([
      {
        field: 'labourMarketStatus',
        code: 'invalid_choice',
        message: 'Arbetsmarknadsstatus vid inskrivning är inte ett giltigt val',
      },
    ]);
    expect(missing.json().error.fields).toEqual([
      {
        field: 'labourMarketStatus',
        code: 'required',
        message: 'Arbetsmarknadsstatus vid inskrivning måste fyllas i',
      },
    ]);
    expect(noVersion.json().error.fields).toMatchObject([{ field: 'version', code: 'required' }]);
    const garbage = await world.caseworker.put('/api/enrolments/not-an-id/labour-market-status', {
      labourMarketStatus: 'unemployed',
      version: 1,
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.fields).toMatchObject([{ field: 'id', code: 'invalid_format' }]);
    expect(await enrolmentsOf(enrolment.participantId)).toMatchObject([
      { labourMarketStatus: null, version: enrolment.version },
    ]);
  });

  it('answers 401 without a session', async () => {
    const enrolment = await enrolled();
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/enrolments/${enrolment.id}/labour-market-status`,
      payload: { labourMarketStatus: 'unemployed', version: enrolment.version },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it("answers 403 for another centre's participant and to a role that may only read, and changes nothing", async () => {
    const enrolment = await enrolled();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);

    const otherCentre = await record(enrolment, {}, world.otherCaseworker);
    const readOnlyRole = await record(enrolment, {}, teacher);

    expect([otherCentre.statusCode, readOnlyRole.statusCode]).toEqual([403, 403]);
    expect(otherCentre.json().error.code).toBe('FORBIDDEN');
    expect(readOnlyRole.json().error.code).toBe('FORBIDDEN');
    expect(await enrolmentsOf(enrolment.participantId)).toMatchObject([
      { labourMarketStatus: null, version: enrolment.version },
    ]);
  });

  it('answers 404 for an unknown enrolment and for a protected person one is not assigned to', async () => {
    const hidden = await enrolled({ protectedIdentity: true });
    const colleague = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );

    const unknown = await record({ id: randomUUID(), version: 1 });
    const notAssigned = await record(hidden, {}, colleague);

    expect([unknown.statusCode, notAssigned.statusCode]).toEqual([404, 404]);
    expect(notAssigned.json().error.code).toBe('NOT_FOUND');
    expect((await record(hidden)).statusCode).toBe(200);
  });
});
