// The stand-in with only its OAuth endpoints (and what a test adds), the client it knows, and
// the endpoints Baluchon is pointed at.
import { endpointsUnder } from '../../src/google/google-endpoints.ts';
import type { GoogleEndpoints } from '../../src/google/google-endpoints.ts';
import { standInOAuth } from '../standins/google/oauth.ts';
import type { StandInOAuth, StandInOAuthOptions } from '../standins/google/oauth.ts';
import { startGoogleStandIn, TokenBook } from '../standins/google/stand-in-server.ts';
import type {
  RunningStandIn,
  StandInOptions,
  StandInRoute,
} from '../standins/google/stand-in-server.ts';

export const CLIENT_ID = '123456789012-standin0client0id0abcdefghijklmn.apps.googleusercontent.com';
export const CLIENT_SECRET = 'GOCSPX-standin-secret';
export const EMAIL = 'camille.dupont@gmail.com';

export interface OAuthFixture {
  readonly server: RunningStandIn;
  readonly oauth: StandInOAuth;
  readonly tokens: TokenBook;
  readonly endpoints: GoogleEndpoints;
}

export async function startOAuthFixture(
  options: Partial<Omit<StandInOAuthOptions, 'tokens'>> = {},
  routes: readonly StandInRoute[] = [],
  fault?: StandInOptions['fault'],
): Promise<OAuthFixture> {
  const tokens = new TokenBook();
  const oauth = standInOAuth({
    tokens,
    email: EMAIL,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...options,
  });
  const server = await startGoogleStandIn({
    routes: [oauth.route, ...routes],
    tokens,
    ...(fault === undefined ? {} : { fault }),
  });
  return { server, oauth, tokens, endpoints: endpointsUnder(server.url) };
}
