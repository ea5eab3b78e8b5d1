import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, createWorld, personInput, referParticipant } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    participant: personInput(),
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    referringOfficer: 'Ida Handläggare',
    referringOffice: 'Arbetsförmedlingen Haninge',
    referredOn: '2026-11-02',
    basis: 'job_and_development_guarantee',
    note: 'Vill arbeta inom vården',
    ...overrides,
  };
}

describe('POST /api/referrals', () => {
  it('registers the referral and the new participant, received and in the inbox', async () => {
    const response = await world.caseworker.post('/api/referrals', referralBody());
    expect(response.statusCode).toBe(201);
    const referral = response.json();
    expect(referral).toMatchObject({
      status: 'received',
      basis: 'job_and_development_guarantee',
      referredOn: '2026-11-02',
      referringOfficer: 'Ida Handläggare',
      participantName: 'Amal Haile',
      centreId: world.centre.id,
      version: 1,
    });
    const inbox = (await world.caseworker.get('/api/referrals?open=true')).json();
    expect(inbox.items.map((r: { id: string }) => r.id)).toContain(referral.id);
  });

  it('adds a referral for a participant already registered', async () => {
    const first = await referParticipant(world.caseworker, world);
    const second = await world.caseworker.post(
      '/api/referrals',
      referralBody({ participant: null, participantId: first.participantId, referredOn: '2026-11-20' }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().participantId).toBe(first.participantId);
    const again = await world.caseworker.post(
      '/api/referrals',
      referralBody({ participant: null, participantId: first.participantId, referredOn: '2026-11-20' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REFERRAL_ALREADY_REGISTERED');
  });

  it('answers 400 naming each bad field', async () => {
    const response = await world.caseworker.post(
      '/api/referrals',
      referralBody({
        participant: personInput({ personalIdentityNumber: '19900101-0018', firstName: '' }),
        referredOn: '2026-02-30',
        basis: 'whim',
      }),
    );
    expect(response.statusCode).toBe(400);
    const messages = response.json().error.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Personnummer eller samordningsnummer har fel kontrollsiffra',
        'Förnamn måste fyllas i',
        'Remissdatum måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Grund för remiss är inte ett giltigt val',
      ]),
    );
  });

  it('answers 401 without a session and 403 for a centre that is not the user’s', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/referrals', payload: referralBody() })).statusCode,
    ).toBe(401);
    const response = await world.otherCaseworker.post('/api/referrals', referralBody());
    expect(response.statusCode).toBe(403);
  });

  it('answers 403 for a role that may not register referrals', async () => {
    const teacher = await createSession(
      t.app,
      t.db,
      'language_teacher',
      [world.centre.id],
      world.organisation.id,
    );
    expect((await teacher.post('/api/referrals', referralBody())).statusCode).toBe(403);
  });

  it('answers 404 for an unknown participant', async () => {
    const response = await world.caseworker.post(
      '/api/referrals',
      referralBody({ participant: null, participantId: randomUUID() }),
    );
    expect(response.statusCode).toBe(404);
  });
});

describe('the referral’s way: meeting, then declined or withdrawn', () => {
  it('books the information meeting, refuses a stale version, then closes', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const booked = await world.caseworker.post(`/api/referrals/${referral.id}/meeting`, {
      meetingAt: '2026-11-25T10:00:00+01:00',
      version: referral.version,
    });
    expect(booked.statusCode).toBe(200);
    expect(booked.json()).toMatchObject({
      status: 'meeting_booked',
      meetingAt: '2026-11-25T09:00:00.000Z',
      version: 2,
    });

    const stale = await world.caseworker.post(`/api/referrals/${referral.id}/close`, {
      status: 'declined',
      reason: 'Tackade nej',
      version: referral.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { status: 'meeting_booked' },
    });

    const declined = await world.caseworker.post(`/api/referrals/${referral.id}/close`, {
      status: 'declined',
      reason: 'Tackade nej',
      version: 2,
    });
    expect(declined.json()).toMatchObject({ status: 'declined', closedReason: 'Tackade nej' });

    const reopen = await world.caseworker.post(`/api/referrals/${referral.id}/meeting`, {
      meetingAt: '2026-11-26T10:00:00+01:00',
      version: 3,
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.code).toBe('REFERRAL_CLOSED');
    const participant = (await world.caseworker.get(`/api/participants/${referral.participantId}`)).json();
    expect(participant.status).toBe('closed');
  });

  it('answers 400, 403 and 404 on the actions', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const bad = await world.caseworker.post(`/api/referrals/${referral.id}/meeting`, {
      meetingAt: 'tomorrow',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('meetingAt');
    const other = await world.otherCaseworker.post(`/api/referrals/${referral.id}/close`, {
      status: 'withdrawn',
      reason: 'x',
      version: 1,
    });
    expect(other.statusCode).toBe(403);
    const missing = await world.caseworker.post(`/api/referrals/${randomUUID()}/close`, {
      status: 'withdrawn',
      reason: 'x',
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/referrals', () => {
  it('shows one referral to its centre, 403 to another, 404 for no one', async () => {
    const referral = await referParticipant(world.caseworker, world);
    expect((await world.caseworker.get(`/api/referrals/${referral.id}`)).statusCode).toBe(200);
    expect((await world.otherCaseworker.get(`/api/referrals/${referral.id}`)).statusCode).toBe(403);
    expect((await world.caseworker.get(`/api/referrals/${randomUUID()}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/referrals/${referral.id}` })).statusCode).toBe(
      401,
    );
  });

  it('filters the inbox by status and leaves out other centres', async () => {
    const own = await createWorld(t.app, t.db);
    const a = await referParticipant(own.caseworker, own);
    const b = await referParticipant(own.caseworker, own);
    await own.caseworker.post(`/api/referrals/${b.id}/meeting`, {
      meetingAt: '2026-11-25T10:00:00+01:00',
      version: 1,
    });
    const received = (await own.caseworker.get('/api/referrals?status=received')).json();
    expect(received.items.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const open = (await own.caseworker.get('/api/referrals?open=true')).json();
    expect(open.total).toBe(2);
    const others = (await own.otherCaseworker.get('/api/referrals')).json();
    expect(others.items).toEqual([]);
    expect((await own.caseworker.get('/api/referrals?status=lost')).statusCode).toBe(400);
  });
});
