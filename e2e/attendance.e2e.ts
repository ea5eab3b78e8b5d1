import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.ts';
import type { RollCall, WeekSchedule } from '../src/core/schemas/activity.schema.ts';
import type { SessionResponse } from '../src/core/schemas/auth.schema.ts';
import { shiftWeek, weekOf } from '../src/web/features/groups/week.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The language teacher takes the roll call of her last session by keyboard alone: one participant late,
// the next absent because ill. The hours show at once, on the participant's attendance tab for the month and
// on the printed certificate; the month's file opens in a Swedish spreadsheet; the deviations are reported.

const baseUrl = inject('baseUrl');
const teacher = 'sprakpedagog@haninge.example';
const statuses = ['present', 'late', 'absent'] as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Her sessions held before today with at least two participants, latest first, found through the week API. */
async function heldSessions(page: Page): Promise<WeekSchedule['sessions']> {
  const session = (await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as SessionResponse;
  const today = todayInSweden();
  let week = weekOf(today);
  for (let n = 0; n < 4; n++, week = shiftWeek(week, -1)) {
    const response = await page.request.get(
      `${baseUrl}/api/sessions/week?week=${week}&leaderId=${session.user.id}`,
    );
    const schedule = (await response.json()) as WeekSchedule;
    const held = schedule.sessions
      .filter((s) => s.date < today && s.status === 'planned' && s.memberCount >= 2)
      .sort((a, b) => (b.date + b.startTime).localeCompare(a.date + a.startTime));
    if (held.length >= 2) return held;
  }
  throw new Error('no held sessions in the demo data');
}

/** Presses an arrow key until the row's radio button for `target` is checked (arrows wrap around). */
async function arrowTo(page: Page, row: Locator, target: (typeof statuses)[number]) {
  const label = { present: 'Närvarande', late: 'Sen', absent: 'Frånvarande' }[target];
  for (let n = 0; n < 3 && !(await row.getByRole('radio', { name: label, exact: true }).isChecked()); n++) {
    await page.keyboard.press('ArrowRight');
  }
  expect(await row.getByRole('radio', { name: label, exact: true }).isChecked()).toBe(true);
}

describe('attendance', () => {
  it('is taken by keyboard, summed per month, printed, exported and reported', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await logIn(page, baseUrl, teacher);

    await page.getByRole('link', { name: 'Närvaro', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Närvaro i dag' }).waitFor();
    await expectAccessible(page, 'attendance today');

    const [session] = await heldSessions(page);
    if (!session) throw new Error('no held session');
    const before = (await (
      await page.request.get(`${baseUrl}/api/sessions/${session.id}/roll-call`)
    ).json()) as RollCall;
    // Two neighbours, neither absent already, so that the keys below change both.
    const index = before.rows.findIndex(
      (r, i) => r.attendance?.status !== 'absent' && before.rows[i + 1]?.attendance?.status !== 'absent',
    );
    const first = before.rows[index];
    const second = before.rows[index + 1];
    if (!first || !second) throw new Error('no two neighbours to change');
    const nameOf = (r: RollCall['rows'][number]) => `${r.firstName} ${r.lastName}`;

    await page.goto(`${baseUrl}/narvaro/${session.id}`);
    await page.getByRole('heading', { level: 1, name: 'Närvaro' }).waitFor();
    await page.getByText(`${session.activityName}, ${session.groupName}, ${session.date}`).waitFor();
    await expectAccessible(page, 'roll call');

    const firstRow = page.getByRole('group', { name: new RegExp(`^${nameOf(first)}`) });
    const secondRow = page.getByRole('group', { name: new RegExp(`^${nameOf(second)}`) });
    // Into the first row's radio group; from here on only keys.
    await firstRow.getByRole('radio', { checked: true }).focus();
    await arrowTo(page, firstRow, 'late');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('numeric');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    expect(
      await secondRow.getByRole('radio', { checked: true }).evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await arrowTo(page, secondRow, 'absent');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await secondRow.getByLabel('Frånvaroorsak').inputValue()).toBe('ill');
    const save = page.getByRole('button', { name: 'Spara närvaro' });
    for (let n = 0; n < 80 && !(await save.evaluate((e) => e === document.activeElement)); n++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');

    await page.getByText('Närvaron är sparad.').waitFor();
    // 180 minutes less 25 late: 2,58 hours; absent: none. Both are deviations, said in words.
    await firstRow.getByText('Sparat: Sen 25 min').waitFor();
    await firstRow.getByText('Närvarotid 2,58 timmar').waitFor();
    await firstRow.getByText('Avvikelse').waitFor();
    await secondRow.getByText('Sparat: Frånvarande: Sjuk').waitFor();
    await secondRow.getByText('Närvarotid 0,00 timmar').waitFor();
    await secondRow.getByText('Avvikelse').waitFor();
    await expectAccessible(page, 'roll call after saving');

    // The participant's month.
    const month = session.date.slice(0, 7);
    await page.goto(`${baseUrl}/deltagare/${first.participantId}?flik=narvaro&manad=${month}`);
    await page.getByRole('heading', { level: 2, name: 'Närvaro' }).waitFor();
    const days = page.getByRole('table', { name: /^Närvaro per dag och aktivitet/ });
    const day = days.getByRole('row', { name: new RegExp(session.date) }).filter({ hasText: 'Sen' });
    expect(await day.first().textContent()).toContain('2,58');
    await page
      .getByRole('table', { name: /^Summa per aktivitet/ })
      .getByText('Totalt')
      .waitFor();
    await page.getByRole('heading', { level: 3, name: 'Samhällsorientering' }).waitFor();
    await page.getByText(/av 100 timmar \(lagens minimum\)/).waitFor();
    await page.getByText(/av 200 timmar \(programmets mål\)/).waitFor();
    await expectAccessible(page, 'attendance tab');

    // The file the CSV button downloads: UTF-8 with a BOM, semicolons, for Swedish Excel.
    const csvHref = await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/participants/${first.participantId}/attendance?month=${month}&format=csv`);
    const csv = await page.request.get(`${baseUrl}${csvHref}`);
    expect(csv.ok()).toBe(true);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = bytes.subarray(3).toString('utf8').split(/\r?\n/);
    expect(header?.split(';').length).toBeGreaterThan(5);

    // The certificate.
    await page.getByRole('link', { name: 'Skriv ut närvarointyg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Närvarointyg' }).waitFor();
    await page.getByText(nameOf(first)).first().waitFor();
    await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
    await page.getByText('Summa närvaro').waitFor();
    await page.getByText('Personalens underskrift').waitFor();
    await expectAccessible(page, 'attendance certificate');

    // The deviation report for the month lists both.
    await page.goto(`${baseUrl}/narvaro/avvikelser?manad=${month}`);
    await page.getByRole('heading', { level: 1, name: 'Avvikelserapport' }).waitFor();
    const report = page.getByRole('table', { name: /^Avvikelser / });
    const late = report
      .getByRole('row', { name: new RegExp(nameOf(first)) })
      .filter({ hasText: session.date });
    expect(await late.first().textContent()).toContain('Sen 25 min');
    const absent = report
      .getByRole('row', { name: new RegExp(nameOf(second)) })
      .filter({ hasText: session.date });
    expect(await absent.first().textContent()).toContain('Frånvarande: Sjuk');
    expect(await page.getByRole('link', { name: 'Ladda ner Excel (XLSX)' }).getAttribute('href')).toBe(
      `/api/attendance/deviations?month=${month}&format=xlsx`,
    );
    await expectAccessible(page, 'deviation report');
  });

  it('keeps what was typed when someone else saved the same row first', async () => {
    const lina = await (await browser.newContext()).newPage();
    await logIn(lina, baseUrl, teacher);
    const [, session] = await heldSessions(lina);
    if (!session) throw new Error('no second held session');
    const sara = await (await browser.newContext()).newPage();
    await logIn(sara, baseUrl, 'samordnare@haninge.example');

    // Both open the roll call; Lina saves first.
    for (const page of [lina, sara]) {
      await page.goto(`${baseUrl}/narvaro/${session.id}`);
      await page.getByRole('button', { name: 'Spara närvaro' }).waitFor();
    }
    const read = (await (
      await lina.request.get(`${baseUrl}/api/sessions/${session.id}/roll-call`)
    ).json()) as RollCall;
    // A row neither absent nor late, so that both Lina's and Sara's marks below are changes.
    const row = read.rows.find((r) => r.attendance?.status !== 'absent' && r.attendance?.status !== 'late');
    if (!row) throw new Error('no row to change');
    const name = `${row.firstName} ${row.lastName}`;
    const linaRow = lina.getByRole('group', { name: new RegExp(`^${name}`) });
    await linaRow.getByRole('radio', { name: 'Frånvarande' }).check();
    await linaRow.getByLabel('Frånvaroorsak').selectOption({ label: 'Myndighetsbesök' });
    await lina.getByRole('button', { name: 'Spara närvaro' }).click();
    await lina.getByText('Närvaron är sparad.').waitFor();

    // Sara's late mark lacks its minutes: the error names the participant and sits at the field.
    const saraRow = sara.getByRole('group', { name: new RegExp(`^${name}`) });
    await saraRow.getByRole('radio', { name: 'Sen', exact: true }).check();
    await saraRow.getByLabel('Minuter sen').fill('');
    await sara.getByRole('button', { name: 'Spara närvaro' }).click();
    await sara.getByRole('link', { name: `${name}: Minuter sen måste fyllas i` }).click();
    expect(await saraRow.getByLabel('Minuter sen').evaluate((e) => e === document.activeElement)).toBe(true);
    await saraRow.getByText('Minuter sen måste fyllas i').waitFor();

    // Then the conflict: Lina's save is shown, Sara's typing stays, and saving again applies it.
    await saraRow.getByLabel('Minuter sen').fill('10');
    await sara.getByRole('button', { name: 'Spara närvaro' }).click();
    const conflict = sara.getByRole('table', { name: 'Sparat av någon annan under tiden' });
    const saved = conflict.getByRole('row', { name: new RegExp(name) });
    expect(await saved.textContent()).toContain('Frånvarande: Myndighetsbesök');
    expect(await saved.textContent()).toContain('Lina Språkpedagog');
    expect(await saraRow.getByRole('radio', { name: 'Sen', exact: true }).isChecked()).toBe(true);
    expect(await saraRow.getByLabel('Minuter sen').inputValue()).toBe('10');
    await expectAccessible(sara, 'roll call with a conflict');

    await sara.getByRole('button', { name: 'Spara närvaro igen' }).click();
    await sara.getByText('Närvaron är sparad.').waitFor();
    await saraRow.getByText('Sparat: Sen 10 min').waitFor();
    await saraRow.getByText('Registrerad av Sara Samordnare').waitFor();
  });
});
