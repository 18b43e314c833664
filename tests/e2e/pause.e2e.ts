// Pausing in a real browser: the family presses Pause while events are being copied, closes the
// page, comes back — Welcome offers to go on — and the move ends with every event once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import type { EventSpec } from '../fixtures/takeout/takeout-spec.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer } from '../harness/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

// Radicale takes 10–15 events a second: long enough to press Pause in the middle.
const EVENTS = 120;

let app: WebApp;
let browser: Browser;
let server: DavServer;
let dir: string;
let parts: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-pause-'));
  const events = Array.from({ length: EVENTS }, (): EventSpec => ({ kind: 'single' }));
  parts = await buildTakeout(
    dir,
    { language: 'fr', calendars: [{ file: 'Famille', name: 'Famille', events }] },
    { format: 'zip', parts: 1 },
  );
  [app, browser, server] = await Promise.all([startWebApp(), launchBrowser(), startRadicale()]);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), server.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('pause and go on', () => {
  it('pauses mid-way, is offered the move again on Welcome, and ends with every event once', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.walkToConnect(app.url, parts);
    await journey.connectWithPassword(server.url, server.user.name, server.user.password);
    await page.getByTestId('connect-result').waitFor();
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('moving.title');

    // A few events are on the server: Pause.
    const copied = journey.words('moving.count', { done: '(\\d+)', found: String(EVENTS) });
    await page.waitForFunction(
      ([pattern]) => {
        const text = document.querySelector('[data-testid="moving-progress"]')?.textContent;
        const done = new RegExp(pattern ?? '').exec(text ?? '')?.[1];
        return done !== undefined && Number(done) >= 5;
      },
      [copied],
      { timeout: 60_000 },
    );
    await journey.wizard.button(journey.words('moving.pause')).click();
    await page.getByText(journey.words('moving.paused')).waitFor({ timeout: 30_000 });
    await screenshot(page, 'pause-1-paused-fr');

    // The page is closed; opened again, Welcome offers to go on.
    await page.close();
    const again = await browser.newPage({ locale: 'fr-FR' });
    const back = new JourneyPage(again, 'fr');
    await back.wizard.open(app.url);
    const unfinished = again.getByTestId('unfinished-moves');
    await unfinished.waitFor();
    expect(await unfinished.textContent()).toContain(server.user.name);
    await screenshot(again, 'pause-2-welcome-unfinished-fr');
    await back.wizard.button(back.words('welcome.unfinished.resume')).click();

    await back.waitForHeading('done.title', 120_000);
    const counts = await back.doneCounts();
    const all = String(EVENTS);
    expect(counts['calendars']).toMatchObject({ found: all, verified: all, failed: '0' });
    expect(await again.getByTestId('done-summary').textContent()).toBe(
      back.words('migration:report.verdict.everything'),
    );
    await again.close();
  });
});
