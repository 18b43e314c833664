// Google's OAuth endpoints answer errors as `{ error: "invalid_grant", error_description }`
// (RFC 6749 §5.2), which gaxios hands back as the failed response's data. The APIs answer
// `{ error: { code, errors: [...] } }` instead: the string `error` tells the two apart.

export interface OAuthErrorBody {
  readonly status: number;
  readonly error: string;
  readonly description: string | null;
}

/** The OAuth error a gaxios failure carries, or null (a network error, an API's error). */
export function oauthErrorOf(failure: unknown): OAuthErrorBody | null {
  if (typeof failure !== 'object' || failure === null || !('response' in failure)) return null;
  const { response } = failure;
  if (typeof response !== 'object' || response === null) return null;
  const status = 'status' in response && typeof response.status === 'number' ? response.status : 0;
  const data = 'data' in response ? response.data : undefined;
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  if (typeof data.error !== 'string') return null;
  const description =
    'error_description' in data && typeof data.error_description === 'string'
      ? data.error_description.slice(0, 300)
      : null;
  return { status, error: data.error.slice(0, 100), description };
}
