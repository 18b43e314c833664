// The whole sign-in against the stand-in: Baluchon's loopback listener, the stand-in's pages
// walked by a fetch-driven browser, the code exchanged with its PKCE verifier.
import { afterEach, describe, expect, it } from 'vitest';
import { BaluchonError } from '../../../src/errors/baluchon-error.ts';
import { signIn } from '../../../src/google/auth/sign-in.ts';
import type { SignInInput } from '../../../src/google/auth/sign-in.ts';
import type { GoogleProduct } from '../../../src/google/google-products.ts';
import { consentInBrowser, follow } from '../fetch-browser.ts';
import type { BrowserChoice, BrowserVisit } from '../fetch-browser.ts';
import { CLIENT_ID, CLIENT_SECRET, EMAIL, startOAuthFixture } from '../oauth-fixture.ts';
import type { OAuthFixture } from '../oauth-fixture.ts';

const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';
const TASKS = 'https://www.googleapis.com/auth/tasks.readonly';

let fixture: OAuthFixture | undefined;
afterEach(async () => {
  await fixture?.server.close();
  fixture = undefined;
});

interface Run {
  readonly urls: string[];
  visit?: Promise<BrowserVisit>;
}

/** signIn whose openUrl hands the page to the fetch browser, as the system browser would. */
function signInWith(
  f: OAuthFixture,
  choice: BrowserChoice,
  overrides: Partial<SignInInput> = {},
  products: GoogleProduct[] = ['calendar', 'tasks'],
): { run: Run; grant: ReturnType<typeof signIn> } {
  const run: Run = { urls: [] };
  const grant = signIn({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    products,
    endpoints: f.endpoints,
    signal: new AbortController().signal,
    openUrl: (url) => {
      run.urls.push(url);
      run.visit = consentInBrowser(url, choice);
    },
    ...overrides,
  });
  return { run, grant };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  return error instanceof BaluchonError ? error.code : String(error);
}

describe('signIn', () => {
  it('asks with PKCE S256 for the ticked products, and returns the refresh token and e-mail', async () => {
    fixture = await startOAuthFixture();
    const { run, grant } = signInWith(fixture, { decision: 'allow' });
    const signed = await grant;
    const visit = await run.visit;

    const asked = new URL(run.urls[0] ?? '');
    expect(asked.origin + asked.pathname).toBe(fixture.endpoints.authorization);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      scope: `openid email ${CALENDAR} ${TASKS}`,
    });
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(asked.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [issued] = fixture.oauth.grants();
    expect(signed).toEqual({
      refreshToken: issued?.refreshToken,
      grantedScopes: ['openid', 'email', CALENDAR, TASKS],
      products: ['calendar', 'tasks'],
      email: EMAIL,
    });
    expect(visit?.status).toBe(200);
    expect(visit?.page).toContain('Vous pouvez revenir à Baluchon');
    expect(visit?.page).toContain('You can go back to Baluchon');
  });

  it('keeps only the products left ticked on the consent page', async () => {
    fixture = await startOAuthFixture();
    const { grant } = signInWith(fixture, { decision: 'allow', untick: [TASKS] });
    const signed = await grant;
    expect(signed.products).toEqual(['calendar']);
    expect(signed.grantedScopes).not.toContain(TASKS);
  });

  it('everything unticked: nothing-granted, and the useless grant is revoked at Google', async () => {
    fixture = await startOAuthFixture();
    const { grant } = signInWith(fixture, { decision: 'allow', untick: [CALENDAR, TASKS] });
    expect(await codeOf(grant)).toBe('google.nothing-granted');
    expect(fixture.oauth.grants().map((g) => g.revoked)).toEqual([true]);
  });

  it('Cancel on the consent page: consent-refused, the browser told, the listener closed', async () => {
    fixture = await startOAuthFixture();
    const { run, grant } = signInWith(fixture, { decision: 'deny' });
    expect(await codeOf(grant)).toBe('google.consent-refused');
    const visit = await run.visit;
    expect(visit?.redirectedTo.searchParams.get('error')).toBe('access_denied');
    expect(visit?.page).toContain('Vous avez choisi « Annuler »');
    await expect(fetch(visit?.redirectedTo ?? '')).rejects.toThrow();
    expect(fixture.oauth.grants()).toEqual([]);
  });

  it('refuses a redirect with another state and goes on waiting; ignores /favicon.ico', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const answers: number[] = [];
    let visit: Promise<BrowserVisit> | undefined;
    const signed = await signIn({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      products: ['calendar'],
      endpoints: fixture.endpoints,
      signal: new AbortController().signal,
      openUrl: async (url) => {
        const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        const forged = new URL(redirectUri);
        forged.search = '?code=4/0forged&state=not-this-one';
        answers.push((await follow(forged)).status);
        answers.push((await follow(new URL('/favicon.ico', redirectUri))).status);
        const response = await fetch(url, { redirect: 'manual' });
        visit = follow(new URL(response.headers.get('location') ?? ''));
      },
    });
    expect(answers).toEqual([400, 404]);
    expect((await visit)?.status).toBe(200);
    expect(signed.products).toEqual(['calendar']);
    // Only the stand-in's own code was presented at /token.
    expect(fixture.server.requests.filter((r) => r.startsWith('POST /token'))).toHaveLength(1);
  });

  it('Cancel while waiting for the browser ends with cancelled and closes the listener', async () => {
    fixture = await startOAuthFixture();
    const controller = new AbortController();
    let redirectUri = '';
    const grant = signIn({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      products: ['drive'],
      endpoints: fixture.endpoints,
      signal: controller.signal,
      openUrl: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        controller.abort();
      },
    });
    expect(await codeOf(grant)).toBe('cancelled');
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('an opener that fails ends the sign-in with its error and closes the listener', async () => {
    fixture = await startOAuthFixture();
    let redirectUri = '';
    const grant = signIn({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      products: ['drive'],
      endpoints: fixture.endpoints,
      signal: new AbortController().signal,
      openUrl: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        return Promise.reject(new Error('no browser'));
      },
    });
    await expect(grant).rejects.toThrow('no browser');
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('refuses to ask Google for no product at all, before opening anything', async () => {
    fixture = await startOAuthFixture();
    const opened: string[] = [];
    const grant = signIn({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      products: [],
      endpoints: fixture.endpoints,
      signal: new AbortController().signal,
      openUrl: (url) => {
        opened.push(url);
      },
    });
    expect(await codeOf(grant)).toBe('invalid-input');
    expect(opened).toEqual([]);
  });

  it('a browser that never comes back ends with sign-in-timeout', async () => {
    fixture = await startOAuthFixture();
    const grant = signIn({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      products: ['drive'],
      endpoints: fixture.endpoints,
      signal: new AbortController().signal,
      openUrl: () => undefined,
      timeoutMs: 50,
    });
    expect(await codeOf(grant)).toBe('google.sign-in-timeout');
  });

  it('a client secret Google does not accept: sign-in-failed naming invalid_client', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const error = await signIn({
      clientId: CLIENT_ID,
      clientSecret: 'GOCSPX-not-the-right-one',
      products: ['calendar'],
      endpoints: fixture.endpoints,
      signal: new AbortController().signal,
      openUrl: async (url) => {
        const response = await fetch(url, { redirect: 'manual' });
        await follow(new URL(response.headers.get('location') ?? ''));
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaluchonError);
    expect((error as BaluchonError).code).toBe('google.sign-in-failed');
    expect((error as BaluchonError).details).toEqual({ detail: 'invalid_client' });
  });

  it('the same random bytes give the same state and challenge (random is passed in)', async () => {
    fixture = await startOAuthFixture({ autoConsent: 'deny' });
    const urls: string[] = [];
    const random = (size: number): Uint8Array => new Uint8Array(size).fill(7);
    for (let i = 0; i < 2; i++) {
      await signIn({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        products: ['calendar'],
        endpoints: fixture.endpoints,
        signal: new AbortController().signal,
        random,
        openUrl: async (url) => {
          urls.push(url);
          const response = await fetch(url, { redirect: 'manual' });
          await follow(new URL(response.headers.get('location') ?? ''));
        },
      }).catch(() => undefined);
    }
    const params = urls.map((u) => new URL(u).searchParams);
    expect(params[0]?.get('state')).toBe(params[1]?.get('state'));
    expect(params[0]?.get('code_challenge')).toBe(params[1]?.get('code_challenge'));
  });
});
