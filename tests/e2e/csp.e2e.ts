// The built renderer under its CSP (header and <meta>, renderer/index.html): the page loads and
// is used without a single policy violation — no inline script or style slipped into Vite's
// output, no frame-ancestors warning from the <meta>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { startWebApp } from './support/web-app.ts';
import type { WebApp } from './support/web-app.ts';
import { WizardPage } from './pages/wizard-page.ts';

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await app.stop();
});

describe('content security policy', () => {
  it('loads and walks the first screens with no violation and no CSP message', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const messages: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
    });
    page.on('pageerror', (error) => messages.push(error.message));
    // Init scripts run through the DevTools protocol, outside the page's policy.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const wizard = new WizardPage(page);
    await wizard.open(app.url);
    const metaPolicy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(metaPolicy).toContain("script-src 'self'");
    await wizard.button('Start').click();
    expect(await wizard.heading().textContent()).toBe('Your data');
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    expect(messages.filter((text) => /content security policy|csp/i.test(text))).toEqual([]);
    expect(messages).toEqual([]);
    await page.close();
  });
});
