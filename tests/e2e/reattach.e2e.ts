// A move in the browser outlives its page: reloaded in the middle (or opened in a second tab),
// the page shows the running move again — its progress at once, Pause, and at the end its report,
// which Welcome keeps offering afterwards. Paused, "see what is already there" stays on step 6.
// "Forget everything" in the middle of a move stops it, erases, and says so.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import type { EventSpec } from '../fixtures/takeout/takeout-spec.ts';
import { fault, startFaultProxy, startRadicale } from '../harness/index.ts';
import type { DavServer, FaultProxy, ServerUser } from '../harness/index.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

// Radicale takes 10–15 events a second: long enough to act in the middle of the move.
const EVENTS = 120;
const PEOPLE = 6;
const TASKS = 4;

let browser: Browser;
let server: DavServer;
let proxy: FaultProxy;
let dir: string;
let parts: string[];
const apps: WebApp[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-reattach-e2e-'));
  const events = Array.from({ length: EVENTS }, (): EventSpec => ({ kind: 'single' }));
  parts = await buildTakeout(
    dir,
    {
      language: 'fr',
      calendars: [{ file: 'Famille', name: 'Famille', events }],
      people: Array.from({ length: PEOPLE }, (_, i) => ({ name: `Personne ${String(i + 1)}` })),
      taskLists: [
        {
          title: 'Maison',
          tasks: Array.from({ length: TASKS }, (_, i) => ({ title: `Tâche ${String(i + 1)}` })),
        },
      ],
    },
    { format: 'zip', parts: 1 },
  );
  [browser, server] = await Promise.all([
    launchBrowser(),
    startRadicale({ users: [{ name: 'anne' }, { name: 'bruno' }, { name: 'chloe' }] }),
  ]);
  proxy = await startFaultProxy({ target: server.url });
});

afterAll(async () => {
  await browser.close();
  await Promise.all([...apps.map((app) => app.stop()), proxy.stop()]);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newApp(): Promise<WebApp> {
  const app = await startWebApp();
  apps.push(app);
  return app;
}

function user(name: string): ServerUser {
  const found = server.users.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

/** The number of events the Moving screen says are done ("12 sur 120"), or undefined. */
async function eventsDone(journey: JourneyPage): Promise<number | undefined> {
  const pattern = journey.words('moving.count', { done: '(\\d+)', found: String(EVENTS) });
  const text = await journey.page.getByTestId('moving-progress').textContent({ timeout: 1000 });
  const done = new RegExp(pattern).exec(text ?? '')?.[1];
  return done === undefined ? undefined : Number(done);
}

/** Waits until the Moving screen says at least `atLeast` (or exactly `exactly`) events are done. */
async function waitForEventsDone(
  journey: JourneyPage,
  want: { atLeast?: number; exactly?: number },
): Promise<void> {
  const pattern = journey.words('moving.count', { done: '(\\d+)', found: String(EVENTS) });
  await journey.page.waitForFunction(
    ({ source, atLeast, exactly }) => {
      const text = document.querySelector('[data-testid="moving-progress"]')?.textContent;
      const done = new RegExp(source).exec(text ?? '')?.[1];
      if (done === undefined) return false;
      return exactly === null ? Number(done) >= (atLeast ?? 0) : Number(done) === exactly;
    },
    { source: pattern, atLeast: want.atLeast ?? null, exactly: want.exactly ?? null },
    { timeout: 60_000 },
  );
}

/** From Welcome to a running move, through the proxy, as `name`. */
async function startMove(page: Page, appUrl: string, name: string): Promise<JourneyPage> {
  const journey = new JourneyPage(page, 'fr');
  await journey.walkToConnect(appUrl, parts);
  await journey.connectWithPassword(proxy.through(server.url), name, user(name).password);
  await page.getByTestId('connect-result').waitFor();
  await journey.wizard.button(journey.words('connect.start')).click();
  await journey.waitForHeading('moving.title');
  await waitForEventsDone(journey, { atLeast: 5 });
  return journey;
}

/** How far the page scrolls sideways (0 or less: nothing is wider than the window). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Resolves once `check` is true, looking again every 50 ms (the proxy's state is in memory). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('a reloaded page finds its move again', () => {
  it('shows the running move after a reload and in a second tab, then its report', async () => {
    const app = await newApp();
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = await startMove(page, app.url, 'anne');

    // From now on no event reaches the server: the move can say nothing new, so whatever a page
    // opened now shows can only be what the service kept of it.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = proxy.addRule({
      name: 'hold',
      match: { method: 'PUT' },
      action: fault.hold(released),
    });
    try {
      const puts = () => proxy.requests.filter((request) => request.method === 'PUT');
      await until(
        () =>
          puts().some((request) => request.rule === 'hold') &&
          puts().every((request) => request.rule === 'hold' || request.outcome !== 'pending'),
        'the move waits on held requests only',
      );
      const sent = puts().filter(
        (request) => request.rule !== 'hold' && request.path.endsWith('.ics'),
      ).length;
      // The page has said the last word of the move before the hold.
      await waitForEventsDone(journey, { exactly: sent });

      await page.reload();
      await journey.waitForHeading('moving.title');
      expect(await eventsDone(journey)).toBe(sent);
      await journey.wizard.button(journey.words('moving.pause')).waitFor();
      await screenshot(page, 'reattach-1-reloaded-fr');

      // A second tab follows the same move.
      const second = await browser.newPage({ locale: 'fr-FR' });
      const other = new JourneyPage(second, 'fr');
      await other.wizard.open(app.url);
      await other.waitForHeading('moving.title');
      expect(await eventsDone(other)).toBe(sent);
      await screenshot(second, 'reattach-2-second-tab-fr');
      expect(await axeViolations(second)).toEqual([]);

      release();
      // Both pages end on the report of the one move, every event there once.
      for (const [each, model] of [
        [page, journey],
        [second, other],
      ] as const) {
        await model.waitForHeading('done.title', 120_000);
        const counts = await model.doneCounts();
        expect(counts['calendars']).toMatchObject({
          found: String(EVENTS),
          verified: String(EVENTS),
          failed: '0',
        });
        expect(await each.getByTestId('done-summary').textContent()).toBe(
          model.words('migration:report.verdict.everything'),
        );
      }
      await screenshot(page, 'reattach-3-report-fr');
      await second.close();
    } finally {
      hold.remove();
      release();
    }

    // Later, a new page: Welcome offers the report of that move, not a move to go on with.
    const later = await browser.newPage({ locale: 'fr-FR' });
    const back = new JourneyPage(later, 'fr');
    await back.wizard.open(app.url);
    await back.waitForHeading('welcome.title');
    await later.getByTestId('last-move').waitFor();
    expect(await later.getByTestId('unfinished-moves').count()).toBe(0);
    await screenshot(later, 'reattach-4-welcome-last-move-fr');
    expect(await axeViolations(later)).toEqual([]);
    await later.setViewportSize({ width: 640, height: 720 });
    expect(await overflow(later)).toBeLessThanOrEqual(0);
    await screenshot(later, 'reattach-5-welcome-last-move-200-fr');
    await back.wizard.button(back.words('welcome.lastMove.show')).click();
    await back.waitForHeading('done.title');
    expect((await back.doneCounts())['calendars']).toMatchObject({ verified: String(EVENTS) });
    await page.close();
    await later.close();
  });
});

describe('paused is paused', () => {
  it('shows what is already there on step 6, against every kind’s total, and resumes', async () => {
    const app = await newApp();
    const page = await browser.newPage({ locale: 'fr-FR' });
    // Pressing Pause on a reloaded page: the reattached move is the one paused.
    const journey = await startMove(page, app.url, 'bruno');
    await page.reload();
    await journey.waitForHeading('moving.title');
    await journey.wizard.button(journey.words('moving.pause')).click();
    await page.getByText(journey.words('moving.paused')).waitFor({ timeout: 30_000 });
    await journey.wizard.button(journey.words('moving.seeSoFar')).click();

    await journey.waitForHeading('moving.pausedView.title');
    // Still step 6 of the journey.
    expect(await page.locator('[aria-current="step"]').textContent()).toContain(
      journey.words('layout.steps.moving'),
    );
    expect(await page.getByTestId('paused-summary').textContent()).toContain(
      journey.words('moving.pausedView.badge'),
    );
    // Every kind, against its full total (the pause came before contacts and tasks were done).
    const total = (kind: string, n: number) =>
      page.getByTestId(`paused-${kind}`).getByText(new RegExp(`\\d+ sur ${String(n)}$`));
    await total('calendars', EVENTS).waitFor();
    await total('contacts', PEOPLE).waitFor();
    await total('tasks', TASKS).waitFor();
    // No phone advice, no "forget everything": nothing is finished.
    expect(await page.getByText(journey.words('migration:report.nextPhone')).count()).toBe(0);
    expect(await journey.wizard.button(journey.words('forget.button')).count()).toBe(0);
    await journey.wizard.button(journey.words('undo.button')).waitFor();
    await screenshot(page, 'paused-1-view-fr');
    expect(await axeViolations(page)).toEqual([]);
    // At 200 % zoom (half the window's width in CSS pixels) nothing scrolls sideways.
    const window = page.viewportSize() ?? { width: 1280, height: 720 };
    await page.setViewportSize({ width: window.width / 2, height: window.height });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'paused-2-view-200-fr');
    await page.setViewportSize(window);

    await journey.wizard.button(journey.words('moving.pausedView.resume')).click();
    await journey.waitForHeading('done.title', 120_000);
    expect((await journey.doneCounts())['calendars']).toMatchObject({
      found: String(EVENTS),
      verified: String(EVENTS),
    });
    await page.close();
  });
});

describe('forgetting is visible', () => {
  it('stops the running move, erases everything, and says so', async () => {
    const app = await newApp();
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = await startMove(page, app.url, 'chloe');
    await journey.wizard.button(journey.words('forget.button')).click();
    await page.getByText(journey.words('forget.explainRunning')).waitFor();
    await journey.wizard.button(journey.words('forget.confirm')).click();

    await journey.waitForHeading('welcome.title');
    await page.getByTestId('forgotten').waitFor();
    expect(await page.getByTestId('forgotten').textContent()).toBe(
      journey.words('welcome.forgotten'),
    );
    expect(await page.getByTestId('unfinished-moves').count()).toBe(0);
    expect(await page.getByTestId('last-move').count()).toBe(0);
    await screenshot(page, 'forgotten-1-fr');
    expect(await axeViolations(page)).toEqual([]);
    // Nothing left in the data folder: no journal, no report, no copy of the archive.
    expect(await readdir(app.dataDir)).toEqual([]);

    // Opened again, nothing is running and nothing is offered.
    await page.reload();
    await journey.waitForHeading('welcome.title');
    expect(await page.getByTestId('unfinished-moves').count()).toBe(0);
    expect(await page.getByTestId('last-move').count()).toBe(0);
    await page.close();
  });
});
