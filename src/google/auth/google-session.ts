// A signed-in Google account, as the readers use it and as "Tout oublier" ends it.
//
// The session is only the refresh token (with the client that obtained it): google-auth-library
// turns it into short-lived access tokens itself, before the first request and whenever one
// expires. The refresh token fits the SecretVault as it is (an opaque ASCII string of at most
// 512 bytes, Google's documented upper bound): the integrator keeps it there under the session's
// reference, which in Electron is the OS keychain (main/keychain-vault.ts, safeStorage) and in
// the CLI and web mode memory only — never a file in clear.
import type { OAuth2Client } from 'google-auth-library';
import { BaluchonError } from '../../errors/baluchon-error.ts';
import type { GoogleEndpoints } from '../google-endpoints.ts';
import { oauthClient } from './oauth-client.ts';
import { oauthErrorOf } from './oauth-error.ts';

export interface GoogleSessionInput {
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly refreshToken: string;
  readonly endpoints: GoogleEndpoints;
}

/** The `auth` of every @googleapis/* client for this account; it refreshes access itself. */
export function googleClientFor(input: GoogleSessionInput): OAuth2Client {
  const client = oauthClient(input);
  client.setCredentials({ refresh_token: input.refreshToken });
  return client;
}

export interface RevokeGrantInput {
  readonly refreshToken: string;
  readonly endpoints: GoogleEndpoints;
}

/**
 * Ends the grant at Google ("Tout oublier"): revoking the refresh token revokes every access
 * token it gave (Google's "Revoking a token"). A token Google no longer knows counts as revoked:
 * the family may have removed Baluchon from their account's security page already.
 */
export async function revokeGrant(input: RevokeGrantInput): Promise<void> {
  // Revocation needs no client credentials; the token names the grant.
  const client = oauthClient({ clientId: '', clientSecret: null, endpoints: input.endpoints });
  try {
    await client.revokeToken(input.refreshToken);
  } catch (error) {
    const oauth = oauthErrorOf(error);
    if (oauth?.error === 'invalid_token' || oauth?.error === 'invalid_grant') return;
    if (oauth === null) throw new BaluchonError('google.unreachable', undefined, { cause: error });
    throw new BaluchonError('google.sign-in-failed', { detail: oauth.error }, { cause: error });
  }
}
