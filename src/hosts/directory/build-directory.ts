// members.source.json (CHATONS members from public pages, each fact with its source) → the
// directory snapshot the app ships. Nothing is invented: facts are copied with their sources,
// the software preset is recognised only when the source names one software, a price is read
// only from an amount the note states, and a town is placed only by the offline gazetteer.
import { z } from 'zod';
import type { GeocodeResult } from '../geo/gazetteer.ts';
import type {
  Audience,
  Directory,
  Host,
  HostLocation,
  HostService,
  Price,
  Registration,
  ServiceKind,
  SoftwareId,
} from './directory-schema.ts';
import { DIRECTORY_FORMAT } from './directory-schema.ts';

const SourceService = z.object({
  kind: z.string(),
  software: z.string().optional(),
  url: z.string().optional(),
  registration: z.string(),
  price_note: z.string().optional(),
  source: z.string(),
  audience: z.string().optional(),
  signup_url: z.string().optional(),
});

const SourceMember = z.object({
  name: z.string(),
  website: z.string().optional(),
  country: z.string().optional(),
  city: z.string().optional(),
  postcode: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  geocoded_by: z.string().optional(),
  region_note: z.string().optional(),
  price_note: z.string().optional(),
  membership_confidence: z.enum(['high', 'medium', 'low']),
  services: z.array(SourceService),
  source: z.record(z.string(), z.string()),
  facts_sources: z.array(z.object({ fact: z.string(), source: z.string() })).optional(),
  checked: z.string(),
});
export const MembersSource = z.array(SourceMember);
type SourceMember = z.infer<typeof SourceMember>;
type SourceService = z.infer<typeof SourceService>;

export type Geocoder = (query: string, countries: readonly string[] | undefined) => GeocodeResult;

export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const kinds: Readonly<Record<string, ServiceKind>> = {
  files: 'files',
  calendar: 'calendars',
  calendars: 'calendars',
  contacts: 'contacts',
  mail: 'mail',
};

const registrations: Readonly<Record<string, Registration>> = {
  open: 'open',
  members: 'members',
  paid: 'paid',
  closed: 'closed',
};

/** The preset a software label names, when it names exactly one. */
export function softwareIdOf(label: string | undefined): SoftwareId | null {
  if (label === undefined) return null;
  const named = (
    [
      ['nextcloud', /nextcloud/i],
      ['owncloud', /owncloud/i],
      ['radicale', /radicale/i],
      ['baikal', /ba[iï]kal/i],
      ['sogo', /\bsogo\b/i],
      ['davical', /davical/i],
      ['xandikos', /xandikos/i],
    ] as const
  ).filter(([, pattern]) => pattern.test(label));
  return named.length === 1 && named[0] !== undefined ? named[0][0] : null;
}

function audienceOf(text: string | undefined): Audience {
  if (text === undefined) return 'unknown';
  const individuals = /individuals|members/i.test(text);
  const organisations = /organisations/i.test(text);
  if (/^unknown/i.test(text)) return 'unknown';
  if (individuals && organisations) return 'both';
  if (organisations) return 'organisations';
  if (individuals) return 'individuals';
  return 'unknown';
}

const AMOUNT =
  /(\d+(?:[.,]\d+)?)\s*(?:€|EUR)(?:\s*(?:TTC|HT))?\s*(?:\/|par|per|a)?\s*(an|année|year|mois|month)\b/i;

/** The first yearly price a note states ("10 € TTC par an", "2.5 €/month" → 30). */
export function priceOf(note: string | undefined): Price | null {
  if (note === undefined || note.trim() === '') return null;
  const match = AMOUNT.exec(note);
  let eurosPerYear: number | null = null;
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const amount = Number(match[1].replace(',', '.'));
    eurosPerYear = /mois|month/i.test(match[2]) ? Math.round(amount * 12 * 100) / 100 : amount;
  }
  return { eurosPerYear, freePlan: /gratuit|\bfree\b/i.test(note), note };
}

function toService(service: SourceService): HostService {
  return {
    kind: kinds[service.kind] ?? 'other',
    software: service.software ?? null,
    softwareId: softwareIdOf(service.software),
    url: service.url ?? null,
    registration: registrations[service.registration] ?? 'unknown',
    audience: audienceOf(service.audience),
    price: priceOf(service.price_note),
    signupUrl: service.signup_url ?? null,
    source: service.source,
  };
}

function locate(member: SourceMember, geocode: Geocoder): HostLocation | null {
  const countries = member.country === undefined ? undefined : [member.country];
  const town = member.city?.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const attempts: { query: string; what: string }[] = [];
  if (member.postcode !== undefined && town !== undefined) {
    attempts.push({ query: `${member.postcode} ${town}`, what: `postcode ${member.postcode}` });
  }
  if (town !== undefined) attempts.push({ query: town, what: 'town name' });
  for (const attempt of attempts) {
    const result = geocode(attempt.query, countries);
    if (result.ok) {
      const replaced =
        member.latitude === undefined
          ? ''
          : ' (replaces approximate coordinates given without a source)';
      return {
        lat: Math.round(result.place.lat * 1e4) / 1e4,
        lon: Math.round(result.place.lon * 1e4) / 1e4,
        geocodedBy: 'gazetteer',
        precision: result.place.precision,
        note: `${result.place.name} (${result.place.country}), placed from its ${attempt.what} by the offline gazetteer${replaced}`,
      };
    }
  }
  if (member.latitude !== undefined && member.longitude !== undefined) {
    return {
      lat: member.latitude,
      lon: member.longitude,
      geocodedBy: 'approximate-in-source',
      precision: null,
      note: member.geocoded_by ?? 'approximate coordinates, source not given',
    };
  }
  return null;
}

/**
 * The host's name as families read it, in either language: the research's English aside
 * "(formerly 42l)" becomes "(ex-42l)"; the name itself is never changed.
 */
export function displayName(name: string): string {
  return name.replace(/\(formerly\s+([^)]+)\)/i, '(ex-$1)');
}

export function toHost(member: SourceMember, geocode: Geocoder): Host {
  const sources: Record<string, string> = { ...member.source };
  for (const fact of member.facts_sources ?? []) sources[fact.fact] = fact.source;
  const notes = [member.region_note, member.price_note].filter(
    (note): note is string => note !== undefined,
  );
  return {
    id: slug(member.name),
    name: displayName(member.name),
    website: member.website ?? null,
    country: member.country ?? null,
    city: member.city ?? null,
    postcode: member.postcode ?? null,
    location: locate(member, geocode),
    membership: {
      confidence: member.membership_confidence,
      // Keys may name several facts at once ("membership/price_note").
      source:
        Object.entries(member.source).find(([fact]) =>
          fact.split('/').includes('membership'),
        )?.[1] ?? '',
    },
    services: member.services.map(toService),
    notes,
    sources,
    checked: member.checked,
    origin: 'snapshot',
  };
}

export const SNAPSHOT_ATTRIBUTION =
  'CHATONS members from public statements on the hosts’ and the collective’s public pages (src/hosts/data/SOURCES.md); places: INSEE/La Poste via Etalab (Licence Ouverte 2.0) and GeoNames (CC BY 4.0).';

export function buildDirectory(members: unknown, geocode: Geocoder): Directory {
  const parsed = MembersSource.parse(members);
  const hosts = parsed.map((member) => toHost(member, geocode));
  const ids = new Set<string>();
  for (const host of hosts) {
    if (ids.has(host.id)) throw new Error(`two members have the id ${host.id}`);
    ids.add(host.id);
  }
  const checked = hosts.reduce(
    (latest, host) => (host.checked > latest ? host.checked : latest),
    '',
  );
  return {
    format: DIRECTORY_FORMAT,
    origin: 'members.source.json',
    checked,
    attribution: SNAPSHOT_ATTRIBUTION,
    hosts,
  };
}
