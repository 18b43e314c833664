// The session after sign-in: the refresh token alone gets access tokens again (also after Google
// dropped one early), and revoking it at Google ends every access it gave.
import { calendar } from '@googleapis/calendar';
import { afterEach, describe, expect, it } from 'vitest';
import { BaluchonError } from '../../../src/errors/baluchon-error.ts';
import { createApiContext } from '../../../src/google/api/create-api-context.ts';
import { googleClientFor, revokeGrant } from '../../../src/google/auth/google-session.ts';
import { signIn } from '../../../src/google/auth/sign-in.ts';
import { endpointsUnder } from '../../../src/google/google-endpoints.ts';
import type { GoogleApiContext } from '../../../src/google/google-api-context.ts';
import { requireScope, sendJson } from '../../standins/google/stand-in-server.ts';
import type { StandInRoute } from '../../standins/google/stand-in-server.ts';
import { follow } from '../fetch-browser.ts';
import { CLIENT_ID, CLIENT_SECRET, startOAuthFixture } from '../oauth-fixture.ts';
import type { OAuthFixture } from '../oauth-fixture.ts';

const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';

/** Just enough of Calendar's calendarList for the session to be used through @googleapis. */
const calendarList: StandInRoute = (request) => {
  if (request.url.pathname !== '/calendar/v3/users/me/calendarList') return false;
  if (requireScope(request, CALENDAR)) sendJson(request.res, { items: [{ id: 'primary' }] });
  return true;
};

let fixture: OAuthFixture | undefined;
afterEach(async () => {
  await fixture?.server.close();
  fixture = undefined;
});

async function signedIn(f: OAuthFixture): Promise<string> {
  const grant = await signIn({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    products: ['calendar'],
    endpoints: f.endpoints,
    signal: new AbortController().signal,
    openUrl: async (url) => {
      const response = await fetch(url, { redirect: 'manual' });
      await follow(new URL(response.headers.get('location') ?? ''));
    },
  });
  return grant.refreshToken;
}

function contextFor(f: OAuthFixture, refreshToken: string): GoogleApiContext {
  const auth = googleClientFor({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    refreshToken,
    endpoints: f.endpoints,
  });
  return createApiContext({ auth, endpoints: f.endpoints, signal: new AbortController().signal });
}

async function listCalendars(api: GoogleApiContext): Promise<number> {
  const client = calendar({ version: 'v3', auth: api.auth, rootUrl: api.endpoints.calendar });
  const response = await api.call((signal) =>
    client.calendarList.list({}, { signal, retry: false }),
  );
  return response.data.items?.length ?? 0;
}

describe('the Google session', () => {
  it('reads with the refresh token alone, and again after Google dropped the access token', async () => {
    fixture = await startOAuthFixture({ autoConsent: true }, [calendarList]);
    const refreshToken = await signedIn(fixture);
    const api = contextFor(fixture, refreshToken);

    expect(await listCalendars(api)).toBe(1);
    const first = fixture.oauth.grants()[0]?.accessTokens ?? [];
    // The sign-in's own access token, then the session's.
    expect(first).toHaveLength(2);
    expect(fixture.tokens.revoke(first[1] ?? '')).toBe(true);

    expect(await listCalendars(api)).toBe(1);
    expect(fixture.oauth.grants()[0]?.accessTokens).toHaveLength(3);
    const refreshes = fixture.server.requests.filter((r) => r === 'POST /token');
    expect(refreshes).toHaveLength(3);
  });

  it('revokeGrant ends the grant at Google: the session then reads as access-revoked', async () => {
    fixture = await startOAuthFixture({ autoConsent: true }, [calendarList]);
    const refreshToken = await signedIn(fixture);
    const api = contextFor(fixture, refreshToken);
    expect(await listCalendars(api)).toBe(1);

    await revokeGrant({ refreshToken, endpoints: fixture.endpoints });
    expect(fixture.oauth.grants()[0]?.revoked).toBe(true);

    const fresh = contextFor(fixture, refreshToken);
    const error = await listCalendars(fresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaluchonError);
    expect((error as BaluchonError).code).toBe('google.access-revoked');
    // The first session's access token died with the grant: refreshing is refused too.
    const again = await listCalendars(api).catch((e: unknown) => e);
    expect((again as BaluchonError).code).toBe('google.access-revoked');
  });

  it('revoking a grant Google no longer knows is not an error ("Tout oublier" goes on)', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const refreshToken = await signedIn(fixture);
    await revokeGrant({ refreshToken, endpoints: fixture.endpoints });
    await expect(
      revokeGrant({ refreshToken, endpoints: fixture.endpoints }),
    ).resolves.toBeUndefined();
  });

  it('Google out of reach while revoking: unreachable, so the caller can say so', async () => {
    fixture = await startOAuthFixture();
    const endpoints = endpointsUnder(fixture.server.url);
    await fixture.server.close();
    fixture = undefined;
    const error = await revokeGrant({ refreshToken: '1//x', endpoints }).catch((e: unknown) => e);
    expect((error as BaluchonError).code).toBe('google.unreachable');
  });
});
