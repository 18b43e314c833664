// Page model of "Your new home", and of the way there: how a person sees it — the place field,
// the count read out after each search, the hosts of the list (numbers and names), the map's
// markers as their tooltips name them, a host's page. Names come from the catalogues, so one
// model walks the French and the English screens.
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '../../../src/contract/index.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { WizardPage } from './wizard-page.ts';

export class HomePage {
  readonly wizard: WizardPage;
  readonly #t: (key: string, params?: Record<string, string | number>) => string;

  constructor(
    readonly page: Page,
    readonly language: Locale,
  ) {
    this.wizard = new WizardPage(page);
    const i18n = createI18n(language);
    this.#t = (key, params) => i18n.t(`wizard:${key}`, params ?? {});
  }

  /** The words the screen shows for `key` of the wizard's catalogue, in this page's language. */
  words(key: string, params?: Record<string, string | number>): string {
    return this.#t(key, params);
  }

  /** Welcome → "Your data" (the archive chosen as a person does) → "What we found" → here. */
  async reach(url: string, archive: readonly string[]): Promise<void> {
    await this.wizard.open(url);
    await this.wizard.button(this.words('welcome.start')).click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.wizard.button(this.words('source.choose')).click();
    await (await chooser).setFiles([...archive]);
    await this.wizard.button(this.words('source.read')).click();
    await this.wizard
      .heading()
      .filter({ hasText: this.words('found.title') })
      .waitFor();
    await this.wizard.button(this.words('found.next')).click();
    await this.waitForHeading(this.words('home.title'));
  }

  async waitForHeading(text: string): Promise<void> {
    await this.wizard.heading().filter({ hasText: text }).waitFor();
  }

  placeField(): Locator {
    return this.page.getByLabel(this.words('home.search.label'), { exact: true });
  }

  /** Types a place, asks for hosts, and waits for the answer. */
  async searchFor(place: string): Promise<void> {
    const before = (await this.resultCount().textContent()) ?? '';
    await this.placeField().fill(place);
    await this.wizard.button(this.words('home.search.submit')).click();
    await this.settled(before);
  }

  /**
   * Waits until a search has answered: a new count is read out, or the count is gone and an
   * alert says what is wrong. `before` is the count read out before the search, if any.
   */
  async settled(before = ''): Promise<void> {
    await this.page.waitForFunction(
      ({ searching, previous }) => {
        const status = document.querySelector('[role="status"]')?.textContent ?? '';
        if (status !== '' && status !== searching && status !== previous) return true;
        return status === '' && document.querySelector('[role="alert"]') !== null;
      },
      { searching: this.words('home.results.searching'), previous: before },
    );
  }

  /** The line screen readers read out after each search. */
  resultCount(): Locator {
    return this.page.getByRole('status');
  }

  /** The hosts of the list as shown, in order: "3 Hadoly" → { number: 3, name: 'Hadoly' }. */
  async hosts(): Promise<{ number: number; name: string }[]> {
    const headings = await this.page.getByRole('heading', { level: 4 }).allTextContents();
    return headings.map((text) => {
      const match = /^(\d+)\s+(.*)$/s.exec(text.trim());
      return { number: Number(match?.[1]), name: (match?.[2] ?? text).trim() };
    });
  }

  /** One host's entry in the list. */
  host(name: string): Locator {
    return this.page.getByRole('listitem').filter({
      has: this.page.getByRole('heading', { level: 4, name: new RegExp(`^\\d+ ${escape(name)}$`) }),
    });
  }

  /** The button that opens a host's page. */
  openButton(name: string): Locator {
    return this.wizard.button(this.words('home.host.open', { name }));
  }

  map(): Locator {
    return this.page.getByRole('img', {
      name: this.words('home.map.caption', { place: '' }).split(':')[0],
    });
  }

  /** Waits until the map has drawn its background (the figure is no longer busy). */
  async mapDrawn(): Promise<void> {
    await this.page.locator('figure[aria-busy="false"]').waitFor();
  }

  /** What the map's house and markers say when the mouse rests on them. */
  async mapTooltips(): Promise<string[]> {
    return this.map().locator('title').allTextContents();
  }

  checkbox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }

  distance(): Locator {
    return this.page.getByLabel(this.words('home.filters.distance'), { exact: true });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Moves the focus by Tab alone until `target` has it; fails after `maxTabs`. */
  async tabTo(target: Locator, maxTabs = 60): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) return;
    }
    throw new Error(`could not reach ${target.toString()} with the keyboard`);
  }

  async isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element === document.activeElement);
  }

  /** How far the page scrolls sideways (0 or less: nothing is wider than the window). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
