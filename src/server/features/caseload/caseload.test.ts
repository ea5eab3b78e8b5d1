import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../core/dates.ts';
import type { JournalCategory } from '../../../core/enums.ts';
import { enrolments, followUps, journalEntries, users } from '../../db/schema.ts';
import { createSession, createWorld, referParticipant } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import type { Actor } from '../auth/actor.ts';
import { caseload } from './caseload.service.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let actor: Actor;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  const [user] = await t.db.select().from(users).where(eq(users.id, world.caseworker.userId));
  if (!user) throw new Error('no user');
  actor = {
    userId: user.id,
    sessionId: randomUUID(),
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    centreIds: [world.centre.id],
  };
});
afterAll(() => t.close());

const today = '2026-03-01';

async function person(lastName: string) {
  return (await referParticipant(world.caseworker, world, { lastName })).participantId;
}

async function enrol(
  participantId: string,
  startsOn: string,
  plannedEndOn: string,
  exit?: { on: string; followUpDueOn: string; recorded: boolean },
) {
  const [row] = await t.db
    .insert(enrolments)
    .values({
      participantId,
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      targetGroupId: world.programme.short.id,
      startsOn,
      plannedEndOn,
      exitedOn: exit?.on ?? null,
      exitOutcome: exit ? 'work_permanent' : null,
      createdBy: world.caseworker.userId,
    })
    .returning();
  if (!row) throw new Error('no enrolment');
  // As the enrolment endpoint does: the referral that led here is closed.
  await t.db.execute(sql`update referrals set status = 'enrolled' where participant_id = ${participantId}`);
  if (exit)
    await t.db.insert(followUps).values({
      enrolmentId: row.id,
      dueOn: exit.followUpDueOn,
      status: exit.recorded ? 'work' : null,
      recordedOn: exit.recorded ? exit.followUpDueOn : null,
      recordedBy: exit.recorded ? world.caseworker.userId : null,
    });
}

async function journal(
  participantId: string,
  entryDate: string,
  category: JournalCategory,
  corrects?: string,
) {
  const [row] = await t.db
    .insert(journalEntries)
    .values({
      participantId,
      entryDate,
      category,
      text: 'Anteckning',
      authorId: world.caseworker.userId,
      correctsId: corrects ?? null,
      correctionReason: corrects ? 'Fel kategori' : null,
    })
    .returning();
  if (!row) throw new Error('no entry');
  return row.id;
}

describe('caseload', () => {
  it('lists own participants with warnings computed for a given day', async () => {
    const soon = await person('Anna');
    await enrol(soon, '2025-12-01', '2026-03-20');
    await journal(soon, '2026-02-20', 'note');
    const passed = await person('Berit');
    await enrol(passed, '2025-09-01', '2026-02-15');
    await journal(passed, '2026-02-25', 'phone_call');
    const due = await person('Cecilia');
    await enrol(due, '2025-06-01', '2025-12-01', {
      on: '2025-12-01',
      followUpDueOn: '2026-03-05',
      recorded: false,
    });
    const overdue = await person('Dana');
    await enrol(overdue, '2025-06-01', '2025-11-20', {
      on: '2025-11-20',
      followUpDueOn: '2026-02-18',
      recorded: false,
    });
    const recorded = await person('Eva');
    await enrol(recorded, '2025-01-01', '2025-07-01', {
      on: '2025-07-01',
      followUpDueOn: '2025-09-29',
      recorded: true,
    });
    const referred = await person('Fatima');
    const colleague = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    const notMine = (await referParticipant(colleague, world, { lastName: 'Gustav' })).participantId;

    const result = await caseload(t.db, actor, today);

    const byId = new Map(result.items.map((i) => [i.participantId, i]));
    expect(result.today).toBe(today);
    expect(byId.get(soon)).toMatchObject({
      status: 'enrolled',
      isContact: true,
      plannedEndOn: '2026-03-20',
      lastContactOn: null,
      // Enrolled 90 days ago and no action plan yet.
      warnings: ['planned_end_soon', 'no_contact', 'plan_not_reviewed'],
    });
    expect(byId.get(passed)).toMatchObject({
      lastContactOn: '2026-02-25',
      warnings: ['planned_end_passed', 'plan_not_reviewed'],
    });
    expect(byId.get(due)).toMatchObject({
      status: 'exited',
      followUpDueOn: '2026-03-05',
      warnings: ['follow_up_due'],
    });
    expect(byId.get(overdue)?.warnings).toEqual(['follow_up_overdue']);
    expect(byId.get(referred)).toMatchObject({ status: 'referred', warnings: [] });
    expect(byId.has(recorded)).toBe(false);
    expect(byId.has(notMine)).toBe(false);
  });

  it('counts a corrected contact entry through its correction', async () => {
    const participantId = await person('Hanna');
    await enrol(participantId, '2025-10-01', '2026-10-01');
    const meeting = await journal(participantId, '2026-02-25', 'meeting');
    expect(
      (await caseload(t.db, actor, today)).items.find((i) => i.participantId === participantId)?.warnings,
    ).toEqual(['plan_not_reviewed']);

    await journal(participantId, '2026-02-25', 'note', meeting);

    const item = (await caseload(t.db, actor, today)).items.find((i) => i.participantId === participantId);
    expect(item).toMatchObject({ lastContactOn: null, warnings: ['no_contact', 'plan_not_reviewed'] });
  });
});

describe('GET /api/caseload', () => {
  it("answers with the actor's participants and warnings as of today in Sweden", async () => {
    const now = todayInSweden();
    const participantId = await person('Idun');
    await enrol(participantId, addDays(now, -60), addDays(now, 10));

    const response = await world.caseworker.get('/api/caseload');

    expect(response.statusCode).toBe(200);
    expect(response.json().today).toBe(now);
    expect(
      response.json().items.find((i: { participantId: string }) => i.participantId === participantId),
    ).toMatchObject({ warnings: ['planned_end_soon', 'no_contact'] });
  });

  it('is empty for someone with no participants, and 401 without a session', async () => {
    const newcomer = await createSession(t.app, t.db, 'coordinator', [world.centre.id]);
    expect((await newcomer.get('/api/caseload')).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/caseload' })).statusCode).toBe(401);
  });
});
