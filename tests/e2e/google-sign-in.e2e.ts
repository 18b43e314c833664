// Signing in with Google instead of an archive, in Debian's Chromium through `baluchon web`,
// against the Google stand-in (tests/standins/google/: its consent pages, token endpoint and APIs
// built from Google's documented behaviour — not Google itself): a French family chooses "Se
// connecter à Google", reads what Google will show, opens Google's page from the link, goes
// through the "unverified app" screen, unticks nothing, comes back to "What we found" and moves
// to a real Radicale. Step 2's live way passes axe at 100 % and 200 %; "Tout oublier" revokes
// the grant at the stand-in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import {
  STAND_IN_CLIENT_ID,
  STAND_IN_CLIENT_SECRET,
  startGoogleFamily,
} from '../standins/google/google-family.ts';
import type { GoogleFamily } from '../standins/google/google-family.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let server: DavServer;
let google: GoogleFamily;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-google-e2e-'));
  google = await startGoogleFamily(familySpec('fr'));
  [app, browser, server] = await Promise.all([
    startWebApp({
      BALUCHON_GOOGLE_API_BASE: google.standIn.url,
      BALUCHON_GOOGLE_CLIENT_ID: STAND_IN_CLIENT_ID,
      BALUCHON_GOOGLE_CLIENT_SECRET: STAND_IN_CLIENT_SECRET,
    }),
    launchBrowser(),
    startRadicale(),
  ]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop(), google.standIn.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('signing in with Google', () => {
  it('reads the family’s Google account live and moves it, then forgets the grant', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    await page.getByLabel(journey.words('source.origin.google')).check();
    const live = page.getByTestId('google-source');
    await live.waitFor();
    expect(await live.textContent()).toContain(journey.words('source.google.stepUnverified'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'google-1-source-fr');
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'google-2-source-fr-200pc');
    await page.setViewportSize({ width: 1280, height: 900 });

    await journey.wizard.button(journey.words('source.google.signIn')).click();
    const open = page.getByRole('link', { name: journey.words('source.google.openPage') });
    await open.waitFor();
    await screenshot(page, 'google-3-waiting-fr');
    const [consent] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await consent.getByRole('link', { name: 'Advanced' }).click();
    await consent.getByRole('link', { name: /^Go to .* \(unsafe\)$/ }).click();
    await screenshot(consent, 'google-4-consent');
    await consent.getByRole('button', { name: 'Continue' }).click();
    await consent.getByText('Baluchon').first().waitFor();
    await consent.close();

    await journey.waitForHeading('found.title', 60_000);
    await screenshot(page, 'google-5-found-fr');
    expect(await axeViolations(page)).toEqual([]);
    const found = await journey.foundNumbers();
    expect(found.contacts).toContain('4');
    await journey.wizard.button(journey.words('found.next')).click();
    await journey.waitForHeading('home.title');
    await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
    await journey.waitForHeading('connect.title');
    await journey.connectWithPassword(server.url, server.user.name, server.user.password);
    await page.getByTestId('connect-result').waitFor();
    await journey.wizard.button(journey.words('connect.start')).click();
    // Radicale has no place for files: Drive stays at Google, and Done says so.
    await journey.waitForHeading('done.titleIncomplete', 120_000);
    await screenshot(page, 'google-6-done-fr');
    const counts = await journey.doneCounts();
    expect(counts['contacts']).toMatchObject({ failed: '0' });
    expect(counts['calendars']).toMatchObject({ failed: '0' });

    // "Tout oublier" revokes the grant at Google (here, its stand-in).
    expect(google.oauth.grants().at(-1)?.revoked).toBe(false);
    await journey.wizard.button(journey.words('forget.button')).click();
    await journey.wizard.button(journey.words('forget.confirm')).click();
    await journey.waitForHeading('welcome.title');
    expect(google.oauth.grants().at(-1)?.revoked).toBe(true);
    await context.close();
  });
});
