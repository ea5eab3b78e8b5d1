import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createSession, createWorld, personInput, referParticipant } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

async function accessRows(participantId: string) {
  return queryRows<{ user_id: string; action: string; what: string; role: string; centre_id: string | null }>(
    t.db,
    sql`select user_id, action, what, role, centre_id from access_log where participant_id = ${participantId} order by id`,
  );
}

describe('GET /api/participants/:id', () => {
  it('shows the participant with derived birth date and gender, and logs the read', async () => {
    const referral = await referParticipant(world.caseworker, world, {
      personalIdentityNumber: '900101-0017',
      firstName: 'ዮሃንስ',
      lastName: 'ተስፋይ',
    });
    const response = await world.caseworker.get(`/api/participants/${referral.participantId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      identityType: 'personal_identity_number',
      identityNumber: '19900101-0017',
      birthDate: '1990-01-01',
      legalGender: 'male',
      firstName: 'ዮሃንስ',
      lastName: 'ተስፋይ',
      status: 'referred',
      streetAddress: 'Storgatan 1',
      readOnly: false,
      version: 1,
      assignedStaff: [{ userId: world.caseworker.userId, isContact: true }],
    });
    const rows = await accessRows(referral.participantId);
    expect(rows.at(-1)).toEqual({
      user_id: world.caseworker.userId,
      action: 'read',
      what: 'participant.view',
      role: 'coordinator',
      centre_id: world.centre.id,
    });
  });

  it('answers 401 without a session', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${referral.participantId}`,
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers 403 for another centre's participant and logs nothing", async () => {
    const referral = await referParticipant(world.caseworker, world);
    const before = (await accessRows(referral.participantId)).length;
    const response = await world.otherCaseworker.get(`/api/participants/${referral.participantId}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await accessRows(referral.participantId)).toHaveLength(before);
  });

  it('answers 404 for an unknown participant and 400 for a malformed id', async () => {
    expect((await world.caseworker.get(`/api/participants/${randomUUID()}`)).statusCode).toBe(404);
    const bad = await world.caseworker.get('/api/participants/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('id');
  });
});

describe('POST /api/participants/search', () => {
  it('lists only participants of the user’s centres, in Swedish order, and logs each one shown', async () => {
    const own = await createWorld(t.app, t.db);
    for (const lastName of ['Öberg', 'Zetterlund', 'Åberg', 'Abdi']) {
      await referParticipant(own.caseworker, own, { lastName, firstName: 'Test' });
    }
    await referParticipant(own.otherCaseworker, { ...own, centre: own.otherCentre }, { lastName: 'Annan' });
    const response = await own.caseworker.post('/api/participants/search', {});
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((p: { lastName: string }) => p.lastName)).toEqual([
      'Abdi',
      'Zetterlund',
      'Åberg',
      'Öberg',
    ]);
    expect(body.total).toBe(4);
    for (const item of body.items) {
      expect((await accessRows(item.id)).some((r) => r.what === 'participant.list')).toBe(true);
    }
  });

  it('finds by name in any script and case, and by number in 10 or 12 digits', async () => {
    const pin = '19920101-2383';
    const referral = await referParticipant(world.caseworker, world, {
      personalIdentityNumber: pin,
      firstName: 'فاطمة',
      lastName: 'Ålund',
    });
    for (const q of ['فاطمة', 'ålund', 'ÅLUND', '199201012383', '920101-2383', '0101-23']) {
      const body = (await world.caseworker.post('/api/participants/search', { q })).json();
      expect(
        body.items.map((p: { id: string }) => p.id),
        q,
      ).toContain(referral.participantId);
    }
    const none = (await world.caseworker.post('/api/participants/search', { q: 'nobodyhere' })).json();
    expect(none.items).toEqual([]);
    // A typed % or _ is a character to look for, not a wildcard that matches everyone.
    for (const q of ['%', '_', 'a\\']) {
      const wild = await world.caseworker.post('/api/participants/search', { q });
      expect(wild.statusCode).toBe(200);
      expect(wild.json().items).toEqual([]);
    }
  });

  it('lists and finds a person of another centre for staff assigned to her, and for no one else there', async () => {
    const own = await createWorld(t.app, t.db);
    const elsewhere = await referParticipant(
      own.otherCaseworker,
      { ...own, centre: own.otherCentre },
      { firstName: 'Tilldelad', lastName: 'Bortom' },
    );
    // A member of staff with no centre of her own, who reaches people only by assignment.
    const visiting = await createSession(t.app, t.db, 'employment_officer', [], own.organisation.id);
    const find = async (session: typeof visiting, q?: string) =>
      ((await session.post('/api/participants/search', q ? { q } : {})).json().items as { id: string }[]).map(
        (p) => p.id,
      );
    expect(await find(own.caseworker, 'bortom')).toEqual([]);
    expect(await find(visiting)).toEqual([]);

    for (const session of [own.caseworker, visiting]) {
      await t.db.execute(
        sql`insert into participant_staff (participant_id, user_id) values (${elsewhere.participantId}, ${session.userId})`,
      );
      expect(await find(session)).toContain(elsewhere.participantId);
      expect(await find(session, 'tilldelad bortom')).toEqual([elsewhere.participantId]);
    }
  });

  it('finds a reserve identity by the digits of its reserve number', async () => {
    const own = await createWorld(t.app, t.db);
    const referral = await referParticipant(own.caseworker, own, {
      personalIdentityNumber: null,
      birthDate: '1979-06-30',
      legalGender: 'female',
      lastName: 'Reservsson',
    });
    const person = (await own.caseworker.get(`/api/participants/${referral.participantId}`)).json();
    expect(person.identityNumber).toMatch(/^R19790630-\d{5}$/);
    for (const q of ['19790630', person.identityNumber.slice(-5)]) {
      const items = (await own.caseworker.post('/api/participants/search', { q })).json().items;
      expect(
        items.map((p: { id: string }) => p.id),
        q,
      ).toEqual([referral.participantId]);
    }
  });

  it('filters by centre and status', async () => {
    const own = await createWorld(t.app, t.db);
    await referParticipant(own.caseworker, own, { lastName: 'Remitterad' });
    const referred = (
      await own.caseworker.post('/api/participants/search', { status: 'referred', centreId: own.centre.id })
    ).json();
    expect(referred.items.map((p: { lastName: string }) => p.lastName)).toEqual(['Remitterad']);
    const enrolled = (await own.caseworker.post('/api/participants/search', { status: 'enrolled' })).json();
    expect(enrolled.items).toEqual([]);
    const otherCentre = (
      await own.caseworker.post('/api/participants/search', { centreId: own.otherCentre.id })
    ).json();
    expect(otherCentre.items).toEqual([]);
  });

  it('answers 400 for a bad filter and 401 without a session', async () => {
    const bad = await world.caseworker.post('/api/participants/search', { status: 'sleeping' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      field: 'status',
      message: 'Status är inte ett giltigt val',
    });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/participants/search', payload: {} })).statusCode,
    ).toBe(401);
  });
});

describe('protected identity', () => {
  it('is seen only by assigned staff, never shows an address and is absent from others’ lists and searches', async () => {
    const own = await createWorld(t.app, t.db);
    const referral = await referParticipant(own.caseworker, own, {
      lastName: 'Skyddad',
      protectedIdentity: true,
      streetAddress: 'Hemlig väg 1',
    });
    const colleague = await createSession(
      t.app,
      t.db,
      'social_consultant',
      [own.centre.id],
      own.organisation.id,
    );

    const assigned = (await own.caseworker.get(`/api/participants/${referral.participantId}`)).json();
    expect(assigned).toMatchObject({
      protectedIdentity: true,
      streetAddress: null,
      postalCode: null,
      city: null,
    });

    const denied = await colleague.get(`/api/participants/${referral.participantId}`);
    expect(denied.statusCode).toBe(404);
    const list = (await colleague.post('/api/participants/search', { q: 'skyddad' })).json();
    expect(list.items).toEqual([]);
    expect(list.total).toBe(0);
    const referrals = (await colleague.get(`/api/referrals?participantId=${referral.participantId}`)).json();
    expect(referrals.items).toEqual([]);

    const stored = await queryRows<{ street_address: string | null }>(
      t.db,
      sql`select street_address from participants where id = ${referral.participantId}`,
    );
    expect(stored[0]?.street_address).toBeNull();
  });

  it('refuses a second registration with a message that reveals nothing about the person', async () => {
    const own = await createWorld(t.app, t.db);
    const pin = '19920101-2391';
    await referParticipant(own.caseworker, own, { personalIdentityNumber: pin, protectedIdentity: true });
    const colleague = await createSession(t.app, t.db, 'coordinator', [own.centre.id], own.organisation.id);

    const again = await colleague.post('/api/referrals', {
      participant: personInput({ personalIdentityNumber: pin, firstName: 'Annat', lastName: 'Namn' }),
      programmeId: own.programme.programme.id,
      centreId: own.centre.id,
      referringOfficer: 'Handläggare',
      referredOn: '2026-11-10',
      basis: 'establishment_programme',
    });
    expect(again.statusCode).toBe(409);
    const error = again.json().error;
    expect(error.code).toBe('PARTICIPANT_ALREADY_REGISTERED');
    expect(error.existingId).toBeUndefined();
    expect(JSON.stringify(error)).not.toMatch(/skydd|protected/i);

    // Someone who may see the person gets a link to them.
    const visible = await referParticipant(own.caseworker, own);
    const detail = (await own.caseworker.get(`/api/participants/${visible.participantId}`)).json();
    const duplicate = await own.caseworker.post('/api/referrals', {
      participant: personInput({ personalIdentityNumber: detail.identityNumber }),
      programmeId: own.programme.programme.id,
      centreId: own.centre.id,
      referringOfficer: 'Handläggare',
      referredOn: '2026-11-10',
      basis: 'establishment_programme',
    });
    expect(duplicate.json().error.existingId).toBe(visible.participantId);
  });
});

describe('PUT /api/participants/:id', () => {
  it('saves with the current version and refuses a stale one with the current data', async () => {
    const referral = await referParticipant(world.caseworker, world, { firstName: 'Amal' });
    const url = `/api/participants/${referral.participantId}`;
    const current = (await world.caseworker.get(url)).json();
    const first = await world.caseworker.put(url, {
      ...personInput(),
      firstName: 'Amala',
      version: current.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      firstName: 'Amala',
      version: 2,
      identityNumber: current.identityNumber,
    });

    const second = await world.caseworker.put(url, {
      ...personInput(),
      firstName: 'Amina',
      version: current.version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { firstName: 'Amala', version: 2 },
    });
    expect((await world.caseworker.get(url)).json().firstName).toBe('Amala');
  });

  it('answers 400 naming the field, 403 for another centre and 404 for no one', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const url = `/api/participants/${referral.participantId}`;
    const bad = await world.caseworker.put(url, { ...personInput(), email: 'not-an-email', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toContainEqual({
      field: 'email',
      code: 'invalid_email',
      message: 'E-post är inte en giltig e-postadress',
    });
    expect((await world.otherCaseworker.put(url, { ...personInput(), version: 1 })).statusCode).toBe(403);
    expect(
      (await world.caseworker.put(`/api/participants/${randomUUID()}`, { ...personInput(), version: 1 }))
        .statusCode,
    ).toBe(404);
  });
});

describe('reserve identity', () => {
  it('needs birth date and gender, and is replaced by a real number without losing history', async () => {
    const missing = await world.caseworker.post('/api/referrals', {
      participant: personInput({ personalIdentityNumber: null }),
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      referringOfficer: 'Handläggare',
      referredOn: '2026-11-10',
      basis: 'establishment_programme',
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['participant.birthDate', 'participant.legalGender']);

    const referral = await referParticipant(world.caseworker, world, {
      personalIdentityNumber: null,
      birthDate: '1992-04-01',
      legalGender: 'female',
    });
    const url = `/api/participants/${referral.participantId}`;
    const before = (await world.caseworker.get(url)).json();
    expect(before).toMatchObject({ identityType: 'reserve', birthDate: '1992-04-01', legalGender: 'female' });
    expect(before.identityNumber).toMatch(/^R19920401-\d{5}$/);

    const replaced = await world.caseworker.post(`${url}/identity`, {
      personalIdentityNumber: '199201011732',
      version: before.version,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      identityType: 'personal_identity_number',
      identityNumber: '19920101-1732',
      identityHistory: [{ identityType: 'reserve', identityNumber: before.identityNumber }],
    });
    // The referral registered under the reserve identity is still theirs.
    const referrals = (
      await world.caseworker.get(`/api/referrals?participantId=${referral.participantId}`)
    ).json();
    expect(referrals.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);

    const again = await world.caseworker.post(`${url}/identity`, {
      personalIdentityNumber: '199201011732',
      version: replaced.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOT_RESERVE_IDENTITY');
  });
});

describe('GET /api/participants/:id/access-log', () => {
  it('shows an administrator who has accessed the record, and no one else', async () => {
    const referral = await referParticipant(world.caseworker, world);
    await world.caseworker.get(`/api/participants/${referral.participantId}`);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const response = await admin.get(`/api/participants/${referral.participantId}/access-log`);
    expect(response.statusCode).toBe(200);
    const whats = response
      .json()
      .items.map((i: { what: string; userName: string }) => `${i.what}:${i.userName}`);
    expect(whats).toContain('participant.view:Test coordinator');
    expect(whats).toContain('participant.create:Test coordinator');
    expect(
      (await world.caseworker.get(`/api/participants/${referral.participantId}/access-log`)).statusCode,
    ).toBe(403);
    expect((await admin.get(`/api/participants/${randomUUID()}/access-log`)).statusCode).toBe(404);
  });
});
