// Commands about choosing a CHATONS host and connecting to it (see src/contract/hosts.ts).
// The engine's facts (ranking reasons, geocoding precision) become sentences here, in the
// user's language, so the CLI, JSON output and the screen say the same thing.
import type { FindHostsResult, Handlers, HostSuggestion, Need, Place } from '../contract/index.ts';
import { accountRef, MemorySecretVault } from '../connect/secret-vault.ts';
import type { SecretVault } from '../connect/secret-vault.ts';
import { loginFlowV2 } from '../connect/login-flow-v2.ts';
import { openInSystemBrowser } from '../connect/open-external.ts';
import { FederationUnavailable } from '../hosts/chatonsinfos/crawl-federation.ts';
import { fetchLimited } from '../hosts/chatonsinfos/fetch-limited.ts';
import type { FetchLimits } from '../hosts/chatonsinfos/fetch-limited.ts';
import type { FetchLike } from '../net/fetch-like.ts';
import type { HostLocation, SoftwareId } from '../hosts/directory/directory-schema.ts';
import { DirectoryStore } from '../hosts/directory/directory-store.ts';
import { describePlace, geocode, loadGazetteer } from '../hosts/geo/gazetteer.ts';
import { gazetteerCountries } from '../hosts/geo/gazetteer-format.ts';
import type { FoundPlace, Gazetteer, GeocodeResult } from '../hosts/geo/gazetteer.ts';
import { presets } from '../hosts/presets.ts';
import { PROVISIONING_MAX_BYTES, readProvisioning } from '../hosts/provisioning/provisioning.ts';
import { provisioningWarnings, shownServer } from '../hosts/provisioning/provisioning-trust.ts';
import { rankHosts } from '../hosts/ranking/rank-hosts.ts';
import type { HostSelection, Reason, Suggestion } from '../hosts/ranking/rank-hosts.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { ServiceContext } from './service-context.ts';

export interface HostsDeps {
  fetch: FetchLike;
  openExternal: (url: string) => Promise<void>;
  vault: SecretVault;
  /** The gazetteer (loaded on first use: about 100 ms). */
  gazetteer: () => Gazetteer;
  /** ChatonsInfos' federation file; the default is in crawl-federation.ts. */
  federationUrl?: string;
  /** Only tests, with loopback stand-ins, allow plain http. */
  allowHttp?: boolean;
  /** Time and size limits of each ChatonsInfos file (defaults in directory-store.ts). */
  fetchLimits?: Partial<FetchLimits>;
  loginPollIntervalMs?: number;
}

export type HostsHandlers = Pick<
  Handlers,
  | 'findPlace'
  | 'findHosts'
  | 'hostDetails'
  | 'directoryInfo'
  | 'startRefreshDirectory'
  | 'readProvisioning'
  | 'startLoginFlow'
>;

function defaultDeps(): HostsDeps {
  let gazetteer: Gazetteer | undefined;
  return {
    fetch: (url, init) => fetch(url, init),
    openExternal: openInSystemBrowser,
    vault: new MemorySecretVault(),
    gazetteer: () => (gazetteer ??= loadGazetteer()),
  };
}

/** The place's note: how its point was chosen, when that needs saying. */
function placeNote(t: Translator, place: FoundPlace, query: string): string {
  const notes: string[] = [];
  if (place.precision === 'postcode-centroid') {
    notes.push(
      t('hosts:place.sharedBy', {
        count: place.sharedBy.length,
        postcode: place.postcode ?? '',
        names: place.sharedBy.join(', '),
      }),
    );
  } else if (place.precision !== 'place') {
    notes.push(t(`hosts:place.${place.precision}`));
  }
  if (place.homonyms.length > 0) {
    notes.push(
      t('hosts:place.homonyms', {
        name: query.trim(),
        chosen: describePlace(place),
        others: place.homonyms.map(describePlace).join(', '),
      }),
    );
  }
  return notes.join(' ');
}

function toPlace(t: Translator, place: FoundPlace, query: string): Place {
  return {
    name: place.name,
    country: place.country,
    admin: place.admin,
    lat: place.lat,
    lon: place.lon,
    precision: place.precision,
    postcode: place.postcode ?? null,
    sharedBy: place.sharedBy,
    homonyms: place.homonyms,
    label: describePlace(place),
    note: placeNote(t, place, query),
  };
}

function geocodeError(result: Extract<GeocodeResult, { ok: false }>): BaluchonError {
  const query = result.query.trim().slice(0, 200);
  const suggestions = result.suggestions.join(', ');
  switch (result.reason) {
    case 'empty':
      return new BaluchonError('hosts.place-empty');
    case 'unknown-postcode':
      return new BaluchonError('hosts.postcode-not-found', { query, suggestions });
    case 'postcode-not-covered':
      return new BaluchonError('hosts.postcode-not-covered', { query });
    case 'unknown-place':
      return suggestions === ''
        ? new BaluchonError('hosts.place-unknown', { query })
        : new BaluchonError('hosts.place-not-found', { query, suggestions });
  }
}

const kindWords = (t: Translator, kinds: readonly Need[]): string[] =>
  kinds.map((kind) => t(`hosts:kinds.${kind}`));

/** One sentence per reason, in the user's language. */
export function describeReason(t: Translator, reason: Reason): string {
  switch (reason.code) {
    case 'distance':
      return reason.km < 1
        ? t('hosts:why.distanceNear')
        : t('hosts:why.distance', { km: reason.km });
    case 'distance-unknown':
      return t('hosts:why.distanceUnknown');
    case 'offers':
      return reason.software === null
        ? t('hosts:why.offers', { kinds: kindWords(t, reason.kinds) })
        : t('hosts:why.offersWith', {
            kinds: kindWords(t, reason.kinds),
            software: reason.software,
          });
    case 'missing':
      return t('hosts:why.missing', { kinds: kindWords(t, reason.kinds) });
    case 'offer-unknown':
      return t('hosts:why.offerUnknown');
    case 'registration':
      return t(`hosts:why.registration.${reason.registration}`);
    case 'price':
      return t(reason.freePlan ? 'hosts:why.priceWithFreePlan' : 'hosts:why.price', {
        euros: reason.eurosPerYear,
      });
    case 'free-plan':
      return t('hosts:why.freePlan');
    case 'organisations-only':
      return t('hosts:why.organisationsOnly');
  }
}

/**
 * The count, true to the list: "3 hébergeurs à moins de 50 km de Lyon, 5 plus loin qui
 * proposent ce qu'il vous faut." Hosts are called near only within the reach.
 */
export function describeSelection(
  t: Translator,
  place: string,
  selection: Pick<HostSelection, 'reach' | 'near' | 'farther' | 'unplaced'>,
): string {
  const near = t('hosts:count.near', { count: selection.near, km: selection.reach.km });
  const others = selection.farther + selection.unplaced;
  if (others === 0) return t('hosts:count.onlyNear', { place, near });
  const where =
    selection.unplaced === 0 ? 'farther' : selection.farther === 0 ? 'unplaced' : 'both';
  return t('hosts:count.withOthers', {
    place,
    near,
    others: t(`hosts:count.others.${where}`, { count: others }),
  });
}

const longDate = (value: string): { date: Date; formatParams: Record<string, object> } => ({
  date: new Date(`${value.slice(0, 10)}T12:00:00Z`),
  formatParams: { date: { dateStyle: 'long', timeZone: 'UTC' } },
});

function toSuggestion(
  t: Translator,
  suggestion: Suggestion,
  needs: readonly Need[],
): HostSuggestion {
  const { host } = suggestion;
  const software =
    host.services.find(
      (service) =>
        (needs as readonly string[]).includes(service.kind) && service.softwareId !== null,
    )?.softwareId ?? null;
  const location = (value: HostLocation | null): HostSuggestion['location'] =>
    value === null
      ? null
      : {
          lat: value.lat,
          lon: value.lon,
          geocodedBy: value.geocodedBy,
          precision: value.precision,
        };
  return {
    id: host.id,
    name: host.name,
    website: host.website,
    city: host.city,
    country: host.country,
    location: location(host.location),
    distanceKm: suggestion.distanceKm,
    offers: suggestion.offers,
    registration: suggestion.registration,
    tier: suggestion.tier,
    group: suggestion.group,
    software,
    why: [
      ...suggestion.reasons.map((reason) => describeReason(t, reason)),
      t('hosts:why.checked', longDate(suggestion.checked)),
    ],
    reasons: suggestion.reasons,
    checked: suggestion.checked,
    ageDays: suggestion.ageDays,
  };
}

function presetOf(software: SoftwareId) {
  const preset = presets[software];
  return {
    software,
    label: preset.label,
    templates: { caldav: preset.caldav, carddav: preset.carddav, webdav: preset.webdav },
    wellKnown: preset.wellKnown,
    loginFlowV2: preset.loginFlowV2,
  };
}

export function createHostsHandlers(
  context: ServiceContext,
  overrides: Partial<HostsDeps> = {},
): HostsHandlers {
  const deps: HostsDeps = { ...defaultDeps(), ...overrides };
  const store = new DirectoryStore({ dataDir: context.deps.dataDir, now: context.deps.now });

  const placeAddress = (address: string, country: string | undefined): HostLocation | undefined => {
    const postcodeAndTown = /\b(\d{4,5})\s+([^,\d]+)/.exec(address);
    const query = postcodeAndTown
      ? `${postcodeAndTown[1] ?? ''} ${postcodeAndTown[2] ?? ''}`.trim()
      : (address.split(',').at(-1) ?? address).trim();
    const known = gazetteerCountries.find((code) => code === country);
    const result = geocode(
      deps.gazetteer(),
      query,
      known === undefined ? {} : { countries: [known] },
    );
    if (!result.ok) return undefined;
    return {
      lat: result.place.lat,
      lon: result.place.lon,
      geocodedBy: 'gazetteer',
      precision: result.place.precision,
      note: `${result.place.name}, placed from the address “${address}” by the offline gazetteer`,
    };
  };

  const directoryInfo = (): FindHostsResult['directory'] => {
    const current = store.current();
    return {
      source: current.source,
      checked: current.directory.checked,
      refreshedAt: current.refreshedAt,
      // In the reader's language, from what the directory is; the directory's own words (in
      // English, for whoever maintains the data) stay in the data.
      attribution: context.t()(
        current.source === 'refreshed'
          ? 'hosts:attribution.refreshed'
          : 'hosts:attribution.snapshot',
      ),
      hostCount: current.directory.hosts.length,
    };
  };

  return {
    findPlace: ({ query }) => {
      const t = context.t();
      const result = geocode(deps.gazetteer(), query);
      if (result.ok)
        return Promise.resolve({ found: true, place: toPlace(t, result.place, query) });
      const error = geocodeError(result);
      return Promise.resolve({
        found: false,
        reason: result.reason,
        message: t(`hosts:errors.${error.code.slice('hosts.'.length)}`, error.details ?? {}),
        suggestions: result.suggestions,
      });
    },

    findHosts: ({ near, needs, limit }) => {
      const t = context.t();
      const result = geocode(deps.gazetteer(), near);
      if (!result.ok) return Promise.reject(geocodeError(result));
      const current = store.current();
      const selection = rankHosts(current.directory.hosts, result.place, {
        needs,
        now: context.deps.now(),
      });
      const place = toPlace(t, result.place, near);
      return Promise.resolve({
        place,
        hosts: selection.suggestions
          .slice(0, limit)
          .map((suggestion) => toSuggestion(t, suggestion, needs)),
        reach: {
          km: selection.reach.km,
          widened: selection.reach.widened,
          near: selection.near,
          farther: selection.farther,
          unplaced: selection.unplaced,
        },
        summary: describeSelection(t, place.label, selection),
        directory: directoryInfo(),
      });
    },

    hostDetails: ({ id }) => {
      const host = store.current().directory.hosts.find((candidate) => candidate.id === id);
      if (host === undefined)
        return Promise.reject(new BaluchonError('hosts.host-not-found', { id }));
      const dav = host.services.filter((service) =>
        ['files', 'calendars', 'contacts'].includes(service.kind),
      );
      const software = dav.find((service) => service.softwareId !== null)?.softwareId ?? null;
      // ChatonsInfos' service.website is the service itself; the research notes' URLs are
      // offer pages, not servers, so they pre-fill nothing.
      const serverHint =
        host.origin === 'chatonsinfos'
          ? (dav.find((service) => service.url !== null)?.url ?? null)
          : null;
      return Promise.resolve({
        host: {
          id: host.id,
          name: host.name,
          website: host.website,
          city: host.city,
          country: host.country,
          services: host.services.map((service) => ({
            kind: service.kind,
            software: service.softwareId === null ? null : presets[service.softwareId].label,
            registration: service.registration,
            audience: service.audience,
            signupUrl: service.signupUrl,
          })),
          checked: host.checked,
        },
        preset: software === null ? null : presetOf(software),
        serverHint,
      });
    },

    directoryInfo: () => Promise.resolve(directoryInfo()),

    startRefreshDirectory: () => {
      const jobId = context.jobs.start('refreshDirectory', async (job) => {
        try {
          const outcome = await store.refresh({
            fetch: deps.fetch,
            signal: job.signal,
            ...(deps.federationUrl === undefined ? {} : { federationUrl: deps.federationUrl }),
            limits: {
              ...deps.fetchLimits,
              ...(deps.allowHttp === true ? { allowHttp: true } : {}),
            },
            placeAddress,
            onProgress: (done, total) => {
              job.progress({ membersDone: done, membersTotal: total });
            },
          });
          for (const problem of outcome.problems) job.problem(problem);
          return {
            hosts: outcome.hosts,
            changed: outcome.changed,
            problems: outcome.problems.length,
            refreshedAt: outcome.refreshedAt,
          };
        } catch (error) {
          if (error instanceof FederationUnavailable) {
            throw new BaluchonError('hosts.federation-unavailable', { detail: error.detail });
          }
          throw error;
        }
      });
      return Promise.resolve({ jobId });
    },

    readProvisioning: async (input) => {
      let text: string;
      if ('text' in input) {
        text = input.text;
      } else if (/^\s*baluchon:/i.test(input.url)) {
        text = input.url;
      } else {
        const outcome = await fetchLimited(
          deps.fetch,
          input.url.trim(),
          {
            timeoutMs: 10_000,
            maxBytes: PROVISIONING_MAX_BYTES,
            allowHttp: deps.allowHttp ?? false,
          },
          AbortSignal.timeout(15_000),
        );
        if (outcome.kind === 'failed' && outcome.reason === 'not-https') {
          throw new BaluchonError('hosts.provisioning-not-https', { field: 'url' });
        }
        if (outcome.kind !== 'ok') {
          const reason =
            outcome.kind === 'failed'
              ? outcome.reason === 'status'
                ? `HTTP ${outcome.status}`
                : outcome.reason
              : 'not-modified';
          throw new BaluchonError('hosts.provisioning-unreachable', {
            url: input.url.slice(0, 300),
            reason,
          });
        }
        text = new TextDecoder('utf-8').decode(outcome.bytes);
      }
      const provisioning = readProvisioning(text);
      // A host that registered its own Google client offers its families the live way.
      if (provisioning.googleClientId !== undefined) {
        context.google.sessions.provisioned({
          clientId: provisioning.googleClientId,
          clientSecret: provisioning.googleClientSecret ?? null,
        });
      }
      const server = shownServer(provisioning.server);
      return {
        provisioning,
        preset: presetOf(provisioning.software),
        serverAddress: server.address,
        serverHost: server.host,
        warnings: provisioningWarnings(provisioning, store.current().directory.hosts),
      };
    },

    startLoginFlow: ({ server }) => {
      const jobId = context.jobs.start('loginFlow', async (job) => {
        job.progress({ phase: 'contacting', loginUrl: null, deadline: null });
        const credentials = await loginFlowV2(server, {
          fetch: deps.fetch,
          openExternal: deps.openExternal,
          signal: job.signal,
          userAgent: 'Baluchon',
          ...(deps.allowHttp === true ? { allowHttp: true } : {}),
          ...(deps.loginPollIntervalMs === undefined
            ? {}
            : { pollIntervalMs: deps.loginPollIntervalMs }),
          onWaiting: ({ loginUrl, deadline }) => {
            job.progress({
              phase: 'waiting-for-browser',
              loginUrl,
              deadline: new Date(deadline).toISOString(),
            });
          },
        });
        const ref = accountRef(credentials.server, credentials.loginName);
        await deps.vault.put(ref, credentials.appPassword);
        return { account: { server: credentials.server, loginName: credentials.loginName, ref } };
      });
      return Promise.resolve({ jobId });
    },
  };
}
