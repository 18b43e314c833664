// "Your new home" in a real browser, reached as a family reaches it: Welcome, their archive,
// what was found, "Choose my new host". The list must show the engine's order and words, so the
// test asks the same engine (a service of its own, on the same shipped directory) what it says.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FindHostsResult, Locale } from '../../src/contract/index.ts';
import { dataDir } from '../../scripts/build-hosts-data.ts';
import { Directory } from '../../src/hosts/directory/directory-schema.ts';
import { createService } from '../../src/service/create-service.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, screenshot, screenshotsDir } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { HomePage } from './pages/home-page.ts';

let app: WebApp;
let browser: Browser;
let workDir: string;
let archive: string[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'baluchon-e2e-home-'));
  archive = await buildTakeout(join(workDir, 'takeout'), familySpec('fr'), { format: 'zip' });
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
  await rm(workDir, { recursive: true, force: true });
});

/** What the engine suggests near `near` for a family moving everything (the Dupont archive). */
async function engineSays(near: string, locale: Locale): Promise<FindHostsResult> {
  const service = createService({ mode: 'cli', locale, dataDir: join(workDir, 'engine') });
  try {
    const result = await service.call('findHosts', {
      near,
      needs: ['files', 'calendars', 'contacts'],
      limit: 200,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as FindHostsResult;
  } finally {
    service.close();
  }
}

/** 100 %: a 1280-pixel window; 200 %: the same screen zoomed, 640 × 400 CSS pixels at scale 2. */
async function open(locale: Locale, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    viewport,
    deviceScaleFactor: viewport.width < 800 ? 2 : 1,
  });
  const home = new HomePage(page, locale);
  await home.reach(app.url, archive);
  return { page, home };
}

/** Every research note of a host in the shipped directory: its sources, notes, price notes. */
function provenanceOf(id: string): string[] {
  const directory = Directory.parse(
    JSON.parse(readFileSync(join(dataDir, 'directory.json'), 'utf8')),
  );
  const host = directory.hosts.find((candidate) => candidate.id === id);
  if (host === undefined) throw new Error(`${id} is not in the directory`);
  const texts = [
    host.membership.source,
    ...host.notes,
    ...Object.values(host.sources),
    ...host.services.flatMap((service) => [service.source, service.price?.note ?? '']),
    host.location?.note ?? '',
  ];
  // Long enough to be the notes' own words, not a word the page may share with them.
  return texts.filter((text) => text.length > 15);
}

/** The contrast ratio (WCAG 2.1) of each number of the list against its own background. */
async function numberContrasts(page: Page): Promise<number[]> {
  return page.locator('.host-number').evaluateAll((elements) => {
    const luminance = (css: string): number => {
      const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
        const c = Number(value) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    return elements.map((element) => {
      const style = getComputedStyle(element);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort(
        (a, b) => b - a,
      );
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
    });
  });
}

describe('your new home', () => {
  it('lists the hosts near a French postcode first, in the engine’s order, with why, and maps them', async () => {
    const expected = await engineSays('69007', 'fr');
    const { page, home } = await open('fr');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-search-fr');
    await home.searchFor('69007');

    // The engine's count, true to the list (the CLI prints the same sentence).
    expect(expected.summary).toMatch(
      /^Lyon 7e Arrondissement \(69\) : 3 hébergeurs à moins de 50 km, \d+ plus loin/,
    );
    expect(await home.resultCount().textContent()).toBe(expected.summary);
    const shown = await home.hosts();
    expect(shown.map((host) => host.name)).toEqual(expected.hosts.map((host) => host.name));
    expect(shown.map((host) => host.number)).toEqual(expected.hosts.map((_host, i) => i + 1));
    // A Lyon host first, under "within 50 km"; Brussels and Brest only under "farther".
    expect(expected.hosts[0]).toMatchObject({ city: 'Lyon', group: 'near' });
    const near = page.getByRole('region', { name: 'À moins de 50 km de chez vous' });
    const farther = page.getByRole('region', {
      name: 'Plus loin : ils proposent tout ce que vous emportez',
    });
    expect(await near.getByRole('heading', { level: 4 }).count()).toBe(expected.reach.near);
    expect(await farther.getByText('Nubo', { exact: false }).count()).toBeGreaterThan(0);
    expect(await near.getByText('Nubo', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Montréal', { exact: false }).count()).toBe(0);
    // Each host says why, in the engine's words, and what is known of its offer.
    const badge = {
      suitable: 'Offre confirmée',
      partial: 'Offre partielle',
      'to-check': 'À vérifier',
      closed: 'Pas de nouveaux comptes',
    } as const;
    for (const host of expected.hosts) {
      const card = home.host(host.name);
      for (const sentence of host.why.slice(0, host.reasons.length)) {
        expect(await card.getByText(sentence, { exact: true }).count(), sentence).toBe(1);
      }
      expect(
        await card
          .getByText('Informations tirées des pages publiques de l’hébergeur, au', {
            exact: false,
          })
          .count(),
      ).toBe(1);
      expect(await card.getByText(badge[host.tier], { exact: true }).count(), host.name).toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    // axe cannot judge a one-digit number's contrast ("too short"): measure the list's numbers.
    expect(await numberContrasts(page)).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(Math.min(...(await numberContrasts(page)))).toBeGreaterThanOrEqual(4.5);

    // The map shows the family's place and every host of the region that has an address.
    await home.mapDrawn();
    const tooltips = await home.mapTooltips();
    expect(tooltips).toContain(
      home.words('home.map.familyTitle', { place: 'Lyon 7e Arrondissement (69)' }),
    );
    const mapped = expected.hosts
      .map((host, index) => ({ host, number: index + 1 }))
      .filter(({ host }) => host.distanceKm !== null && host.distanceKm <= 1000);
    expect(mapped.length).toBeGreaterThanOrEqual(5);
    expect(tooltips.filter((tip) => /^\d+\. /.test(tip)).sort()).toEqual(
      mapped.map(({ host, number }) => `${number}. ${host.name}, à ${host.distanceKm} km`).sort(),
    );
    expect(await page.getByText(/sont sur la carte\./).count()).toBe(1);
    await home
      .map()
      .locator('..')
      .locator('..')
      .screenshot({
        path: join(screenshotsDir, 'home-map-fr.png'),
      });
    await screenshot(page, 'home-list-fr');

    // A host's page, then the choice.
    await home.openButton('Infini').click();
    await home.waitForHeading('Infini');
    // The page's services come with its facts: wait for them before counting (a loaded machine
    // shows the heading first).
    const offered = page.getByText('avec Nextcloud · pour les membres de l’association');
    await offered.first().waitFor();
    expect(await offered.count()).toBe(3);
    expect(await page.getByRole('button', { name: 'www.infini.fr' }).count()).toBe(1);
    await page.locator('[aria-busy="false"]').first().waitFor();
    // Facts in Baluchon's words only: the research provenance stays in the data.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Informations tirées des pages publiques de l’hébergeur, au 24');
    expect(text).not.toMatch(
      /source|confiance|confidence|stored|research|a public page|adhérents|Sources :|membership/i,
    );
    for (const words of provenanceOf('infini')) expect(text, words).not.toContain(words);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-host-page-fr');
    await home.wizard.button('Choisir cet hébergeur').click();
    await home.waitForHeading('Connexion');
    expect(await page.getByText('Votre nouvel hébergeur : Infini').count()).toBe(1);

    // Back from Connect: the same list, without typing again.
    await home.wizard.button('Retour').click();
    await home.waitForHeading('Votre nouvel hébergeur');
    await home.settled();
    expect(await home.placeField().inputValue()).toBe('69007');
    expect((await home.hosts()).length).toBe(expected.hosts.length);
    await page.close();
  });

  it('narrows the list and the map with the filters, and reads the count out', async () => {
    const expected = await engineSays('69007', 'fr');
    const { page, home } = await open('fr');
    await home.searchFor('69007');

    await home.distance().selectOption({ label: 'jusqu’à 50 km' });
    const near = expected.hosts.filter((host) => host.distanceKm !== null && host.distanceKm <= 50);
    expect(near.length).toBeGreaterThan(1);
    expect((await home.hosts()).map((host) => host.name)).toEqual(near.map((host) => host.name));
    expect(await home.resultCount().textContent()).toBe(
      `${near.length} hébergeurs affichés sur ${expected.hosts.length} suggérés pour Lyon 7e Arrondissement (69).`,
    );
    await home.mapDrawn();
    expect(await page.getByText('50 km autour de chez vous').count()).toBe(1);
    await home
      .map()
      .locator('..')
      .locator('..')
      .screenshot({
        path: join(screenshotsDir, 'home-map-50km-fr.png'),
      });

    await home.distance().selectOption({ label: 'toutes distances' });
    await home.checkbox('les hébergeurs qui accueillent de nouveaux membres').check();
    await home
      .checkbox(
        'les hébergeurs qui proposent tout ce que vous emportez : fichiers, agendas et contacts',
      )
      .check();
    const welcoming = expected.hosts.filter(
      (host) => host.tier === 'suitable' && ['open', 'members', 'paid'].includes(host.registration),
    );
    expect((await home.hosts()).map((host) => host.name)).toEqual(
      welcoming.map((host) => host.name),
    );
    await page.close();
  });

  it('explains an unknown place, and its suggestions search again', async () => {
    const { page, home } = await open('fr');
    await home.searchFor('Lyom');
    expect(await home.alert().textContent()).toMatch(
      /^Baluchon ne connaît pas le lieu «\s?Lyom\s?»\. Noms les plus proches\s?: Lyon \(69\)/,
    );
    expect(await home.placeField().getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'home-unknown-place-fr');
    await home.wizard.button('Lyon (69)').click();
    await home.settled();
    await page.getByText(/^Lyon \(69\) : \d+ hébergeurs à moins de 50 km/).waitFor();
    expect(await home.resultCount().textContent()).toMatch(
      /^Lyon \(69\) : \d+ hébergeurs à moins de 50 km/,
    );
    expect(await home.alert().count()).toBe(0);
    expect(await home.placeField().inputValue()).toBe('Lyon');
    await page.close();
  });

  it('can be used with the keyboard alone: search, filter, a host’s page and back, choose', async () => {
    const { page, home } = await open('en');
    expect(await home.isFocused(home.wizard.heading())).toBe(true);
    await home.tabTo(home.placeField());
    await page.keyboard.type('Lyon');
    await page.keyboard.press('Enter');
    await home.settled();
    const lyon = await engineSays('Lyon', 'en');
    expect(await home.resultCount().textContent()).toBe(lyon.summary);
    expect(lyon.summary).toMatch(/^Lyon \(69\): 3 hosts within 50 km, /);

    const filter = home.checkbox('hosts that take new members');
    await home.tabTo(filter);
    await page.keyboard.press('Space');
    expect(await filter.isChecked()).toBe(true);
    expect(await home.resultCount().textContent()).toMatch(
      new RegExp(`^\\d+ hosts? shown out of ${lyon.hosts.length} suggested for Lyon`),
    );

    const infini = home.openButton('Infini');
    await home.tabTo(infini);
    await page.keyboard.press('Enter');
    await home.waitForHeading('Infini');
    expect(await home.isFocused(home.wizard.heading())).toBe(true);

    await home.tabTo(home.wizard.button('Back to the list'));
    await page.keyboard.press('Enter');
    await home.waitForHeading('Your new home');
    // The keyboard is back where it was: on that host's button.
    expect(await home.isFocused(infini)).toBe(true);

    await page.keyboard.press('Enter');
    await home.waitForHeading('Infini');
    await home.tabTo(home.wizard.button('Choose this host'));
    await page.keyboard.press('Enter');
    await home.waitForHeading('Connect');
    expect(await page.getByText('Your new host: Infini').count()).toBe(1);
    await page.close();
  });

  it('speaks English, and the engine’s reasons follow a change of language', async () => {
    const { page, home } = await open('en');
    expect(await home.wizard.heading().textContent()).toBe('Your new home');
    await home.searchFor('Lyon');
    const hadoly = home.host('Hadoly');
    expect(await hadoly.getByText('takes new members', { exact: true }).count()).toBe(1);
    expect(await hadoly.getByText('To check', { exact: true }).count()).toBe(1);

    await home.wizard.button('Français').click();
    await home.waitForHeading('Votre nouvel hébergeur');
    await page.getByText(/^Lyon \(69\) : 3 hébergeurs à moins de 50 km/).waitFor();
    const hadolyFr = new HomePage(page, 'fr').host('Hadoly');
    expect(await hadolyFr.getByText('accueille de nouveaux membres', { exact: true }).count()).toBe(
      1,
    );
    expect(await hadolyFr.getByText('takes new members').count()).toBe(0);
    await page.close();
  });

  it('stays readable at 200 % zoom: the search, the list, the map and a host’s page fit the window', async () => {
    const { page, home } = await open('fr', { width: 640, height: 400 });
    expect(await home.horizontalOverflow()).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'home-search-fr-200pc.png') });
    await home.searchFor('29200');
    await home.mapDrawn();
    expect(await home.horizontalOverflow()).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    // What the window shows at 200 %: the count and the map, then the first hosts of the list.
    await home.resultCount().evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
    });
    await page.screenshot({ path: join(screenshotsDir, 'home-fr-200pc.png') });
    await page
      .getByRole('heading', { level: 3 })
      .first()
      .evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
      });
    await page.screenshot({ path: join(screenshotsDir, 'home-list-fr-200pc.png') });
    await home.openButton('Infini').click();
    await home.waitForHeading('Infini');
    await page.locator('[aria-busy="false"]').first().waitFor();
    expect(await home.horizontalOverflow()).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'home-host-page-fr-200pc.png') });
    await page.close();
  });

  it('widens "near" step by step where no host is within 50 km, and says so', async () => {
    const expected = await engineSays('Aurillac', 'fr');
    expect(expected.reach.widened).toBe(true);
    const { page, home } = await open('fr');
    await home.searchFor('Aurillac');
    expect(await home.resultCount().textContent()).toBe(expected.summary);
    const heading = `À moins de ${expected.reach.km} km de chez vous`;
    expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    expect(
      await page
        .getByText(
          `Aucun hébergeur plus proche ne peut vous accueillir : Baluchon a cherché jusqu’à ${expected.reach.km} km.`,
        )
        .count(),
    ).toBe(1);
    expect(await page.getByRole('heading', { name: 'À moins de 50 km de chez vous' }).count()).toBe(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-widened-fr');
    await page.close();
  });

  it('reads a host’s provisioning link, and says in plain words what is wrong with a bad one', async () => {
    const { page, home } = await open('fr');
    await home.wizard.button('J’ai un fichier de mon hébergeur').click();
    const field = page.getByLabel('Le lien ou le fichier donné par votre hébergeur');

    await field.fill('{"baluchon": "provisioning", "version": 2}');
    await home.wizard.button('Le lire').click();
    await home.alert().waitFor();
    expect(await home.alert().textContent()).toMatch(
      /^Ce fichier de préconfiguration est en version 2\s?; ce Baluchon lit la version 1\./,
    );

    await field.fill(
      'baluchon://provision?v=1&name=Le%20Chaton%20du%20coin&server=https%3A%2F%2Fcloud.example.org%2F&software=nextcloud&services=calendars,contacts&login=browser',
    );
    await home.wizard.button('Le lire').click();
    await page.getByText('Votre hébergeur : Le Chaton du coin').waitFor();
    expect(await home.alert().count()).toBe(0);
    expect(await page.getByText('Son serveur : cloud.example.org').count()).toBe(1);
    // The family moves files too: the screen says they will not go there.
    expect(await page.getByText(/^Non proposé\s?: fichiers\./).count()).toBe(1);
    await screenshot(page, 'home-provisioning-fr');
    await home.wizard.button('Continuer avec Le Chaton du coin').click();
    await home.waitForHeading('Connexion');
    expect(await page.getByText('Votre nouvel hébergeur : Le Chaton du coin').count()).toBe(1);
    await page.close();
  });

  it('shows an impostor file’s server in punycode and warns, on the file’s summary and on Connect', async () => {
    const { page, home } = await open('en');
    await home.wizard.button('I have a file from my host').click();
    // Named after a host of the directory (Zaclys, www.zaclys.com), with a Cyrillic "о".
    await page
      .getByLabel('The link or the file your host gave you')
      .fill(
        'baluchon://provision?v=1&name=La%20M%C3%A8re%20Zaclys&server=https%3A%2F%2Fcl%D0%BEud.zaclys-login.example%2F&software=nextcloud&services=calendars,contacts',
      );
    await home.wizard.button('Read it').click();
    await page.getByText('Your host: La Mère Zaclys').waitFor();
    expect(await page.getByText('Its server: xn--clud-65d.zaclys-login.example').count()).toBe(1);
    expect(
      await page
        .getByText(/^The server’s name, xn--clud-65d\.zaclys-login\.example, is written/)
        .count(),
    ).toBe(1);
    expect(await page.getByText(/^This file speaks in the name of Zaclys/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-provisioning-impostor-en');
    await home.wizard.button('Continue with La Mère Zaclys').click();
    await home.waitForHeading('Connect to your new account');
    expect(await page.getByText(/^This file speaks in the name of Zaclys/).count()).toBe(1);
    await page.close();
  });

  it('lets a family with an account go on without choosing a host', async () => {
    const { page, home } = await open('fr');
    await home.wizard.button('J’ai déjà un compte').click();
    await home.waitForHeading('Connexion');
    expect(
      await page
        .getByText('Vous avez déjà un compte : Baluchon va vous demander où il se trouve.')
        .count(),
    ).toBe(1);
    await page.close();
  });
});
