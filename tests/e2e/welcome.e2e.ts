// The first screen in a real browser: French by default, English on request, usable with the
// keyboard alone, and readable at 200 % zoom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { WizardPage } from './pages/wizard-page.ts';

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
});

describe('welcome screen', () => {
  it('speaks French to a French browser, and switches to English', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const wizard = new WizardPage(page);
    await wizard.open(app.url);
    expect(await wizard.heading().textContent()).toBe('Bienvenue dans Baluchon');
    expect(await page.getByText('Rien n’est effacé').count()).toBe(1);
    await screenshot(page, 'welcome-fr');
    expect(await axeViolations(page)).toEqual([]);
    await wizard.button('English').click();
    expect(await wizard.heading().textContent()).toBe('Welcome to Baluchon');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });

  it('can be walked through with the keyboard alone', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const wizard = new WizardPage(page);
    await wizard.open(app.url);
    await wizard.pressByKeyboard('Start');
    expect(await wizard.heading().textContent()).toBe('Your data');
    // The new screen's heading has the focus, so reading starts at the top.
    expect(await wizard.heading().evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await page.close();
  });

  it('stays readable at 200 % zoom: nothing wider than the window', async () => {
    // A 1280-pixel window at 200 % zoom lays out like a 640-pixel one at scale 2.
    const page = await browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
    });
    const wizard = new WizardPage(page);
    await wizard.open(app.url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'welcome-fr-200pc');
    await page.close();
  });

  it('refuses a visitor who does not have the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('/', app.url).href);
    expect(response?.status()).toBe(403);
    await page.close();
  });
});
