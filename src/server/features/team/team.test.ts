import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  createSession,
  createUser,
  createWorld,
  referParticipant,
  testPassword,
} from '../../test/factories.ts';
import { createTestApp, login, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

async function colleague(name = 'Sami Socialkonsulent') {
  const user = await createUser(t.db, 'social_consultant', [world.centre.id], world.organisation.id);
  await t.db.execute(sql`update users set name = ${name} where id = ${user.id}`);
  return user;
}

function remove(session: Session, participantId: string, userId: string) {
  return session.request({ method: 'DELETE', url: `/api/participants/${participantId}/team/${userId}` });
}

describe('team of a participant', () => {
  it('starts with the one who registered as contact, adds a colleague and lists both', async () => {
    const { participantId } = await referParticipant(world.caseworker, world);
    const sami = await colleague();

    const added = await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: sami.id,
      isContact: false,
    });

    expect(added.statusCode).toBe(201);
    const list = await world.caseworker.get(`/api/participants/${participantId}/team`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      { userId: world.caseworker.userId, name: 'Test coordinator', role: 'coordinator', isContact: true },
      { userId: sami.id, name: 'Sami Socialkonsulent', role: 'social_consultant', isContact: false },
    ]);
    expect(added.json()).toEqual(list.json());
    const log = await queryRows<{ what: string }>(
      t.db,
      sql`select what from access_log where participant_id = ${participantId}`,
    );
    expect(log.map((r) => r.what)).toEqual(expect.arrayContaining(['team.add', 'team.list']));
  });

  it('makes one member the only contact person', async () => {
    const { participantId } = await referParticipant(world.caseworker, world);
    const sami = await colleague();
    await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: sami.id,
      isContact: true,
    });
    let items = (await world.caseworker.get(`/api/participants/${participantId}/team`)).json().items;
    expect(
      items.filter((m: { isContact: boolean }) => m.isContact).map((m: { userId: string }) => m.userId),
    ).toEqual([sami.id]);

    const back = await world.caseworker.post(
      `/api/participants/${participantId}/team/${world.caseworker.userId}/contact`,
    );
    expect(back.statusCode).toBe(200);
    items = back.json().items;
    expect(
      items.filter((m: { isContact: boolean }) => m.isContact).map((m: { userId: string }) => m.userId),
    ).toEqual([world.caseworker.userId]);
  });

  it('removes a member, but not the contact person until another is named', async () => {
    const { participantId } = await referParticipant(world.caseworker, world);
    const sami = await colleague();
    await world.caseworker.post(`/api/participants/${participantId}/team`, { userId: sami.id });

    const contact = await remove(world.caseworker, participantId, world.caseworker.userId);
    expect(contact.statusCode).toBe(409);
    expect(contact.json().error.code).toBe('TEAM_CONTACT_REQUIRED');

    const removed = await remove(world.caseworker, participantId, sami.id);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((m: { userId: string }) => m.userId)).toEqual([world.caseworker.userId]);
  });

  it('answers 400 naming userId for staff of another centre, and 409 for a member already there', async () => {
    const { participantId } = await referParticipant(world.caseworker, world);
    const stranger = await createUser(t.db, 'coordinator', [world.otherCentre.id]);

    const outside = await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: stranger.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([
      {
        field: 'userId',
        code: 'not_in_participant_centre',
        message: 'Medarbetare hör inte till deltagarens centrum',
      },
    ]);
    const malformed = await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: 'nobody',
    });
    expect(malformed.statusCode).toBe(400);

    const twice = await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: world.caseworker.userId,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('TEAM_MEMBER_EXISTS');
  });

  it('answers 401, 403 and 404', async () => {
    const { participantId } = await referParticipant(world.caseworker, world);
    const sami = await colleague();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/participants/${participantId}/team` });
    const other = await world.otherCaseworker.get(`/api/participants/${participantId}/team`);
    const otherAdd = await world.otherCaseworker.post(`/api/participants/${participantId}/team`, {
      userId: sami.id,
    });
    const byTeacher = await teacher.post(`/api/participants/${participantId}/team`, { userId: sami.id });
    const noParticipant = await world.caseworker.get(`/api/participants/${missing}/team`);
    const notMember = await remove(world.caseworker, participantId, sami.id);
    const notMemberContact = await world.caseworker.post(
      `/api/participants/${participantId}/team/${sami.id}/contact`,
    );

    expect([anonymous.statusCode, other.statusCode, otherAdd.statusCode, byTeacher.statusCode]).toEqual([
      401, 403, 403, 403,
    ]);
    expect([noParticipant.statusCode, notMember.statusCode, notMemberContact.statusCode]).toEqual([
      404, 404, 404,
    ]);
  });

  it('makes a protected person visible to the member added, and to no one else', async () => {
    const { participantId } = await referParticipant(world.caseworker, world, { protectedIdentity: true });
    const sami = await colleague();
    const samiSession = await login(t.app, sami.email, testPassword);
    expect((await samiSession.get(`/api/participants/${participantId}`)).statusCode).toBe(404);

    await world.caseworker.post(`/api/participants/${participantId}/team`, { userId: sami.id });

    expect((await samiSession.get(`/api/participants/${participantId}`)).statusCode).toBe(200);
    await remove(world.caseworker, participantId, sami.id);
    expect((await samiSession.get(`/api/participants/${participantId}`)).statusCode).toBe(404);
  });
});

describe('GET /api/centres/:id/staff', () => {
  it('lists active staff of a centre the actor belongs to', async () => {
    const sami = await colleague('Sami Staff');
    const disabled = await colleague('Disa Avstängd');
    await t.db.execute(sql`update users set disabled_at = now() where id = ${disabled.id}`);

    const response = await world.caseworker.get(`/api/centres/${world.centre.id}/staff`);

    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((s: { userId: string }) => s.userId);
    expect(ids).toContain(sami.id);
    expect(ids).toContain(world.caseworker.userId);
    expect(ids).not.toContain(disabled.id);
  });

  it('answers 401, 403 for another centre, 404 for none and 400 for a bad id', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/centres/${world.centre.id}/staff` });
    const other = await world.otherCaseworker.get(`/api/centres/${world.centre.id}/staff`);
    const none = await world.caseworker.get(`/api/centres/${missing}/staff`);
    const bad = await world.caseworker.get('/api/centres/x/staff');
    expect([anonymous.statusCode, other.statusCode, none.statusCode, bad.statusCode]).toEqual([
      401, 403, 404, 400,
    ]);
  });
});
