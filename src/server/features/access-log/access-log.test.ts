import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createSession, createWorld, referParticipant } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Entry = {
  id: number;
  at: string;
  what: string;
  action: string;
  participantId: string | null;
  participantName: string | null;
  protectedIdentity: boolean;
  linkable: boolean;
};

/** Parses the export's CSV back: BOM, semicolons, quoted text with doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => (line.match(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g) ?? []).slice(0, -1))
    .map((cells) => cells.map((c) => c.replace(/;$/, '').replace(/^"|"$/g, '').replaceAll('""', '"')));
}

describe('GET /api/users/:id/access-log', () => {
  it('lists what one user accessed, newest first, page by page, with the participant named', async () => {
    const world = await createWorld(t.app, t.db);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const referral = await referParticipant(world.caseworker, world, {
      firstName: 'Amal',
      lastName: 'Haile',
    });
    for (let i = 0; i < 3; i++) await world.caseworker.get(`/api/participants/${referral.participantId}`);

    const all = await admin.get(`/api/users/${world.caseworker.userId}/access-log`);
    expect(all.statusCode).toBe(200);
    const body = all.json() as { items: Entry[]; total: number };
    // The referral wrote two rows in one transaction, then three reads.
    expect(body.total).toBe(5);
    expect(body.items.map((e) => e.what).slice(0, 3)).toEqual([
      'participant.view',
      'participant.view',
      'participant.view',
    ]);
    expect(
      body.items
        .map((e) => e.what)
        .slice(3)
        .sort(),
    ).toEqual(['participant.create', 'referral.create']);
    expect(body.items[0]).toMatchObject({
      participantId: referral.participantId,
      participantName: 'Amal Haile',
      protectedIdentity: false,
      linkable: true,
      action: 'read',
    });
    const ids = body.items.map((e) => e.id);

    const page2 = (
      await admin.get(`/api/users/${world.caseworker.userId}/access-log?page=2&pageSize=3`)
    ).json();
    expect(page2.total).toBe(5);
    expect(page2.items.map((e: Entry) => e.id)).toEqual(ids.slice(3));

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const inPeriod = await admin.get(
      `/api/users/${world.caseworker.userId}/access-log?from=${today}&to=${today}`,
    );
    expect(inPeriod.json().total).toBe(5);
    const before = await admin.get(`/api/users/${world.caseworker.userId}/access-log?to=2020-01-01`);
    expect(before.json()).toEqual({ items: [], total: 0 });
    const reversed = await admin.get(
      `/api/users/${world.caseworker.userId}/access-log?from=${today}&to=2020-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.map((f: { field: string }) => f.field)).toContain('to');
  });

  it('names a protected person only to an administrator assigned to them, and gives no id or link', async () => {
    const world = await createWorld(t.app, t.db);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const referral = await referParticipant(world.caseworker, world, {
      firstName: 'Hemlig',
      lastName: 'Person',
      protectedIdentity: true,
    });
    const response = await admin.get(`/api/users/${world.caseworker.userId}/access-log`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Hemlig');
    expect(response.body).not.toContain(referral.participantId);
    expect(response.json().items[0]).toMatchObject({
      participantId: null,
      participantName: null,
      protectedIdentity: true,
      linkable: false,
    });

    const csv = await admin.get(`/api/users/${world.caseworker.userId}/access-log?format=csv`);
    expect(csv.body).not.toContain('Hemlig');
    expect(parseCsv(csv.body)[1]?.[1]).toBe('Skyddad identitet');
  });

  it('exports the period as CSV for Swedish Excel and as XLSX', async () => {
    const world = await createWorld(t.app, t.db);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    await referParticipant(world.caseworker, world, { firstName: '=Formel', lastName: 'Åström' });

    const csv = await admin.get(`/api/users/${world.caseworker.userId}/access-log?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment; filename="atkomstlogg-anvandare.csv"');
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(['Tid', 'Deltagare', 'Åtgärd', 'Vad', 'Roll', 'Centrum']);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(1, 5))
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      ["'=Formel Åström", 'Skapade', 'Ny deltagare', 'Samordnare'],
      ["'=Formel Åström", 'Skapade', 'Ny remiss', 'Samordnare'],
    ]);

    const xlsx = await admin.get(`/api/users/${world.caseworker.userId}/access-log?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 401, 403 for another organisation or a role without the log, 404 for no such user', async () => {
    const world = await createWorld(t.app, t.db);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/users/${world.caseworker.userId}/access-log` }))
        .statusCode,
    ).toBe(401);
    expect((await admin.get(`/api/users/${world.otherCaseworker.userId}/access-log`)).statusCode).toBe(403);
    expect((await world.caseworker.get(`/api/users/${world.caseworker.userId}/access-log`)).statusCode).toBe(
      403,
    );
    expect((await admin.get(`/api/users/${randomUUID()}/access-log`)).statusCode).toBe(404);
    expect((await admin.get(`/api/users/${world.caseworker.userId}/access-log?format=pdf`)).statusCode).toBe(
      400,
    );
  });
});

describe('GET /api/participants/:id/access-log?format=csv', () => {
  it('exports who accessed the participant', async () => {
    const world = await createWorld(t.app, t.db);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const referral = await referParticipant(world.caseworker, world);
    await world.caseworker.get(`/api/participants/${referral.participantId}`);
    const csv = await admin.get(`/api/participants/${referral.participantId}/access-log?format=csv`);
    expect(csv.statusCode).toBe(200);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(['Tid', 'Användare', 'Åtgärd', 'Vad', 'Roll', 'Centrum']);
    expect(rows[1]?.slice(3, 5)).toEqual(['Deltagarens sida', 'Samordnare']);
    expect(
      rows
        .slice(2)
        .map((r) => r[3])
        .sort(),
    ).toEqual(['Ny deltagare', 'Ny remiss']);
  });
});

describe('access_log', () => {
  it('still refuses UPDATE and DELETE', async () => {
    const world = await createWorld(t.app, t.db);
    await referParticipant(world.caseworker, world);
    const mine = sql`user_id = ${world.caseworker.userId}`;
    await expect(t.db.execute(sql`update access_log set what = 'x' where ${mine}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from access_log where ${mine}`)).rejects.toThrow();
    const rows = await queryRows<{ what: string }>(t.db, sql`select what from access_log where ${mine}`);
    expect(rows.map((r) => r.what).sort()).toEqual(['participant.create', 'referral.create']);
  });
});
