// Signing in to Google the way installed apps must (RFC 8252, "OAuth 2.0 for Native Apps"): the
// consent page opens in the family's own browser (where their Google account, its second factor
// and its saved passwords are — Baluchon never sees a password), Google sends the browser back
// to a loopback listener of this run, and the code it brings is exchanged with the PKCE verifier
// (RFC 7636, S256) for a refresh token. Only the read-only scopes of the ticked products are
// asked (src/google/google-products.ts).
import type { Credentials } from 'google-auth-library';
import { CodeChallengeMethod } from 'google-auth-library';
import { BaluchonError } from '../../errors/baluchon-error.ts';
import type { GoogleEndpoints } from '../google-endpoints.ts';
import { productsGranted, scopesFor } from '../google-products.ts';
import type { GoogleProduct } from '../google-products.ts';
import { emailOfIdToken } from './id-token.ts';
import { listenForRedirect } from './loopback-redirect.ts';
import { oauthClient } from './oauth-client.ts';
import { oauthErrorOf } from './oauth-error.ts';
import { createPkce, createState, cryptoRandom } from './pkce.ts';
import type { RandomBytes } from './pkce.ts';
import { revokeGrant } from './google-session.ts';

/** How long the family has in the browser: long enough to find a password, not forever. */
export const SIGN_IN_TIMEOUT_MS = 10 * 60 * 1000;

export interface SignInInput {
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly products: readonly GoogleProduct[];
  readonly endpoints: GoogleEndpoints;
  /**
   * Shows the consent page: desktop, the checked openExternal; web mode, a new tab; CLI, the
   * address printed. Called once the loopback listener is ready.
   */
  readonly openUrl: (url: string) => Promise<void> | void;
  /** The family's Cancel: closes the listener and ends the sign-in with `cancelled`. */
  readonly signal: AbortSignal;
  readonly random?: RandomBytes;
  /** The address to preselect on Google's account chooser, when Baluchon knows it. */
  readonly loginHint?: string;
  readonly timeoutMs?: number;
}

export interface GoogleGrant {
  readonly refreshToken: string;
  /** Every scope Google says it granted, as it listed them. */
  readonly grantedScopes: readonly string[];
  /** The products asked for that the family left ticked on the consent page. */
  readonly products: readonly GoogleProduct[];
  /** The account signed in to, from the id_token; null when Google did not say. */
  readonly email: string | null;
}

export async function signIn(input: SignInInput): Promise<GoogleGrant> {
  // Asking Google for nothing but the account's address would only show a pointless consent.
  if (input.products.length === 0) {
    throw new BaluchonError('invalid-input', { detail: 'no Google product to read' });
  }
  const random = input.random ?? cryptoRandom;
  const state = createState(random);
  const pkce = createPkce(random);
  const loopback = await listenForRedirect({
    state,
    signal: input.signal,
    timeoutMs: input.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
  });
  let tokens: Credentials;
  try {
    const client = oauthClient({
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      endpoints: input.endpoints,
      redirectUri: loopback.redirectUri,
    });
    const url = client.generateAuthUrl({
      access_type: 'offline',
      // Google gives a refresh token only on a consent it shows: ask for one every time, so a
      // family signing in again (another computer, after "Tout oublier") gets a fresh token.
      prompt: 'consent',
      include_granted_scopes: true,
      scope: scopesFor(input.products),
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: CodeChallengeMethod.S256,
      ...(input.loginHint === undefined ? {} : { login_hint: input.loginHint }),
    });
    await input.openUrl(url);
    const outcome = await loopback.outcome;
    if (outcome.type === 'error') {
      throw outcome.error === 'access_denied'
        ? new BaluchonError('google.consent-refused')
        : new BaluchonError('google.sign-in-failed', { detail: outcome.error });
    }
    tokens = await exchange(
      () =>
        client
          .getToken({
            code: outcome.code,
            codeVerifier: pkce.verifier,
            redirect_uri: loopback.redirectUri,
          })
          .then((response) => response.tokens),
      input.signal,
    );
  } finally {
    await loopback.close();
  }
  return grantOf(tokens, input);
}

async function grantOf(tokens: Credentials, input: SignInInput): Promise<GoogleGrant> {
  const refreshToken = tokens.refresh_token;
  if (refreshToken === undefined || refreshToken === null || refreshToken === '') {
    throw new BaluchonError('google.sign-in-failed', { detail: 'no refresh_token' });
  }
  // RFC 6749 §5.1: the token response may omit `scope` when it is exactly what was asked.
  const grantedScopes =
    typeof tokens.scope === 'string' && tokens.scope.trim() !== ''
      ? tokens.scope.trim().split(/\s+/)
      : scopesFor(input.products);
  // include_granted_scopes may bring back products an earlier sign-in granted: only what the
  // family ticked this time is read.
  const products = productsGranted(grantedScopes).filter((p) => input.products.includes(p));
  if (products.length === 0) {
    // Nothing to read with it: give it back rather than keep an access the family did not want.
    await revokeGrant({ refreshToken, endpoints: input.endpoints }).catch(() => undefined);
    throw new BaluchonError('google.nothing-granted');
  }
  return { refreshToken, grantedScopes, products, email: emailOfIdToken(tokens.id_token) };
}

/** The code exchange, cut short by Cancel, its failures as codes. */
async function exchange(
  request: () => Promise<Credentials>,
  signal: AbortSignal,
): Promise<Credentials> {
  if (signal.aborted) throw new BaluchonError('cancelled');
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(new BaluchonError('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([request(), aborted]);
  } catch (error) {
    if (error instanceof BaluchonError) throw error;
    const oauth = oauthErrorOf(error);
    if (oauth !== null) {
      throw new BaluchonError('google.sign-in-failed', { detail: oauth.error }, { cause: error });
    }
    throw new BaluchonError('google.unreachable', undefined, { cause: error });
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
