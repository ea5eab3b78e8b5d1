import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  consentToParticipation,
  createSession,
  createWorld,
  enrolParticipant,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  await t.db.execute(sql`update users set name = 'Sara Lind' where id = ${world.caseworker.userId}`);
  manager = await createSession(t.app, t.db, 'programme_manager', [world.centre.id], world.organisation.id);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
const labels = ['Bankkonto', 'BankID/e-legitimation', 'Anmäld till SFI', 'Barnomsorg ordnad'];

function step(ordinal: number) {
  const found = world.programme.steps.find((s) => s.ordinal === ordinal);
  if (!found) throw new Error(`no step ${ordinal}`);
  return found;
}

type EnrolmentBody = {
  id: string;
  steps: {
    id: string;
    stepId: string;
    ordinal: number;
    startedOn: string;
    endedOn: string | null;
    checklist: { itemId: string; label: string; tickedOn: string | null; tickedByName: string | null }[];
  }[];
};

async function started(enrolmentId: string, ordinal: number, startedOn = '2026-11-18') {
  const response = await world.caseworker.post(`/api/enrolments/${enrolmentId}/steps`, {
    stepId: step(ordinal).id,
    startedOn,
  });
  expect(response.statusCode).toBe(201);
  const body = response.json() as EnrolmentBody;
  const open = body.steps.find((s) => s.ordinal === ordinal && s.endedOn === null);
  if (!open) throw new Error('step not open');
  return { enrolment: body, open };
}

/** Step 2's checklist, made once for the world's programme. */
let checklistItems: { id: string; label: string }[] | undefined;
async function checklist() {
  if (!checklistItems) {
    const response = await manager.put(
      `/api/programmes/${world.programme.programme.id}/steps/${step(2).id}/checklist`,
      { items: labels.map((label) => ({ label })) },
    );
    expect(response.statusCode).toBe(200);
    checklistItems = response.json().items;
  }
  return checklistItems as { id: string; label: string }[];
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string }>(
    t.db,
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
}

describe('POST /api/enrolments/:id/steps', () => {
  it('starts a step while another stays open, so two run in parallel', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    await started(enrolment.id, 2, '2026-11-17');

    const { enrolment: body } = await started(enrolment.id, 3, '2026-11-20');

    const open = body.steps.filter((s) => s.endedOn === null).map((s) => s.ordinal);
    expect(open).toEqual([1, 2, 3]);
    expect(body.steps.find((s) => s.ordinal === 3)).toMatchObject({ startedOn: '2026-11-20', endedOn: null });
    expect(await accessLog(enrolment.participantId)).toEqual(
      expect.arrayContaining([{ action: 'update', what: 'step.start' }]),
    );
  });

  it('answers 409 STEP_ALREADY_OPEN for a step that is already open, and lets it start again once ended', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);

    const again = await world.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: step(2).id,
      startedOn: '2026-11-19',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'STEP_ALREADY_OPEN',
      message: 'Deltagaren är redan i det steget. Avsluta steget innan det startas igen.',
    });

    await world.caseworker.post(`/api/enrolment-steps/${open.id}/end`, { endedOn: '2026-11-19' });
    const { enrolment: body } = await started(enrolment.id, 2, '2026-11-25');
    expect(body.steps.filter((s) => s.ordinal === 2).map((s) => [s.startedOn, s.endedOn])).toEqual([
      ['2026-11-18', '2026-11-19'],
      ['2026-11-25', null],
    ]);
  });

  it('answers 400 naming the field in Swedish', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const other = await createWorld(t.app, t.db);
    const otherStep = other.programme.steps[1];

    const bad = await world.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: 'x',
      startedOn: '2026-02-30',
    });
    const early = await world.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: step(2).id,
      startedOn: '2026-11-01',
    });
    const foreign = await world.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: otherStep?.id,
      startedOn: '2026-11-20',
    });

    expect([bad.statusCode, early.statusCode, foreign.statusCode]).toEqual([400, 400, 400]);
    expect(bad.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Steg har fel format',
        'Startdatum för steget måste vara ett datum som ÅÅÅÅ-MM-DD',
      ]),
    );
    expect(early.json().error.fields[0].message).toBe('Startdatum för steget får inte vara före startdatum');
    expect(foreign.json().error.fields[0].message).toBe('Steg är inte ett giltigt val');
  });

  it('answers 401, 403 and 404', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const body = { stepId: step(2).id, startedOn: '2026-11-20' };

    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/enrolments/${enrolment.id}/steps`,
      payload: body,
    });
    const other = await world.otherCaseworker.post(`/api/enrolments/${enrolment.id}/steps`, body);
    const byTeacher = await teacher.post(`/api/enrolments/${enrolment.id}/steps`, body);
    const none = await world.caseworker.post(`/api/enrolments/${missing}/steps`, body);

    expect([anonymous.statusCode, other.statusCode, byTeacher.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });

  it('answers 409 on an enrolment that has ended', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const exit = await world.caseworker.post(`/api/enrolments/${enrolment.id}/exit`, {
      exitedOn: '2026-11-20',
      outcome: 'moved',
      organisation: null,
      reason: null,
      version: 1,
    });
    expect(exit.statusCode).toBe(200);

    const response = await world.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: step(2).id,
      startedOn: '2026-11-20',
    });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ENROLMENT_ALREADY_EXITED');
  });
});

describe('POST /api/enrolment-steps/:id/end', () => {
  it('ends a step and keeps it in the history', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);

    const response = await world.caseworker.post(`/api/enrolment-steps/${open.id}/end`, {
      endedOn: '2026-11-30',
    });

    expect(response.statusCode).toBe(200);
    expect((response.json() as EnrolmentBody).steps.find((s) => s.id === open.id)).toMatchObject({
      startedOn: '2026-11-18',
      endedOn: '2026-11-30',
    });
    const again = await world.caseworker.post(`/api/enrolment-steps/${open.id}/end`, {
      endedOn: '2026-12-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STEP_ALREADY_ENDED');
  });

  it('answers 400, 401, 403 and 404', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const url = `/api/enrolment-steps/${open.id}/end`;

    const early = await world.caseworker.post(url, { endedOn: '2026-11-17' });
    const anonymous = await t.app.inject({ method: 'POST', url, payload: { endedOn: '2026-11-30' } });
    const other = await world.otherCaseworker.post(url, { endedOn: '2026-11-30' });
    const byTeacher = await teacher.post(url, { endedOn: '2026-11-30' });
    const none = await world.caseworker.post(`/api/enrolment-steps/${missing}/end`, {
      endedOn: '2026-11-30',
    });

    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toBe('Slutdatum för steget får inte vara före startdatum');
    expect([anonymous.statusCode, other.statusCode, byTeacher.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });
});

describe('GET/PUT /api/programmes/:id/steps/:stepId/checklist', () => {
  it('saves the ordered items and keeps the ids of existing ones', async () => {
    const own = await createWorld(t.app, t.db);
    const boss = await createSession(t.app, t.db, 'programme_manager', [own.centre.id], own.organisation.id);
    const url = `/api/programmes/${own.programme.programme.id}/steps/${own.programme.steps[1]?.id}/checklist`;
    const first = (await boss.put(url, { items: [{ label: 'Bankkonto' }, { label: 'Barnomsorg' }] })).json();

    const response = await boss.put(url, {
      items: [{ label: 'Barnomsorg ordnad', id: first.items[1].id }, { label: 'Anmäld till SFI' }],
    });

    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { label: string }) => i.label)).toEqual(['Barnomsorg ordnad', 'Anmäld till SFI']);
    expect(items[0].id).toBe(first.items[1].id);
    const read = await own.caseworker.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toEqual(items);
  });

  it('answers 400, 401, 403, 404 and 409 for an item someone has ticked', async () => {
    const items = await checklist();
    const url = `/api/programmes/${world.programme.programme.id}/steps/${step(2).id}/checklist`;
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);
    await world.caseworker.post(`/api/enrolment-steps/${open.id}/checklist/${items[0]?.id}`, {
      tickedOn: '2026-11-20',
    });

    const bad = await manager.put(url, { items: [{ label: '  ' }] });
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: { items: [] } });
    const byCoordinator = await world.caseworker.put(url, { items: [] });
    const otherManager = await createSession(t.app, t.db, 'programme_manager', [
      (await createWorld(t.app, t.db)).centre.id,
    ]);
    const other = await otherManager.get(url);
    const none = await manager.get(
      `/api/programmes/${world.programme.programme.id}/steps/${missing}/checklist`,
    );
    const inUse = await manager.put(url, { items: items.slice(1) });

    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('Punkt i checklistan måste fyllas i');
    expect([anonymous.statusCode, byCoordinator.statusCode, other.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('PROGRAMME_ITEM_IN_USE');
    expect((await manager.get(url)).json().items).toHaveLength(4);
  });
});

describe('POST/DELETE /api/enrolment-steps/:id/checklist/:itemId', () => {
  it('ticks an item with the date and who, and unticks it', async () => {
    const items = await checklist();
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);
    const url = `/api/enrolment-steps/${open.id}/checklist/${items[1]?.id}`;

    const ticked = await world.caseworker.post(url, { tickedOn: '2026-11-21' });

    expect(ticked.statusCode).toBe(200);
    const checklistOf = (body: EnrolmentBody) => body.steps.find((s) => s.id === open.id)?.checklist;
    expect(checklistOf(ticked.json())).toEqual(
      labels.map((label, i) => ({
        itemId: items[i]?.id,
        label,
        tickedOn: i === 1 ? '2026-11-21' : null,
        tickedByName: i === 1 ? 'Sara Lind' : null,
      })),
    );
    const listed = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`)
    ).json();
    expect(checklistOf(listed.items[0])?.[1]?.tickedOn).toBe('2026-11-21');

    const unticked = await world.caseworker.request({ method: 'DELETE', url });
    expect(unticked.statusCode).toBe(200);
    expect(checklistOf(unticked.json())?.[1]).toMatchObject({ tickedOn: null, tickedByName: null });
    expect(await accessLog(enrolment.participantId)).toEqual(
      expect.arrayContaining([
        { action: 'update', what: 'step.tick' },
        { action: 'update', what: 'step.untick' },
      ]),
    );
  });

  it('answers 400, 401, 403, 404 and 409', async () => {
    const items = await checklist();
    const enrolment = await enrolParticipant(world.caseworker, world);
    const { open } = await started(enrolment.id, 2);
    const first = (await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`))
      .json()
      .items[0].steps.find((s: { ordinal: number }) => s.ordinal === 1);
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const url = `/api/enrolment-steps/${open.id}/checklist/${items[0]?.id}`;
    const body = { tickedOn: '2026-11-21' };

    const bad = await world.caseworker.post(url, { tickedOn: 'i går' });
    const anonymous = await t.app.inject({ method: 'POST', url, payload: body });
    const other = await world.otherCaseworker.post(url, body);
    const byTeacher = await teacher.request({ method: 'DELETE', url });
    const noItem = await world.caseworker.post(`/api/enrolment-steps/${open.id}/checklist/${missing}`, body);
    const wrongStep = await world.caseworker.post(
      `/api/enrolment-steps/${first.id}/checklist/${items[0]?.id}`,
      body,
    );
    await world.caseworker.post(`/api/enrolment-steps/${open.id}/end`, { endedOn: '2026-11-30' });
    const ended = await world.caseworker.post(url, body);

    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe(
      'Datum för avbockning måste vara ett datum som ÅÅÅÅ-MM-DD',
    );
    expect([anonymous.statusCode, other.statusCode, byTeacher.statusCode]).toEqual([401, 403, 403]);
    expect([noItem.statusCode, wrongStep.statusCode]).toEqual([404, 404]);
    expect(ended.statusCode).toBe(409);
    expect(ended.json().error.code).toBe('STEP_ALREADY_ENDED');
  });
});

describe('GET /api/centres/:id/step-board', () => {
  it('shows who is in each step now, under every step they are in, and logs the access', async () => {
    const own = await createWorld(t.app, t.db);
    const enrolment = await enrolParticipant(own.caseworker, own);
    const second = own.programme.steps[1];
    await own.caseworker.post(`/api/enrolments/${enrolment.id}/steps`, {
      stepId: second?.id,
      startedOn: '2026-11-18',
    });
    const exited = await enrolParticipant(own.caseworker, own);
    await own.caseworker.post(`/api/enrolments/${exited.id}/exit`, {
      exitedOn: '2026-11-20',
      outcome: 'moved',
      organisation: null,
      reason: null,
      version: 1,
    });

    const response = await own.caseworker.get(`/api/centres/${own.centre.id}/step-board`);

    expect(response.statusCode).toBe(200);
    const board = response.json();
    const programme = board.programmes.find(
      (p: { programmeId: string }) => p.programmeId === own.programme.programme.id,
    );
    expect(programme.steps.map((s: { ordinal: number }) => s.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    const inStep = (ordinal: number) =>
      programme.steps[ordinal - 1].participants.map((p: { participantId: string; since: string }) => [
        p.participantId,
        p.since,
      ]);
    expect(inStep(1)).toEqual([[enrolment.participantId, '2026-11-16']]);
    expect(inStep(2)).toEqual([[enrolment.participantId, '2026-11-18']]);
    expect(inStep(3)).toEqual([]);
    expect(await accessLog(enrolment.participantId)).toEqual(
      expect.arrayContaining([{ action: 'read', what: 'step.board' }]),
    );
    expect(await accessLog(exited.participantId)).not.toEqual(
      expect.arrayContaining([{ action: 'read', what: 'step.board' }]),
    );
  });

  it('leaves out a protected person for staff who are not assigned to them', async () => {
    const own = await createWorld(t.app, t.db);
    const referral = await referParticipant(own.caseworker, own, {
      lastName: 'Skyddad',
      protectedIdentity: true,
    });
    await consentToParticipation(own.caseworker, referral.participantId);
    const enrolled = await own.caseworker.post(`/api/participants/${referral.participantId}/enrolments`, {
      programmeId: own.programme.programme.id,
      centreId: own.centre.id,
      startsOn: '2026-11-16',
      referralId: referral.id,
    });
    expect(enrolled.statusCode).toBe(201);
    const colleague = await createSession(t.app, t.db, 'coordinator', [own.centre.id], own.organisation.id);
    const names = async (session: Session) =>
      (await session.get(`/api/centres/${own.centre.id}/step-board`))
        .json()
        .programmes.flatMap((p: { steps: { participants: { lastName: string }[] }[] }) =>
          p.steps.flatMap((s) => s.participants.map((x) => x.lastName)),
        );

    expect(await names(own.caseworker)).toEqual(['Skyddad']);
    expect(await names(colleague)).toEqual([]);
  });

  it('answers 401, 403 and 404', async () => {
    const url = `/api/centres/${world.centre.id}/step-board`;
    const anonymous = await t.app.inject({ method: 'GET', url });
    const other = await world.otherCaseworker.get(url);
    const none = await world.caseworker.get(`/api/centres/${missing}/step-board`);
    const bad = await world.caseworker.get('/api/centres/x/step-board');
    expect([anonymous.statusCode, other.statusCode, none.statusCode, bad.statusCode]).toEqual([
      401, 403, 404, 400,
    ]);
  });
});
