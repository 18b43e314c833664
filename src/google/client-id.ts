// Whose Google client signs the family in. Baluchon cannot ship one client Google has verified
// for every host, so the client id comes, in this order, from the host's provisioning file, from
// BALUCHON_GOOGLE_CLIENT_ID (+ _SECRET) given at build or run time, or from what a volunteer
// typed in the Advanced panel. With none, or none of the right shape, the live way is hidden
// and the archive way explained.
//
// The secret of a "Desktop app" client is not a secret (Google's own guide for installed apps
// says so: it ships inside every copy), but Google's token endpoint still asks for it; PKCE is
// what protects the code.

export type GoogleClientSource = 'provisioning' | 'environment' | 'typed';

export interface GoogleClientChoice {
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly from: GoogleClientSource;
}

export interface GoogleClientCandidate {
  readonly clientId: string;
  readonly clientSecret?: string | null;
}

export interface ResolveGoogleClientInput {
  /** The provisioning file's `googleClientId` (+ `googleClientSecret`), already parsed. */
  readonly provisioning?: GoogleClientCandidate | null;
  /** Where BALUCHON_GOOGLE_CLIENT_ID and BALUCHON_GOOGLE_CLIENT_SECRET are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** What a volunteer typed in the Advanced panel (or `--google-client-id`). */
  readonly typed?: GoogleClientCandidate | null;
}

// Google's OAuth client ids: the project number, a dash, a lower-case alphanumeric key, then
// ".apps.googleusercontent.com" (the Cloud console's "Client ID" field).
const CLIENT_ID = /^\d{6,20}-[a-z0-9]{8,64}\.apps\.googleusercontent\.com$/;
// Secrets are printable ASCII without spaces ("GOCSPX-…"); anything else is a paste gone wrong.
const CLIENT_SECRET = /^[\x21-\x7e]{8,256}$/;

/** True for a string shaped like a Google OAuth client id (surrounding spaces not allowed). */
export function isGoogleClientId(text: string): boolean {
  return CLIENT_ID.test(text);
}

function choice(
  candidate: GoogleClientCandidate | null | undefined,
  from: GoogleClientSource,
): GoogleClientChoice | null {
  if (candidate === null || candidate === undefined) return null;
  const clientId = candidate.clientId.trim();
  if (!isGoogleClientId(clientId)) return null;
  const secret = candidate.clientSecret?.trim() ?? '';
  if (secret !== '' && !CLIENT_SECRET.test(secret)) return null;
  return { clientId, clientSecret: secret === '' ? null : secret, from };
}

/** The first well-shaped client of the three places, in the order; null: none here. */
export function resolveGoogleClient(input: ResolveGoogleClientInput): GoogleClientChoice | null {
  const envId = input.env['BALUCHON_GOOGLE_CLIENT_ID'];
  const fromEnv =
    envId === undefined || envId.trim() === ''
      ? null
      : { clientId: envId, clientSecret: input.env['BALUCHON_GOOGLE_CLIENT_SECRET'] ?? null };
  return (
    choice(input.provisioning, 'provisioning') ??
    choice(fromEnv, 'environment') ??
    choice(input.typed, 'typed')
  );
}
