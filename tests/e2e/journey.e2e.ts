// The whole journey in Debian's Chromium through `baluchon web`: a French family drops their
// two-part Takeout, sees exactly what the CLI's scan says, goes on with the account they already
// have (a real Radicale), follows the move and reads what arrived — checked on the server.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/contract/index.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

const run = promisify(execFile);

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let parts: string[];
let cliReport: ScanReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-journey-'));
  parts = await buildTakeout(dir, familySpec('fr'), { format: 'zip', parts: 2 });
  [app, browser, server] = await Promise.all([startWebApp(), launchBrowser(), startRadicale()]);
  // What the command line says about the same archive.
  const { stdout } = await run(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'scan', ...parts, '--json'],
    { env: { ...process.env, LANG: 'fr_FR.UTF-8', BALUCHON_DATA_DIR: join(dir, 'cli-data') } },
  );
  cliReport = JSON.parse(stdout) as ScanReport;
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('the whole journey', () => {
  it('goes from a dropped two-part archive to verified calendars, tasks and contacts', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');

    await journey.dropArchive(parts);
    expect(await journey.chosenFiles().count()).toBe(2);
    await screenshot(page, 'journey-1-source-fr');
    await journey.wizard.button(journey.words('source.read')).click();
    await journey.waitForHeading('found.title');
    await screenshot(page, 'journey-2-found-fr');

    // The same numbers as the command line, as a French reader sees them.
    const found = await journey.foundNumbers();
    const format = (n: number): string => new Intl.NumberFormat('fr').format(n);
    expect(found.calendars.map((row) => row.name)).toEqual(cliReport.calendars.map((c) => c.name));
    for (const [index, calendar] of cliReport.calendars.entries()) {
      expect(found.calendars[index]?.events).toContain(format(calendar.events));
    }
    expect(found.contacts).toContain(format(cliReport.contacts.count));
    expect(found.tasks).toContain(format(cliReport.tasks.count));
    expect(found.files).toContain(format(cliReport.files.count));

    // At 200 % zoom (a 1280-pixel window lays out like a 640-pixel one) nothing runs off the side.
    await page.setViewportSize({ width: 640, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'journey-2-found-fr-200pc');
    await page.setViewportSize({ width: 1280, height: 900 });

    await journey.wizard.button(journey.words('found.next')).click();
    await journey.waitForHeading('home.title');
    await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
    await journey.waitForHeading('connect.title');

    await journey.connectWithPassword(server.url, server.user.name, 'not-the-password');
    await page.getByTestId('connect-error').waitFor();
    expect(await page.getByTestId('connect-error').textContent()).toContain('refusé');
    await screenshot(page, 'journey-3-connect-refused-fr');

    await journey.connectWithPassword(server.url, server.user.name, server.user.password);
    await page.getByTestId('connect-result').waitFor();
    await screenshot(page, 'journey-4-connect-fr');
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('moving.title');
    await screenshot(page, 'journey-5-moving-fr');

    // Radicale has no place for files: the Drive files stay at Google, and Done says so.
    await journey.waitForHeading('done.titleIncomplete', 120_000);
    await screenshot(page, 'journey-6-done-fr');
    const counts = await journey.doneCounts();
    const calendarEvents = cliReport.calendars
      .filter((calendar) => calendar.generated === null)
      .reduce((sum, calendar) => sum + calendar.events, 0);
    expect(counts['calendars']).toMatchObject({
      found: format(calendarEvents),
      verified: format(calendarEvents),
      failed: '0',
    });
    expect(counts['contacts']).toMatchObject({
      verified: format(cliReport.contacts.count),
      failed: '0',
    });
    expect(counts['tasks']).toMatchObject({ verified: format(cliReport.tasks.count), failed: '0' });
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.verdict.incomplete'),
    );
    expect(await page.getByTestId('done-left-files').textContent()).toContain(
      'restés chez Google : ce compte n’a pas de place pour les fichiers',
    );

    // "Undo this import" removes exactly what was copied: every item, every new calendar.
    await journey.wizard.button(journey.words('undo.button')).click();
    await journey.wizard.button(journey.words('undo.confirm')).click();
    await page.getByTestId('undo-result').waitFor({ timeout: 60_000 });
    const copied = calendarEvents + cliReport.contacts.count + cliReport.tasks.count;
    // One calendar per Google calendar, one task list per Google list, one address book.
    const collections =
      cliReport.calendars.filter((c) => c.generated === null).length +
      cliReport.tasks.lists.length +
      1;
    expect(await page.getByTestId('undo-result').textContent()).toContain(
      journey.words('undo.done', { deleted: copied, collectionsDeleted: collections }),
    );
    await screenshot(page, 'journey-7-undone-fr');
    await page.close();
  });
});
