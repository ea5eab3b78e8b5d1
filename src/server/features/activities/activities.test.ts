import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { attendance } from '../../db/schema.ts';
import {
  addGroupMember,
  createActivity,
  createGroup,
  createSession,
  createWorld,
  enrolParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  manager = await createSession(t.app, t.db, 'programme_manager', [world.centre.id], world.organisation.id);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

function input(overrides: Record<string, unknown> = {}) {
  return {
    name: `Samhällsorientering ${Math.random().toString(36).slice(2, 8)}`,
    type: 'civic_orientation',
    stepId: world.programme.steps[1]?.id,
    plannedHours: 100,
    deliveryLanguage: 'ar',
    interpreter: false,
    description: 'Om att leva i Sverige',
    mandatoryTargetGroupIds: [world.programme.short.id, world.programme.higher.id],
    ...overrides,
  };
}

describe('POST /api/programmes/:id/activities', () => {
  it("adds an activity to the programme's catalogue", async () => {
    const body = input();
    const response = await manager.post(`/api/programmes/${world.programme.programme.id}/activities`, body);

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      programmeId: world.programme.programme.id,
      name: body.name,
      type: 'civic_orientation',
      stepId: world.programme.steps[1]?.id,
      stepName: 'Bas',
      plannedHours: 100,
      deliveryLanguage: 'ar',
      interpreter: false,
      active: true,
      version: 1,
    });
    expect(response.json().mandatoryTargetGroupIds.sort()).toEqual(body.mandatoryTargetGroupIds.sort());
  });

  it('answers 400 naming the field: a step or target group of another programme, a name in use', async () => {
    const other = await createWorld(t.app, t.db);
    const url = `/api/programmes/${world.programme.programme.id}/activities`;
    const first = await manager.post(url, input({ name: 'Praktik' }));
    expect(first.statusCode).toBe(201);

    const blank = await manager.post(url, input({ name: ' ' }));
    const foreign = await manager.post(
      url,
      input({ stepId: other.programme.steps[0]?.id, mandatoryTargetGroupIds: [other.programme.short.id] }),
    );
    const taken = await manager.post(url, input({ name: 'praktik' }));

    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0]).toMatchObject({ field: 'name', message: 'Namn måste fyllas i' });
    expect(foreign.statusCode).toBe(400);
    expect(
      foreign.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
    ).toEqual([
      ['stepId', 'invalid_choice'],
      ['mandatoryTargetGroupIds.0', 'invalid_choice'],
    ]);
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields[0]).toEqual({
      field: 'name',
      code: 'name_taken',
      message: 'Namn används redan i programmet',
    });
  });

  it('answers 401, 403 and 404', async () => {
    const url = `/api/programmes/${world.programme.programme.id}/activities`;
    const stranger = await createSession(t.app, t.db, 'programme_manager', [
      (await createWorld(t.app, t.db)).centre.id,
    ]);

    const anonymous = await t.app.inject({ method: 'POST', url, payload: input() });
    const byCoordinator = await world.caseworker.post(url, input());
    const other = await stranger.post(url, input());
    const none = await manager.post(`/api/programmes/${missing}/activities`, input());

    expect([anonymous.statusCode, byCoordinator.statusCode, other.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });
});

describe('GET /api/programmes/:id/activities', () => {
  it('lists the catalogue by name for staff of the programme', async () => {
    const own = await createWorld(t.app, t.db);
    const boss = await createSession(t.app, t.db, 'programme_manager', [own.centre.id], own.organisation.id);
    const url = `/api/programmes/${own.programme.programme.id}/activities`;
    for (const name of ['Öppen verkstad', 'SFI-stöd', 'Arbetsträning', 'Ämnesstudier', 'Samhällsorientering'])
      expect(
        (await boss.post(url, input({ name, mandatoryTargetGroupIds: [], stepId: null }))).statusCode,
      ).toBe(201);

    const response = await own.caseworker.get(url);

    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((a: { name: string }) => a.name)).toEqual([
      'Arbetsträning',
      'Samhällsorientering',
      'SFI-stöd',
      'Ämnesstudier',
      'Öppen verkstad',
    ]);
  });

  it('answers 400, 401, 403 and 404', async () => {
    const url = `/api/programmes/${world.programme.programme.id}/activities`;
    const stranger = (await createWorld(t.app, t.db)).caseworker;
    const responses = await Promise.all([
      world.caseworker.get('/api/programmes/x/activities'),
      t.app.inject({ method: 'GET', url }),
      stranger.get(url),
      world.caseworker.get(`/api/programmes/${missing}/activities`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404]);
  });
});

describe('PUT /api/activities/:id', () => {
  it('saves the changes and answers 409 with the current activity for a stale version', async () => {
    const created = (
      await manager.post(`/api/programmes/${world.programme.programme.id}/activities`, input())
    ).json();
    const changed = input({
      name: `${created.name} (kväll)`,
      type: 'civic_orientation',
      stepId: null,
      plannedHours: 120,
      mandatoryTargetGroupIds: [world.programme.short.id],
      active: false,
      version: 1,
    });

    const response = await manager.put(`/api/activities/${created.id}`, changed);
    const stale = await manager.put(`/api/activities/${created.id}`, { ...changed, plannedHours: 60 });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: changed.name,
      stepId: null,
      stepName: null,
      plannedHours: 120,
      mandatoryTargetGroupIds: [world.programme.short.id],
      active: false,
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { plannedHours: 120, version: 2 },
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const created = (
      await manager.post(`/api/programmes/${world.programme.programme.id}/activities`, input())
    ).json();
    const url = `/api/activities/${created.id}`;
    const other = (
      await manager.post(`/api/programmes/${world.programme.programme.id}/activities`, input())
    ).json();

    const taken = await manager.put(url, input({ name: other.name, version: 1 }));
    const noVersion = await manager.put(url, input());
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: input({ version: 1 }) });
    const byCoordinator = await world.caseworker.put(url, input({ version: 1 }));
    const none = await manager.put(`/api/activities/${missing}`, input({ version: 1 }));

    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields[0].code).toBe('name_taken');
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.fields[0].field).toBe('version');
    expect([anonymous.statusCode, byCoordinator.statusCode, none.statusCode]).toEqual([401, 403, 404]);
  });
});

describe('GET/PUT /api/programmes/:id/closure-days', () => {
  it('replaces the list and cancels the sessions on a new closure day that have no attendance yet', async () => {
    const own = await createWorld(t.app, t.db);
    const boss = await createSession(t.app, t.db, 'programme_manager', [own.centre.id], own.organisation.id);
    const url = `/api/programmes/${own.programme.programme.id}/closure-days`;
    await boss.put(url, { days: [{ day: '2026-11-30', reason: 'Planeringsdag' }] });
    const activity = await createActivity(t.db, own.programme.programme.id);
    const quiet = await createGroup(t.db, own, { activityId: activity.id });
    const held = await createGroup(t.db, own, { activityId: activity.id });
    const enrolment = await enrolParticipant(own.caseworker, own);
    await addGroupMember(t.db, held.group.id, enrolment.id, own.caseworker.userId);
    const heldSession = held.sessions.find((s) => s.sessionDate === '2026-12-02');
    if (!heldSession) throw new Error('no session on 2 December');
    await t.db.insert(attendance).values({
      sessionId: heldSession.id,
      enrolmentId: enrolment.id,
      status: 'present',
      attendedMinutes: 180,
      recordedBy: own.caseworker.userId,
    });

    const response = await boss.put(url, {
      days: [
        { day: '2026-12-02', reason: 'Personaldag' },
        { day: '2026-11-30', reason: 'Planeringsdag' },
      ],
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { day: '2026-11-30', reason: 'Planeringsdag' },
      { day: '2026-12-02', reason: 'Personaldag' },
    ]);
    expect((await own.caseworker.get(url)).json()).toEqual(response.json());
    const sessions = await queryRows<{
      group_id: string;
      session_date: string;
      status: string;
      cancel_reason: string | null;
    }>(
      t.db,
      sql`select group_id, to_char(session_date, 'YYYY-MM-DD') as session_date, status, cancel_reason
        from group_sessions where group_id in (${quiet.group.id}, ${held.group.id})
        and session_date in ('2026-11-30', '2026-12-02') order by session_date, group_id = ${held.group.id}`,
    );
    // 30 November was a closure day before the groups were made, so neither has a session on it.
    expect(
      sessions.map((s) => [s.group_id === held.group.id ? 'held' : 'quiet', s.status, s.cancel_reason]),
    ).toEqual([
      ['quiet', 'cancelled', 'Personaldag'],
      ['held', 'planned', null],
    ]);
  });

  it('answers 400, 401, 403 and 404', async () => {
    const url = `/api/programmes/${world.programme.programme.id}/closure-days`;
    const twice = {
      days: [
        { day: '2026-12-24', reason: 'Jul' },
        { day: '2026-12-24', reason: 'Jul igen' },
      ],
    };
    const stranger = await createSession(t.app, t.db, 'programme_manager', [
      (await createWorld(t.app, t.db)).centre.id,
    ]);

    const bad = await manager.put(url, { days: [{ day: '2026-13-01', reason: 'Fel' }] });
    const duplicate = await manager.put(url, twice);
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: { days: [] } });
    const byCoordinator = await world.caseworker.put(url, { days: [] });
    const other = await stranger.get(url);
    const none = await manager.get(`/api/programmes/${missing}/closure-days`);

    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'days.0.day', code: 'invalid_date' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields[0]).toMatchObject({ field: 'days.1.day', code: 'duplicate_row' });
    expect([anonymous.statusCode, byCoordinator.statusCode, other.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });
});
