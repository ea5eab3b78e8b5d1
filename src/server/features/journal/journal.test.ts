import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  consentToParticipation,
  createSession,
  createWorld,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  await t.db.execute(sql`update users set name = 'Sara Lind' where id = ${world.caseworker.userId}`);
});
afterAll(() => t.close());

const entry = { entryDate: '2026-11-20', category: 'meeting', text: 'Trepartssamtal om SFI och praktik.' };

async function participant() {
  return (await referParticipant(world.caseworker, world)).participantId;
}

async function written(participantId: string, body: object = entry) {
  const response = await world.caseworker.post(`/api/participants/${participantId}/journal`, body);
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string };
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string }>(
    t.db,
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
}

describe('POST /api/participants/:id/journal', () => {
  it('writes an entry with the actor as author and lists it', async () => {
    const participantId = await participant();

    const response = await world.caseworker.post(`/api/participants/${participantId}/journal`, entry);

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      ...entry,
      participantId,
      authorName: 'Sara Lind',
      correctsId: null,
      correctionReason: null,
      correctedById: null,
    });
    const list = await world.caseworker.get(`/api/participants/${participantId}/journal`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([response.json()]);
    expect(await accessLog(participantId)).toEqual(
      expect.arrayContaining([
        { action: 'create', what: 'journal.create' },
        { action: 'read', what: 'journal.list' },
      ]),
    );
  });

  it('lists the newest entry first', async () => {
    const participantId = await participant();
    await written(participantId, { ...entry, entryDate: '2026-11-01', text: 'Första' });
    await written(participantId, { ...entry, entryDate: '2026-11-10', text: 'Senaste' });
    await written(participantId, { ...entry, entryDate: '2026-11-05', text: 'Mellan' });

    const items = (await world.caseworker.get(`/api/participants/${participantId}/journal`)).json().items;
    expect(items.map((i: { text: string }) => i.text)).toEqual(['Senaste', 'Mellan', 'Första']);
  });

  it('answers 400 naming each bad field in Swedish', async () => {
    const participantId = await participant();
    const response = await world.caseworker.post(`/api/participants/${participantId}/journal`, {
      entryDate: '2026-02-30',
      category: 'gossip',
      text: '   ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Datum måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Kategori är inte ett giltigt val',
        'Text måste fyllas i',
      ]),
    );
  });

  it('answers 401 without a session', async () => {
    const participantId = await participant();
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/journal`,
      payload: entry,
    });
    const get = await t.app.inject({ method: 'GET', url: `/api/participants/${participantId}/journal` });
    expect([post.statusCode, get.statusCode]).toEqual([401, 401]);
  });

  it("answers 403 for another centre's participant and for a role that may not write", async () => {
    const participantId = await participant();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);

    const other = await world.otherCaseworker.post(`/api/participants/${participantId}/journal`, entry);
    const otherRead = await world.otherCaseworker.get(`/api/participants/${participantId}/journal`);
    const byTeacher = await teacher.post(`/api/participants/${participantId}/journal`, entry);
    const teacherRead = await teacher.get(`/api/participants/${participantId}/journal`);

    expect([other.statusCode, otherRead.statusCode, byTeacher.statusCode]).toEqual([403, 403, 403]);
    expect(teacherRead.statusCode).toBe(200);
  });

  it('answers 404 for a participant that does not exist', async () => {
    const response = await world.caseworker.post(
      '/api/participants/00000000-0000-4000-8000-000000000000/journal',
      entry,
    );
    expect(response.statusCode).toBe(404);
  });

  it('refuses to write once consent has been withdrawn', async () => {
    const participantId = await participant();
    const consent = await consentToParticipation(world.caseworker, participantId);
    await world.caseworker.post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: '2026-12-01' });

    const response = await world.caseworker.post(`/api/participants/${participantId}/journal`, entry);

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_WITHDRAWN');
  });
});

describe('POST /api/journal/:id/corrections', () => {
  it('keeps the original, marks it corrected and links it to the correction with its reason', async () => {
    const participantId = await participant();
    const original = await written(participantId);

    const response = await world.caseworker.post(`/api/journal/${original.id}/corrections`, {
      text: 'Trepartssamtal om SFI, praktik och barnomsorg.',
      reason: 'Barnomsorg saknades',
    });

    expect(response.statusCode).toBe(201);
    const correction = response.json();
    expect(correction).toMatchObject({
      entryDate: entry.entryDate,
      category: entry.category,
      text: 'Trepartssamtal om SFI, praktik och barnomsorg.',
      correctsId: original.id,
      correctionReason: 'Barnomsorg saknades',
      correctedById: null,
    });
    const items = (await world.caseworker.get(`/api/participants/${participantId}/journal`)).json().items;
    expect(items).toHaveLength(2);
    expect(items.find((i: { id: string }) => i.id === original.id)).toMatchObject({
      text: entry.text,
      correctedById: correction.id,
    });
    expect(await accessLog(participantId)).toContainEqual({ action: 'create', what: 'journal.correct' });
  });

  it('takes a new date and category when given', async () => {
    const participantId = await participant();
    const original = await written(participantId);
    const response = await world.caseworker.post(`/api/journal/${original.id}/corrections`, {
      text: 'Samtal per telefon.',
      reason: 'Fel typ av kontakt',
      entryDate: '2026-11-21',
      category: 'phone_call',
    });
    expect(response.json()).toMatchObject({ entryDate: '2026-11-21', category: 'phone_call' });
  });

  it('answers 409 when the entry is already corrected, and the correction can be corrected', async () => {
    const participantId = await participant();
    const original = await written(participantId);
    const first = await world.caseworker.post(`/api/journal/${original.id}/corrections`, {
      text: 'Rättad',
      reason: 'Stavfel',
    });

    const again = await world.caseworker.post(`/api/journal/${original.id}/corrections`, {
      text: 'Rättad igen',
      reason: 'Stavfel',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'JOURNAL_ALREADY_CORRECTED',
      message: 'Anteckningen är redan rättad. Rätta den senaste versionen i stället.',
    });

    const ofCorrection = await world.caseworker.post(`/api/journal/${first.json().id}/corrections`, {
      text: 'Rättad igen',
      reason: 'Stavfel',
    });
    expect(ofCorrection.statusCode).toBe(201);
  });

  it('answers 400 without a reason, naming it in Swedish', async () => {
    const participantId = await participant();
    const original = await written(participantId);
    const response = await world.caseworker.post(`/api/journal/${original.id}/corrections`, {
      text: 'Rättad',
      reason: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'reason', code: 'required', message: 'Orsak måste fyllas i' },
    ]);
  });

  it('answers 401, 403 and 404', async () => {
    const participantId = await participant();
    const original = await written(participantId);
    const body = { text: 'Rättad', reason: 'Stavfel' };
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/journal/${original.id}/corrections`,
      payload: body,
    });
    const other = await world.otherCaseworker.post(`/api/journal/${original.id}/corrections`, body);
    const missing = await world.caseworker.post(
      '/api/journal/00000000-0000-4000-8000-000000000000/corrections',
      body,
    );
    expect([anonymous.statusCode, other.statusCode, missing.statusCode]).toEqual([401, 403, 404]);
  });
});

describe('the journal table', () => {
  it('refuses UPDATE and DELETE, so nothing written is ever changed or removed', async () => {
    const participantId = await participant();
    const original = await written(participantId);

    await expect(
      t.db.execute(sql`update journal_entries set text = 'ändrad' where id = ${original.id}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from journal_entries where id = ${original.id}`)).rejects.toThrow();
    const rows = await queryRows<{ text: string }>(
      t.db,
      sql`select text from journal_entries where id = ${original.id}`,
    );
    expect(rows).toEqual([{ text: entry.text }]);
  });
});
