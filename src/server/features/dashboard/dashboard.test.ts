import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DashboardFigure,
  type DashboardScope,
  enrolmentFilterParams,
  figureFilter,
} from '../../../core/dashboard.ts';
import { todayInSweden } from '../../../core/dates.ts';
import {
  type ExitOutcome,
  exitOutcomes,
  type FollowUpStatus,
  followUpStatuses,
  type LegalGender,
  type TargetGroupKind,
} from '../../../core/enums.ts';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { queryRows } from '../../db/client.ts';
import {
  type CohortPerson,
  createCentre,
  createOrganisation,
  createProgramme,
  createSession,
  insertCohortPerson,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

// A generated cohort whose right answers this file computes by itself, in plain JavaScript over the generated
// rows, and compares with what the dashboard computes in SQL.

let t: TestContext;
let programme: Awaited<ReturnType<typeof createProgramme>>;
let centreA: { id: string };
let centreB: { id: string };
let manager: Session;
let coordinatorA: Session;
let staffB: Session;
const actors = new Map<string, string[]>();
type Row = CohortPerson & { id: string };
const cohort: Row[] = [];
const today = '2026-12-01';

/** mulberry32: the same cohort on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  const organisation = await createOrganisation(t.db);
  const a = await createCentre(t.db, organisation.id);
  const b = await createCentre(t.db, organisation.id);
  centreA = a;
  centreB = b;
  programme = await createProgramme(t.db, [a.id, b.id]);
  manager = await createSession(t.app, t.db, 'programme_manager', [a.id, b.id], organisation.id);
  coordinatorA = await createSession(t.app, t.db, 'coordinator', [a.id], organisation.id);
  staffB = await createSession(t.app, t.db, 'social_consultant', [b.id], organisation.id);
  actors.set(manager.userId, [a.id, b.id]);
  actors.set(coordinatorA.userId, [a.id]);
  actors.set(staffB.userId, [b.id]);

  const random = seeded(20_260_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let i = 0; i < 160; i++) {
    const home = random() < 0.5 ? a.id : b.id;
    const enrolledAt = random() < 0.1 ? (home === a.id ? b.id : a.id) : home;
    const protectedIdentity = random() < 0.1;
    const assignedTo = protectedIdentity
      ? [pick([manager.userId, coordinatorA.userId, staffB.userId])]
      : random() < 0.1
        ? [coordinatorA.userId]
        : [];
    const group = random() < 0.6 ? programme.short : programme.higher;
    const startsOn = plusDays('2025-01-02', Math.floor(random() * 690));
    const exitCandidate = plusDays(startsOn, 20 + Math.floor(random() * 400));
    const exitedOn = random() < 0.6 && exitCandidate <= today ? exitCandidate : null;
    const exitOutcome = exitedOn ? pick(exitOutcomes) : null;
    const until = exitedOn ?? today;
    const steps: CohortPerson['enrolment']['steps'] = [];
    for (const step of programme.steps) {
      if (step.ordinal > 1 && random() < 0.35) continue;
      const startedOn = plusDays(startsOn, (step.ordinal - 1) * 20);
      if (startedOn > until) continue;
      const early = plusDays(startedOn, 5 + Math.floor(random() * 60));
      const endedOn = random() < 0.5 && early <= until ? early : exitedOn;
      steps.push({ stepId: step.id, startedOn, endedOn });
    }
    const dueOn = exitedOn ? plusDays(exitedOn, 90) : null;
    const person: CohortPerson = {
      legalGender: pick(['female', 'female', 'male', 'male', 'unknown'] as const),
      centreId: home,
      municipalityCode: pick(['0136', '0192', '0138', null]),
      protectedIdentity,
      assignedTo,
      enrolment: {
        programmeId: programme.programme.id,
        centreId: enrolledAt,
        targetGroupId: group.id,
        startsOn,
        plannedEndOn: plusDays(startsOn, group.maxDurationMonths * 30),
        exitedOn,
        exitOutcome,
        steps,
        followUp: dueOn
          ? { dueOn, status: dueOn <= today && random() < 0.85 ? pick(followUpStatuses) : null }
          : null,
      },
    };
    cohort.push({ ...person, id: await insertCohortPerson(t.db, manager.userId, person) });
  }
});
afterAll(() => t.close());

// ---------------------------------------------------------------- the right answers, computed here

type Filters = {
  from: string;
  to: string;
  centreId?: string;
  municipality?: string;
  targetGroup?: TargetGroupKind;
};
const genders: LegalGender[] = ['female', 'male', 'unknown'];

function visibleTo(userId: string) {
  const centreIds = actors.get(userId) ?? [];
  return (r: Row) => {
    const assigned = r.assignedTo.includes(userId);
    return (centreIds.includes(r.centreId) || assigned) && (!r.protectedIdentity || assigned);
  };
}

const kindOf = (targetGroupId: string): TargetGroupKind =>
  targetGroupId === programme.short.id ? 'short_educated' : 'upper_secondary_or_higher';
const between = (date: string | null, from: string, to: string) =>
  date !== null && date >= from && date <= to;
const workOrStudiesAtExit = (o: ExitOutcome | null) =>
  o !== null && (o.startsWith('work_') || o.startsWith('studies_') || o === 'own_business');
const workOrStudiesAtFollowUp = (s: FollowUpStatus | null | undefined) =>
  s === 'work' || s === 'studies' || s === 'own_business';

function countsOf(rows: readonly Row[]) {
  const by = (g: LegalGender) => rows.filter((r) => r.legalGender === g).length;
  return { female: by('female'), male: by('male'), unknown: by('unknown'), total: rows.length };
}

function percentOf(numerator: number, denominator: number) {
  // Per cent with one decimal, a half rounded up, in integers: 58 of 800 is 7.3.
  return denominator === 0 ? null : Math.floor((2000 * numerator + denominator) / (2 * denominator)) / 10;
}

function sharesOf(numerator: readonly Row[], denominator: readonly Row[]) {
  const part = (g?: LegalGender) => {
    const n = numerator.filter((r) => !g || r.legalGender === g).length;
    const d = denominator.filter((r) => !g || r.legalGender === g).length;
    return { numerator: n, denominator: d, percent: percentOf(n, d) };
  };
  return { female: part('female'), male: part('male'), unknown: part('unknown'), total: part() };
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mediansOf(rows: readonly Row[]) {
  const days = (g?: LegalGender) =>
    medianOf(
      rows
        .filter((r) => !g || r.legalGender === g)
        .map((r) => daysBetween(r.enrolment.startsOn, r.enrolment.exitedOn ?? '')),
    );
  return {
    days: { female: days('female'), male: days('male'), unknown: days('unknown'), total: days() },
    counts: countsOf(rows),
  };
}

function inStepOn(r: Row, stepId: string, on: string) {
  return r.enrolment.steps.some(
    (s) => s.stepId === stepId && s.startedOn <= on && (s.endedOn === null || s.endedOn > on),
  );
}

function expected(userId: string, f: Filters) {
  const rows = cohort
    .filter(visibleTo(userId))
    .filter((r) => !f.centreId || r.enrolment.centreId === f.centreId)
    .filter((r) => !f.municipality || r.municipalityCode === f.municipality)
    .filter((r) => !f.targetGroup || kindOf(r.enrolment.targetGroupId) === f.targetGroup);
  const enrolled = rows.filter((r) => between(r.enrolment.startsOn, f.from, f.to));
  const active = rows.filter(
    (r) => r.enrolment.startsOn <= f.to && (r.enrolment.exitedOn === null || r.enrolment.exitedOn > f.to),
  );
  const exited = rows.filter((r) => between(r.enrolment.exitedOn, f.from, f.to));
  const toWorkOrStudies = exited.filter((r) => workOrStudiesAtExit(r.enrolment.exitOutcome));
  const followedUp = exited.filter((r) => r.enrolment.followUp?.status);
  const months: {
    month: string;
    enrolled: ReturnType<typeof countsOf>;
    exited: ReturnType<typeof countsOf>;
  }[] = [];
  for (let m = f.from.slice(0, 7); m <= f.to.slice(0, 7); ) {
    months.push({
      month: m,
      enrolled: countsOf(enrolled.filter((r) => r.enrolment.startsOn.startsWith(m))),
      exited: countsOf(exited.filter((r) => r.enrolment.exitedOn?.startsWith(m))),
    });
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${(y ?? 0) + 1}-01` : `${y}-${String((mm ?? 0) + 1).padStart(2, '0')}`;
  }
  return {
    rows: { enrolled, active, exited, toWorkOrStudies, followedUp },
    figures: {
      enrolled: {
        counts: countsOf(enrolled),
        ofPlanned: { numerator: enrolled.length, denominator: 800, percent: percentOf(enrolled.length, 800) },
      },
      activeCounts: countsOf(active),
      byStep: programme.steps.map((s) => countsOf(active.filter((r) => inStepOn(r, s.id, f.to)))),
      // The actor's own centres, and others only where someone the actor may see is active.
      byCentre: Object.fromEntries(
        [centreA.id, centreB.id]
          .filter((c) => !f.centreId || c === f.centreId)
          .map((c) => [c, countsOf(active.filter((r) => r.enrolment.centreId === c))] as const)
          .filter(
            ([c, counts]) => (actors.get(userId) ?? []).includes(c) || c === f.centreId || counts.total > 0,
          ),
      ),
      byTargetGroup: Object.fromEntries(
        (['short_educated', 'upper_secondary_or_higher'] as const)
          .filter((k) => !f.targetGroup || k === f.targetGroup)
          .map((k) => [k, countsOf(active.filter((r) => kindOf(r.enrolment.targetGroupId) === k))]),
      ),
      exits: countsOf(exited),
      byOutcome: exitOutcomes
        .map((outcome) => ({
          outcome,
          counts: countsOf(exited.filter((r) => r.enrolment.exitOutcome === outcome)),
        }))
        .filter((o) => o.counts.total > 0),
      atExit: sharesOf(toWorkOrStudies, exited),
      atFollowUp: sharesOf(
        followedUp.filter((r) => workOrStudiesAtFollowUp(r.enrolment.followUp?.status)),
        followedUp,
      ),
      pending: countsOf(exited.filter((r) => r.enrolment.followUp && r.enrolment.followUp.status === null)),
      toExit: mediansOf(exited),
      toWorkOrStudies: mediansOf(toWorkOrStudies),
      months,
    },
  };
}

function actual(d: Dashboard) {
  return {
    enrolled: { counts: d.enrolled.counts, ofPlanned: { ...d.enrolled.ofPlanned } },
    activeCounts: d.active.counts,
    byStep: d.active.byStep.map((s) => s.counts),
    byCentre: Object.fromEntries(d.active.byCentre.map((c) => [c.centreId, c.counts])),
    byTargetGroup: Object.fromEntries(d.active.byTargetGroup.map((g) => [g.kind, g.counts])),
    exits: d.exits.counts,
    byOutcome: d.exits.byOutcome,
    atExit: d.atExit.shares,
    atFollowUp: d.atFollowUp.shares,
    pending: d.atFollowUp.pending,
    toExit: d.medianDays.toExit,
    toWorkOrStudies: d.medianDays.toWorkOrStudies,
    months: d.months.map((m) => ({ month: m.month, enrolled: m.enrolled, exited: m.exited })),
  };
}

function url(f: Partial<Filters>, programmeId = programme.programme.id) {
  const params = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1])));
  return `/api/programmes/${programmeId}/dashboard?${params}`;
}

async function dashboardOf(session: Session, f: Partial<Filters>): Promise<Dashboard> {
  const response = await session.get(url(f));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
}

const period = { from: '2025-01-01', to: '2026-11-30' };

// ---------------------------------------------------------------- the tests

describe('GET /api/programmes/:id/dashboard', () => {
  it('gives the figures of the generated cohort, women and men side by side, each with what it counts', async () => {
    const d = await dashboardOf(manager, period);
    const want = expected(manager.userId, period);
    // The cohort is varied enough for the comparison to mean something.
    expect(want.figures.exits.total).toBeGreaterThan(30);
    expect(want.figures.atFollowUp.total.denominator).toBeGreaterThan(10);
    expect(want.figures.activeCounts.unknown).toBeGreaterThan(0);
    expect(want.figures.byStep.filter((c) => c.total > 0).length).toBeGreaterThan(3);
    expect(want.figures.toWorkOrStudies.days.female).not.toBeNull();
    expect(want.figures.pending.total).toBeGreaterThan(0);
    expect(actual(d)).toEqual(want.figures);
    expect(d.filters).toEqual({ ...period, centreId: null, municipality: null, targetGroup: null });
    expect(d.programme).toMatchObject({ plannedParticipants: 800, goalPercent: 55, followUpDays: 90 });
    expect(d.active.on).toBe(period.to);
    for (const g of [...genders, 'total'] as const) {
      const part = want.figures.atFollowUp[g];
      expect(d.atFollowUp.goalReached[g]).toBe(
        part.denominator > 0 && part.numerator * 100 >= 55 * part.denominator,
      );
      expect(d.enrolled.counts[g]).toBe(want.figures.enrolled.counts[g]);
    }
    // Everything adds up: women, men and the others make the total.
    for (const c of [d.enrolled.counts, d.active.counts, d.exits.counts, ...d.months.map((m) => m.exited)]) {
      expect(c.female + c.male + c.unknown).toBe(c.total);
    }
    expect(d.months).toHaveLength(23);
    expect(d.months[0]).toMatchObject({ month: '2025-01', from: '2025-01-01', to: '2025-01-31' });
    expect(d.months.at(-1)).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
  });

  it('counts for a coordinator only her centre’s people and those assigned to her', async () => {
    const d = await dashboardOf(coordinatorA, period);
    expect(actual(d)).toEqual(expected(coordinatorA.userId, period).figures);
    // People of the other centre are not counted unless assigned to her.
    expect(d.enrolled.counts.total).toBeLessThan((await dashboardOf(manager, period)).enrolled.counts.total);
    // Her own centre is a choice; the other only because someone there is assigned to her and active.
    expect(d.choices.centres.map((c) => c.id)).toContain(centreA.id);
  });

  it('never counts a protected person of someone else’s, so no figure can single them out', async () => {
    // A programme of its own, so the cohort's answers stay as they are.
    const other = await createProgramme(t.db, [centreA.id, centreB.id]);
    const person = (protectedIdentity: boolean, assignedTo: string[]): CohortPerson => ({
      legalGender: 'female',
      centreId: centreA.id,
      municipalityCode: '0136',
      protectedIdentity,
      assignedTo,
      enrolment: {
        programmeId: other.programme.id,
        centreId: centreA.id,
        targetGroupId: other.short.id,
        startsOn: '2026-02-02',
        plannedEndOn: '2027-02-02',
        exitedOn: '2026-05-04',
        exitOutcome: 'work_permanent',
        steps: [{ stepId: other.steps[0]?.id ?? '', startedOn: '2026-02-02', endedOn: '2026-05-04' }],
        followUp: { dueOn: '2026-08-02', status: 'work' },
      },
    });
    await insertCohortPerson(t.db, manager.userId, person(false, []));
    await insertCohortPerson(t.db, manager.userId, person(false, []));
    const otherUrl = url(period, other.programme.id);
    const before = (await manager.get(otherUrl)).json() as Dashboard;
    expect(before.exits.counts.female).toBe(2);

    await insertCohortPerson(t.db, manager.userId, person(true, [coordinatorA.userId]));
    expect((await manager.get(otherUrl)).json()).toEqual(before);
    // Her own staff count her, as they see her in their lists.
    const own = (await coordinatorA.get(otherUrl)).json() as Dashboard;
    expect(own.exits.counts.female).toBe(3);
    expect(own.atFollowUp.shares.female).toEqual({ numerator: 3, denominator: 3, percent: 100 });
  });

  it('filters by centre, municipality, target group and period', async () => {
    const cases: Filters[] = [
      { ...period, centreId: centreB.id },
      { ...period, municipality: '0192' },
      { ...period, targetGroup: 'upper_secondary_or_higher' },
      { from: '2026-01-01', to: '2026-06-30' },
      { from: '2025-06-15', to: '2026-03-10', centreId: centreA.id, targetGroup: 'short_educated' },
    ];
    for (const f of cases) {
      const d = await dashboardOf(manager, f);
      const want = expected(manager.userId, f);
      expect(actual(d), JSON.stringify(f)).toEqual(want.figures);
      expect(d.filters).toMatchObject({
        centreId: f.centreId ?? null,
        municipality: f.municipality ?? null,
        targetGroup: f.targetGroup ?? null,
      });
    }
  });

  it('defaults the period to the programme’s start until today', async () => {
    const d = await dashboardOf(manager, {});
    expect(d.filters.from).toBe('2025-01-01');
    expect(d.filters.to).toBe(todayInSweden());
  });

  it('writes nothing to the access log: only counts leave', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from access_log`))[0]?.n;
    const before = await count();
    await dashboardOf(manager, period);
    expect(await count()).toBe(before);
  });

  it('answers 400 naming the field, 401, 403 and 404', async () => {
    const backwards = await manager.get(url({ from: '2026-05-01', to: '2026-04-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({
      field: 'to',
      message: 'Till och med måste vara efter starten',
    });
    const long = await manager.get(url({ from: '2000-01-01', to: '2026-04-01' }));
    expect(long.json().error.fields[0].field).toBe('to');
    for (const [f, field] of [
      [{ from: '2026-02-30' }, 'from'],
      [{ targetGroup: 'sleeping' }, 'targetGroup'],
      [{ municipality: 'Haninge' }, 'municipality'],
      [{ centreId: randomUUID() }, 'centreId'],
    ] as const) {
      const response = await manager.get(url(f as Partial<Filters>));
      expect(response.statusCode, JSON.stringify(f)).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    const unauthenticated = await t.app.inject({ method: 'GET', url: url(period) });
    expect(unauthenticated.statusCode).toBe(401);
    for (const role of ['language_teacher', 'administrator', 'job_agent'] as const) {
      const session = await createSession(t.app, t.db, role, [centreA.id]);
      expect((await session.get(url(period))).statusCode, role).toBe(403);
    }
    // A coordinator of a centre the programme does not run in.
    const elsewhere = await createSession(t.app, t.db, 'coordinator', [(await createCentre(t.db)).id]);
    expect((await elsewhere.get(url(period))).json().error.code).toBe('FORBIDDEN');
    expect((await manager.get(url(period, randomUUID()))).statusCode).toBe(404);
    expect((await manager.get('/api/programmes/not-a-uuid/dashboard')).json().error.fields[0].field).toBe(
      'id',
    );
  });
});

describe('the list of participants behind each figure', () => {
  async function listed(session: Session, scope: DashboardScope, figure: DashboardFigure, g?: LegalGender) {
    const response = await session.post('/api/participants/search', {
      ...Object.fromEntries(enrolmentFilterParams(figureFilter(scope, figure, g))),
      pageSize: 200,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { total: number; items: { id: string }[] };
    return { total: body.total, ids: body.items.map((i) => i.id).sort() };
  }
  const idsOf = (rows: readonly Row[], g?: LegalGender) =>
    rows
      .filter((r) => !g || r.legalGender === g)
      .map((r) => r.id)
      .sort();

  it('lists exactly the people a figure counts, for each gender and in all', async () => {
    const f: Filters = { from: '2025-03-01', to: '2026-10-31', centreId: centreA.id };
    const scope: DashboardScope = {
      programmeId: programme.programme.id,
      from: f.from,
      to: f.to,
      centreId: centreA.id,
      municipality: null,
      targetGroup: null,
    };
    const d = await dashboardOf(manager, f);
    const want = expected(manager.userId, f);
    const step = d.active.byStep.find((s) => s.counts.total > 0);
    const outcome = d.exits.byOutcome[0];
    const month = d.months.find((m) => m.exited.total > 0);
    if (!step || !outcome || !month) throw new Error('the cohort lacks a figure to follow');
    const figures: [DashboardFigure, Row[], Record<LegalGender | 'total', number>][] = [
      [{ kind: 'enrolled' }, want.rows.enrolled, d.enrolled.counts],
      [{ kind: 'active' }, want.rows.active, d.active.counts],
      [
        { kind: 'active', stepId: step.stepId },
        want.rows.active.filter((r) => inStepOn(r, step.stepId, f.to)),
        step.counts,
      ],
      [
        { kind: 'active', targetGroup: 'short_educated' },
        want.rows.active.filter((r) => kindOf(r.enrolment.targetGroupId) === 'short_educated'),
        d.active.byTargetGroup.find((g) => g.kind === 'short_educated')?.counts ?? d.active.counts,
      ],
      [{ kind: 'exited' }, want.rows.exited, d.exits.counts],
      [
        { kind: 'exited', outcome: outcome.outcome },
        want.rows.exited.filter((r) => r.enrolment.exitOutcome === outcome.outcome),
        outcome.counts,
      ],
      [{ kind: 'exitedToWorkOrStudies' }, want.rows.toWorkOrStudies, byPart(d.atExit.shares, 'numerator')],
      [{ kind: 'followedUp' }, want.rows.followedUp, byPart(d.atFollowUp.shares, 'denominator')],
      [
        { kind: 'followedUpInWorkOrStudies' },
        want.rows.followedUp.filter((r) => workOrStudiesAtFollowUp(r.enrolment.followUp?.status)),
        byPart(d.atFollowUp.shares, 'numerator'),
      ],
      [
        { kind: 'followUpPending' },
        want.rows.exited.filter((r) => r.enrolment.followUp?.status === null),
        d.atFollowUp.pending,
      ],
      [
        { kind: 'exitedInMonth', month: month.month },
        want.rows.exited.filter((r) => r.enrolment.exitedOn?.startsWith(month.month)),
        month.exited,
      ],
      [
        { kind: 'enrolledInMonth', month: '2025-03' },
        want.rows.enrolled.filter((r) => r.enrolment.startsOn.startsWith('2025-03')),
        d.months[0]?.enrolled ?? d.enrolled.counts,
      ],
    ];
    for (const [figure, rows, counts] of figures) {
      for (const g of [undefined, ...genders]) {
        const list = await listed(manager, scope, figure, g);
        const label = `${JSON.stringify(figure)} ${g ?? 'total'}`;
        expect(list.ids, label).toEqual(idsOf(rows, g));
        expect(list.total, label).toBe(counts[g ?? 'total']);
      }
    }
  });

  it('shows a coordinator only the people she may see behind a figure', async () => {
    const scope: DashboardScope = {
      programmeId: programme.programme.id,
      ...period,
      centreId: null,
      municipality: '0138',
      targetGroup: null,
    };
    const list = await listed(coordinatorA, scope, { kind: 'exited' });
    expect(list.ids).toEqual(
      idsOf(expected(coordinatorA.userId, { ...period, municipality: '0138' }).rows.exited),
    );
    expect(
      list.ids.every(
        (id) =>
          cohort.find((r) => r.id === id)?.protectedIdentity === false ||
          cohort.find((r) => r.id === id)?.assignedTo.includes(coordinatorA.userId),
      ),
    ).toBe(true);
  });

  it('refuses an unknown outcome or follow-up status naming the field', async () => {
    for (const [query, field] of [
      [{ outcome: 'work_permanent,sleeping' }, 'outcome'],
      [{ followUp: '' }, 'followUp'],
      [{ legalGender: 'other' }, 'legalGender'],
      [{ activeOn: '2026-13-01' }, 'activeOn'],
    ] as const) {
      const response = await manager.post('/api/participants/search', query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
  });
});

function byPart(
  shares: Dashboard['atExit']['shares'],
  part: 'numerator' | 'denominator',
): Record<LegalGender | 'total', number> {
  return {
    female: shares.female[part],
    male: shares.male[part],
    unknown: shares.unknown[part],
    total: shares.total[part],
  };
}
