import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The administrator opens retention under the administration menu and does a dry run by keyboard: the demo has
// one person to anonymise (a referral declined three years ago). The administrator opens the confirmation and
// cancels it, so nothing is anonymised: the other journeys share the demo's people. The real run is proven by
// src/server/features/retention/retention.test.ts.

const baseUrl = inject('baseUrl');
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await (await browser.newContext()).newPage();
  await logIn(admin, baseUrl, 'admin@haninge.example');
});
afterAll(async () => {
  await browser?.close();
});

describe('retention', () => {
  it('shows the page and its log, does a dry run, and opens and cancels the confirmation', async () => {
    await admin.getByRole('link', { name: 'Gallring', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Gallring och anonymisering' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Logg' }).waitFor();
    await admin
      .getByRole('table', { name: 'Gallringskörningar' })
      .or(admin.getByText('Ingen körning ännu.'))
      .waitFor();
    await expectAccessible(admin, 'retention');

    const preview = admin.waitForResponse((r) => r.url().endsWith('/api/retention/preview'));
    await admin.getByRole('button', { name: 'Gör en provkörning' }).focus();
    await admin.keyboard.press('Enter');
    const answer = await preview;
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { total: number; batch: number };
    expect(body).toMatchObject({ total: 1, batch: 1 });
    await admin.getByText(/^1 deltagare har passerat sitt gallringsdatum per \d{4}-\d{2}-\d{2}\./).waitFor();
    await admin.getByRole('table', { name: 'Att anonymisera, per program och regel' }).waitFor();
    await admin.getByRole('cell', { name: 'Remiss, aldrig inskriven' }).waitFor();
    await expectAccessible(admin, 'retention after a dry run');

    await admin.getByRole('button', { name: 'Anonymisera 1 deltagare' }).focus();
    await admin.keyboard.press('Enter');
    const dialog = admin.getByRole('dialog', { name: 'Anonymisera?' });
    await dialog.getByText('Det går inte att ångra.', { exact: false }).waitFor();
    await expectAccessible(admin, 'retention confirmation');
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const again = await admin.request.get(`${baseUrl}/api/retention/preview`);
    expect(((await again.json()) as { total: number }).total).toBe(1);
  });
});
