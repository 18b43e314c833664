// An archive explained part by part, in Debian's Chromium through `baluchon web`, in French: a
// family drops parts 001 and 003 of an export and is told, before going on, that 002 seems to be
// missing; "What we found" recalls it and shows Google's "other contacts" apart, explained and
// unticked. A damaged part dropped alone is explained in the same words as beside a good part.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout, partName } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { goodEntries } from '../fixtures/takeout/hostile-fixtures.ts';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

const STAMP = '20260314T091500Z';

let app: WebApp;
let browser: Browser;
let dir: string;
let first: string;
let third: string;
let truncated: string;
let goodSecond: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-archive-parts-'));
  // Part 001 holds the whole family (one part), 003 a photo; 002 was never downloaded.
  [first] = (await buildTakeout(join(dir, 'export'), familySpec('fr'), {
    format: 'zip',
    stamp: STAMP,
  })) as [string];
  third = join(dir, 'export', partName(STAMP, 2, '.zip'));
  writeZip(third, [{ name: 'Takeout/Drive/Été.jpg', data: Buffer.alloc(2000, 5) }]);
  // A part whose download stopped half-way.
  const whole = join(dir, 'whole.zip');
  writeZip(whole, goodEntries);
  truncated = join(dir, partName('20250101T000000Z', 0, '.zip'));
  const bytes = readFileSync(whole);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  goodSecond = join(dir, partName('20250101T000000Z', 1, '.zip'));
  writeZip(goodSecond, goodEntries);
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('an archive explained part by part', () => {
  it('tells that part 002 seems missing before going on, then shows the other contacts apart and unticked', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    await journey.dropArchive([third, first]);
    await journey.wizard.button(journey.words('source.read')).click();

    const hint = page.getByTestId('missing-parts');
    await hint.waitFor({ timeout: 30_000 });
    const missing = partName(STAMP, 1, '.zip');
    expect(await hint.textContent()).toContain(`Il semble manquer une partie (${missing}).`);
    // A hint, not an error: nothing is shown as an alert, and the family stays on this step.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await journey.wizard.heading().textContent()).toBe(journey.words('source.title'));
    await screenshot(page, 'source-missing-part-fr');
    expect(await axeViolations(page)).toEqual([]);
    // At 200 % zoom (a 1280-pixel window lays out like a 640-pixel one) the hint fits the window.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await journey.wizard.button(journey.words('source.goOn', { count: 1 })).click();
    await journey.waitForHeading('found.title');
    expect(await page.getByTestId('found-missing-parts').textContent()).toContain(missing);

    const others = page.getByTestId('other-contacts');
    expect(await others.textContent()).toContain(
      'Google a ajouté de lui-même 1 personne à qui vous avez écrit un jour ; vous ne l’avez jamais enregistrée.',
    );
    const box = others.getByRole('checkbox', {
      name: journey.words('found.contacts.otherChoice', { count: 1, formatted: '1' }),
    });
    expect(await box.isChecked()).toBe(false);
    // The saved people only: Émile, added by Google, is not among them.
    expect(await page.getByTestId('contacts-count').textContent()).toBe('4 personnes');
    await others.scrollIntoViewIfNeeded();
    await screenshot(page, 'found-other-contacts-fr');
    expect(await axeViolations(page)).toEqual([]);
    // Their own choice: ticking it does not touch the saved contacts' box.
    await box.check();
    expect(await box.isChecked()).toBe(true);
    const saved = page.getByRole('checkbox', { name: '4 personnes' });
    expect(await saved.isChecked()).toBe(true);
    await page.close();
  });

  it('explains a damaged part given alone in the same words as beside a good part', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    await journey.dropArchive([truncated]);
    await journey.wizard.button(journey.words('source.read')).click();
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    const problems = page.getByTestId('problems');
    expect(await problems.textContent()).toContain(
      journey.words('takeout:problems.archive-unreadable'),
    );
    expect(await problems.textContent()).toContain(partName('20250101T000000Z', 0, '.zip'));
    await screenshot(page, 'source-damaged-part-alone-fr');
    expect(await axeViolations(page)).toEqual([]);
    const alone = (await problems.locator('li').first().textContent()) ?? '';

    // The same part beside a good one: the scan goes on, and "What we found" says the same.
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    await journey.dropArchive([truncated, goodSecond]);
    await journey.wizard.button(journey.words('source.read')).click();
    await journey.waitForHeading('found.title');
    expect(await page.getByTestId('problems').locator('li').first().textContent()).toBe(alone);
    await page.close();
  });
});
