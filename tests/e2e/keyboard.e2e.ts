// The first screens walked with the keyboard alone, as a person who cannot use a mouse does:
// Tab to a button, Enter to press it — the system's file chooser included.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { launchBrowser } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-keyboard-'));
  parts = await buildTakeout(dir, familySpec('en'), { format: 'tgz', parts: 2 });
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the first screens with the keyboard alone', () => {
  it('chooses the archive parts, reads them and goes on to the hosts', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const journey = new JourneyPage(page, 'en');
    const { wizard } = journey;
    await wizard.open(app.url);
    await wizard.pressByKeyboard(journey.words('welcome.start'));
    await journey.waitForHeading('source.title');

    // Enter on "Choose" opens the system's file chooser; the parts are picked there.
    const chooser = page.waitForEvent('filechooser');
    await wizard.pressByKeyboard(journey.words('source.choose'));
    const dialog = await chooser;
    expect(dialog.isMultiple()).toBe(true);
    await dialog.setFiles(parts);
    await page.getByTestId('chosen-files').waitFor();
    expect(await journey.chosenFiles().count()).toBe(2);

    await wizard.pressByKeyboard(journey.words('source.read'));
    await journey.waitForHeading('found.title', 60_000);
    expect(await page.getByTestId('contacts-count').textContent()).toMatch(/\d/);
    await wizard.pressByKeyboard(journey.words('found.next'));
    await journey.waitForHeading('home.title');
    await page.close();
  });
});
