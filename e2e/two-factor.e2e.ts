import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, logIn } from './browser.ts';

// A language teacher turns on two-step verification under Mitt konto, logs in with a code and with a recovery
// code, makes new recovery codes, and turns it off again. The account is one no other browser test logs in as, and ends as it began.

const baseUrl = inject('baseUrl');
const email = 'sprakpedagog@haninge.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** What the authenticator app shows, `offset` time steps from now. */
function codeOf(secret: string, offset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });
}

async function passwordStep(page: Page) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 2, name: 'Tvåstegsverifiering' }).waitFor();
}

describe('two-step verification', () => {
  it('is turned on with an authenticator app, asked for at login, and turned off again', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, email);
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    await page
      .getByRole('img', { name: 'QR-kod för att lägga till Stegvis i autentiseringsappen' })
      .waitFor();
    const secret = (await page.locator('code[data-secret]').getAttribute('data-secret')) as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'two-step verification enrolment');

    await page.getByLabel('Kod från appen').fill('000000');
    await page.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByText('stämmer inte', { exact: false }).first().waitFor();
    await expectAccessible(page, 'two-step verification enrolment with a wrong code');
    await page.getByLabel('Kod från appen').fill(codeOf(secret));
    await page.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByRole('heading', { name: 'Tvåstegsverifiering är påslagen' }).waitFor();
    const recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await page.getByText('10 reservkoder återstår', { exact: false }).waitFor();

    // The password alone no longer opens a session; a wrong code is named at the field.
    const second = await newPage();
    await passwordStep(second);
    await expectAccessible(second, 'login, second step');
    await second.getByLabel('Kod').fill('123456');
    await second.getByRole('button', { name: 'Fortsätt' }).click();
    await second.getByText('Kod stämmer inte', { exact: false }).first().waitFor();
    await expectAccessible(second, 'login, second step with a wrong code');
    // The code of the next time step: the one used to confirm cannot be used again.
    await second.getByLabel('Kod').fill(codeOf(secret, 1));
    await second.getByRole('button', { name: 'Fortsätt' }).click();
    await second.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();

    // Without the phone: a recovery code, once.
    const third = await newPage();
    await passwordStep(third);
    await third.getByLabel('Kod').fill(recoveryCodes[0] as string);
    await third.getByRole('button', { name: 'Fortsätt' }).click();
    await third.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();

    // Turned off with the password: the account logs in as before.
    await third.getByRole('link', { name: 'Mitt konto' }).click();
    await third.getByText('9 reservkoder återstår', { exact: false }).waitFor();
    await third.getByLabel('Ditt lösenord').fill(demoPassword);
    await third.getByRole('button', { name: 'Stäng av tvåstegsverifiering' }).click();
    await third.getByText('Tvåstegsverifiering är avstängd.').waitFor();
    await expectAccessible(third, 'my account after turning two-step verification off');
    const last = await newPage();
    await logIn(last, baseUrl, email);
  });

  it('makes new recovery codes, and is turned off by an administrator for someone who lost their phone', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, email);
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    const secret = (await page.locator('code[data-secret]').getAttribute('data-secret')) as string;
    await page.getByLabel('Kod från appen').fill(codeOf(secret));
    await page.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByRole('heading', { name: 'Tvåstegsverifiering är påslagen' }).waitFor();
    const first = await page.locator('.recovery-codes code').allTextContents();
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();

    // New recovery codes, for a code from the app: by keyboard alone.
    await page.getByRole('heading', { level: 3, name: 'Nya reservkoder' }).waitFor();
    await page.getByLabel('Kod från appen').fill('000000');
    await page.keyboard.press('Enter');
    await page.getByText('stämmer inte', { exact: false }).first().waitFor();
    await page.getByLabel('Kod från appen').fill(codeOf(secret, 1));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nya reservkoder är skapade' }).waitFor();
    const renewed = await page.locator('.recovery-codes code').allTextContents();
    expect(renewed).toHaveLength(10);
    expect(renewed.filter((code) => first.includes(code))).toEqual([]);
    await expectAccessible(page, 'new recovery codes');
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await page.getByText('10 reservkoder återstår', { exact: false }).waitFor();

    const admin = await newPage();
    await logIn(admin, baseUrl, 'admin@haninge.example');
    await admin.getByRole('link', { name: 'Användare' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    const reset = admin.getByRole('button', { name: /^Stäng av tvåsteg/ });
    // Only the one user with two-step verification on has the button, once the list is there.
    await reset.waitFor();
    expect(await reset.count()).toBe(1);
    await expectAccessible(admin, 'user administration with two-step verification');
    await reset.click();
    await admin.getByText('Tvåstegsverifiering är avstängd för', { exact: false }).waitFor();
    await reset.waitFor({ state: 'detached' });

    const again = await newPage();
    await logIn(again, baseUrl, email);
  });
});

describe('a refused single sign-on', () => {
  it('is explained on the login page, which still offers the password', async () => {
    const page = await newPage();
    const methods = page.waitForResponse((response) => response.url().endsWith('/api/auth/methods'));
    await page.goto(`${baseUrl}/login?sso=no_account`);
    expect(await (await methods).json()).toEqual({ singleSignOn: false });
    await page
      .getByText('Det finns inget aktivt konto i Stegvis för din inloggning', { exact: false })
      .waitFor();
    await expectAccessible(page, 'login after a refused single sign-on');
    // This server has no identity provider configured: no single sign-on button.
    expect(await page.getByRole('link', { name: 'Logga in med e-legitimation/SSO' }).count()).toBe(0);
    await page.goto(`${baseUrl}/login?sso=failed`);
    await page
      .getByText('Inloggningen med e-legitimation/SSO gick inte att slutföra', { exact: false })
      .waitFor();
  });
});
