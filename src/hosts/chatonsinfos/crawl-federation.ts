// Refreshing the directory from ChatonsInfos (SOURCES.md §1): the federation file lists each
// member's organisation file (`subs.<id> = url`), which lists its service files. Every file is
// fetched once, conditionally when the cache has its ETag or Last-Modified, with bounded
// concurrency; a member whose file is missing or broken becomes a problem, never a failure.
import type { ProblemFact } from '../../contract/problem.ts';
import type {
  Host,
  HostLocation,
  HostService,
  Registration,
  ServiceKind,
} from '../directory/directory-schema.ts';
import { softwareIdOf } from '../directory/build-directory.ts';
import type { FetchLike } from '../../net/fetch-like.ts';
import type { FetchLimits, Validators } from './fetch-limited.ts';
import { fetchLimited, mapBounded } from './fetch-limited.ts';
import { decodeProperties, parseDecimalDegree, parseProperties, subs } from './parse-properties.ts';
import type { Properties } from './parse-properties.ts';

/** [inferred in SOURCES.md §1.4] GitLab's raw route for StatoolInfos/chatons.properties. */
export const DEFAULT_FEDERATION_URL =
  'https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties';

export interface CachedFile extends Validators {
  /** The file's text as last received. */
  text: string;
  fetchedAt: string;
}

export interface CrawlOptions {
  fetch: FetchLike;
  federationUrl: string;
  limits: FetchLimits;
  signal: AbortSignal;
  now: () => Date;
  /** Files from the previous refresh, by URL, for conditional requests. */
  cache: ReadonlyMap<string, CachedFile>;
  concurrency?: number;
  /** A federation lists about a hundred members; more is a broken or hostile file. */
  maxMembers?: number;
  maxServicesPerMember?: number;
  /** Places a member by its address when it gives no coordinates. */
  placeAddress?: (address: string, country: string | undefined) => HostLocation | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface CrawlResult {
  hosts: Host[];
  problems: ProblemFact[];
  /** Every file read in this refresh (new or confirmed unchanged), for the next one. */
  files: Map<string, CachedFile>;
  /** Whether any file changed since the cache. */
  changed: boolean;
}

export class FederationUnavailable extends Error {
  override readonly name = 'FederationUnavailable';
  constructor(readonly detail: string) {
    super(detail);
  }
}

const softwareKinds: Readonly<Record<string, ServiceKind[]>> = {
  radicale: ['calendars', 'contacts'],
  baikal: ['calendars', 'contacts'],
  sogo: ['calendars', 'contacts', 'mail'],
  davical: ['calendars', 'contacts'],
  xandikos: ['calendars', 'contacts'],
};

/** What a service file says it offers. Nextcloud is files; calendars and contacts only when said. */
function kindsOf(values: ReadonlyMap<string, string>): ServiceKind[] {
  const software = values.get('software.name') ?? '';
  const id = softwareIdOf(software);
  const words = [
    values.get('service.name'),
    values.get('service.description'),
    values.get('software.modules'),
  ]
    .join(' ')
    .toLowerCase();
  const kinds = new Set<ServiceKind>(id === null ? [] : (softwareKinds[id] ?? []));
  if (id === 'nextcloud' || id === 'owncloud') kinds.add('files');
  if (/calendar|agenda|calendrier|caldav/.test(words)) kinds.add('calendars');
  if (/contacts|carnet|carddav|address ?book/.test(words)) kinds.add('contacts');
  if (kinds.size === 0) kinds.add('other');
  return [...kinds];
}

function registrationOf(values: ReadonlyMap<string, string>): Registration {
  if ((values.get('service.registration.load') ?? '').toUpperCase() === 'FULL') return 'closed';
  const registration = (values.get('service.registration') ?? '').toLowerCase();
  if (registration.includes('free')) return 'open';
  if (registration.includes('member')) return 'members';
  if (registration.includes('client')) return 'paid';
  return 'unknown';
}

const retired = (values: ReadonlyMap<string, string>, prefix: string, today: string): boolean => {
  const status = (values.get(`${prefix}.status.level`) ?? '').toUpperCase();
  const end = values.get(`${prefix}.enddate`) ?? '';
  return status === 'OFF' || status === 'DRAFT' || status === 'AWAY' || (end !== '' && end < today);
};

function dateOf(values: ReadonlyMap<string, string>, fallback: string): string {
  const datetime = values.get('file.datetime') ?? '';
  return /^\d{4}-\d{2}-\d{2}/.test(datetime) ? datetime.slice(0, 10) : fallback;
}

export async function crawlFederation(options: CrawlOptions): Promise<CrawlResult> {
  const files = new Map<string, CachedFile>();
  const problems: ProblemFact[] = [];
  let changed = false;
  const today = options.now().toISOString().slice(0, 10);

  const read = async (url: string): Promise<Properties | undefined> => {
    const cached = options.cache.get(url);
    const outcome = await fetchLimited(options.fetch, url, options.limits, options.signal, cached);
    if (outcome.kind === 'not-modified' && cached !== undefined) {
      files.set(url, { ...cached, fetchedAt: options.now().toISOString() });
      return parseProperties(cached.text);
    }
    if (outcome.kind === 'ok') {
      const { text } = decodeProperties(outcome.bytes);
      const properties = parseProperties(text);
      if (cached?.text !== text) changed = true;
      files.set(url, { text, fetchedAt: options.now().toISOString(), ...outcome.validators });
      for (const problem of properties.problems) {
        problems.push({
          code: 'hosts.member-file-escape',
          where: url,
          params: { line: problem.line },
        });
      }
      return properties;
    }
    if (outcome.kind === 'failed') {
      problems.push({
        code: 'hosts.member-file-unreachable',
        where: url,
        params: { reason: outcome.reason === 'status' ? `HTTP ${outcome.status}` : outcome.reason },
      });
    }
    return undefined;
  };

  const federation = await read(options.federationUrl);
  if (federation === undefined) {
    const problem = problems.pop();
    throw new FederationUnavailable(String(problem?.params?.['reason'] ?? 'unreadable'));
  }
  const members = [...subs(federation)].slice(0, options.maxMembers ?? 500);
  const concurrency = options.concurrency ?? 4;
  let done = 0;
  options.onProgress?.(0, members.length);

  const hosts = await mapBounded(members, concurrency, async ([id, url]) => {
    const organisation = await read(url);
    done++;
    options.onProgress?.(done, members.length);
    if (organisation === undefined) return undefined;
    const values = organisation.values;
    if (
      retired(values, 'organization', today) ||
      retired(values, 'organization.memberof.chatons', today)
    ) {
      return undefined;
    }
    const name = values.get('organization.name');
    if (name === undefined || name.trim() === '') {
      problems.push({
        code: 'hosts.member-file-incomplete',
        where: url,
        params: { field: 'organization.name' },
      });
      return undefined;
    }
    const serviceUrls = [...subs(organisation).values()].slice(
      0,
      options.maxServicesPerMember ?? 50,
    );
    const serviceFiles = await mapBounded(serviceUrls, 2, (serviceUrl) => read(serviceUrl));
    const services: HostService[] = [];
    serviceFiles.forEach((file, index) => {
      if (file === undefined || retired(file.values, 'service', today)) return;
      const software = file.values.get('software.name') ?? null;
      for (const kind of kindsOf(file.values)) {
        services.push({
          kind,
          software,
          softwareId: softwareIdOf(software ?? undefined),
          url: file.values.get('service.website') ?? null,
          registration: registrationOf(file.values),
          audience: 'unknown',
          price: null,
          signupUrl: null,
          source: serviceUrls[index] ?? url,
        });
      }
    });
    const country = values.get('organization.country.code')?.toUpperCase();
    const lat = parseDecimalDegree(values.get('organization.geolocation.latitude'));
    const lon = parseDecimalDegree(values.get('organization.geolocation.longitude'));
    const address = values.get('organization.geolocation.address');
    let location: HostLocation | null = null;
    if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      location = {
        lat,
        lon,
        geocodedBy: 'source',
        precision: null,
        note: `organization.geolocation in ${url}`,
      };
    } else if (address !== undefined && options.placeAddress !== undefined) {
      location = options.placeAddress(address, country) ?? null;
    }
    const host: Host = {
      id: `chatonsinfos-${id}`,
      name: name.trim(),
      website: values.get('organization.website') ?? null,
      country: country ?? null,
      city: null,
      postcode: null,
      location,
      membership: { confidence: 'high', source: `${options.federationUrl} (subs.${id})` },
      services,
      notes: [values.get('organization.description')].filter(
        (note): note is string => note !== undefined,
      ),
      sources: { organisation: url, federation: options.federationUrl },
      checked: dateOf(values, today),
      origin: 'chatonsinfos',
    };
    return host;
  });

  return {
    hosts: hosts.filter((host): host is Host => host !== undefined),
    problems,
    files,
    changed,
  };
}
