// google-auth-library's OAuth2Client pointed at the given endpoints (Google's, or the stand-in's):
// one place that maps GoogleEndpoints onto the library's option names, for the sign-in and the
// session alike.
import { OAuth2Client } from 'google-auth-library';
import type { GoogleEndpoints } from '../google-endpoints.ts';

export interface OAuthClientInput {
  readonly clientId: string;
  /** A "Desktop app" client's secret (Google's token endpoint asks for it), or null. */
  readonly clientSecret: string | null;
  readonly endpoints: GoogleEndpoints;
  readonly redirectUri?: string;
}

export function oauthClient(input: OAuthClientInput): OAuth2Client {
  return new OAuth2Client({
    clientId: input.clientId,
    ...(input.clientSecret === null ? {} : { clientSecret: input.clientSecret }),
    ...(input.redirectUri === undefined ? {} : { redirectUri: input.redirectUri }),
    endpoints: {
      oauth2AuthBaseUrl: input.endpoints.authorization,
      oauth2TokenUrl: input.endpoints.token,
      oauth2RevokeUrl: input.endpoints.revocation,
    },
  });
}
