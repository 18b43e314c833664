// The way into `baluchon web` in a real browser: the address printed (and given to the browser
// on its command line) lets one browser in, once; the secret then lives only in a cookie no
// script can read; a page whose session is gone says so instead of waiting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { launchBrowser } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-e2e-entry-'));
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the entry address', () => {
  it('lets one browser in, once, and leaves the secret where no script reads it', async () => {
    const address = await app.enter();
    expect(address.startsWith(`${app.url}enter?code=`)).toBe(true);
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await page.goto(address);
    await journey.waitForHeading('welcome.title');
    // The code is gone from the address bar (and so from what a reload would send).
    expect(page.url()).toBe(app.url);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await page.context().cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({
      name: `baluchon-${new URL(app.url).port}`,
      domain: '127.0.0.1',
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      expires: -1,
    });
    expect(address).not.toContain(cookies[0]?.value ?? '');

    // Another browser (another user who read the address in the process list) comes too late.
    const late = await browser.newPage({ locale: 'fr-FR' });
    const refused = await late.goto(address);
    expect(refused?.status()).toBe(403);
    expect(await late.textContent('body')).toContain('Cette adresse a déjà servi');
    expect(await late.context().cookies()).toEqual([]);
    await late.close();
    await page.close();
  });

  it('a page whose session is gone says so when a part is dropped, instead of waiting', async () => {
    const parts = await buildTakeout(join(dir, 'family'), familySpec('fr'), {
      format: 'zip',
      parts: 1,
    });
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    // As if the server had been started again: the cookie this page had is worth nothing now.
    await page.context().clearCookies();
    await journey.dropArchive(parts);
    await journey.wizard.button(journey.words('source.read')).click();
    const failed = journey.words('source.uploadFailed', { detail: '' }).trim();
    await page.getByText(failed, { exact: false }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
