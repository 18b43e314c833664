// The stand-in's OAuth endpoints refuse what Google refuses: the tests of the sign-in are only
// worth what these checks are.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { emailOfIdToken } from '../../../src/google/auth/id-token.ts';
import { CLIENT_ID, CLIENT_SECRET, EMAIL, startOAuthFixture } from '../../google/oauth-fixture.ts';
import type { OAuthFixture } from '../../google/oauth-fixture.ts';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const REDIRECT = 'http://127.0.0.1:4567/';
const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';

let fixture: OAuthFixture | undefined;
afterEach(async () => {
  await fixture?.server.close();
  fixture = undefined;
});

function authUrl(f: OAuthFixture, changes: Record<string, string | null> = {}): URL {
  const url = new URL(f.endpoints.authorization);
  const params: Record<string, string | null> = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: `openid email ${CALENDAR}`,
    state: 'st',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    access_type: 'offline',
    ...changes,
  };
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(key, value);
  }
  return url;
}

async function codeFrom(f: OAuthFixture): Promise<string> {
  const response = await fetch(authUrl(f), { redirect: 'manual' });
  const back = new URL(response.headers.get('location') ?? '');
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('st');
  return back.searchParams.get('code') ?? '';
}

async function token(
  f: OAuthFixture,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(f.endpoints.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      ...fields,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const exchange = (code: string, verifier = VERIFIER, redirect = REDIRECT) => ({
  grant_type: 'authorization_code',
  code,
  code_verifier: verifier,
  redirect_uri: redirect,
});

describe('the stand-in’s authorization endpoint', () => {
  it.each([
    ['an unknown client', { client_id: '1-x.apps.googleusercontent.com' }, 401],
    ['a redirect that is not loopback http', { redirect_uri: 'https://evil.example/' }, 400],
    ['the plain PKCE method', { code_challenge_method: 'plain' }, 400],
    ['no code challenge', { code_challenge: null }, 400],
    ['a scope Google does not know', { scope: 'openid https://mail.google.com/' }, 400],
    ['response_type token', { response_type: 'token' }, 400],
  ])('refuses %s with an error page, not a redirect', async (_, changes, status) => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const response = await fetch(authUrl(fixture, changes), { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('Access blocked');
  });
});

describe('the stand-in’s token endpoint', () => {
  it('exchanges a code with the right verifier: tokens, granted scopes, an id_token with the e-mail', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const { status, body } = await token(fixture, exchange(await codeFrom(fixture)));
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: `openid email ${CALENDAR}` });
    expect(body['refresh_token']).toMatch(/^1\/\//);
    expect(emailOfIdToken(String(body['id_token']))).toBe(EMAIL);
    expect(fixture.tokens.check(`Bearer ${String(body['access_token'])}`)?.scopes).toContain(
      CALENDAR,
    );
  });

  it('refuses a verifier whose S256 is not the challenge, and the code is then spent', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const code = await codeFrom(fixture);
    const wrong = await token(fixture, exchange(code, `${VERIFIER.slice(0, -1)}A`));
    expect(wrong).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' },
    });
    const again = await token(fixture, exchange(code));
    expect(again.body['error']).toBe('invalid_grant');
    expect(fixture.oauth.grants()).toEqual([]);
  });

  it('a code is single-use', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const code = await codeFrom(fixture);
    expect((await token(fixture, exchange(code))).status).toBe(200);
    expect((await token(fixture, exchange(code))).body['error']).toBe('invalid_grant');
  });

  it('refuses a missing verifier, another redirect_uri, a missing or wrong secret', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const noVerifier = await token(fixture, {
      ...exchange(await codeFrom(fixture)),
      code_verifier: '',
    });
    expect(noVerifier.body['error_description']).toBe('Missing code verifier.');
    const otherRedirect = await token(
      fixture,
      exchange(await codeFrom(fixture), VERIFIER, 'http://127.0.0.1:4568/'),
    );
    expect(otherRedirect.body['error']).toBe('redirect_uri_mismatch');
    const noSecret = await token(fixture, {
      ...exchange(await codeFrom(fixture)),
      client_secret: '',
    });
    expect(noSecret.status).toBe(400);
    const badSecret = await token(fixture, {
      ...exchange(await codeFrom(fixture)),
      client_secret: 'x',
    });
    expect(badSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refreshes with the refresh token until it is revoked, by it or by one of its access tokens', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const first = await token(fixture, exchange(await codeFrom(fixture)));
    const refreshToken = String(first.body['refresh_token']);
    const refreshed = await token(fixture, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toBeUndefined();
    const access = String(refreshed.body['access_token']);

    const revoked = await fetch(`${fixture.endpoints.revocation}?token=${access}`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    expect(fixture.tokens.check(`Bearer ${access}`)).toBeNull();
    expect(fixture.tokens.check(`Bearer ${String(first.body['access_token'])}`)).toBeNull();
    const after = await token(fixture, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(after).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const twice = await fetch(fixture.endpoints.revocation, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${refreshToken}`,
    });
    expect(twice.status).toBe(400);
  });

  it('gives no refresh token without access_type=offline (as Google)', async () => {
    fixture = await startOAuthFixture({ autoConsent: true });
    const response = await fetch(authUrl(fixture, { access_type: null }), { redirect: 'manual' });
    const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const { body } = await token(fixture, exchange(code));
    expect(body['access_token']).toBeDefined();
    expect(body['refresh_token']).toBeUndefined();
  });
});
