// A move from another host that did not finish (the app was closed), offered again on Welcome in
// Debian's Chromium through `baluchon web`: the card says where the data comes from and where it
// goes, asks for both passwords (web mode keeps none across a restart), and going on reads the
// old account (a real Radicale) to the end. The card passes axe and fits at 200 % zoom.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/contract/index.ts';
import { accountIdFor } from '../../src/service/accounts.ts';
import { startRadicale } from '../harness/index.ts';
import type { DavServer, ServerUser } from '../harness/index.ts';
import { seedCalendarsAndContacts } from '../sources/dav/support/family.ts';
import { JourneyPage } from './pages/journey-page.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';

let app: WebApp;
let browser: Browser;
let radicale: DavServer;

function user(name: string): ServerUser {
  const found = radicale.users.find((one) => one.name === name);
  if (found === undefined) throw new Error(`no user ${name}`);
  return found;
}

/** A Radicale account as connecting to it finds it (its homes are the user's folder). */
function accountOf(name: string): Account {
  const server = radicale.url;
  return {
    accountId: accountIdFor(server, name),
    server,
    username: name,
    software: 'radicale',
    principal: null,
    calendarHome: user(name).home,
    addressbookHome: user(name).home,
    filesRoot: null,
    quota: null,
  };
}

beforeAll(async () => {
  [app, browser, radicale] = await Promise.all([
    startWebApp(),
    launchBrowser(),
    startRadicale({ users: [{ name: 'ancien' }, { name: 'nouveau' }] }),
  ]);
  await seedCalendarsAndContacts(user('ancien'), {
    calendarHome: user('ancien').home,
    addressbookHome: user('ancien').home,
  });
  // What the service remembered of a move from the old host that was cut short.
  await writeFile(
    join(app.dataDir, 'unfinished-moves.json'),
    JSON.stringify({
      version: 1,
      moves: [
        {
          paths: [],
          sourceAccount: accountOf('ancien'),
          account: accountOf('nouveau'),
          selection: { contacts: true, tasks: true, files: false, otherContacts: false },
          stateDir: app.dataDir,
          startedAt: '2026-12-01T09:30:00.000Z',
        },
      ],
    }),
  );
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), radicale.stop()]);
});

async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('a move from another host, offered again on Welcome', () => {
  it('names both accounts, asks for both passwords, and goes on to Done', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    const card = page.getByTestId('unfinished-moves');
    await card.waitFor();
    const host = new URL(radicale.url).host;
    const text = await card.textContent();
    expect(text).toContain(`Depuis ancien sur ${host}.`);
    expect(text).toContain(`Vers nouveau sur ${host}`);
    expect(text).not.toContain('archive');
    await screenshot(page, 'resume-from-host-1-welcome-fr');
    expect(await axeViolations(page)).toEqual([]);

    const resume = journey.wizard.button(journey.words('welcome.unfinished.resume'));
    const newPassword = card.getByLabel('Mot de passe de nouveau', { exact: true });
    const oldPassword = card.getByLabel('Mot de passe de ancien chez votre ancien hébergeur', {
      exact: true,
    });
    // Each password the move needs must be typed before it can go on.
    expect(await resume.isDisabled()).toBe(true);
    await newPassword.fill(user('nouveau').password);
    expect(await resume.isDisabled()).toBe(true);
    await oldPassword.fill(user('ancien').password);
    expect(await resume.isDisabled()).toBe(false);

    await page.setViewportSize({ width: 640, height: 900 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'resume-from-host-2-welcome-fr-200pc');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await resume.click();
    await journey.waitForHeading('done.title', 120_000);
    const summary = await page.getByTestId('done-summary').textContent();
    expect(summary).toBe(journey.words('migration:report.verdict.everything'));
    expect(await page.locator('main').textContent()).toContain('Famille (ancien hébergeur)');
    await screenshot(page, 'resume-from-host-3-done-fr');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
