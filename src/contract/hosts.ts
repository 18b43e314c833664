// Choosing a CHATONS host: finding the family's place, the suggested hosts and why, a host's
// details and connection preset, refreshing the directory, reading a host's provisioning file,
// and Nextcloud's browser login.
//
// Secrets: `startLoginFlow` ends with the account (server, login name) and a reference to it;
// the app password stays in the service's vault (Electron: safeStorage) and never crosses to
// the renderer, which has no use for it — the commands that connect or copy take the reference.
// Zod only, here and in the one engine file it imports (the directory's schema), so the
// renderer type-checks it without Node's types.
import { z } from 'zod';
import {
  Audience,
  Registration,
  ServiceKind,
  SoftwareId,
} from '../hosts/directory/directory-schema.ts';
import { command, job } from './define.ts';
import { JobRef } from './jobs.ts';

export const PROVISIONING_VERSION = 1;

/** An https URL without credentials, query or fragment: an address, nothing more. */
const HttpsUrl = z
  .string()
  .max(2048)
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not-a-url' });
      return;
    }
    if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'not-https' });
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'credentials' });
    }
    if (url.search !== '' || url.hash !== '') {
      ctx.addIssue({ code: 'custom', message: 'query' });
    }
  });

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !/\p{Cc}/u.test(text), 'control-characters');

/**
 * The provisioning file a host hands its new members (src/hosts/provisioning/provisioning.ts
 * reads it, as a file or as a baluchon://provision link). Strict: unknown fields are refused.
 */
export const ProvisioningV1 = z
  .strictObject({
    baluchon: z.literal('provisioning'),
    version: z.literal(PROVISIONING_VERSION),
    host: z.strictObject({
      name: Text(120),
      website: HttpsUrl.optional(),
    }),
    server: HttpsUrl,
    software: SoftwareId,
    services: z
      .array(z.enum(['files', 'calendars', 'contacts']))
      .min(1)
      .max(3)
      .refine((list) => new Set(list).size === list.length, 'duplicate-service'),
    /** `browser`: Nextcloud Login Flow v2; `app-password`: the member types one the host gave. */
    login: z.enum(['browser', 'app-password']).default('app-password'),
    /** A page where the host explains its service to new members. */
    help: HttpsUrl.optional(),
    /**
     * The host's own Google OAuth client, so its families sign in with Google directly
     * (docs/google-client.md). An installed app's client secret is not a secret (Google says
     * so): it identifies the client, it grants nothing without the family's consent.
     */
    googleClientId: z
      .string()
      .max(200)
      .regex(/^[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com$/, 'not-a-google-client-id')
      .optional(),
    googleClientSecret: z
      .string()
      .regex(/^[\x21-\x7E]{8,128}$/, 'not-a-google-client-secret')
      .optional(),
  })
  // A secret alone belongs to no client.
  .refine((file) => file.googleClientSecret === undefined || file.googleClientId !== undefined, {
    error: 'secret-without-client-id',
    path: ['googleClientSecret'],
  });
export type Provisioning = z.infer<typeof ProvisioningV1>;

export const Need = z.enum(['files', 'calendars', 'contacts']);
export type Need = z.infer<typeof Need>;

const PlaceSummary = z.object({
  name: z.string(),
  country: z.enum(['FR', 'BE', 'CH', 'CA']),
  /** Département, canton, region or province. */
  admin: z.string(),
});

export const Place = PlaceSummary.extend({
  lat: z.number(),
  lon: z.number(),
  /** How exact the point is (see src/hosts/geo/gazetteer-format.ts). */
  precision: z.enum(['place', 'parent', 'postcode', 'nearby', 'postcode-centroid']),
  postcode: z.string().nullable(),
  /** The communes a postcode serves, when several share it. */
  sharedBy: z.array(z.string()),
  /** Places with the same name that were not chosen. */
  homonyms: z.array(PlaceSummary),
  /** "Saint-Denis (974)": the name people can tell apart. */
  label: z.string(),
  /** How the point was chosen, in the user's language ("" when nothing needs saying). */
  note: z.string(),
});
export type Place = z.infer<typeof Place>;

export const FindPlaceResult = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), place: Place }),
  z.object({
    found: z.literal(false),
    reason: z.enum(['empty', 'unknown-postcode', 'postcode-not-covered', 'unknown-place']),
    message: z.string(),
    suggestions: z.array(z.string()),
  }),
]);

export const Reason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('distance'), km: z.number() }),
  z.object({ code: z.literal('distance-unknown') }),
  z.object({ code: z.literal('offers'), kinds: z.array(Need), software: z.string().nullable() }),
  z.object({ code: z.literal('missing'), kinds: z.array(Need) }),
  z.object({ code: z.literal('offer-unknown') }),
  z.object({ code: z.literal('registration'), registration: Registration }),
  z.object({ code: z.literal('price'), eurosPerYear: z.number(), freePlan: z.boolean() }),
  z.object({ code: z.literal('free-plan') }),
  z.object({ code: z.literal('organisations-only') }),
]);

export const HostLocation = z.object({
  lat: z.number(),
  lon: z.number(),
  geocodedBy: z.enum(['source', 'gazetteer', 'approximate-in-source']),
  precision: z.string().nullable(),
});

export const HostSuggestion = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  location: HostLocation.nullable(),
  distanceKm: z.number().nullable(),
  /** What the family needs that the host offers, according to its sources. */
  offers: z.array(Need),
  registration: Registration,
  /** suitable → partial → to-check (offer not described) → closed (no new accounts). */
  tier: z.enum(['suitable', 'partial', 'to-check', 'closed']),
  /**
   * `near`: within `reach.km` of the family, whatever its offer; `farther`: beyond it (or no
   * known address), and it offers everything needed and takes new people.
   */
  group: z.enum(['near', 'farther']),
  /** The preset the needed services match, when the sources name one software. */
  software: SoftwareId.nullable(),
  /** Why it is suggested, in sentences in the user's language, the age of the facts last. */
  why: z.array(z.string()),
  /** The same facts as data, for the screen to lay out. */
  reasons: z.array(Reason),
  checked: z.string(),
  ageDays: z.number().int().nonnegative(),
});
export type HostSuggestion = z.infer<typeof HostSuggestion>;

export const DirectoryInfo = z.object({
  source: z.enum(['snapshot', 'refreshed']),
  /** The newest date a fact was checked. */
  checked: z.string(),
  refreshedAt: z.string().nullable(),
  attribution: z.string(),
  hostCount: z.number().int().nonnegative(),
});

export const FindHostsInput = z.object({
  /** A postcode or a town, as the family types it. */
  near: z.string().min(1).max(200),
  needs: z.array(Need).min(1).max(3).default(['files', 'calendars', 'contacts']),
  /** The whole selection by default, so the CLI and the screen show the same list. */
  limit: z.number().int().min(1).max(200).default(200),
});

/** How far "near" goes, and how many hosts each group holds (before `limit`). */
export const HostsReach = z.object({
  /** 50 km, or more when nothing that might take the family was that close. */
  km: z.number().int().positive(),
  widened: z.boolean(),
  near: z.number().int().nonnegative(),
  /** Farther ones with a known distance. */
  farther: z.number().int().nonnegative(),
  /** Farther ones with no known address. */
  unplaced: z.number().int().nonnegative(),
});

export const FindHostsResult = z.object({
  place: Place,
  hosts: z.array(HostSuggestion),
  reach: HostsReach,
  /** "3 hébergeurs à moins de 50 km de Lyon, …": the count, true, in the user's language. */
  summary: z.string(),
  directory: DirectoryInfo,
});
export type FindHostsResult = z.infer<typeof FindHostsResult>;

export const Endpoints = z.object({
  caldav: z.string(),
  carddav: z.string(),
  webdav: z.string().nullable(),
});

export const ConnectionPreset = z.object({
  software: SoftwareId,
  label: z.string(),
  /** Path templates (`{user}` is the login name) relative to the server address. */
  templates: Endpoints,
  wellKnown: z.boolean(),
  loginFlowV2: z.boolean(),
});

/**
 * A host as a family reads it: facts only, in data Baluchon writes in words itself. The
 * directory's provenance (sources, notes, confidence, the sources' own words about prices)
 * stays in the engine; the page says at most when the host's public pages were read.
 */
export const HostFacts = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  services: z.array(
    z.object({
      kind: ServiceKind,
      /** Baluchon's name of the software ("Nextcloud"), when it is one Baluchon knows. */
      software: z.string().nullable(),
      registration: Registration,
      audience: Audience,
      signupUrl: z.string().nullable(),
    }),
  ),
  /** When the host's public pages were last read (YYYY-MM-DD). */
  checked: z.string(),
});
export type HostFacts = z.infer<typeof HostFacts>;

export const HostDetails = z.object({
  host: HostFacts,
  /** Null when the sources do not name the software. */
  preset: ConnectionPreset.nullable(),
  /** A server address the sources give (ChatonsInfos service.website), to pre-fill. */
  serverHint: z.string().nullable(),
});

export const ReadProvisioningInput = z.union([
  z.object({
    text: z
      .string()
      .min(1)
      .max(64 * 1024),
  }),
  z.object({ url: z.string().min(1).max(4096) }),
]);

/**
 * What the family should know before trusting a provisioning file
 * (src/hosts/provisioning/provisioning-trust.ts): its server's name is written with letters
 * that are not plain ASCII (shown in punycode, since such letters can imitate others), or the
 * file names a host of the directory but its server is on none of that host's domains.
 */
export const ProvisioningWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('international-address'), serverHost: z.string() }),
  z.object({
    kind: z.literal('other-domain'),
    directoryHost: z.string(),
    serverHost: z.string(),
    knownDomains: z.array(z.string()),
  }),
]);
export type ProvisioningWarning = z.infer<typeof ProvisioningWarning>;

export const ProvisioningResult = z.object({
  provisioning: ProvisioningV1,
  preset: ConnectionPreset,
  /** The server's address with its host name in punycode when not plain ASCII: what to show and connect to. */
  serverAddress: z.string(),
  /** That address's host name alone, as shown. */
  serverHost: z.string(),
  warnings: z.array(ProvisioningWarning),
});

export const RefreshProgress = z.object({
  membersDone: z.number().int().nonnegative(),
  membersTotal: z.number().int().nonnegative(),
});
export const RefreshResult = z.object({
  hosts: z.number().int().nonnegative(),
  changed: z.boolean(),
  problems: z.number().int().nonnegative(),
  refreshedAt: z.string(),
});

export const LoginFlowProgress = z.object({
  phase: z.enum(['contacting', 'waiting-for-browser']),
  /** The page opened in the browser, to show again if the user closed it. */
  loginUrl: z.string().nullable(),
  /** When Nextcloud forgets this login (ISO date). */
  deadline: z.string().nullable(),
});
export const LoginFlowResult = z.object({
  account: z.object({
    server: z.string(),
    loginName: z.string(),
    /** The vault's reference for the app password; the password itself never leaves the service. */
    ref: z.string(),
  }),
});

export const hostsJobs = {
  refreshDirectory: job(RefreshProgress, RefreshResult),
  loginFlow: job(LoginFlowProgress, LoginFlowResult),
};

export const hostsCommands = {
  findPlace: command(z.object({ query: z.string().max(200) }), FindPlaceResult),
  findHosts: command(FindHostsInput, FindHostsResult),
  hostDetails: command(z.object({ id: z.string().min(1).max(200) }), HostDetails),
  directoryInfo: command(z.object({}), DirectoryInfo),
  startRefreshDirectory: command(z.object({}), JobRef),
  readProvisioning: command(ReadProvisioningInput, ProvisioningResult),
  startLoginFlow: command(z.object({ server: z.string().min(1).max(2048) }), JobRef),
};
