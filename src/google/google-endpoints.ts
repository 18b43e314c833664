// Where Google's sign-in and APIs answer. In the product, Google's own addresses; in tests, the
// stand-in of tests/standins/google/ on 127.0.0.1, named by BALUCHON_GOOGLE_API_BASE (read here
// and nowhere else) so that `baluchon web` and the CLI, started as processes by the e2e tests,
// talk to it. The variable is refused unless it names a loopback address: it can never send a
// family's tokens anywhere but Google or the test machine itself.

export interface GoogleEndpoints {
  /** OAuth 2.0 authorization endpoint (the consent page opened in the browser). */
  readonly authorization: string;
  readonly token: string;
  readonly revocation: string;
  /** `rootUrl` of each API client (@googleapis/*), ending with `/`. */
  readonly calendar: string;
  readonly people: string;
  readonly tasks: string;
  readonly drive: string;
}

export const GOOGLE_ENDPOINTS: GoogleEndpoints = {
  authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
  revocation: 'https://oauth2.googleapis.com/revoke',
  calendar: 'https://www.googleapis.com/',
  people: 'https://people.googleapis.com/',
  tasks: 'https://tasks.googleapis.com/',
  drive: 'https://www.googleapis.com/',
};

/** Every endpoint under one base, as the stand-in serves them (same paths as Google's). */
export function endpointsUnder(base: string): GoogleEndpoints {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    authorization: `${root}o/oauth2/v2/auth`,
    token: `${root}token`,
    revocation: `${root}revoke`,
    calendar: root,
    people: root,
    tasks: root,
    drive: root,
  };
}

/** Google's own endpoints, or the loopback stand-in BALUCHON_GOOGLE_API_BASE names. */
export function googleEndpointsFrom(
  env: Readonly<Record<string, string | undefined>>,
): GoogleEndpoints {
  const base = env['BALUCHON_GOOGLE_API_BASE'];
  if (base === undefined || base === '') return GOOGLE_ENDPOINTS;
  const url = new URL(base);
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error('BALUCHON_GOOGLE_API_BASE must be a loopback http:// address (tests only)');
  }
  return endpointsUnder(url.href);
}
