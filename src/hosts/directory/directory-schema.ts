// The CHATONS directory as the app uses it: the snapshot shipped with the app
// (src/hosts/data/directory.json, built by scripts/build-hosts-data.ts), the cache refreshed
// from ChatonsInfos, and what ranking reads. Every fact keeps where it comes from.
import { z } from 'zod';

export const ServiceKind = z.enum(['files', 'calendars', 'contacts', 'mail', 'other']);
export type ServiceKind = z.infer<typeof ServiceKind>;

/**
 * Who can get an account: `open` (anyone), `members` (after joining the association),
 * `paid` (a subscription), `closed` (not taking new accounts, or not for households),
 * `unknown` (no source says). ChatonsInfos' Free/Member/Client and OPEN/FULL map onto these.
 */
export const Registration = z.enum(['open', 'members', 'paid', 'closed', 'unknown']);
export type Registration = z.infer<typeof Registration>;

/** Server software Baluchon has connection presets for (src/hosts/presets.ts). */
export const SoftwareId = z.enum([
  'nextcloud',
  'owncloud',
  'radicale',
  'baikal',
  'sogo',
  'davical',
  'xandikos',
]);
export type SoftwareId = z.infer<typeof SoftwareId>;

export const Audience = z.enum(['individuals', 'organisations', 'both', 'unknown']);
export type Audience = z.infer<typeof Audience>;

export const Price = z.object({
  /** The first yearly amount the note states (monthly amounts × 12); null when none is given. */
  eurosPerYear: z.number().nonnegative().nullable(),
  /** The note mentions a free plan. */
  freePlan: z.boolean(),
  /** The words of the source, as they were. */
  note: z.string(),
});
export type Price = z.infer<typeof Price>;

export const HostService = z.object({
  kind: ServiceKind,
  /** The software as the source names it ("Nextcloud (Liiibre)"), null when not named. */
  software: z.string().nullable(),
  /** The preset it matches, when the source names exactly one. */
  softwareId: SoftwareId.nullable(),
  url: z.string().nullable(),
  registration: Registration,
  audience: Audience,
  price: Price.nullable(),
  signupUrl: z.string().nullable(),
  source: z.string(),
});
export type HostService = z.infer<typeof HostService>;

/**
 * How a host's point on the map was obtained:
 * - `source`: coordinates published by the host (ChatonsInfos `organization.geolocation`);
 * - `gazetteer`: its town or postcode, placed by Baluchon's offline gazetteer;
 * - `approximate-in-source`: town-centre coordinates the research notes wrote from general
 *   knowledge, kept only when the gazetteer could not place the town.
 */
export const GeocodedBy = z.enum(['source', 'gazetteer', 'approximate-in-source']);
export type GeocodedBy = z.infer<typeof GeocodedBy>;

export const HostLocation = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geocodedBy: GeocodedBy,
  /** For `gazetteer`: how exact the town's point is (see gazetteer-format.ts). */
  precision: z.string().nullable(),
  /** What was placed, in words ("Lyon 7e Arrondissement, from postcode 69007"). */
  note: z.string(),
});
export type HostLocation = z.infer<typeof HostLocation>;

export const Host = z.object({
  /** Stable: derived from the name (snapshot) or the ChatonsInfos subs id. */
  id: z.string().min(1),
  name: z.string().min(1),
  website: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  postcode: z.string().nullable(),
  location: HostLocation.nullable(),
  membership: z.object({
    confidence: z.enum(['high', 'medium', 'low']),
    source: z.string(),
  }),
  services: z.array(HostService),
  /** Facts about the host that are not about one service (region served, prices, gaps). */
  notes: z.array(z.string()),
  /** Where each fact comes from, by fact name, as the source file gives them. */
  sources: z.record(z.string(), z.string()),
  /** When these facts were last checked (YYYY-MM-DD). */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  origin: z.enum(['snapshot', 'chatonsinfos']),
});
export type Host = z.infer<typeof Host>;

export const DIRECTORY_FORMAT = 1;

export const Directory = z.object({
  format: z.literal(DIRECTORY_FORMAT),
  /** Where the hosts come from, in words (file name, or the ChatonsInfos federation URL). */
  origin: z.string(),
  /** The newest `checked` date among the hosts: how old the information is. */
  checked: z.string(),
  attribution: z.string(),
  hosts: z.array(Host),
});
export type Directory = z.infer<typeof Directory>;
