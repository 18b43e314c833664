// Page model of the wizard: how a person sees it (headings, buttons, labels), not its markup.
import type { Locator, Page } from 'playwright-core';
import { entryAddress } from '../support/web-app.ts';

export class WizardPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Opens the app at `url` as its user would: through a new address good once. */
  async open(url: string): Promise<void> {
    await this.page.goto(await entryAddress(url));
    await this.heading().waitFor();
  }

  /** Moves the keyboard focus to the button named `name`, by Tab only, and presses Enter. */
  async pressByKeyboard(name: string | RegExp, maxTabs = 40): Promise<void> {
    const target = this.button(name);
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) {
        await this.page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error(`could not reach the button ${String(name)} with the keyboard`);
  }
}
