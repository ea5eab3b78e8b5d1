import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { generateSessions, isoWeekday } from '../src/core/schedule.ts';
import { weekOf } from '../src/web/features/groups/week.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The programme manager adds a civic orientation activity to the catalogue. A coordinator then starts a group
// for it over Christmas, by keyboard only, and sees the holidays skipped; she adds a participant, moves one
// session and cancels another, and finds it all in the group's week view and on the participant's Schema tab.

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const suffix = Date.now().toString(36);
const activityName = `Zeta samhällsorientering ${suffix}`;
const groupName = `SO-grupp jul ${suffix}`;

// A period over Christmas and New Year, so the schedule meets holidays whatever the year.
const today = todayInSweden();
const year = Number(today.slice(0, 4)) + (today > `${today.slice(0, 4)}-12-01` ? 1 : 0);
// From the Monday of the week of 7 December, so the first Monday and Thursday share the first week.
const startsOn = addDays(`${year}-12-07`, 1 - isoWeekday(`${year}-12-07`));
const endsOn = `${year + 1}-01-10`;
const expected = generateSessions({
  startsOn,
  endsOn,
  weekdays: [1, 4],
  startTime: '09:00',
  endTime: '12:00',
});
const firstMonday = expected.sessions.find((s) => s.weekday === 1)?.date ?? '';
const firstThursday = expected.sessions.find((s) => s.weekday === 4)?.date ?? '';
const firstWeek = weekOf(startsOn);
// The last Thursday of the period becomes a closure day of the programme, so the group skips it too.
const closureDay = expected.sessions.filter((s) => s.weekday === 4).at(-1)?.date ?? '';

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until the control has focus, as a keyboard user would. */
async function tabTo(locator: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} by Tab`);
}

/** An enrolled participant at Haninge whose record can be written to, found through the API the page uses. */
async function writableEnrolledParticipant(): Promise<{ id: string; identityNumber: string }> {
  return page.evaluate(async () => {
    const get = async <T>(path: string) => (await (await fetch(`/api${path}`)).json()) as T;
    const { csrfToken } = await get<{ csrfToken: string }>('/auth/session');
    const search = await fetch('/api/participants/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ status: 'enrolled', pageSize: 100 }),
    });
    const list = (await search.json()) as {
      items: { id: string; identityNumber: string; protectedIdentity: boolean }[];
    };
    for (const p of list.items.filter((item) => !item.protectedIdentity)) {
      const detail = await get<{ readOnly: boolean }>(`/participants/${p.id}`);
      const enrolments = await get<{
        items: { exitedOn: string | null; centreName: string; programmeName: string }[];
      }>(`/participants/${p.id}/enrolments`);
      // Other specs enrol people in programmes of their own: the group's activity is Etableringscentrum's.
      const active = enrolments.items.some(
        (e) =>
          e.exitedOn === null && e.centreName.endsWith('Haninge') && e.programmeName === 'Etableringscentrum',
      );
      if (!detail.readOnly && active) return { id: p.id, identityNumber: p.identityNumber };
    }
    throw new Error('no writable enrolled participant at Haninge');
  });
}

describe('groups and the weekly schedule', () => {
  it('lets a programme manager add an activity and a closure day', async () => {
    await logIn(page, baseUrl, 'programledare@haninge.example');
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('link', { name: 'Etableringscentrum', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Aktiviteter' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Stängningsdagar' }).waitFor();
    await expectAccessible(page, 'programme page with activities');

    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    await page.getByRole('heading', { name: 'Ny aktivitet' }).waitFor();
    await page.getByRole('button', { name: 'Spara aktiviteten' }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'activity form with errors');
    await page.getByLabel('Namn', { exact: true }).fill(activityName);
    await page.getByLabel('Typ av aktivitet').selectOption({ label: 'Samhällsorientering' });
    await page.getByLabel('Planerade timmar').fill('100');
    await page.getByLabel('Språk', { exact: true }).selectOption({ label: 'Arabiska' });
    const mandatory = page.getByRole('group', { name: 'Obligatorisk för målgrupper' });
    for (const box of await mandatory.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Spara aktiviteten' }).click();
    await page.getByText('Aktiviteten är sparad.').waitFor();
    const row = page.getByRole('row', { name: new RegExp(activityName) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Samhällsorientering');

    await page.getByRole('button', { name: 'Ändra stängningsdagar' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ändra stängningsdagar' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till dag' }).click();
    const rows = page.getByRole('group', { name: /^Stängningsdag \d+$/ });
    const newDay = rows.last();
    expect(await newDay.getByLabel('Datum').evaluate((e) => e === document.activeElement)).toBe(true);
    await newDay.getByLabel('Datum').fill(closureDay);
    await page.getByRole('button', { name: 'Spara stängningsdagarna' }).click();
    await page.getByText('Orsak måste fyllas i').first().waitFor();
    await expectAccessible(page, 'closure days form with an error');
    await newDay.getByLabel('Orsak').fill('Planeringsdag');
    await page.getByRole('button', { name: 'Spara stängningsdagarna' }).click();
    await page.getByText('Stängningsdagarna är sparade.').waitFor();
    await page.getByRole('row', { name: `${closureDay} Planeringsdag` }).waitFor();

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(/\/login/);
  });

  it('lets a coordinator create a group by keyboard, see holidays skipped, and manage members and sessions', async () => {
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.getByRole('link', { name: 'Grupper', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Grupper' }).waitFor();
    await expectAccessible(page, 'group list');

    // Keyboard only from here to the saved group.
    const newGroup = page.getByRole('link', { name: 'Ny grupp' });
    await tabTo(newGroup);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ny grupp' }).waitFor();
    await expectAccessible(page, 'new group form');

    const submit = page.getByRole('button', { name: 'Skapa gruppen' });
    await tabTo(submit);
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    await expectAccessible(page, 'new group form with errors');

    const programme = page.getByLabel('Program', { exact: true });
    await tabTo(programme);
    await page.keyboard.type('Etab');
    expect(await programme.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      'Etableringscentrum',
    );
    const activity = page.getByLabel('Aktivitet', { exact: true });
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll<HTMLOptionElement>('#group-new-activityId option')].some((o) =>
          o.text.startsWith(name),
        ),
      activityName,
    );
    await tabTo(activity);
    await page.keyboard.type('Zeta');
    expect(await activity.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.text)).toContain(
      activityName,
    );
    await tabTo(page.getByLabel('Namn', { exact: true }));
    await page.keyboard.type(groupName);
    const leader = page.getByLabel('Gruppledare');
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLOptionElement>('#group-new-leaderId option')].some((o) =>
        o.text.startsWith('Sara Samordnare'),
      ),
    );
    await tabTo(leader);
    await page.keyboard.type('Sara');
    await tabTo(page.getByLabel('Lokal'));
    await page.keyboard.type('Sal 3');
    await tabTo(page.getByLabel('Startdatum'));
    await page.keyboard.type(startsOn);
    await tabTo(page.getByLabel('Slutdatum'));
    await page.keyboard.type(endsOn);

    const row1 = page.getByRole('group', { name: 'Schemarad 1' });
    await tabTo(row1.getByLabel('Veckodag'));
    await page.keyboard.type('M');
    await tabTo(row1.getByLabel('Starttid'));
    await page.keyboard.type('09:00');
    await tabTo(row1.getByLabel('Sluttid'));
    await page.keyboard.type('12:00');
    await tabTo(page.getByRole('button', { name: 'Lägg till schemarad' }));
    await page.keyboard.press('Enter');
    const row2 = page.getByRole('group', { name: 'Schemarad 2' });
    await row2.waitFor();
    // Focus has moved to the new row's weekday.
    expect(await isFocused(row2.getByLabel('Veckodag'))).toBe(true);
    await page.keyboard.type('To');
    await tabTo(row2.getByLabel('Starttid'));
    await page.keyboard.type('09:00');
    await tabTo(row2.getByLabel('Sluttid'));
    await page.keyboard.type('12:00');
    await tabTo(submit);
    await page.keyboard.press('Enter');

    // A refusal would show in the summary: say what it was rather than only time out.
    await page.waitForURL(/\/grupper\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(async (error) => {
      throw new Error(`group not created: ${await summary.textContent()}`, { cause: error });
    });
    await page.getByRole('heading', { level: 1, name: groupName }).waitFor();
    await page.getByText(/Gruppen är skapad med \d+ tillfällen\./).waitFor();
    const holidays = expected.skipped.filter((s) => s.reason === 'holiday');
    expect(holidays.length).toBeGreaterThan(0);
    for (const skipped of holidays) {
      const names = skipped.reason === 'holiday' ? skipped.holidays.map((h) => h.name).join(', ') : '';
      await page.getByText(`Hoppar över ${skipped.date} ${names}`).waitFor();
    }
    await page.getByText(`Hoppar över ${closureDay}, stängt: Planeringsdag`).waitFor();
    await expectAccessible(page, 'new group with its sessions');
    const groupUrl = page.url();
    const groupId = groupUrl.split('/').at(-1) ?? '';

    // A participant joins.
    const participant = await writableEnrolledParticipant();
    await page.getByRole('searchbox', { name: 'Sök deltagare' }).fill(participant.identityNumber);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('radio', { name: new RegExp(participant.identityNumber) }).check();
    await page.getByRole('button', { name: 'Lägg till i gruppen' }).click();
    await page
      .getByText(/är tillagd i gruppen\./)
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        throw new Error(`member not added: ${await page.locator('main').textContent()}`, { cause: error });
      });
    const members = page.getByRole('region', { name: 'Deltagare i gruppen' });
    await members.getByRole('cell', { name: startsOn }).waitFor();

    // Move the first Monday to the Tuesday, with what it covered.
    const moved = addDays(firstMonday, 1);
    await page.getByRole('button', { name: `Flytta eller ändra ${firstMonday}` }).click();
    const editDialog = page.getByRole('dialog', { name: `Ändra tillfället ${firstMonday}` });
    await editDialog.waitFor();
    await expectAccessible(page, 'move session dialog');
    await editDialog.getByLabel('Datum', { exact: true }).fill(moved);
    await editDialog.getByLabel('Lokal').fill('Sal 5');
    await editDialog.getByRole('checkbox', { name: '1. Att komma till Sverige' }).check();
    await editDialog.getByLabel('Medverkande arbetsgivare').fill('Haninge Bygg AB');
    await editDialog.getByRole('button', { name: 'Spara tillfället' }).click();
    await page.getByText(`Tillfället ${moved} är sparat.`).waitFor();
    const movedRow = page.getByRole('row', { name: new RegExp(`^${moved}`) });
    await movedRow.getByText(`Flyttat från ${firstMonday}`).first().waitFor();

    // Cancel the first Thursday with a reason.
    await page.getByRole('button', { name: `Ställ in ${firstThursday}` }).click();
    const cancelDialog = page.getByRole('dialog', { name: `Ställ in tillfället ${firstThursday}` });
    await cancelDialog.waitFor();
    await cancelDialog.getByRole('button', { name: 'Ställ in tillfället' }).click();
    await cancelDialog.getByText('Orsak måste fyllas i').first().waitFor();
    await expectAccessible(page, 'cancel session dialog with error');
    await cancelDialog.getByLabel('Orsak').fill('Gruppledaren är sjuk');
    await cancelDialog.getByRole('button', { name: 'Ställ in tillfället' }).click();
    await page.getByText(`Tillfället ${firstThursday} är inställt.`).waitFor();
    const cancelledRow = page.getByRole('row', { name: new RegExp(`^${firstThursday}`) });
    await cancelledRow.getByText('Inställt').waitFor();
    await cancelledRow.getByText('Gruppledaren är sjuk').waitFor();
    await expectAccessible(page, 'group after moving and cancelling');

    // The group's week.
    await page.goto(`${baseUrl}/schema?grupp=${groupId}&vecka=${firstWeek}`);
    const [weekYear, weekNumber] = firstWeek.split('-W');
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`^v\\. ${Number(weekNumber)} ${weekYear}`) })
      .waitFor();
    const tuesday = page.getByRole('region', { name: `Tisdag ${moved}` });
    await tuesday.getByRole('link', { name: groupName }).waitFor();
    const thursday = page.getByRole('region', { name: `Torsdag ${firstThursday}` });
    await thursday.getByText('Inställt').waitFor();
    await thursday.getByText(': Gruppledaren är sjuk').waitFor();
    expect(await thursday.locator('del').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'week view of the group');
    await page.getByRole('button', { name: 'Nästa vecka' }).click();
    const [nextYear, nextNumber] = weekOf(addDays(firstMonday, 7)).split('-W');
    await page
      .getByRole('heading', { level: 2, name: new RegExp(`^v\\. ${Number(nextNumber)} ${nextYear}`) })
      .waitFor();

    // The participant's Schema tab and the printable week.
    await page.goto(`${baseUrl}/deltagare/${participant.id}?flik=schema&vecka=${firstWeek}`);
    await page.getByRole('tab', { name: 'Schema', selected: true }).waitFor();
    await page.getByRole('region', { name: 'Grupper' }).getByRole('link', { name: groupName }).waitFor();
    await page
      .getByRole('region', { name: `Tisdag ${moved}` })
      .getByRole('link', { name: groupName })
      .waitFor();
    const proposed = page.getByRole('region', { name: /^Föreslagna aktiviteter/ }).first();
    await proposed.getByText(activityName).waitFor();
    await expectAccessible(page, 'schema tab');
    await page.getByRole('link', { name: 'Skriv ut veckoschemat' }).click();
    await page
      .getByRole('heading', { level: 1, name: `Veckoschema v. ${Number(weekNumber)} ${weekYear}` })
      .waitFor();
    await page.getByRole('region', { name: `Tisdag ${moved}` }).waitFor();
    await expectAccessible(page, 'printable week');
  });
});
