import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labourMarketStatuses } from '../../core/enums.ts';
import { parseOrganisationNumber } from '../../core/organisation-number.ts';
import { runRetention } from '../features/retention/retention.service.ts';
import { createTestApp, login, type TestContext } from '../test/test-app.ts';
import { queryRows } from './client.ts';
import { demoPassword, seedDemoData } from './demo-data.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('seeds the Etableringscentrum programme once, with staff who can log in', async () => {
    const logins = await seedDemoData(t.db, '2026-11-22');
    expect(logins.map((l) => l.email)).toContain('samordnare@haninge.example');
    const again = await seedDemoData(t.db, '2026-11-22');
    expect(again).toEqual(logins);

    const [programme] = await queryRows<{ name: string; planned_participants: number; goal_percent: string }>(
      t.db,
      sql`select name, planned_participants, goal_percent from programmes`,
    );
    expect(programme).toMatchObject({ name: 'Etableringscentrum', planned_participants: 800 });
    expect(Number(programme?.goal_percent)).toBe(55);
    const groups = await queryRows<{ kind: string; max_duration_months: number }>(
      t.db,
      sql`select kind, max_duration_months from target_groups order by max_duration_months`,
    );
    expect(groups).toEqual([
      { kind: 'upper_secondary_or_higher', max_duration_months: 6 },
      { kind: 'short_educated', max_duration_months: 12 },
    ]);
    const centres = await queryRows<{ name: string }>(t.db, sql`select name from centres order by name`);
    expect(centres.map((c) => c.name)).toEqual([
      'Etableringscentrum Haninge',
      'Etableringscentrum Nynäshamn',
      'Etableringscentrum Tyresö',
    ]);
    const session = await login(t.app, 'samordnare@haninge.example', demoPassword);
    // 20 in every state and 20 who left the programme long ago, the protected one among them hers too.
    expect((await session.post('/api/participants/search', {})).json().total).toBe(40);
  });

  it('numbers every person from Skatteverket’s test numbers and spreads them over the states', async () => {
    const published = new Set(
      readFileSync(new URL('./demo/testpersonnummer.txt', import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    const people = await queryRows<{ personal_identity_number: string | null; identity_type: string }>(
      t.db,
      sql`select personal_identity_number, identity_type from participants`,
    );
    expect(people).toHaveLength(120);
    for (const p of people) {
      if (p.identity_type !== 'reserve') expect(published.has(p.personal_identity_number ?? '')).toBe(true);
    }
    const referralStates = await queryRows<{ status: string }>(
      t.db,
      sql`select distinct status from referrals`,
    );
    expect(referralStates.map((r) => r.status).sort()).toEqual([
      'declined',
      'enrolled',
      'meeting_booked',
      'received',
      'withdrawn',
    ]);
    const [special] = await queryRows<{ protected: number; reserve: number; withdrawn: number }>(
      t.db,
      sql`select
        (select count(*)::int from participants where protected_identity) as protected,
        (select count(*)::int from participants where identity_type = 'reserve') as reserve,
        (select count(*)::int from consents where withdrawn_on is not null) as withdrawn`,
    );
    expect(special).toEqual({ protected: 3, reserve: 2, withdrawn: 1 });
  });

  it("gives most enrolments a labour-market status at the start, leaves three without for the funder's check, and sets the programme's rate", async () => {
    await seedDemoData(t.db, '2026-11-22');
    const rows = await queryRows<{ status: string | null; n: number }>(
      t.db,
      sql`select labour_market_status as status, count(*)::int as n from enrolments group by labour_market_status`,
    );
    const counts = new Map(rows.map((r) => [r.status, r.n]));
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(counts.get(null)).toBe(3);
    expect(rows.flatMap((r) => (r.status ? [r.status] : [])).sort()).toEqual(
      [...labourMarketStatuses].sort(),
    );
    // Newly arrived people referred by the employment service: most of them are out of work.
    expect((counts.get('unemployed') ?? 0) + (counts.get('long_term_unemployed') ?? 0)).toBeGreaterThan(
      total / 2,
    );
    const [programme] = await queryRows<{ rate: string; mode: string }>(
      t.db,
      sql`select cofinancing_hourly_rate::text as rate, funder_report_check as mode from programmes`,
    );
    expect(programme).toEqual({ rate: '50.00', mode: 'warn' });
  });

  it('gives the programme dashboard exits of many outcomes, recorded follow-ups and months to show', async () => {
    await seedDemoData(t.db, '2026-11-22');
    const session = await login(t.app, 'programledare@haninge.example', demoPassword);
    const [programme] = (await session.get('/api/programmes')).json().items;
    const d = (
      await session.get(`/api/programmes/${programme.id}/dashboard?from=2025-01-01&to=2026-11-22`)
    ).json();
    expect(d.programme).toMatchObject({ plannedParticipants: 800, goalPercent: 55 });
    expect(d.enrolled.counts.female).toBeGreaterThan(10);
    expect(d.enrolled.counts.male).toBeGreaterThan(10);
    expect(d.exits.counts.total).toBeGreaterThanOrEqual(50);
    expect(d.exits.byOutcome.length).toBeGreaterThanOrEqual(8);
    expect(d.atFollowUp.shares.total.denominator).toBeGreaterThanOrEqual(50);
    expect(d.atFollowUp.shares.female.percent).not.toBeNull();
    expect(
      d.active.byStep.filter((s: { counts: { total: number } }) => s.counts.total > 0).length,
    ).toBeGreaterThan(2);
    expect(d.months.filter((m: { exited: { total: number } }) => m.exited.total > 0).length).toBeGreaterThan(
      8,
    );
    expect(d.choices.municipalities).toHaveLength(3);
  });
});

describe('demo activities and groups', () => {
  it('has the catalogue, closure days and groups at Haninge running around today with members', async () => {
    await seedDemoData(t.db, '2026-11-22');
    const session = await login(t.app, 'samordnare@haninge.example', demoPassword);
    const [programme] = (await session.get('/api/programmes')).json().items;
    const catalogue = (await session.get(`/api/programmes/${programme.id}/activities`)).json().items;
    expect(catalogue.map((a: { name: string }) => a.name)).toEqual([
      'Hälsa och friskvård',
      'Jobbförberedande grupp',
      'Praktik',
      'Rusta: digital kompetens',
      'Samhällsorientering',
      'SFI-stöd/språkfrämjande',
    ]);
    expect(
      catalogue.find((a: { type: string }) => a.type === 'civic_orientation').mandatoryTargetGroupIds,
    ).toHaveLength(2);
    const [target] = await queryRows<{ hours: number }>(
      t.db,
      sql`select civic_orientation_target_hours as hours from programmes`,
    );
    expect(target?.hours).toBe(200);
    expect((await session.get(`/api/programmes/${programme.id}/closure-days`)).json().items).toHaveLength(6);
    const groups = (await session.get('/api/groups?activeOn=2026-11-22')).json().items;
    // Four groups of the centre, and the ongoing internship's group of its own.
    expect(groups).toHaveLength(5);
    expect(groups.filter((g: { name: string }) => g.name.startsWith('Praktik: '))).toHaveLength(1);
    for (const g of groups) {
      expect(g.startsOn < '2026-11-22' && g.endsOn > '2026-11-22').toBe(true);
      expect(g.memberCount).toBeGreaterThan(0);
    }
    const week = (
      await session.get(`/api/sessions/week?week=2026-W48&centreId=${groups[0].centreId}`)
    ).json();
    // Mon, Tue, Wed and two on Thu; Friday 27 November is the planning day. The internship's Monday to
    // Thursday are at the employer, open on the centre's planning day.
    expect(week.sessions.length).toBe(9);
  });

  it('has an ongoing internship with attendance, an ended one with both evaluations, and a job at the employer', async () => {
    const session = await login(t.app, 'samordnare@haninge.example', demoPassword);
    const employers = (await session.get('/api/employers?q=Omsorgshuset')).json().items;
    const outcomes = (await session.get(`/api/employers/${employers[0].id}/outcomes`)).json();
    const byStatus = Object.groupBy(outcomes.placements as { id: string; status: string }[], (p) => p.status);
    expect(byStatus.ongoing).toHaveLength(1);
    expect(byStatus.ended).toHaveLength(1);
    const ongoing = (await session.get(`/api/placements/${byStatus.ongoing?.[0]?.id}`)).json();
    expect(ongoing.recordedDays).toBeGreaterThan(0);
    expect(ongoing.attendedMinutes).toBeGreaterThan(0);
    const ended = (await session.get(`/api/placements/${byStatus.ended?.[0]?.id}`)).json();
    expect(ended.evaluations.map((e: { kind: string }) => e.kind).sort()).toEqual(['final', 'midpoint']);
    expect(ended.recordedDays).toBe(ended.days);
    expect(outcomes.counts.jobs).toBeGreaterThanOrEqual(1);
  });

  it('has employers with valid organisation numbers, contacts, a log and openings of every state', async () => {
    const session = await login(t.app, 'jobbagent@tyreso.example', demoPassword);
    const list = (await session.get('/api/employers')).json();
    expect(list.total).toBeGreaterThanOrEqual(8);
    for (const e of list.items) expect(parseOrganisationNumber(e.organisationNumber).ok).toBe(true);
    expect(new Set(list.items.map((e: { municipalityName: string }) => e.municipalityName))).toEqual(
      new Set(['Haninge', 'Nynäshamn', 'Tyresö']),
    );
    const detail = (await session.get(`/api/employers/${list.items[0].id}`)).json();
    expect(detail.contacts.length).toBeGreaterThan(0);
    expect(detail.interactions.length).toBeGreaterThan(0);
    const all = (await session.get('/api/openings?pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(10);
    expect(new Set(all.items.map((o: { status: string }) => o.status))).toEqual(
      new Set(['open', 'filled', 'closed']),
    );
    expect(new Set(all.items.map((o: { kind: string }) => o.kind))).toEqual(new Set(['internship', 'job']));
  });

  it('has an open survey in three languages whose results read as the article: 97 % and 80 %', async () => {
    const session = await login(t.app, 'samordnare@haninge.example', demoPassword);
    const [survey] = (await session.get('/api/surveys')).json().items;
    expect(survey).toMatchObject({
      status: 'open',
      languages: ['sv', 'en', 'ar'],
      questionCount: 3,
      responseCount: 30,
    });
    const results = (await session.get(`/api/surveys/${survey.id}/results`)).json();
    expect(results.questions[0].scale.verySatisfied).toEqual({
      numerator: 29,
      denominator: 30,
      percent: 96.7,
    });
    expect(results.questions[1].yesNo.yes).toEqual({ numerator: 24, denominator: 30, percent: 80 });
    expect(results.questions[2].freeTexts).toHaveLength(5);
    const [link] = (await session.get(`/api/surveys/${survey.id}/links`)).json().items;
    expect(link).toMatchObject({ responseCount: 30 });
    expect(link.groupName).toBeTruthy();
    const shown = await t.app.inject({ method: 'GET', url: `/api/public/surveys/${link.token}` });
    expect(shown.json().titles.ar).toBeTruthy();
  });

  it('gives retention one person to anonymise: a referral declined three years ago', async () => {
    const outcome = await runRetention(t.db, { today: '2026-11-22', dryRun: true });
    expect(outcome.expired).toHaveLength(1);
    expect(outcome.expired[0]).toMatchObject({ rule: 'referral', on: '2025-11-23' });
    expect(outcome.runId).toBeNull();
  });
});
