// A host hands its new members one small file or link that pre-fills the connection: host name,
// server address, software, which services the account has, how to log in. Versioned; validated
// strictly, since it arrives from outside (an e-mail, a web page): https only, no credentials,
// no unknown fields, small. A version this app does not know is refused with a clear message,
// never half-read.
//
// File (JSON, .baluchon or any name):
//   { "baluchon": "provisioning", "version": 1, "host": { "name": "…", "website": "https://…" },
//     "server": "https://cloud.example.org", "software": "nextcloud",
//     "services": ["files", "calendars", "contacts"], "login": "browser" }
// Link: baluchon://provision?v=1&name=…&server=https%3A%2F%2F…&software=nextcloud
//       &services=files,calendars,contacts[&login=browser][&website=…][&help=…]
//       [&googleClientId=…&googleClientSecret=…]
//
// Invisible Unicode format characters (\p{Cf}: bidi overrides and isolates, zero-width spaces
// and joiners, soft hyphens) are refused anywhere in the file: they let a name or an address
// look like another host's on screen. What the family is shown of a file that passes is
// checked further in provisioning-trust.ts.
import { z } from 'zod';
import { PROVISIONING_VERSION, ProvisioningV1 } from '../../contract/hosts.ts';
import type { Provisioning } from '../../contract/hosts.ts';
import { BaluchonError } from '../../errors/baluchon-error.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';

export { PROVISIONING_VERSION, ProvisioningV1 };
export type { Provisioning };

/** Far above any real file (a few hundred bytes), far below anything that could hurt. */
export const PROVISIONING_MAX_BYTES = 8 * 1024;

const Envelope = z.object({ baluchon: z.literal('provisioning'), version: z.unknown() });

/** A registered `hosts.…` code, without its prefix (`provisioning-version`). */
type HostsCode = ErrorCode extends infer C
  ? C extends `hosts.${infer Name}`
    ? Name
    : never
  : never;

function fail(code: HostsCode, details?: Record<string, string | number>): never {
  throw new BaluchonError(`hosts.${code}`, details);
}

/** The family-facing name of a field, for the sentence that refuses it (hosts.json). */
function fieldOf(path: readonly (string | number)[]): string {
  const joined = path.join('.');
  const named: Record<string, string> = {
    'host.name': 'name',
    'host.website': 'website',
    server: 'server',
    help: 'help',
    googleClientId: 'googleClientId',
    googleClientSecret: 'googleClientSecret',
  };
  return named[joined] ?? 'other';
}

/** The first string (keys included) holding a format character, by its path; depth-bounded. */
function formatCharacterPath(
  value: unknown,
  path: readonly (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === 'string') return /\p{Cf}/u.test(value) ? [...path] : undefined;
  if (typeof value !== 'object' || value === null || path.length > 4) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (/\p{Cf}/u.test(key)) return [...path, key];
    const found = formatCharacterPath(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function validate(candidate: unknown): Provisioning {
  const hidden = formatCharacterPath(candidate);
  if (hidden !== undefined) fail('provisioning-hidden-characters', { field: fieldOf(hidden) });
  const envelope = Envelope.safeParse(candidate);
  if (!envelope.success) fail('provisioning-not-baluchon');
  if (envelope.data.version !== PROVISIONING_VERSION) {
    fail('provisioning-version', {
      version: String(envelope.data.version).slice(0, 20),
      supported: PROVISIONING_VERSION,
    });
  }
  const parsed = ProvisioningV1.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    if (issue?.message === 'credentials' || issue?.code === 'unrecognized_keys') {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : where;
      if (issue.code !== 'unrecognized_keys' || /pass|secret|token|key/i.test(keys)) {
        fail('provisioning-credentials', { field: keys.slice(0, 80) });
      }
      fail('provisioning-unknown-field', { field: keys.slice(0, 80) });
    }
    if (issue?.message === 'not-https') fail('provisioning-not-https', { field: where });
    fail('provisioning-invalid', {
      field: where || '(file)',
      detail: (issue?.message ?? '').slice(0, 120),
    });
  }
  if (parsed.data.login === 'browser' && parsed.data.software !== 'nextcloud') {
    fail('provisioning-invalid', { field: 'login', detail: 'browser login needs Nextcloud' });
  }
  return parsed.data;
}

/** Reads a provisioning file's text (JSON). */
export function readProvisioningText(text: string): Provisioning {
  if (Buffer.byteLength(text, 'utf8') > PROVISIONING_MAX_BYTES) {
    fail('provisioning-too-large', { limit: PROVISIONING_MAX_BYTES });
  }
  let candidate: unknown;
  try {
    candidate = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    fail('provisioning-not-baluchon');
  }
  return validate(candidate);
}

/** Reads a `baluchon://provision?…` link. */
export function readProvisioningLink(link: string): Provisioning {
  if (link.length > PROVISIONING_MAX_BYTES)
    fail('provisioning-too-large', { limit: PROVISIONING_MAX_BYTES });
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    fail('provisioning-not-baluchon');
  }
  // WHATWG URL parsing puts "provision" in the host of a non-special scheme.
  if (
    url.protocol !== 'baluchon:' ||
    `${url.host}${url.pathname}`.replace(/\/+$/, '') !== 'provision'
  ) {
    fail('provisioning-not-baluchon');
  }
  const params = url.searchParams;
  const known = new Set([
    'v',
    'name',
    'website',
    'server',
    'software',
    'services',
    'login',
    'help',
    'googleClientId',
    'googleClientSecret',
  ]);
  for (const key of params.keys()) {
    if (!known.has(key)) {
      if (/pass|secret|token|key/i.test(key))
        fail('provisioning-credentials', { field: key.slice(0, 80) });
      fail('provisioning-unknown-field', { field: key.slice(0, 80) });
    }
  }
  const optional = (key: string): string | undefined => params.get(key) ?? undefined;
  const version = params.get('v');
  return validate({
    baluchon: 'provisioning',
    version: version !== null && /^\d+$/.test(version) ? Number(version) : version,
    host: {
      name: params.get('name'),
      ...(optional('website') === undefined ? {} : { website: optional('website') }),
    },
    server: params.get('server'),
    software: params.get('software'),
    services: (params.get('services') ?? '').split(',').filter(Boolean),
    ...(optional('login') === undefined ? {} : { login: optional('login') }),
    ...(optional('help') === undefined ? {} : { help: optional('help') }),
    ...(optional('googleClientId') === undefined
      ? {}
      : { googleClientId: optional('googleClientId') }),
    ...(optional('googleClientSecret') === undefined
      ? {}
      : { googleClientSecret: optional('googleClientSecret') }),
  });
}

/** Reads either form: a link when it starts with `baluchon:`, a file's text otherwise. */
export function readProvisioning(text: string): Provisioning {
  return /^\s*baluchon:/i.test(text) ? readProvisioningLink(text) : readProvisioningText(text);
}

/** The link for a provisioning, for hosts that want to publish one. */
export function provisioningLink(provisioning: Provisioning): string {
  const params = new URLSearchParams({
    v: String(provisioning.version),
    name: provisioning.host.name,
    server: provisioning.server,
    software: provisioning.software,
    services: provisioning.services.join(','),
    login: provisioning.login,
  });
  if (provisioning.host.website !== undefined) params.set('website', provisioning.host.website);
  if (provisioning.help !== undefined) params.set('help', provisioning.help);
  if (provisioning.googleClientId !== undefined) {
    params.set('googleClientId', provisioning.googleClientId);
  }
  if (provisioning.googleClientSecret !== undefined) {
    params.set('googleClientSecret', provisioning.googleClientSecret);
  }
  return `baluchon://provision?${params.toString()}`;
}
