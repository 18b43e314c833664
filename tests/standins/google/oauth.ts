// The stand-in's OAuth 2.0 endpoints, after Google's "OAuth 2.0 for Mobile & Desktop Apps" and
// "Revoking a token" (tests only):
//   GET  /o/oauth2/v2/auth   checks the request (client, loopback redirect, response_type=code,
//                            S256 challenge, known scopes), then shows the "unverified app" and
//                            consent pages (oauth-pages.ts) — or, with `autoConsent`, redirects
//                            at once as if the user had pressed Continue;
//   POST /token              authorization_code (single-use code, same redirect_uri, S256 check
//                            of code_verifier, client id and secret) and refresh_token grants;
//                            access tokens through the TokenBook the API routes check;
//   POST /revoke             a refresh token, or one of its access tokens: the whole grant ends.
// Errors are Google's OAuth JSON (`{ error, error_description }`, RFC 6749 §5.2).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { consentPage, errorPage, unverifiedPage } from './oauth-pages.ts';
import type { ScopeChoice } from './oauth-pages.ts';
import type { StandInRequest, StandInRoute, TokenBook } from './stand-in-server.ts';

const SCOPE_LABELS: Readonly<Record<string, string>> = {
  openid: 'Associate you with your personal info on Google',
  email: 'See your primary Google Account email address',
  profile: 'See your personal info, including any personal info you’ve made publicly available',
  'https://www.googleapis.com/auth/calendar.readonly':
    'See and download any calendar you can access using your Google Calendar',
  'https://www.googleapis.com/auth/contacts.readonly': 'See and download your contacts',
  'https://www.googleapis.com/auth/contacts.other.readonly':
    'See and download contact info automatically saved in your “Other contacts”',
  'https://www.googleapis.com/auth/tasks.readonly': 'View your tasks',
  'https://www.googleapis.com/auth/drive.readonly': 'See and download all your Google Drive files',
};
// Google shows the sign-in scopes without a checkbox: they are always granted.
const IDENTITY = new Set(['openid', 'email', 'profile']);

export interface StandInOAuthOptions {
  readonly tokens: TokenBook;
  /** The Google account that signs in. */
  readonly email: string;
  /** The only client the stand-in knows. */
  readonly clientId: string;
  /** The secret /token asks for (a "Desktop app" client's); null: a client without secret. */
  readonly clientSecret: string | null;
  /** The app's name on the consent screen. */
  readonly appName?: string;
  /** Skip the pages: redirect at once, as if the user pressed Continue (or Cancel: 'deny'). */
  readonly autoConsent?: boolean | 'deny';
  /** With autoConsent: scopes the user unticks. */
  readonly untick?: readonly string[];
  /** Seconds an access token lives (Google: 3599). */
  readonly expiresIn?: number;
}

export interface StandInGrant {
  readonly refreshToken: string;
  readonly scopes: readonly string[];
  readonly accessTokens: readonly string[];
  readonly revoked: boolean;
}

export interface StandInOAuth {
  readonly route: StandInRoute;
  /** Every grant issued, in order (for assertions). */
  grants(): readonly StandInGrant[];
}

interface Pending {
  readonly redirectUri: string;
  readonly state: string | null;
  readonly scopes: readonly string[];
  readonly challenge: string;
  readonly offline: boolean;
}

interface IssuedCode extends Pending {
  readonly granted: readonly string[];
}

interface Grant {
  readonly refreshToken: string;
  readonly scopes: readonly string[];
  readonly accessTokens: string[];
  revoked: boolean;
}

const token = (prefix: string): string => `${prefix}${randomBytes(18).toString('base64url')}`;

function sendOAuthError(res: ServerResponse, status: number, error: string, description: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error, error_description: description }));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function redirect(res: ServerResponse, to: URL): void {
  res.writeHead(302, { location: to.href });
  res.end();
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 64 * 1024) throw new Error('stand-in: form too large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** RFC 8252 §7.3: the redirect of an installed app is plain http on a loopback address. */
function loopbackRedirect(value: string | null): URL | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
    return url.protocol === 'http:' && loopback && url.hash === '' ? url : null;
  } catch {
    return null;
  }
}

function idToken(clientId: string, email: string, scopes: readonly string[]): string | undefined {
  if (!scopes.includes('openid')) return undefined;
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'https://accounts.google.com',
    azp: clientId,
    aud: clientId,
    sub: createHash('sha256').update(email).digest('hex').slice(0, 21).replace(/\D/g, '7'),
    ...(scopes.includes('email') ? { email, email_verified: true } : {}),
    iat: now,
    exp: now + 3600,
  };
  return `${part({ alg: 'RS256', kid: 'stand-in', typ: 'JWT' })}.${part(claims)}.c3RhbmQtaW4`;
}

export function standInOAuth(options: StandInOAuthOptions): StandInOAuth {
  const appName = options.appName ?? 'Baluchon';
  const pending = new Map<string, Pending>();
  const codes = new Map<string, IssuedCode>();
  const grants: Grant[] = [];

  function finish(
    res: ServerResponse,
    request: Pending,
    decision: 'allow' | 'deny',
    ticked: readonly string[],
  ) {
    const to = new URL(request.redirectUri);
    if (decision === 'deny') {
      to.searchParams.set('error', 'access_denied');
    } else {
      const granted = request.scopes.filter((s) => IDENTITY.has(s) || ticked.includes(s));
      const code = token('4/0standin-');
      codes.set(code, { ...request, granted });
      to.searchParams.set('code', code);
      to.searchParams.set('scope', granted.join(' '));
    }
    if (request.state !== null) to.searchParams.set('state', request.state);
    redirect(res, to);
  }

  function authorize({ res, url }: StandInRequest): void {
    const params = url.searchParams;
    if (params.get('client_id') !== options.clientId) {
      sendHtml(res, 401, errorPage(401, 'invalid_client', 'The OAuth client was not found.'));
      return;
    }
    const redirectUri = loopbackRedirect(params.get('redirect_uri'));
    if (redirectUri === null) {
      sendHtml(res, 400, errorPage(400, 'redirect_uri_mismatch', 'Not a loopback http redirect.'));
      return;
    }
    const scopes = (params.get('scope') ?? '').split(' ').filter((s) => s !== '');
    const unknown = scopes.filter((scope) => SCOPE_LABELS[scope] === undefined);
    const challenge = params.get('code_challenge') ?? '';
    const problem =
      params.get('response_type') !== 'code'
        ? 'response_type must be code'
        : params.get('code_challenge_method') !== 'S256'
          ? 'code_challenge_method must be S256'
          : !/^[A-Za-z0-9_-]{43}$/.test(challenge)
            ? 'code_challenge is not a SHA-256 in base64url'
            : scopes.length === 0
              ? 'Missing required parameter: scope'
              : unknown.length > 0
                ? `Some requested scopes were invalid: ${unknown.join(' ')}`
                : null;
    if (problem !== null) {
      sendHtml(res, 400, errorPage(400, 'invalid_request', problem));
      return;
    }
    const request: Pending = {
      redirectUri: redirectUri.href,
      state: params.get('state'),
      scopes,
      challenge,
      offline: params.get('access_type') === 'offline',
    };
    if (options.autoConsent !== undefined && options.autoConsent !== false) {
      const ticked = scopes.filter((s) => !(options.untick ?? []).includes(s));
      finish(res, request, options.autoConsent === 'deny' ? 'deny' : 'allow', ticked);
      return;
    }
    const id = token('req-');
    pending.set(id, request);
    sendHtml(res, 200, unverifiedPage(appName, options.email, id, false));
  }

  async function decide({ req, res }: StandInRequest): Promise<void> {
    const form = await formBody(req);
    const id = form.get('request') ?? '';
    const request = pending.get(id);
    if (request === undefined) {
      sendHtml(res, 400, errorPage(400, 'invalid_request', 'This consent request has expired.'));
      return;
    }
    pending.delete(id);
    finish(res, request, form.get('decision') === 'allow' ? 'allow' : 'deny', form.getAll('scope'));
  }

  function pendingPage({ res, url }: StandInRequest, step: 'advanced' | 'consent'): void {
    const id = url.searchParams.get('request') ?? '';
    const request = pending.get(id);
    if (request === undefined) {
      sendHtml(res, 400, errorPage(400, 'invalid_request', 'This consent request has expired.'));
    } else if (step === 'advanced') {
      sendHtml(res, 200, unverifiedPage(appName, options.email, id, true));
    } else {
      const choices: ScopeChoice[] = request.scopes
        .filter((scope) => !IDENTITY.has(scope))
        .map((scope) => ({ scope, label: SCOPE_LABELS[scope] ?? scope }));
      sendHtml(res, 200, consentPage(appName, options.email, id, choices));
    }
  }

  function issue(res: ServerResponse, grant: Grant, withRefresh: boolean): void {
    const access = options.tokens.issue(grant.scopes);
    grant.accessTokens.push(access);
    const id = idToken(options.clientId, options.email, grant.scopes);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({
        access_token: access,
        expires_in: options.expiresIn ?? 3599,
        ...(withRefresh ? { refresh_token: grant.refreshToken } : {}),
        scope: grant.scopes.join(' '),
        token_type: 'Bearer',
        ...(id === undefined ? {} : { id_token: id }),
      }),
    );
  }

  async function tokenEndpoint({ req, res }: StandInRequest): Promise<void> {
    const form = await formBody(req);
    const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] =
      basic === undefined ? [] : Buffer.from(basic, 'base64').toString('utf8').split(':');
    const clientId = form.get('client_id') ?? basicId;
    const secret = form.get('client_secret') ?? basicSecret;
    if (clientId !== options.clientId) {
      sendOAuthError(res, 401, 'invalid_client', 'The OAuth client was not found.');
      return;
    }
    if (options.clientSecret !== null && (secret === undefined || secret === '')) {
      sendOAuthError(res, 400, 'invalid_request', 'client_secret is missing.');
      return;
    }
    if (options.clientSecret !== null && secret !== options.clientSecret) {
      sendOAuthError(res, 401, 'invalid_client', 'Unauthorized');
      return;
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      // Single use: a code is gone once presented, right or wrong (RFC 6749 §4.1.2).
      codes.delete(form.get('code') ?? '');
      if (code === undefined) {
        sendOAuthError(res, 400, 'invalid_grant', 'Malformed auth code.');
        return;
      }
      if (form.get('redirect_uri') !== code.redirectUri) {
        sendOAuthError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
        return;
      }
      const verifier = form.get('code_verifier');
      if (verifier === null || verifier === '') {
        sendOAuthError(res, 400, 'invalid_grant', 'Missing code verifier.');
        return;
      }
      const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
      if (challenge !== code.challenge) {
        sendOAuthError(res, 400, 'invalid_grant', 'Invalid code verifier.');
        return;
      }
      const grant: Grant = {
        refreshToken: token('1//standin-'),
        scopes: code.granted,
        accessTokens: [],
        revoked: false,
      };
      grants.push(grant);
      issue(res, grant, code.offline);
      return;
    }
    if (grantType === 'refresh_token') {
      const grant = grants.find((g) => g.refreshToken === form.get('refresh_token'));
      if (grant === undefined || grant.revoked) {
        sendOAuthError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
        return;
      }
      issue(res, grant, false);
      return;
    }
    sendOAuthError(res, 400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }

  async function revoke({ req, res, url }: StandInRequest): Promise<void> {
    const form = await formBody(req);
    const value = url.searchParams.get('token') ?? form.get('token') ?? '';
    const grant = grants.find(
      (g) => !g.revoked && (g.refreshToken === value || g.accessTokens.includes(value)),
    );
    if (grant === undefined) {
      sendOAuthError(res, 400, 'invalid_token', 'Token expired or revoked');
      return;
    }
    // Google: revoking an access token that has a refresh token revokes the refresh token too.
    grant.revoked = true;
    for (const access of grant.accessTokens) options.tokens.revoke(access);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{}');
  }

  const route: StandInRoute = async (request) => {
    const { req, url } = request;
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/o/oauth2/v2/auth') authorize(request);
    else if (method === 'GET' && url.pathname === '/o/oauth2/v2/auth/advanced') {
      pendingPage(request, 'advanced');
    } else if (method === 'GET' && url.pathname === '/o/oauth2/v2/auth/consent') {
      pendingPage(request, 'consent');
    } else if (method === 'POST' && url.pathname === '/o/oauth2/v2/auth/decide')
      await decide(request);
    else if (method === 'POST' && url.pathname === '/token') await tokenEndpoint(request);
    else if (method === 'POST' && url.pathname === '/revoke') await revoke(request);
    else return false;
    return true;
  };

  return {
    route,
    grants: () =>
      grants.map((g) => ({
        refreshToken: g.refreshToken,
        scopes: [...g.scopes],
        accessTokens: [...g.accessTokens],
        revoked: g.revoked,
      })),
  };
}
