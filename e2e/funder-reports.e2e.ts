import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.ts';
import type { CommonIndicators, MonthlyFile } from '../src/core/schemas/funder-report.schema.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The programme manager reports Etableringscentrum to the funder: opens last months' file for Statistics Sweden,
// sees who lacks data and where to correct it, downloads the file and marks the month as sent — refused once,
// because a colleague corrected someone in it meanwhile; then looks at the ESF's common indicators and the
// co-financing from attendance.

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The JSON answer of a report endpoint (not a file download) whose path ends as given. */
function reportResponse(pathEnd: RegExp) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      url.pathname.includes('/funder-reports/') &&
      pathEnd.test(url.pathname) &&
      url.searchParams.get('format') === null &&
      response.request().method() === 'GET'
    );
  });
}

describe("the funder's reports", () => {
  it('lets a programme manager check, download and mark a monthly file, and read the indicators and co-financing', async () => {
    await logIn(page, baseUrl, 'programledare@haninge.example');
    await page.getByRole('link', { name: 'Rapporter till finansiär' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapporter till finansiär' }).waitFor();
    // Other journeys may have set up programmes of their own: this one is about the demo's.
    await page.getByLabel('Program', { exact: true }).selectOption({ label: 'Etableringscentrum' });
    await page.waitForURL(/program=[0-9a-f-]{36}/);
    const months = page.getByRole('table', { name: /^Månadsfiler för Etableringscentrum/ });
    await months.waitFor();
    await page
      .getByText('En rättelse i en tidigare månad betyder att alla senare månader måste skickas in igen.')
      .waitFor();
    // The month under way cannot be sent yet; the latest month first.
    await expect
      .poll(async () => (await months.getByRole('row').nth(1).textContent()) ?? '')
      .toContain('Månaden pågår');
    await expectAccessible(page, 'monthly files');

    // The latest ended month with people in it that has not been sent.
    let month = '';
    for (const row of await months.getByRole('row').all()) {
      const cells = await row.getByRole('cell').allTextContents();
      const header = (await row.getByRole('rowheader').allTextContents())[0] ?? '';
      if (cells.length < 3 || !cells[0]?.includes('Ej inskickad')) continue;
      if (Number(cells[1]) + Number(cells[2]) > 0) {
        month = header.trim();
        break;
      }
    }
    expect(month).toMatch(/^\d{4}-\d{2}$/);

    const loaded = reportResponse(new RegExp(`/monthly/${month}$`));
    await months.getByRole('link', { name: month, exact: true }).click();
    const file = (await (await loaded).json()) as MonthlyFile;
    await page.getByRole('heading', { level: 2, name: `Månadsfil ${month}` }).waitFor();
    expect(file.rows.length).toBeGreaterThan(0);

    // The rows in the order the server gave them (date order).
    const rows = page.getByRole('table', {
      name: `Deltagare som började eller slutade ${month}, i datumordning`,
    });
    await rows.waitFor();
    const bodyRows = rows.getByRole('row').filter({ has: page.getByRole('rowheader') });
    expect(await bodyRows.count()).toBe(file.rows.length);
    const shown = (await bodyRows.getByRole('rowheader').allTextContents()).map((text) =>
      text.replace('Skyddad identitet', '').trim(),
    );
    expect(shown).toEqual(file.rows.map((r) => r.identityNumber ?? 'Saknas'));

    // The check before export lists exactly the participants the server found, with what each lacks.
    const count = file.check.participants.length;
    if (count === 0) {
      await page.getByText('Kontrollen före export hittade inga deltagare som saknar uppgifter.').waitFor();
    } else {
      const check = page.getByRole('region', { name: `${count} deltagare saknar uppgifter` });
      await check.waitFor();
      const listed = check.getByRole('table', { name: 'Deltagare som saknar uppgifter och var de rättas' });
      const people = listed.getByRole('row').filter({ has: page.getByRole('rowheader') });
      expect(await people.count()).toBe(count);
      expect((await people.getByRole('rowheader').allTextContents()).map((n) => n.trim())).toEqual(
        file.check.participants.map((p) => p.name),
      );
      const withoutStatus = file.check.participants.find((p) =>
        p.problems.includes('no_labour_market_status'),
      );
      if (withoutStatus) {
        const row = people.filter({
          has: page.getByRole('rowheader', { name: withoutStatus.name, exact: true }),
        });
        await row.getByText('Ställning på arbetsmarknaden vid start saknas').waitFor();
        expect(await row.getByRole('link', { name: /^Rätta under Inskrivning/ }).getAttribute('href')).toBe(
          `/deltagare/${withoutStatus.participantId}?flik=inskrivning`,
        );
      }
    }
    // The demo programme warns and allows export.
    expect(file.check.blocked).toBe(false);
    await expectAccessible(page, `monthly file ${month}`);

    // The CSV as Statistics Sweden reads it: BOM, semicolons, the header row, one line per row on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(csv[0]?.slice(0, 2)).toEqual(['Projektnummer', 'Personnummer']);
    expect(csv.length - 1).toBe(file.rows.length);
    expect(csv.slice(1).map((line) => line[1])).toEqual(file.rows.map((r) => r.identityNumber ?? ''));

    // Meanwhile a colleague corrects the education of someone in the file: what is on screen is not the file now.
    const corrected = file.rows.find((r) => !r.masked && r.education !== 'unknown');
    expect(corrected).toBeDefined();
    const colleague = await page.context().newPage();
    await colleague.goto(`${baseUrl}/deltagare/${corrected?.participantId}`);
    await colleague.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const education = colleague.getByRole('combobox', { name: 'Utbildningsnivå' });
    const [level, band] =
      corrected?.education === 'isced_5_8'
        ? ['Realskoleutbildning', 'ISCED 0–2 förgymnasial']
        : ['Doktorsutbildning', 'ISCED 5–8 eftergymnasial'];
    // The field shows the level now once the code list has come (before that, typing would be overwritten);
    // then type a name, arrow down to it, Enter.
    await expect.poll(() => education.inputValue(), { timeout: 30_000 }).not.toBe('');
    await education.fill('');
    await education.pressSequentially(level, { delay: 20 });
    await colleague
      .getByRole('option', { name: new RegExp(level) })
      .first()
      .waitFor();
    await colleague.keyboard.press('ArrowDown');
    await colleague.keyboard.press('Enter');
    expect(await education.inputValue()).toContain(level);
    await colleague.getByRole('button', { name: 'Spara ändringar' }).click();
    await colleague.getByText('Ändringarna är sparade.').waitFor();
    await colleague.close();

    // Marking the month as sent is refused; the file is read again and the user told why.
    const reloaded = reportResponse(new RegExp(`/monthly/${month}$`));
    await page.getByRole('button', { name: 'Markera som inskickad' }).click();
    await page
      .getByText(`Uppgifterna för ${month} har ändrats sedan du öppnade månaden.`, { exact: false })
      .waitFor();
    const fresh = (await (await reloaded).json()) as MonthlyFile;
    expect(fresh.fingerprint).not.toBe(file.fingerprint);
    expect(fresh.rows.find((r) => r.enrolmentId === corrected?.enrolmentId)?.education).not.toBe(
      corrected?.education,
    );
    await rows
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: corrected?.identityNumber ?? '', exact: true }) })
      .getByText(band)
      .waitFor();

    // Sent, as it is now: the month says so, with today's date, here and in the list of months.
    const today = todayInSweden();
    await page.getByRole('button', { name: 'Markera som inskickad' }).click();
    await page.getByText(`Månadsfilen för ${month} är markerad som inskickad.`).waitFor();
    await page.getByText(`Inskickad ${today}`).first().waitFor();
    expect(await page.getByRole('button', { name: 'Markera som inskickad' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Alla månader' }).click();
    await months
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: month, exact: true }) })
      .getByText(`Inskickad ${today}`)
      .waitFor();

    // The tabs by keyboard: the arrow key moves to the indicators and opens them.
    await page.getByRole('tab', { name: 'Månadsfil till SCB' }).focus();
    const indicatorsLoaded = reportResponse(/\/indicators$/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/flik=indikatorer/);
    const indicators = (await (await indicatorsLoaded).json()) as CommonIndicators;
    const byAge = page.getByRole('table', { name: /efter ålder vid start$/ });
    await byAge.waitFor();
    await page.getByRole('table', { name: /efter utbildningsnivå \(ISCED\)$/ }).waitFor();
    const byStatus = page.getByRole('table', { name: /efter ställning på arbetsmarknaden vid start$/ });
    await byStatus.waitFor();
    for (const label of ['Under 25 år', '25–54 år', 'Över 54 år'])
      await byAge.getByRole('rowheader', { name: label }).waitFor();
    // Women, men, the others and all side by side; the total row is the server's total.
    const totals = await byAge
      .getByRole('row', { name: /^Totalt/ })
      .getByRole('cell')
      .allTextContents();
    expect(totals.map((c) => Number(c.replace(/\s|\u00a0/g, '').replace(/\(.*\)/, '')))).toEqual([
      indicators.total.female,
      indicators.total.male,
      indicators.total.unknown,
      indicators.total.total,
    ]);
    expect(indicators.total.total).toBeGreaterThan(0);
    await expectAccessible(page, 'common indicators');

    // A period the wrong way round names the field.
    await page.getByLabel('Till och med').fill('2020-01-01');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByText('Till och med måste vara efter starten').first().waitFor();
    await page.getByRole('button', { name: 'Rensa perioden' }).click();

    await page.getByRole('tab', { name: 'Indikatorer (ESF)' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/flik=medfinansiering/);
    const cofinancing = page.getByRole('table', { name: /^Närvarotimmar och belopp per månad/ });
    await cofinancing.waitFor();
    await cofinancing.getByRole('row', { name: /^Totalt/ }).waitFor();
    await page.getByRole('button', { name: 'Ladda ned Excel (XLSX)' }).waitFor();
    await expectAccessible(page, 'co-financing');
  });

  it('is not offered to a coordinator, who is told whom it is for', async () => {
    const other = await (await browser.newContext()).newPage();
    await logIn(other, baseUrl, 'samordnare@haninge.example');
    expect(await other.getByRole('link', { name: 'Rapporter till finansiär' }).count()).toBe(0);
    await other.goto(`${baseUrl}/rapporter`);
    await other
      .getByText(
        'Rapporterna till finansiären är till för programledare i den organisation som äger programmet.',
      )
      .waitFor();
    await expectAccessible(other, 'funder reports without access');
    await other.context().close();
  });
});
