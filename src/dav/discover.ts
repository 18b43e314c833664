// Finds where an account's calendars, address books and files live, from the address the user
// typed (RFC 6764): the URL itself, then /.well-known/caldav and /carddav, then the layouts of
// the servers CHATONS hosts run (Nextcloud /remote.php/dav, Baïkal /dav.php, SOGo /SOGo/dav).
// From the principal (RFC 5397) we read the home sets (RFC 4791 §6.2.1, RFC 6352 §7.1.1).
// A server that is only a WebDAV share (Apache mod_dav) has no principal: its files root is the
// address itself.
import type { ServerSoftware } from '../contract/connect.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { isSameOrigin, originOf } from './credential-origin.ts';
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import type { ErrorCode } from '../errors/error-codes.ts';
import type { DavErrorCode } from './dav-error.ts';
import { parseServerAddress } from './server-address.ts';
import { clark, ns, propHref, propText, resourceTypes } from './xml.ts';

export interface Discovery {
  /** The address discovery started from. */
  base: string;
  principal: string | null;
  calendarHome: string | null;
  addressbookHome: string | null;
  /** Folder under which files can be written (WebDAV), when the server has one. */
  filesRoot: string | null;
  software: ServerSoftware;
  /** Free space for files, when the server tells (RFC 4331). */
  quota: { availableBytes: number | null; usedBytes: number | null } | null;
}

const knownLayouts = ['remote.php/dav/', 'dav.php/', 'SOGo/dav/', 'dav/', 'caldav/'];

const principalProps = [clark(ns.dav, 'current-user-principal'), clark(ns.dav, 'resourcetype')];

const homeProps = [
  clark(ns.caldav, 'calendar-home-set'),
  clark(ns.carddav, 'addressbook-home-set'),
  clark(ns.dav, 'displayname'),
];

const quotaProps = [
  clark(ns.dav, 'quota-available-bytes'),
  clark(ns.dav, 'quota-used-bytes'),
  clark(ns.dav, 'resourcetype'),
];

interface Attempt {
  url: string;
  error: unknown;
}

export async function discover(
  client: DavClient,
  address: string,
  signal?: AbortSignal,
  /** Called before each address is tried ("looking for your calendars…"). */
  onAttempt?: (attempt: { tried: number; address: string }) => void,
): Promise<Discovery> {
  const { base } = parseServerAddress(address);
  const origin = new URL(base).origin;
  const attempts: Attempt[] = [];
  const candidates = unique([
    base,
    `${origin}/.well-known/caldav`,
    `${origin}/.well-known/carddav`,
    ...knownLayouts.map((layout) => `${origin}/${layout}`),
  ]);

  let principal: string | null = null;
  let shareRoot: { url: string; headers: Record<string, string> } | null = null;
  for (const [index, candidate] of candidates.entries()) {
    onAttempt?.({ tried: index + 1, address: candidate });
    try {
      const { url, entries } = await client.propfind(candidate, principalProps, '0', {
        followRedirects: true,
        ...(signal === undefined ? {} : { signal }),
      });
      const entry = entries[0];
      if (entry === undefined) continue;
      const found = propHref(entry, clark(ns.dav, 'current-user-principal'), url);
      if (found !== undefined) {
        principal = found;
        break;
      }
      // A WebDAV collection without a principal: a plain file share, if it was the address given.
      if (candidate === base && resourceTypes(entry).has(clark(ns.dav, 'collection'))) {
        shareRoot = { url, headers: {} };
      }
    } catch (error) {
      if (signal?.aborted === true) throw error;
      attempts.push({ url: candidate, error });
      // Nothing answers at all: no point trying other paths on the same host.
      // A silent server (a timeout) is unreachable too: each further path would cost the full
      // deadline and its retries again (issue 12: 48 minutes on a silent host).
      if (
        error instanceof DavError &&
        (isUnreachable(error.code) || error.code === 'dav.timeout')
      ) {
        break;
      }
    }
  }

  if (principal === null) {
    if (shareRoot !== null) {
      return {
        base,
        principal: null,
        calendarHome: null,
        addressbookHome: null,
        filesRoot: shareRoot.url,
        software: await detectSoftware(client, base, signal),
        quota: await readQuota(client, shareRoot.url, signal),
      };
    }
    throw explain(base, attempts);
  }

  // The origin the password is bound to: the typed address's, where discovery started.
  const bound = client.origin ?? originOf(base);
  refuseOtherOrigin(base, bound, principal);
  const { url: principalUrl, entries } = await client.propfind(principal, homeProps, '0', {
    ...(signal === undefined ? {} : { signal }),
  });
  const entry = entries[0];
  const calendarHome =
    entry === undefined ? undefined : propHref(entry, homeProps[0] ?? '', principalUrl);
  const addressbookHome =
    entry === undefined ? undefined : propHref(entry, homeProps[1] ?? '', principalUrl);
  for (const home of [calendarHome, addressbookHome]) {
    if (home !== undefined) refuseOtherOrigin(base, bound, home);
  }
  const software = await detectSoftware(client, base, signal, principalUrl);
  const filesRoot = await findFilesRoot(client, principalUrl, software, signal);
  return {
    base,
    principal: principalUrl,
    calendarHome: calendarHome ?? null,
    addressbookHome: addressbookHome ?? null,
    filesRoot,
    software,
    quota: filesRoot === null ? null : await readQuota(client, filesRoot, signal),
  };
}

/** A principal or home set on another origin: the family is told where, and the password stays. */
function refuseOtherOrigin(base: string, bound: string, url: string): void {
  if (isSameOrigin(bound, url)) return;
  throw new BaluchonError('connect.other-origin', {
    host: new URL(base).host,
    address: base,
    other: url,
  });
}

/** Nextcloud (and ownCloud) keep each user's files beside their principal:
 * /remote.php/dav/principals/users/<user>/ → /remote.php/dav/files/<user>/. */
async function findFilesRoot(
  client: DavClient,
  principal: string,
  software: ServerSoftware,
  signal?: AbortSignal,
): Promise<string | null> {
  const match = /^(.*\/remote\.php\/dav\/)principals\/users\/([^/]+)\/?$/.exec(principal);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const candidate = `${match[1]}files/${match[2]}/`;
  try {
    const { entries } = await client.propfind(candidate, [clark(ns.dav, 'resourcetype')], '0', {
      ...(signal === undefined ? {} : { signal }),
    });
    return entries.length > 0 || software === 'nextcloud' ? candidate : null;
  } catch {
    return null;
  }
}

async function readQuota(
  client: DavClient,
  url: string,
  signal?: AbortSignal,
): Promise<Discovery['quota']> {
  try {
    const { entries } = await client.propfind(url, quotaProps, '0', {
      ...(signal === undefined ? {} : { signal }),
    });
    const entry = entries[0];
    if (entry === undefined) return null;
    const available = toBytes(propText(entry, clark(ns.dav, 'quota-available-bytes')));
    const used = toBytes(propText(entry, clark(ns.dav, 'quota-used-bytes')));
    return available === null && used === null
      ? null
      : { availableBytes: available, usedBytes: used };
  } catch {
    return null;
  }
}

function toBytes(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+$/.test(text)) return null;
  const value = Number(text);
  // Nextcloud answers negative values for "unknown" (-1, -2) and "unlimited" (-3).
  return value < 0 ? null : value;
}

async function detectSoftware(
  client: DavClient,
  base: string,
  signal?: AbortSignal,
  principal?: string,
): Promise<ServerSoftware> {
  if (principal?.includes('/remote.php/dav/') === true) return 'nextcloud';
  // The WebDAV address Nextcloud's Files settings show (…/remote.php/dav/files/<user>/), typed
  // as the files account's address: a Nextcloud too (dates, chunked upload, albums).
  if (/\/remote\.php\/dav\/files\/[^/]+\/?$/.test(new URL(base).pathname)) return 'nextcloud';
  if (principal?.includes('/dav.php/') === true) return 'baikal';
  if (principal?.includes('/SOGo/dav/') === true) return 'sogo';
  try {
    const answer = await client.request('OPTIONS', base, {
      retry: false,
      accept: [401, 404, 405],
      ...(signal === undefined ? {} : { signal }),
    });
    await answer.response.dump();
    const server = (answer.headers['server'] ?? '').toLowerCase();
    if (server.includes('apache')) return 'apache';
    if (server.includes('aiohttp')) return 'xandikos';
    if (server.includes('wsgiserver') || server.includes('radicale')) return 'radicale';
  } catch {
    // Not knowing the software only changes the wording of some messages.
  }
  return 'unknown';
}

function isUnreachable(code: DavErrorCode): boolean {
  return code === 'dav.host-not-found' || code === 'dav.connection-refused' || code === 'dav.tls';
}

/** The most useful explanation among the failed attempts, in the order a volunteer would check. */
function explain(base: string, attempts: readonly Attempt[]): BaluchonError {
  const codes = attempts.map((attempt) =>
    attempt.error instanceof DavError ? attempt.error.code : 'other',
  );
  const host = new URL(base).host;
  const pick = (code: ErrorCode): BaluchonError => new BaluchonError(code, { host, address: base });
  if (codes.includes('dav.unauthorized')) return pick('connect.wrong-password');
  const elsewhere = attempts.find(
    (attempt) => attempt.error instanceof DavError && attempt.error.code === 'dav.other-origin',
  );
  if (elsewhere?.error instanceof DavError) {
    const other = elsewhere.error.details?.['url'];
    return new BaluchonError('connect.other-origin', {
      host,
      address: base,
      other: typeof other === 'string' ? other : elsewhere.url,
    });
  }
  if (codes.includes('dav.tls')) return pick('connect.tls');
  if (codes.includes('dav.host-not-found')) return pick('connect.host-not-found');
  if (
    codes.includes('dav.connection-refused') ||
    codes.includes('dav.timeout') ||
    codes.includes('dav.network')
  ) {
    return pick('connect.unreachable');
  }
  if (codes.includes('dav.forbidden')) return pick('connect.forbidden');
  return pick('connect.not-dav');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
