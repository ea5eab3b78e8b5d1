import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReviewDetail } from '../../../core/schemas/access-review.schema.ts';
import { queryRows } from '../../db/client.ts';
import { accessLog } from '../../db/schema.ts';
import { createSession, createWorld, referParticipant } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An organisation with an administrator and a participant, and access rows written at chosen instants. */
async function organisation() {
  const world = await createWorld(t.app, t.db);
  const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
  const referral = await referParticipant(world.caseworker, world, { firstName: 'Sara', lastName: 'Nur' });
  const log = async (userId: string, ats: string[]) => {
    const rows = await t.db
      .insert(accessLog)
      .values(
        ats.map((at) => ({
          userId,
          participantId: referral.participantId,
          action: 'read' as const,
          what: 'participant.view',
          role: 'coordinator' as const,
          centreId: world.centre.id,
          at: new Date(at),
        })),
      )
      .returning({ id: accessLog.id });
    return rows.map((r) => r.id);
  };
  return { world, admin, referral, log };
}

const days = (month: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${month}-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`);

describe('POST /api/access-reviews', () => {
  it("samples 20 distinct accesses of the organisation's users in the month, stable on every read", async () => {
    const { world, admin, log } = await organisation();
    // 00:30 on 1 October in Stockholm is still 30 September in UTC: it belongs to October.
    const october = await log(world.caseworker.userId, [...days('2026-10', 29), '2026-09-30T22:30:00Z']);
    await log(world.caseworker.userId, ['2026-09-15T10:00:00Z', '2026-10-31T23:30:00Z']); // Sept; 1 Nov in Sweden
    await log(world.otherCaseworker.userId, days('2026-10', 5)); // another organisation's user

    const created = await admin.post('/api/access-reviews', { month: '2026-10' });
    expect(created.statusCode).toBe(201);
    const review = created.json() as AccessReviewDetail;
    expect(review).toMatchObject({ month: '2026-10', itemCount: 20, decidedCount: 0, flaggedCount: 0 });
    const sampled = review.items.map((i) => i.accessLogId);
    expect(new Set(sampled).size).toBe(20);
    for (const id of sampled) expect(october).toContain(id);
    expect(review.items.map((i) => i.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(review.items[0]).toMatchObject({
      outcome: 'pending',
      userName: 'Test coordinator',
      participantName: 'Sara Nur',
      what: 'participant.view',
    });

    const again = (await admin.get(`/api/access-reviews/${review.id}`)).json() as AccessReviewDetail;
    expect(again.items.map((i) => i.accessLogId)).toEqual(sampled);

    const second = await admin.post('/api/access-reviews', { month: '2026-10' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ACCESS_REVIEW_EXISTS', existingId: review.id });

    const list = (await admin.get('/api/access-reviews')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: review.id, itemCount: 20 })]);
  });

  it('takes every access when the month has fewer than the sample size, and none from a quiet month', async () => {
    const { world, admin, log } = await organisation();
    const august = await log(world.caseworker.userId, days('2026-08', 3));
    const small = (
      await admin.post('/api/access-reviews', { month: '2026-08' })
    ).json() as AccessReviewDetail;
    expect(small.items.map((i) => i.accessLogId).sort()).toEqual([...august].sort());
    const quiet = (
      await admin.post('/api/access-reviews', { month: '2020-01' })
    ).json() as AccessReviewDetail;
    expect(quiet.itemCount).toBe(0);
  });

  it('refuses a month not yet begun, a malformed month, no session and a role without the log', async () => {
    const { world, admin } = await organisation();
    expect((await admin.post('/api/access-reviews', { month: '2999-01' })).json().error.code).toBe(
      'MONTH_NOT_STARTED',
    );
    const bad = await admin.post('/api/access-reviews', { month: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('month');
    expect((await t.app.inject({ method: 'GET', url: '/api/access-reviews' })).statusCode).toBe(401);
    expect((await world.caseworker.post('/api/access-reviews', { month: '2026-10' })).statusCode).toBe(403);
  });

  it('masks a protected person the administrator is not assigned to', async () => {
    const { world, admin } = await organisation();
    const hidden = await referParticipant(world.caseworker, world, {
      firstName: 'Dold',
      lastName: 'Person',
      protectedIdentity: true,
    });
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 7);
    const review = await admin.post('/api/access-reviews', { month });
    expect(review.statusCode).toBe(201);
    expect(review.body).not.toContain('Dold');
    expect(review.body).not.toContain(hidden.participantId);
    const masked = (review.json() as AccessReviewDetail).items.filter((i) => i.protectedIdentity);
    expect(masked.length).toBeGreaterThan(0);
    for (const item of masked) expect(item).toMatchObject({ participantId: null, participantName: null });
  });
});

describe('PUT /api/access-review-items/:id', () => {
  async function review() {
    const o = await organisation();
    await o.log(o.world.caseworker.userId, days('2026-07', 4));
    const created = (
      await o.admin.post('/api/access-reviews', { month: '2026-07' })
    ).json() as AccessReviewDetail;
    return { ...o, review: created };
  }

  it('confirms, flags with a note, and counts the progress', async () => {
    const { admin, review: r } = await review();
    const [first, second] = r.items;
    const confirmed = await admin.put(`/api/access-review-items/${first?.id}`, {
      outcome: 'confirmed',
      version: 1,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ outcome: 'confirmed', version: 2, note: null });
    expect(confirmed.json().decidedAt).not.toBeNull();

    const flagged = await admin.put(`/api/access-review-items/${second?.id}`, {
      outcome: 'flagged',
      note: 'Ingen anledning att läsa',
      version: 1,
    });
    expect(flagged.json()).toMatchObject({
      outcome: 'flagged',
      note: 'Ingen anledning att läsa',
      version: 2,
    });

    const detail = (await admin.get(`/api/access-reviews/${r.id}`)).json();
    expect(detail).toMatchObject({ itemCount: 4, decidedCount: 2, flaggedCount: 1 });
  });

  it('refuses a flag without a note (400 naming note) and a stale version (409 with the current row)', async () => {
    const { admin, review: r } = await review();
    const item = r.items[0];
    const noNote = await admin.put(`/api/access-review-items/${item?.id}`, {
      outcome: 'flagged',
      note: ' ',
      version: 1,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields).toEqual([expect.objectContaining({ field: 'note' })]);

    await admin.put(`/api/access-review-items/${item?.id}`, { outcome: 'confirmed', version: 1 });
    const stale = await admin.put(`/api/access-review-items/${item?.id}`, {
      outcome: 'flagged',
      note: 'Sent',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: item?.id, outcome: 'confirmed', version: 2 },
    });
  });

  it("answers 403 to another organisation's administrator, 404 for no such item or review, 401 without a session", async () => {
    const { review: r } = await review();
    const stranger = (await organisation()).admin;
    const item = r.items[0];
    expect((await stranger.get(`/api/access-reviews/${r.id}`)).statusCode).toBe(403);
    expect(
      (await stranger.put(`/api/access-review-items/${item?.id}`, { outcome: 'confirmed', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await stranger.get(`/api/access-reviews/${randomUUID()}`)).statusCode).toBe(404);
    expect(
      (await stranger.put(`/api/access-review-items/${randomUUID()}`, { outcome: 'confirmed', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/access-review-items/${item?.id}`, payload: {} }))
        .statusCode,
    ).toBe(401);
  });

  it('leaves the access log itself untouched and append-only', async () => {
    const { admin, review: r, world } = await review();
    await admin.put(`/api/access-review-items/${r.items[0]?.id}`, { outcome: 'confirmed', version: 1 });
    await expect(
      t.db.execute(sql`update access_log set what = 'x' where id = ${r.items[0]?.accessLogId}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from access_log where id = ${r.items[0]?.accessLogId}`),
    ).rejects.toThrow();
    const rows = await queryRows<{ what: string }>(
      t.db,
      sql`select what from access_log where user_id = ${world.caseworker.userId} and at < '2026-08-01'`,
    );
    expect(rows.map((row) => row.what)).toEqual([
      'participant.view',
      'participant.view',
      'participant.view',
      'participant.view',
    ]);
  });
});
