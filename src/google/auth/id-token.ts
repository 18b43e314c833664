// The signed-in account's address, from the id_token the token endpoint returned. Its signature
// is not checked: the token came straight from Google's token endpoint over TLS, which OpenID
// Connect Core §3.1.3.7 (item 6) accepts in place of the signature for the code flow. The address
// is only shown to the family ("Signed in as …"); nothing is decided on it.

/** The `email` claim of a JWT's payload, or null when absent or unreadable. */
export function emailOfIdToken(idToken: string | null | undefined): string | null {
  const payload = idToken?.split('.')[1];
  if (payload === undefined || payload.length > 16_384) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || !('email' in claims)) return null;
    const { email } = claims;
    return typeof email === 'string' && email.length > 0 && email.length <= 320 ? email : null;
  } catch {
    return null;
  }
}
