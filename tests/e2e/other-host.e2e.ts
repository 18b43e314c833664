// "Your data is at another host", in Debian's Chromium through `baluchon web`, in French: a
// family whose host closes chooses it on "Your data" (formerly "Your Google data"), connects to
// their account there (a real Radicale) with the same form as the new account, and Baluchon
// reads it through the same scan job as an archive: "What we found" shows the old host's
// calendars, and says in one sentence that it holds no files. Moved to a new account but for one
// calendar, Done says it stayed at the previous host, never "at Google". The new screen, its
// form, the inventory and Done pass axe; the form fits at 200 % zoom.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale } from '../harness/index.ts';
import { seedCalendarsAndContacts } from '../sources/dav/support/family.ts';
import type { DavServer } from '../harness/index.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { JourneyPage } from './pages/journey-page.ts';

let app: WebApp;
let browser: Browser;
/** The host the family leaves. */
let oldHost: DavServer;

beforeAll(async () => {
  // The first user is the old account; the second, on the same server, the new one.
  const users = { users: [{ name: 'ancien' }, { name: 'nouveau' }] };
  [app, browser, oldHost] = await Promise.all([
    startWebApp(),
    launchBrowser(),
    startRadicale(users),
  ]);
  await seedCalendarsAndContacts(oldHost.user, {
    calendarHome: oldHost.user.home,
    addressbookHome: oldHost.user.home,
  });
});

afterAll(async () => {
  await browser.close();
  await Promise.all([app.stop(), oldHost.stop()]);
});

/** Nothing runs off the side: the page is no wider than the window. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('your data is at another host', () => {
  it('connects to the old host’s account from “Your data” and shows what it holds', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const journey = new JourneyPage(page, 'fr');
    await journey.wizard.open(app.url);
    await journey.wizard.button(journey.words('welcome.start')).click();
    await journey.waitForHeading('source.title');
    expect(await journey.wizard.heading().textContent()).toBe('Vos données');

    // Both places, the Google archive chosen as before; its drop area is there.
    const archive = page.getByRole('radio', { name: journey.words('source.origin.archive') });
    const host = page.getByRole('radio', { name: journey.words('source.origin.host') });
    expect(await archive.isChecked()).toBe(true);
    expect(await host.isChecked()).toBe(false);
    expect(await page.getByTestId('drop-zone').count()).toBe(1);
    await screenshot(page, 'other-host-1-your-data-fr');
    expect(await axeViolations(page)).toEqual([]);

    // When to choose it, in one sentence read with the choice.
    await host.check();
    const description = await host.evaluate((element) => {
      const id = element.getAttribute('aria-describedby');
      return id === null ? null : (document.getElementById(id)?.textContent ?? null);
    });
    expect(description).toBe(journey.words('source.origin.hostHint'));
    expect(await page.getByTestId('drop-zone').count()).toBe(0);
    const form = page.getByTestId('host-source');
    await form.waitFor();
    await screenshot(page, 'other-host-2-form-fr');
    expect(await axeViolations(page)).toEqual([]);

    const fill = async (password: string): Promise<void> => {
      await form.getByLabel(journey.words('source.host.server'), { exact: true }).fill(oldHost.url);
      await form
        .getByLabel(journey.words('connect.password.username'), { exact: true })
        .fill(oldHost.user.name);
      await form
        .getByLabel(journey.words('connect.password.password'), { exact: true })
        .fill(password);
      await journey.wizard.button(journey.words('source.host.read')).click();
    };

    // A wrong password is told as on Connect, in plain words.
    await fill('pas-le-bon-mot-de-passe');
    const error = page.getByTestId('host-source-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('refusé');

    // At 200 % zoom (a 1280-pixel window lays out like a 640-pixel one) the choice and the form
    // fit the window.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'other-host-3-form-fr-200pc');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Back on the archive: its drop area again, the host's form gone; then the host again.
    await archive.check();
    await page.getByTestId('drop-zone').waitFor();
    expect(await page.getByTestId('host-source').count()).toBe(0);
    await host.check();
    await form.waitFor();

    // The right password: the account is read through the same scan job as an archive, and
    // "What we found" shows what the old host holds, under the names the family knows.
    await fill(oldHost.user.password);
    await journey.waitForHeading('found.title');
    const found = await page.locator('main').textContent();
    expect(found).toContain('Famille');
    // An old calendar host has no files space: one sentence says so, not a box that can never
    // be ticked ("0 fichier (0 octets)").
    expect(await page.getByTestId('files-none').textContent()).toBe(
      journey.words('found.host.files.none'),
    );
    expect(await page.getByTestId('files-count').count()).toBe(0);
    expect(await page.locator('#files-title ~ label input[type="checkbox"]').count()).toBe(0);
    await screenshot(page, 'other-host-4-found-fr');
    expect(await axeViolations(page)).toEqual([]);

    // Leave one calendar there, move the rest to the new account: Done says what stayed at the
    // previous host (not "at Google"), and to keep the old account a few weeks.
    await page
      .getByTestId('calendar-row')
      .filter({ hasText: 'École' })
      .getByRole('checkbox')
      .uncheck();
    await journey.wizard.button(journey.words('found.next')).click();
    await journey.waitForHeading('home.title');
    await journey.wizard.button(journey.words('home.otherWays.ownAccount')).click();
    await journey.waitForHeading('connect.title');
    const newAccount = oldHost.users[1];
    if (newAccount === undefined) throw new Error('no new account');
    await journey.connectWithPassword(oldHost.url, newAccount.name, newAccount.password);
    await page.getByTestId('connect-result').waitFor();
    await journey.wizard.button(journey.words('connect.start')).click();
    await journey.waitForHeading('done.title', 120_000);
    expect(await page.getByTestId('done-summary').textContent()).toBe(
      journey.words('migration:report.verdict.everythingChosen'),
    );
    expect(await page.getByTestId('done-left-calendars').textContent()).toMatch(
      /^\d+ rendez-vous (est resté|sont restés) chez votre ancien hébergeur, comme vous l’avez choisi\.$/,
    );
    expect(await page.getByTestId('done-keep-old').textContent()).toBe(
      journey.words('migration:report.nextGoogle', { context: 'dav' }),
    );
    expect(await page.locator('main').textContent()).not.toContain('Google');
    await screenshot(page, 'other-host-5-done-fr');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
