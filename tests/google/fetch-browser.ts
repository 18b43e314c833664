// A "browser" made of fetch calls, for tests without Chromium: it walks the stand-in's
// authorization pages the way a family does — the "unverified app" page, "Advanced",
// "Go to Baluchon (unsafe)", the consent form (some boxes unticked, Continue or Cancel) — then
// follows Google's redirect to Baluchon's loopback listener and hands back its answer.

export interface BrowserChoice {
  readonly decision: 'allow' | 'deny';
  /** Scopes whose box the family unticks on the consent page. */
  readonly untick?: readonly string[];
}

export interface BrowserVisit {
  /** The loopback listener's answer to the redirect. */
  readonly status: number;
  readonly page: string;
  /** Where the stand-in sent the browser back to (with code or error, and state). */
  readonly redirectedTo: URL;
}

const unescape = (text: string): string =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

async function page(url: URL): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url.pathname}: ${response.status} ${text}`);
  return text;
}

function link(html: string, name: string, base: URL): URL {
  for (const [, href, text] of html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)) {
    if (unescape(text ?? '') === name) return new URL(unescape(href ?? ''), base);
  }
  throw new Error(`no link named “${name}”`);
}

export async function consentInBrowser(
  authUrl: string,
  choice: BrowserChoice,
  appName = 'Baluchon',
): Promise<BrowserVisit> {
  const start = new URL(authUrl);
  const unverified = await page(start);
  const advanced = await page(link(unverified, 'Advanced', start));
  const consent = await page(link(advanced, `Go to ${appName} (unsafe)`, start));
  const request = /name="request" value="([^"]+)"/.exec(consent)?.[1];
  if (request === undefined) throw new Error('no consent form');
  const form = new URLSearchParams({ request: unescape(request), decision: choice.decision });
  for (const [, scope] of consent.matchAll(/name="scope" value="([^"]+)"/g)) {
    const value = unescape(scope ?? '');
    if (!(choice.untick ?? []).includes(value)) form.append('scope', value);
  }
  const decided = await fetch(new URL('/o/oauth2/v2/auth/decide', start), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  await decided.text();
  const location = decided.headers.get('location');
  if (decided.status !== 302 || location === null) {
    throw new Error(`consent answered ${decided.status}`);
  }
  return follow(new URL(location));
}

/** Follows a redirect to the loopback listener (as the browser would). */
export async function follow(to: URL): Promise<BrowserVisit> {
  const back = await fetch(to, { redirect: 'manual' });
  return { status: back.status, page: await back.text(), redirectedTo: to };
}
