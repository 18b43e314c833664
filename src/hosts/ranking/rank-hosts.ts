// Which hosts to suggest to a family, in which order, and why. Pure: the directory, the place
// and what the family needs come in; suggestions with the facts that justify them come out (the
// service turns those facts into sentences in the user's language). The CLI and the screen both
// show exactly this selection, in this order, through the service.
//
// Two groups, nearest first:
// - "near": every host within the reach (50 km, widened step by step when no host that might
//   take the family is that close: reach.ts), whatever is known of its offer, each marked by
//   its tier: offers everything needed, part of it, not described ("to check"), or takes no new
//   accounts / serves organisations only. A family can meet these people.
// - "farther": beyond the reach, or with no known address, only the hosts whose facts confirm
//   what the family needs: every needed kind offered, and known to take new people.
// Everything else (far away and unconfirmed) is left out: it would only bury the useful ones.
// Within a group: tier, hosts known to take new people before unknown ones, the nearest, the
// cheapest, the name.
import type { Host, HostService, Registration } from '../directory/directory-schema.ts';
import { distanceKm } from '../geo/distance.ts';
import type { LatLon } from '../geo/distance.ts';
import { presets } from '../presets.ts';
import { chooseReach } from './reach.ts';
import type { Reach } from './reach.ts';

export const needKinds = ['files', 'calendars', 'contacts'] as const;
export type Need = (typeof needKinds)[number];

export type Tier = 'suitable' | 'partial' | 'to-check' | 'closed';
const tierOrder: Readonly<Record<Tier, number>> = {
  suitable: 0,
  partial: 1,
  'to-check': 2,
  closed: 3,
};

/** A fact a suggestion rests on; `describeReason` (service) writes it in words. */
export type Reason =
  | { code: 'distance'; km: number }
  | { code: 'distance-unknown' }
  | { code: 'offers'; kinds: Need[]; software: string | null }
  | { code: 'missing'; kinds: Need[] }
  | { code: 'offer-unknown' }
  | { code: 'registration'; registration: Registration }
  | { code: 'price'; eurosPerYear: number; freePlan: boolean }
  | { code: 'free-plan' }
  | { code: 'organisations-only' };

/** Near the family (within the reach), or farther away / address unknown. */
export type Group = 'near' | 'farther';

export interface Suggestion {
  host: Host;
  tier: Tier;
  group: Group;
  distanceKm: number | null;
  /** The needed kinds this host offers, according to its sources. */
  offers: Need[];
  /** How one joins, for the needed services (the most open one). */
  registration: Registration;
  eurosPerYear: number | null;
  reasons: Reason[];
  /** When the facts were last checked, and how many days ago that is. */
  checked: string;
  ageDays: number;
}

const takesPeople = (registration: Registration): boolean =>
  registration === 'open' || registration === 'paid' || registration === 'members';

const openness: Readonly<Record<Registration, number>> = {
  open: 0,
  paid: 1,
  members: 2,
  unknown: 3,
  closed: 4,
};

function bestRegistration(services: readonly HostService[]): Registration {
  const [first] = services;
  if (first === undefined) return 'unknown';
  return services.reduce<Registration>(
    (best, service) =>
      openness[service.registration] < openness[best] ? service.registration : best,
    first.registration,
  );
}

/**
 * The name of the single software the needed services run, when every one of them names the
 * same known one. Baluchon's own label, never the source's words ("Nextcloud or ownCloud
 * (source does not say which)" names none).
 */
function commonSoftware(services: readonly HostService[]): string | null {
  const ids = new Set(services.map((service) => service.softwareId));
  const [only] = ids;
  if (ids.size !== 1 || only === undefined || only === null) return null;
  return presets[only].label;
}

function priceOf(services: readonly HostService[]): {
  eurosPerYear: number | null;
  freePlan: boolean;
} {
  const prices = services.map((service) => service.price).filter((price) => price !== null);
  const amounts = prices
    .map((price) => price.eurosPerYear)
    .filter((amount): amount is number => amount !== null);
  return {
    eurosPerYear: amounts.length === 0 ? null : Math.min(...amounts),
    freePlan: prices.some((price) => price.freePlan),
  };
}

export interface RankOptions {
  needs: readonly Need[];
  now: Date;
}

/** One host's suggestion, before it is put in a group (`group` is set by `rankHosts`). */
export function suggestHost(
  host: Host,
  place: LatLon,
  options: RankOptions,
): Omit<Suggestion, 'group'> {
  const needed = host.services.filter((service) =>
    (options.needs as readonly string[]).includes(service.kind),
  );
  const offers = options.needs.filter((need) => needed.some((service) => service.kind === need));
  const missing = options.needs.filter((need) => !offers.includes(need));
  const registration =
    needed.length > 0 ? bestRegistration(needed) : bestRegistration(host.services);
  const organisationsOnly =
    needed.length > 0 && needed.every((service) => service.audience === 'organisations');
  // A household pays for the services it needs; other services' prices only when those are unpriced
  // (a membership fee that gives access to everything, as Hadoly's).
  const neededPrice = priceOf(needed);
  const price = neededPrice.eurosPerYear === null ? priceOf(host.services) : neededPrice;
  const km = host.location === null ? null : Math.round(distanceKm(place, host.location));

  let tier: Tier;
  if (registration === 'closed' || organisationsOnly) tier = 'closed';
  else if (offers.length === 0) tier = 'to-check';
  else if (missing.length > 0) tier = 'partial';
  else tier = 'suitable';

  const reasons: Reason[] = [];
  reasons.push(km === null ? { code: 'distance-unknown' } : { code: 'distance', km });
  if (offers.length > 0)
    reasons.push({ code: 'offers', kinds: offers, software: commonSoftware(needed) });
  else reasons.push({ code: 'offer-unknown' });
  if (offers.length > 0 && missing.length > 0) reasons.push({ code: 'missing', kinds: missing });
  reasons.push({ code: 'registration', registration });
  if (organisationsOnly) reasons.push({ code: 'organisations-only' });
  if (price.eurosPerYear !== null) {
    reasons.push({ code: 'price', eurosPerYear: price.eurosPerYear, freePlan: price.freePlan });
  } else if (price.freePlan) {
    reasons.push({ code: 'free-plan' });
  }
  // How sure the research was that the host is a member (host.membership.confidence) stays in
  // the data: it is provenance, not something the family reads.

  const checkedAt = Date.parse(`${host.checked}T00:00:00Z`);
  return {
    host,
    tier,
    distanceKm: km,
    offers,
    registration,
    eurosPerYear: price.eurosPerYear,
    reasons,
    checked: host.checked,
    ageDays: Math.max(0, Math.floor((options.now.getTime() - checkedAt) / 86_400_000)),
  };
}

const nullsLast = (a: number | null, b: number | null): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b;

export function compareSuggestions(
  a: Omit<Suggestion, 'group'>,
  b: Omit<Suggestion, 'group'>,
): number {
  return (
    tierOrder[a.tier] - tierOrder[b.tier] ||
    Number(!takesPeople(a.registration)) - Number(!takesPeople(b.registration)) ||
    nullsLast(a.distanceKm, b.distanceKm) ||
    nullsLast(a.eurosPerYear, b.eurosPerYear) ||
    a.host.name.localeCompare(b.host.name)
  );
}

/** What the family needs is confirmed: every needed kind offered, new people taken. */
export function confirmsNeeds(suggestion: Omit<Suggestion, 'group'>): boolean {
  return suggestion.tier === 'suitable' && takesPeople(suggestion.registration);
}

export interface HostSelection {
  reach: Reach;
  /** The "near" group, then the "farther" one, each in its order. */
  suggestions: Suggestion[];
  /** How many are within the reach. */
  near: number;
  /** How many farther ones have a known distance (beyond the reach). */
  farther: number;
  /** How many farther ones have no known address. */
  unplaced: number;
}

export function rankHosts(
  hosts: readonly Host[],
  place: LatLon,
  options: RankOptions,
): HostSelection {
  const all = hosts.map((host) => suggestHost(host, place, options));
  const reach = chooseReach(
    all.map((suggestion) => ({
      distanceKm: suggestion.distanceKm,
      counts: suggestion.tier !== 'closed',
    })),
  );
  const isNear = (suggestion: Omit<Suggestion, 'group'>): boolean =>
    suggestion.distanceKm !== null && suggestion.distanceKm <= reach.km;
  const near: Suggestion[] = all
    .filter(isNear)
    .sort(compareSuggestions)
    .map((suggestion) => ({ ...suggestion, group: 'near' }));
  const farther: Suggestion[] = all
    .filter((suggestion) => !isNear(suggestion) && confirmsNeeds(suggestion))
    .sort(compareSuggestions)
    .map((suggestion) => ({ ...suggestion, group: 'farther' }));
  return {
    reach,
    suggestions: [...near, ...farther],
    near: near.length,
    farther: farther.filter((suggestion) => suggestion.distanceKm !== null).length,
    unplaced: farther.filter((suggestion) => suggestion.distanceKm === null).length,
  };
}
